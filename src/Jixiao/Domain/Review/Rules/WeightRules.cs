using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Weights, and the self-evaluation columns where a form has them (财预〔2020〕10号).
internal static class WeightRules
{
    public static IEnumerable<Finding> Weights(RuleContext c)
    {
        var totals = new[] { c.Number("total"), c.Number("alternativeTotal") };
        foreach (var p in c.Document.Projects)
        {
            var rows = FrameworkRules.RealRows(c, p);
            var weighted = rows.Where(i => i.Weight is not null).ToList();
            if (weighted.Count == 0) continue;
            var sum = weighted.Sum(i => i.Weight!.Value);
            var missing = rows.Count - weighted.Count;
            if (missing > 0)
                yield return c.Flag(p, rows.First(i => i.Weight is null), "weight",
                    $"{rows.Count}项指标中{missing}项未设权重（已设权重合计{Number(sum)}）",
                    "为每项指标设置权重，合计为" + string.Join("或", totals.Select(Number)));
            else if (!totals.Contains(sum))
                yield return c.Flag(p, null, "weight",
                    $"指标权重合计{Number(sum)}，应为{string.Join("或", totals.Select(Number))}",
                    "调整各指标权重，使合计符合评分规则（产出50、效益30、满意度10，另预算执行率10）");
        }
    }

    public static IEnumerable<Finding> SelfScore(RuleContext c)
    {
        foreach (var (p, i) in Rows.Indicators(c))
            if (i.Score is { } score && i.Weight is { } weight && score > weight)
                yield return c.Flag(p, i, "score",
                    $"“{i.Name}”自评得分{Number(score)}超过分值{Number(weight)}",
                    "得分不能超过该指标的分值：按完成情况重新计分");
    }

    public static IEnumerable<Finding> DeviationUnexplained(RuleContext c)
    {
        foreach (var (p, i) in Rows.Indicators(c))
            if (i.Score is { } score && i.Weight is { } weight && score < weight && string.IsNullOrWhiteSpace(i.DeviationCause))
                yield return c.Flag(p, i, "deviationCause",
                    $"“{i.Name}”扣分（{Number(score)}/{Number(weight)}）但未填写偏差原因",
                    "填写偏差原因分析及改进措施（人员、制度、经费、硬件或其他原因）");
    }

    public static IEnumerable<Finding> TargetTooLow(RuleContext c)
    {
        var ratio = c.Number("overshootRatio");
        foreach (var (p, i) in Rows.Indicators(c))
        {
            if (Parsed(i.AnnualTarget) is not { Kind: TargetKind.Quantitative, Value: { } target } annual || target <= 0) continue;
            if (annual.Operator is TargetOperator.Le or TargetOperator.Lt) continue;
            if (Parsed(i.Actual) is not { Kind: TargetKind.Quantitative, Value: { } actual } done) continue;
            if (Compact(done.Unit) != Compact(annual.Unit) || actual < target * ratio) continue;
            yield return c.Flag(p, i, "annualTarget",
                $"“{i.Name}”实际完成{Compact(done.Raw)}，是目标“{Compact(annual.Raw)}”的{Number(Math.Round(actual / target * 100))}%，目标可能定得偏低",
                "说明超额原因；下一年度参考本年实际完成值设定目标");
        }
    }
}
