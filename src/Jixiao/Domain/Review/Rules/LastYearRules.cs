using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Next year builds on this one (domain.md §4 item 7): a target that asks for less than last year's actual
// is set too low. Higher-is-better targets (≥, >, =) below it, and lower-is-better ones (≤, <) above it.
internal static class LastYearRules
{
    public static IEnumerable<Finding> BelowLastYear(RuleContext c)
    {
        foreach (var (p, i) in Rows.Indicators(c))
        {
            if (Parsed(i.AnnualTarget) is not { Kind: TargetKind.Quantitative, Value: { } target } annual) continue;
            if (Parsed(i.PreviousActual) is not { Kind: TargetKind.Quantitative, Value: { } actual } last) continue;
            // Different units measure different things (件 against %): no comparison.
            if (annual.Unit is { } a && last.Unit is { } b && a != b) continue;
            var lower = annual.Operator is TargetOperator.Le or TargetOperator.Lt;
            if (lower ? target <= actual : target >= actual) continue;
            var shown = Quote(annual.Raw);
            yield return c.Flag(p, i, "annualTarget",
                lower
                    ? $"“{i.Name}”年度指标值“{shown}”宽于上年实际完成值“{Quote(last.Raw)}”（反向指标，上年已做到更少）"
                    : $"“{i.Name}”年度指标值“{shown}”低于上年实际完成值“{Quote(last.Raw)}”",
                $"以上年实际完成值{Number(actual)}{last.Unit ?? annual.Unit}为基础设定目标，或说明目标下调的原因");
        }
    }
}
