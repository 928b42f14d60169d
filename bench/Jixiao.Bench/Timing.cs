using System.Diagnostics;

namespace Jixiao.Bench;

public static class Timing
{
    // Seconds and allocated bytes per pass, repeating the pass until a minimum time has gone by so that
    // a fast reference is not lost in the scheduler's noise on a shared machine.
    public static (double Seconds, double Allocated) PerPass(Action pass, double minSeconds = 0.5)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var passes = 0;
        var watch = Stopwatch.StartNew();
        do { pass(); passes++; } while (watch.Elapsed.TotalSeconds < minSeconds);
        return (watch.Elapsed.TotalSeconds / passes, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)passes);
    }

    // Runs the passes in turn for a while before anything is timed: the tiered JIT replaces its quick
    // code with optimised code only after a delay, which a single pass does not always outlast.
    public static void Warm(double seconds, params Action[] passes)
    {
        var watch = Stopwatch.StartNew();
        do foreach (var pass in passes) pass();
        while (watch.Elapsed.TotalSeconds < seconds);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
