using Jixiao.Domain;
using Jixiao.Domain.Review;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// The weight and self-evaluation rules (R17, R31–R33, R39) at their edges: the totals 100 and 90,
// score equal to weight, the 0.5-point rate and 0.1-point score tolerances, each grade threshold,
// the 1.3 overshoot ratio, and the exact text of each finding.
public class WeightRulesTests
{
    static void Weigh(ProjectForm p, params decimal[] weights)
    {
        for (var j = 0; j < weights.Length; j++) p.Indicators[j].Weight = weights[j];
    }

    // R31 -------------------------------------------------------------------------------------------

    [Fact]
    public void WeightsAddingUpToAHundredAreFine()
    {
        Assert.Empty(Run(With(p => Weigh(p, 20, 10, 10, 10, 10, 30, 10)), "R31-weights"));
        Assert.Empty(Run(With(p => Weigh(p, 20, 10, 10, 10, 0, 30, 10)), "R31-weights"));
    }

    [Fact]
    public void WeightsAddingUpToSomethingElseNameTheSum()
    {
        var f = Assert.Single(Run(With(p => Weigh(p, 20, 10, 10, 10, 10, 30, 11)), "R31-weights"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Null(f.Indicator);
        Assert.Equal("weight", f.Field);
        Assert.Equal("指标权重合计101，应为100或90", f.Message);
        Assert.Equal("调整各指标权重，使合计符合评分规则（产出50、效益30、满意度10，另预算执行率10）", f.Suggestion);
        Assert.Single(Run(With(p => Weigh(p, 20, 10, 10, 10, 10, 30, 9)), "R31-weights"));
        Assert.Single(Run(With(p => Weigh(p, 20, 10, 10, 10, 0, 30, 9)), "R31-weights"));
    }

    [Fact]
    public void MissingWeightsNameTheFirstRowWithout()
    {
        var f = Assert.Single(Run(With(p => Weigh(p, 20, 10, 10, 10, 10)), "R31-weights"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("重复信访件数下降率", f.Indicator);
        Assert.Equal("weight", f.Field);
        Assert.Equal("7项指标中2项未设权重（已设权重合计60）", f.Message);
        Assert.Equal("为每项指标设置权重，合计为100或90", f.Suggestion);
    }

    [Fact]
    public void OneMissingWeightIsEnough()
    {
        var f = Assert.Single(Run(With(p => Weigh(p, 20, 10, 10, 10, 10, 40)), "R31-weights"));
        Assert.Equal("7项指标中1项未设权重（已设权重合计100）", f.Message);
    }

    [Fact]
    public void PlaceholderRowsNeedNoWeight()
    {
        var doc = With(p =>
        {
            Weigh(p, 20, 10, 10, 10, 10, 30, 10);
            p.Indicators.Add(Row("效益指标", "生态效益指标", "无", "无"));
        });
        Assert.Empty(Run(doc, "R31-weights"));
    }

    [Fact]
    public void EveryProjectsWeightsAreChecked()
    {
        var doc = Doc(GoodProject(), OtherProject());
        Weigh(doc.Projects[0], 20, 10, 10, 10, 10, 30, 10);
        Weigh(doc.Projects[1], 20, 10, 10, 10, 10, 10);
        Assert.Equal("信访宣传", Assert.Single(Run(doc, "R31-weights")).Project);
    }

    [Fact]
    public void TheProfilesTotalsAreUsed()
    {
        var profile = ReviewProfiles.National2021 with
        {
            Rules = new Dictionary<string, RuleSetting>
            {
                ["R31-weights"] = new() { Numbers = new Dictionary<string, decimal> { ["total"] = 80m, ["alternativeTotal"] = 70m } },
            },
        };
        Assert.Empty(Run(With(p => Weigh(p, 10, 10, 10, 10, 10, 20, 10)), "R31-weights", profile));
        Assert.Empty(Run(With(p => Weigh(p, 10, 10, 10, 10, 0, 20, 10)), "R31-weights", profile));
        Assert.Equal("指标权重合计100，应为80或70",
            Assert.Single(Run(With(p => Weigh(p, 20, 10, 10, 10, 10, 30, 10)), "R31-weights", profile)).Message);
    }

    // R32 -------------------------------------------------------------------------------------------

    [Fact]
    public void ScoreJustAboveTheWeightFires()
    {
        var f = Assert.Single(Run(With(p => { Weigh(p, 20, 10, 10, 10, 10, 20, 10); Find(p, "群众满意率").Score = 10.01m; }), "R32-self-score"));
        Assert.Equal("群众满意率", f.Indicator);
        Assert.Equal("score", f.Field);
        Assert.Equal("“群众满意率”自评得分10.01超过分值10", f.Message);
        Assert.Equal("得分不能超过该指标的分值：按完成情况重新计分", f.Suggestion);
    }

    [Fact]
    public void ScoreWithoutAWeightIsNotCompared()
    {
        Assert.Empty(Run(With(p => Find(p, "群众满意率").Score = 50m), "R32-self-score"));
        Assert.Empty(Run(With(p => Find(p, "群众满意率").Weight = 5m), "R32-self-score"));
    }

    // R33 -------------------------------------------------------------------------------------------

    [Fact]
    public void ScoreJustBelowTheWeightNeedsACause()
    {
        var f = Assert.Single(Run(With(p => { Find(p, "群众满意率").Weight = 10; Find(p, "群众满意率").Score = 9.99m; }), "R33-deviation-unexplained"));
        Assert.Equal("群众满意率", f.Indicator);
        Assert.Equal("deviationCause", f.Field);
        Assert.Equal("“群众满意率”扣分（9.99/10）但未填写偏差原因", f.Message);
        Assert.Equal("填写偏差原因分析及改进措施（人员、制度、经费、硬件或其他原因）", f.Suggestion);
    }

    [Fact]
    public void FullScoreOrNoScoreNeedsNoCause()
    {
        Assert.Empty(Run(With(p => { Find(p, "群众满意率").Weight = 10; Find(p, "群众满意率").Score = 10; }), "R33-deviation-unexplained"));
        Assert.Empty(Run(With(p => Find(p, "群众满意率").Weight = 10), "R33-deviation-unexplained"));
        Assert.Empty(Run(With(p => Find(p, "群众满意率").Score = 3), "R33-deviation-unexplained"));
    }

    [Fact]
    public void BlankCauseIsNoCause()
    {
        var doc = With(p =>
        {
            var i = Find(p, "群众满意率");
            i.Weight = 10;
            i.Score = 6;
            i.DeviationCause = "  ";
        });
        Assert.Single(Run(doc, "R33-deviation-unexplained"));
    }

    // R17 -------------------------------------------------------------------------------------------

    [Fact]
    public void ActualAtTheOvershootRatioFires()
    {
        // 15 × 1.3 = 19.5.
        var f = Assert.Single(Run(With(p => Find(p, "提供法律咨询服务案件数").Actual = V("19.5宗")), "R17-target-too-low"));
        Assert.Equal("提供法律咨询服务案件数", f.Indicator);
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("“提供法律咨询服务案件数”实际完成19.5宗，是目标“≥15宗”的130%，目标可能定得偏低", f.Message);
        Assert.Equal("说明超额原因；下一年度参考本年实际完成值设定目标", f.Suggestion);
    }

    [Fact]
    public void ActualJustBelowTheOvershootRatioIsSilent()
    {
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").Actual = V("19.49宗")), "R17-target-too-low"));
    }

    [Fact]
    public void OvershootNeedsAPositiveQuantitativeLowerBound()
    {
        Assert.Empty(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "≥0宗"); Find(p, "提供法律咨询服务案件数").Actual = V("30宗"); }), "R17-target-too-low"));
        Assert.Empty(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "<15宗"); Find(p, "提供法律咨询服务案件数").Actual = V("30宗"); }), "R17-target-too-low"));
        Assert.Empty(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "≤15宗"); Find(p, "提供法律咨询服务案件数").Actual = V("30宗"); }), "R17-target-too-low"));
        Assert.Empty(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "较多"); Find(p, "提供法律咨询服务案件数").Actual = V("30宗"); }), "R17-target-too-low"));
        Assert.Single(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", ">15宗"); Find(p, "提供法律咨询服务案件数").Actual = V("30宗"); }), "R17-target-too-low"));
        Assert.Single(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "=15宗"); Find(p, "提供法律咨询服务案件数").Actual = V("30宗"); }), "R17-target-too-low"));
    }

    [Fact]
    public void OvershootNeedsAQuantitativeActualInTheSameUnit()
    {
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").Actual = V("30件")), "R17-target-too-low"));
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").Actual = V("超额完成")), "R17-target-too-low"));
    }

    [Fact]
    public void TheProfilesOvershootRatioIsUsed()
    {
        var profile = ReviewProfiles.National2021 with
        {
            Rules = new Dictionary<string, RuleSetting>
            {
                ["R17-target-too-low"] = new() { Numbers = new Dictionary<string, decimal> { ["overshootRatio"] = 2m } },
            },
        };
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").Actual = V("29宗")), "R17-target-too-low", profile));
        Assert.Single(Run(With(p => Find(p, "提供法律咨询服务案件数").Actual = V("30宗")), "R17-target-too-low", profile));
    }

    // R39 -------------------------------------------------------------------------------------------

    // Every indicator scored at its weight but the first (15 of 20): 85 points, plus 9 of 10 for a
    // budget spent to 90%: 94, 优.
    static FormDocument Evaluated(Action<SelfEvaluation>? change = null, Action<ProjectForm>? project = null) => With(p =>
    {
        RuleCases.Evaluated(p, change);
        project?.Invoke(p);
    });

    static List<Finding> Arithmetic(FormDocument doc, string? field = null) =>
        Run(doc, "R39-self-evaluation-arithmetic").Where(f => field is null || f.Field == field).ToList();

    [Fact]
    public void ConsistentSelfEvaluationIsSilent() => Assert.Empty(Arithmetic(Evaluated()));

    [Fact]
    public void StatedRateWithinHalfAPointIsFine()
    {
        Assert.Empty(Arithmetic(Evaluated(e => e.Execution[0].BudgetExecutionRate = 90.5m)));
        Assert.Empty(Arithmetic(Evaluated(e => e.Execution[0].BudgetExecutionRate = 89.5m)));
    }

    [Fact]
    public void StatedRateBeyondHalfAPointFires()
    {
        var f = Assert.Single(Arithmetic(Evaluated(e => e.Execution[0].BudgetExecutionRate = 90.51m)));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("selfEvaluation.execution", f.Field);
        Assert.Equal("“年度资金总额”执行率填90.51%，按全年执行数÷全年预算数应为90%", f.Message);
        Assert.Equal("按全年执行数÷全年预算数重新计算执行率", f.Suggestion);
        Assert.Single(Arithmetic(Evaluated(e => e.Execution[0].BudgetExecutionRate = 89.49m)));
    }

    [Fact]
    public void RateIsExecutedOverTheAnnualBudget()
    {
        // 2/3 = 66.67%, 6.67 points; the initial budget plays no part.
        var doc = Evaluated(e =>
        {
            e.Execution[0].InitialBudget = 50000;
            e.Execution[0].AnnualBudget = 3;
            e.Execution[0].Executed = 2;
            e.Execution[0].BudgetExecutionRate = 66.67m;
            e.Execution[0].Score = 6.67m;
            e.TotalScore = 91.67m;
        });
        Assert.Empty(Arithmetic(doc));
        var wrong = Evaluated(e =>
        {
            e.Execution[0].AnnualBudget = 3;
            e.Execution[0].Executed = 2;
            e.Execution[0].BudgetExecutionRate = 60m;
            e.Execution[0].Score = 6m;
            e.TotalScore = 91m;
        });
        var findings = Arithmetic(wrong, "selfEvaluation.execution");
        Assert.Equal(2, findings.Count);
        Assert.Equal("“年度资金总额”执行率填60%，按全年执行数÷全年预算数应为66.67%", findings[0].Message);
        Assert.Equal("“年度资金总额”预算执行得分6，按执行率66.67%×分值10应为6.67", findings[1].Message);
        Assert.Equal("预算执行率得分 = 全年执行数÷全年预算数×分值，最高为分值", findings[1].Suggestion);
    }

    [Fact]
    public void ExecutionScoreWithinATenthIsFine()
    {
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].Score = 9.1m; e.TotalScore = 94.1m; })));
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].Score = 8.9m; e.TotalScore = 93.9m; })));
    }

    [Fact]
    public void ExecutionScoreBeyondATenthFires()
    {
        var f = Assert.Single(Arithmetic(Evaluated(e => { e.Execution[0].Score = 9.11m; e.TotalScore = 94.11m; })));
        Assert.Equal("selfEvaluation.execution", f.Field);
        Assert.Equal("“年度资金总额”预算执行得分9.11，按执行率90%×分值10应为9", f.Message);
        Assert.Single(Arithmetic(Evaluated(e => { e.Execution[0].Score = 8.89m; e.TotalScore = 93.89m; })));
    }

    [Fact]
    public void OverspendingScoresNoMoreThanThePoints()
    {
        var f = Assert.Single(Arithmetic(Evaluated(e =>
        {
            e.Execution[0].Executed = 110000;
            e.Execution[0].BudgetExecutionRate = 110;
            e.Execution[0].Score = 11;
            e.TotalScore = 96;
        })));
        Assert.Equal("“年度资金总额”预算执行得分11，按执行率110%×分值10应为10", f.Message);
    }

    [Fact]
    public void RowsWithoutABudgetOrExecutionAreNotComputed()
    {
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].AnnualBudget = 0; e.Execution[0].BudgetExecutionRate = 50; }), "selfEvaluation.execution"));
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].AnnualBudget = null; e.Execution[0].BudgetExecutionRate = 50; }), "selfEvaluation.execution"));
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].Executed = null; e.Execution[0].BudgetExecutionRate = 50; }), "selfEvaluation.execution"));
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].BudgetExecutionRate = null; e.Execution[0].Points = null; e.Execution[0].Score = 3; }), "selfEvaluation.execution"));
    }

    [Fact]
    public void EveryExecutionRowIsChecked()
    {
        var doc = Evaluated(e => e.Execution.Add(new BudgetExecution { Name = "其中：财政拨款", AnnualBudget = 1000, Executed = 500, BudgetExecutionRate = 40 }));
        Assert.Equal("“其中：财政拨款”执行率填40%，按全年执行数÷全年预算数应为50%", Assert.Single(Arithmetic(doc)).Message);
    }

    [Fact]
    public void TotalWithinATenthIsFine()
    {
        Assert.Empty(Arithmetic(Evaluated(e => e.TotalScore = 94.1m)));
        Assert.Empty(Arithmetic(Evaluated(e => e.TotalScore = 93.9m)));
    }

    [Fact]
    public void TotalBeyondATenthFires()
    {
        var f = Assert.Single(Arithmetic(Evaluated(e => e.TotalScore = 94.11m)));
        Assert.Equal("selfEvaluation.totalScore", f.Field);
        Assert.Equal("总分填94.11，各指标得分与预算执行得分之和为94", f.Message);
        Assert.Equal("总分应等于各项指标得分与预算执行率得分之和", f.Suggestion);
        Assert.Single(Arithmetic(Evaluated(e => e.TotalScore = 93.89m)));
    }

    [Fact]
    public void TotalTakesTheFirstScoredExecutionRow()
    {
        var doc = Evaluated(e => e.Execution.Insert(0, new BudgetExecution { Name = "说明" }));
        Assert.Empty(Arithmetic(doc));
    }

    [Fact]
    public void TotalIsNotComparedWithoutItsParts()
    {
        Assert.Empty(Arithmetic(Evaluated(e => { e.Execution[0].Score = null; e.TotalScore = 50; e.Grade = EvaluationGrade.Poor; })));
        Assert.Empty(Arithmetic(Evaluated(e => { e.TotalScore = 50; e.Grade = EvaluationGrade.Poor; },
            p => { foreach (var i in p.Indicators) i.Score = null; })));
        Assert.Empty(Arithmetic(Evaluated(e => { e.TotalScore = null; e.Grade = EvaluationGrade.Poor; })));
    }

    [Theory]
    [InlineData(90, EvaluationGrade.Excellent)]
    [InlineData(89.99, EvaluationGrade.Good)]
    [InlineData(80, EvaluationGrade.Good)]
    [InlineData(79.99, EvaluationGrade.Fair)]
    [InlineData(60, EvaluationGrade.Fair)]
    [InlineData(59.99, EvaluationGrade.Poor)]
    public void GradeFollowsTheThresholds(decimal total, EvaluationGrade due)
    {
        Assert.Empty(Arithmetic(Evaluated(e => { e.TotalScore = total; e.Grade = due; }), "selfEvaluation.grade"));
        foreach (var other in Enum.GetValues<EvaluationGrade>().Where(g => g != due))
        {
            var f = Assert.Single(Arithmetic(Evaluated(e => { e.TotalScore = total; e.Grade = other; }), "selfEvaluation.grade"));
            Assert.Equal($"自评等级填“{other.Chinese()}”，总分{total:0.##}对应“{due.Chinese()}”", f.Message);
            Assert.Equal("按总分定等级：90分以上为优，80分以上为良，60分以上为中，其下为差", f.Suggestion);
        }
    }

    [Fact]
    public void GradeWithoutATotalIsNotChecked()
    {
        Assert.Empty(Arithmetic(Evaluated(e => { e.TotalScore = null; e.Grade = EvaluationGrade.Poor; }), "selfEvaluation.grade"));
    }

    [Fact]
    public void ProjectsWithoutASelfEvaluationAreSkipped()
    {
        var doc = Evaluated(e => e.TotalScore = 10);
        doc.Projects.Insert(0, OtherProject());
        var findings = Arithmetic(doc);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("信访事项办理", f.Project));
    }
    // R40 -------------------------------------------------------------------------------------------

    [Fact]
    public void StatedScoreThatDiffersIsRescored()
    {
        // 12 of ≥15宗 weighing 20: 16 points, stated 15.
        var doc = Evaluated(project: p => p.Indicators[0].Actual = V("12宗"));
        var f = Assert.Single(Run(doc, "R40-self-score-rules"));
        Assert.Equal("提供法律咨询服务案件数", f.Indicator);
        Assert.Equal("score", f.Field);
        Assert.Equal("按评分规则改为16分，或核对实际完成值与指标值", f.Suggestion);
    }

    [Fact]
    public void RaterOutsideTheBandIsAskedToStayInIt()
    {
        var doc = Evaluated(project: p => { p.Indicators[6].Actual = V("达成"); p.Indicators[6].Score = 7.99m; });
        var f = Assert.Single(Run(doc, "R40-self-score-rules"));
        Assert.Equal("群众满意率", f.Indicator);
        Assert.Equal("score", f.Field);
        Assert.Equal("在所选档次的分值范围内评分，或改选相符的档次", f.Suggestion);
    }

    [Fact]
    public void OtherScoringWarningsAreNotSelfScoreFindings()
    {
        // Marks lost without a cause is R33's, not R40's.
        var doc = Evaluated(project: p => p.Indicators[0].DeviationCause = null);
        Assert.Empty(Run(doc, "R40-self-score-rules"));
    }
}
