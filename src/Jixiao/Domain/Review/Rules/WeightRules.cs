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

    // The money block and the totals of a 自评表 (财预〔2020〕10号): 执行率 = 全年执行数 ÷ 全年预算数,
    // its score = 执行率 × 分值 (at most the 分值), 总分 = indicator scores + execution score, and the
    // grade that 总分 earns.
    public static IEnumerable<Finding> SelfEvaluationArithmetic(RuleContext c)
    {
        var rateTolerance = c.Number("ratePoints");
        var scoreTolerance = c.Number("score");
        foreach (var p in c.Document.Projects)
        {
            if (p.SelfEvaluation is not { } e) continue;
            foreach (var row in e.Execution)
            {
                if (row is not { AnnualBudget: > 0, Executed: { } executed }) continue;
                var rate = executed / row.AnnualBudget.Value * 100;
                if (row.BudgetExecutionRate is { } stated && Math.Abs(stated - rate) > rateTolerance)
                    yield return c.Flag(p, null, "selfEvaluation.execution",
                        $"“{row.Name}”执行率填{Number(stated)}%，按全年执行数÷全年预算数应为{Number(Math.Round(rate, 2))}%",
                        "按全年执行数÷全年预算数重新计算执行率");
                if (row is { Points: { } points, Score: { } score })
                {
                    var expected = Math.Min(rate / 100 * points, points);
                    if (Math.Abs(expected - score) > scoreTolerance)
                        yield return c.Flag(p, null, "selfEvaluation.execution",
                            $"“{row.Name}”预算执行得分{Number(score)}，按执行率{Number(Math.Round(rate, 2))}%×分值{Number(points)}应为{Number(Math.Round(expected, 2))}",
                            "预算执行率得分 = 全年执行数÷全年预算数×分值，最高为分值");
                }
            }
            var indicatorScores = p.Indicators.Where(i => i.Score is not null).ToList();
            var execution = e.Execution.FirstOrDefault(r => r.Score is not null);
            if (e.TotalScore is { } total && indicatorScores.Count > 0 && execution != null)
            {
                var sum = indicatorScores.Sum(i => i.Score!.Value) + execution.Score!.Value;
                if (Math.Abs(sum - total) > scoreTolerance)
                    yield return c.Flag(p, null, "selfEvaluation.totalScore",
                        $"总分填{Number(total)}，各指标得分与预算执行得分之和为{Number(sum)}",
                        "总分应等于各项指标得分与预算执行率得分之和");
            }
            if (e is { TotalScore: { } earned, Grade: { } grade } && GradeFor(c, earned) is var due && due != grade)
                yield return c.Flag(p, null, "selfEvaluation.grade",
                    $"自评等级填“{grade.Chinese()}”，总分{Number(earned)}对应“{due.Chinese()}”",
                    $"按总分定等级：{Number(c.Number("excellent"))}分以上为优，{Number(c.Number("good"))}分以上为良，{Number(c.Number("fair"))}分以上为中，其下为差");
        }
    }

    static EvaluationGrade GradeFor(RuleContext c, decimal score) =>
        score >= c.Number("excellent") ? EvaluationGrade.Excellent
        : score >= c.Number("good") ? EvaluationGrade.Good
        : score >= c.Number("fair") ? EvaluationGrade.Fair
        : EvaluationGrade.Poor;

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
            if (DomainText.Compact(done.Unit) != DomainText.Compact(annual.Unit) || actual < target * ratio) continue;
            yield return c.Flag(p, i, "annualTarget",
                $"“{i.Name}”实际完成{DomainText.Compact(done.Raw)}，是目标“{DomainText.Compact(annual.Raw)}”的{Number(Math.Round(actual / target * 100))}%，目标可能定得偏低",
                "说明超额原因；下一年度参考本年实际完成值设定目标");
        }
    }
}
