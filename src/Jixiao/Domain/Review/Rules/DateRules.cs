using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Rules on the project period and the deadlines inside timeliness targets.
internal static class DateRules
{
    public static IEnumerable<Finding> DateOrder(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
            if (ParseDate(p.StartDate) is { } start && ParseDate(p.EndDate, endOfMonth: true) is { } end && start > end)
                yield return c.Flag(p, null, "startDate",
                    $"开始日期{p.StartDate}晚于结束日期{p.EndDate}",
                    "核对项目实施起止时间，开始日期应早于结束日期");
    }

    public static IEnumerable<Finding> OutsideFiscalYear(RuleContext c)
    {
        if (c.Document.FiscalYear is not { } year) yield break;
        foreach (var p in c.Document.Projects)
        {
            var start = ParseDate(p.StartDate);
            var end = ParseDate(p.EndDate, endOfMonth: true);
            if ((start is { } s && s.Year > year) || (end is { } e && e.Year < year))
                yield return c.Flag(p, null, "startDate",
                    $"实施期{p.StartDate ?? "…"}至{p.EndDate ?? "…"}不包含预算年度{year}年",
                    $"核对实施期或预算年度：{year}年度申报的项目，实施期应覆盖{year}年");
        }
    }

    public static IEnumerable<Finding> DeadlineAfterEnd(RuleContext c)
    {
        var timeliness = c.List("timelinessMarks");
        foreach (var (p, i, field, t) in Rows.Targets(c))
        {
            if (ParseDate(p.EndDate, endOfMonth: true) is not { } end) continue;
            if (!ContainsAny(Level2(i), timeliness) && !ContainsAny(DomainText.Compact(i.Name), timeliness)) continue;
            var late = Deadlines(t.Raw, c.Document.FiscalYear ?? end.Year).FirstOrDefault(d => d.Date > end);
            if (late.Text is null) continue;
            yield return c.Flag(p, i, field,
                $"时效指标“{i.Name}”的期限“{DomainText.Compact(late.Text)}”晚于项目结束日期{p.EndDate}",
                $"把期限提前到项目结束（{p.EndDate}）之前，或按批准的调整延长实施期");
        }
    }
}
