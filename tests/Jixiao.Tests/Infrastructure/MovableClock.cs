namespace Jixiao.Tests.Infrastructure;

// A clock the test moves forward: both the wall clock and the timestamps that measure how long something was kept.
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override long GetTimestamp() => base.GetTimestamp() + (long)(Offset.TotalSeconds * TimestampFrequency);
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
