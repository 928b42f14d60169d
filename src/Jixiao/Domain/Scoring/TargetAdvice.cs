namespace Jixiao.Domain.Scoring;

// Advice for setting next year's target of one row: last year's actual, the spread of the same indicator's
// targets across peer units, and a note when the target asks for less than most peers or than last year.
public sealed record RowAdvice(
    decimal? LastYearActual,
    int Peers,
    decimal? PeerMin,
    decimal? PeerMedian,
    decimal? PeerMax,
    IReadOnlyList<string> Notes);

public static class TargetAdvice
{
    // Below this many peers the spread says little and would come close to showing one unit's own target.
    public const int MinPeers = 3;

    public static RowAdvice For(TargetValue? target, TargetValue? lastYearActual, IReadOnlyList<decimal> peerTargets)
    {
        var notes = new List<string>();
        var value = target is { Kind: TargetKind.Quantitative } ? target.Value : null;
        var lower = target?.Operator is TargetOperator.Le or TargetOperator.Lt;
        var last = lastYearActual is { Kind: TargetKind.Quantitative } ? lastYearActual.Value : null;
        if (value is { } v && last is { } a && (lower ? v > a : v < a))
            notes.Add(lower ? $"目标宽于上年实际完成值{Scorer.Number(a)}" : $"目标低于上年实际完成值{Scorer.Number(a)}");

        if (peerTargets.Count < MinPeers)
            return new RowAdvice(last, peerTargets.Count, null, null, null, notes);
        var sorted = peerTargets.Order().ToList();
        var n = sorted.Count;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2m;
        if (value is { } t)
        {
            // "Most": more than half of the peers ask for more (higher targets, or lower limits for ≤ rows).
            var stricter = lower ? sorted.Count(x => x < t) : sorted.Count(x => x > t);
            if (stricter * 2 > n)
                notes.Add($"目标{(lower ? "宽于" : "低于")}多数同类单位（{n}家中{stricter}家{(lower ? "更严" : "更高")}）");
        }
        return new RowAdvice(last, n, sorted[0], median, sorted[^1], notes);
    }
}
