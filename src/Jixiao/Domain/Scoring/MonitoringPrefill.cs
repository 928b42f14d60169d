namespace Jixiao.Domain.Scoring;

// One signed-off monitoring round of a project, as the self-evaluation may start from it: the period it
// reaches (EndMonth, cumulative from January), the amount spent by then and each row's 当前实际完成值.
public sealed record MonitoringSource(string Round, int EndMonth, DateTime SignedOffUtc, decimal? Spent, IReadOnlyDictionary<Guid, string?> Values);

// A value the 绩效自评 page offers before anything is typed, and the round it comes from.
public sealed record Prefilled(string Value, string Round);

public sealed record MonitoringPrefillResult(IReadOnlyDictionary<Guid, Prefilled> Rows, decimal? Spent, string? SpentRound);

// Monitoring values feed the self-evaluation where nothing has been entered yet (issue 11): the latest
// signed-off round (the furthest period; of two on the same period, the later sign-off) gives each row
// without an actual its value, and the money block without 全年执行数 its amount spent. Only values the page
// would accept are offered: a number for a quantitative row, 达成 / 部分达成 / 未达成 for a qualitative one.
// Nothing is stored here: the page shows them, marked with the round, and the user saves or changes them.
public static class MonitoringPrefill
{
    public static MonitoringPrefillResult From(ProjectForm form, IEnumerable<MonitoringSource> signedOff)
    {
        var latest = signedOff.OrderByDescending(s => s.EndMonth).ThenByDescending(s => s.SignedOffUtc).FirstOrDefault();
        if (latest == null) return new MonitoringPrefillResult(new Dictionary<Guid, Prefilled>(), null, null);
        var rows = new Dictionary<Guid, Prefilled>();
        foreach (var row in Scorer.RealRows(form))
        {
            if (row.Id is not { } id || !string.IsNullOrWhiteSpace(row.Actual?.Raw)) continue;
            if (!latest.Values.TryGetValue(id, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            if (Offer(row, value.Trim()) is { } offered) rows[id] = new Prefilled(offered, latest.Round);
        }
        var executed = form.SelfEvaluation?.Execution
            .FirstOrDefault(x => x.Item is FundingItem.Total or FundingItem.AnnualRequest)?.Executed;
        var spent = executed is null ? latest.Spent : null;
        return new MonitoringPrefillResult(rows, spent, spent is null ? null : latest.Round);
    }

    // Rows judged by tier are those whose target is no number (as on the page); a tier is offered as the
    // page's own word for it ("达成年度指标" → 达成).
    static string? Offer(Indicator row, string value) =>
        Scorer.TargetOf(row) is { Kind: TargetKind.Quantitative, Value: not null }
            ? Scorer.ParseActual(value) is { Kind: TargetKind.Quantitative, Value: not null } ? value : null
            : Scorer.Tier(value)?.Chinese();
}
