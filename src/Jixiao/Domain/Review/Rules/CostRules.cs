using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Cost indicators (成本指标) say what the outputs may cost: an amount with an upper bound,
// finer than the budget itself.
internal static class CostRules
{
    static IEnumerable<(ProjectForm Project, Indicator Indicator, string Field, TargetValue Target)> CostTargets(RuleContext c) =>
        Rows.Targets(c).Where(r => IsCost(r.Indicator));

    public static IEnumerable<Finding> NotAnAmount(RuleContext c)
    {
        foreach (var (p, i, field, t) in CostTargets(c))
        {
            if (MentionsMoney(t)) continue;
            var example = Rows.Budget(p) is { } budget ? $"“≤{Money(budget, p.Funding.SourceUnit)}”" : "“≤N万元”";
            yield return c.Flag(p, i, field,
                $"成本指标“{i.Name}”的指标值“{Quote(t.Raw)}”不是金额",
                $"写明成本金额的上限，如总成本{example}，或单位成本“≤N元/人·次”");
        }
    }

    public static IEnumerable<Finding> LowerBound(RuleContext c)
    {
        foreach (var (p, i, field, t) in CostTargets(c))
            if (t.Operator is TargetOperator.Ge or TargetOperator.Gt)
                yield return c.Flag(p, i, field,
                    $"成本指标“{i.Name}”写成“{DomainText.Compact(t.Raw)}”：成本只设上限，不设下限",
                    $"改为“≤{DomainText.Compact(t.Raw).TrimStart('≥', '>', '＞', '=').Trim()}”");
    }

    public static IEnumerable<Finding> EqualsBudget(RuleContext c)
    {
        var tolerance = c.Number("tolerance");
        foreach (var (p, i, field, t) in CostTargets(c))
        {
            if (MoneyOf(t) is not { } amount) continue;
            var budgets = new[] { p.Funding.Total, p.Funding.AnnualRequest }.OfType<decimal>();
            if (!budgets.Any(b => Math.Abs(b - amount) <= tolerance)) continue;
            yield return c.Flag(p, i, field,
                $"成本指标“{i.Name}”的“{DomainText.Compact(t.Raw)}”就是项目预算总额，没有说明成本构成",
                "按主要支出内容设分项成本或单位成本（如“值班补助≤180元/人·天”“宣传品制作≤N万元”），体现成本控制");
        }
    }
}
