using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

// The database's change stamps (ChangeStamps.ReadAsync), kept in memory so that a page does not ask the
// database for them on every request: at 50 users that one query, with the connection it opened, was a third
// of a page's work. Every transaction this application commits moves the clock, and the next look reads
// the stamps again: a change made through the application is seen by every request that starts after it.
// Changes by other processes on the same database (commands run beside the server, another server) are
// seen within `reread` (configuration Database:ExternalChangeSeconds, 1 by default; 0 reads the stamp on
// every look). One instance per application, an interceptor of its contexts.
public sealed class ChangeClock(TimeProvider time, TimeSpan reread) : DbTransactionInterceptor
{
    sealed record Kept(long Moves, long At, ChangeStamps.Read Stamps);

    long moves;
    Kept? kept;

    public async Task<ChangeStamps.Read> StampsAsync(JixiaoDb db)
    {
        // Counted before reading: a commit during the read leaves what was read unkept for later looks.
        var moved = Interlocked.Read(ref moves);
        var now = time.GetTimestamp();
        if (Volatile.Read(ref kept) is { } k && k.Moves == moved && time.GetElapsedTime(k.At, now) < reread) return k.Stamps;
        var stamps = await ChangeStamps.ReadAsync(db);
        Volatile.Write(ref kept, new Kept(moved, now, stamps));
        return stamps;
    }

    void Moved() => Interlocked.Increment(ref moves);

    // Every change is committed in a transaction (AuditInterceptor opens one for a save without its caller's).
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Moved();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Moved();
        return Task.CompletedTask;
    }
}
