using Jixiao.Domain;
using Jixiao.Domain.Scoring;
using static Jixiao.Tests.Domain.Scoring.ScorerTests;

namespace Jixiao.Tests.Domain.Scoring;

// Every warning's words, pinned: they are what a unit reads and quotes back.
public class WarningTextTests
{
    static readonly SelfEvaluationSettings S = new();

    static string Only(Indicator i, string code, decimal points = 10m) =>
        Scorer.Row(i, points, "产出", S).Warnings.Single(w => w.Code == code).Message;

    [Fact]
    public void Row_warnings()
    {
        Assert.Equal("“机制建设”评为“部分达成”但未给出得分，按该档下限6分计",
            Only(Ind("产出", "机制建设", "健全", "部分达成", cause: "c"), "rater-score-missing"));
        Assert.Equal("“机制建设”评为“达成”，得分应在8–10分之间（分值10的80%–100%），填了7.99",
            Only(Ind("产出", "机制建设", "健全", "达成", score: 7.99m, cause: "c"), "rater-score-outside-band"));
        Assert.Equal("“机制建设”评为“未达成”，得分应在0–6分之间（分值10的0%–60%），填了7",
            Only(Ind("产出", "机制建设", "健全", "未达成", score: 7m, cause: "c"), "rater-score-outside-band"));
        Assert.Equal("“接待人次”未填写实际完成值，按0分计", Only(Ind("产出", "接待人次", "≥3000人次", null), "actual-missing"));
        Assert.Equal("“机制”未填写实际完成值，按0分计", Only(Ind("产出", "机制", "健全", null), "actual-missing"));
        Assert.Equal("“接待人次”的实际完成值“很多”不是数值，按0分计", Only(Ind("产出", "接待人次", "≥3000人次", "很多", cause: "c"), "actual-unreadable"));
        Assert.Equal("“接待人次”实际完成值的单位“件”与年度指标值的单位“人次”不同，按数值比较",
            Only(Ind("产出", "接待人次", "≥3000人次", "3216件"), "unit-differs"));
        Assert.Equal("“矛盾纠纷多元化解机制”为定性指标，实际完成值应选“达成”“部分达成”或“未达成”，填了“基本健全”，得分无法按档次核对",
            Only(Ind("效益", "矛盾纠纷多元化解机制", "健全", "基本健全", score: 8m, cause: "c"), "tier-missing"));
        Assert.Equal("“人数”实际完成值达到目标的130%（≥130%），请说明目标是否偏低", Only(Ind("产出", "人数", "≥100人", "130人"), "overshoot"));
        Assert.Equal("“人数”超额完成，须填写偏差原因分析及改进措施", Only(Ind("产出", "人数", "≥100人", "130人"), "cause-missing"));
        Assert.Equal("“人数”扣分，须填写偏差原因分析及改进措施", Only(Ind("产出", "人数", "≥100人", "50人"), "cause-missing"));
    }

    [Fact]
    public void Weight_and_project_warnings()
    {
        var p = new ProjectForm
        {
            Name = "项目",
            Indicators =
            [
                Ind("产出指标", "a", "≥1", "1", 50m), Ind("产出指标", "b", "≥1", "1"),
                Ind("效益指标", "d", "≥1", "1", 30m), Ind("满意度指标", "e", "≥1", "1", 10m), Ind("其他指标", "其他事项", "≥1", "1", 0m),
            ],
            SelfEvaluation = new() { TotalScore = 99m },
        };
        var w = Scorer.Score(p, S).Warnings.ToDictionary(x => x.Code, x => x.Message);
        Assert.Equal("一级指标“其他”不在评分规则的分值表中（产出、效益、满意度），其指标按填写的分值计分", w["block-unknown"]);
        Assert.Equal("“b”未填写分值，按0分计", w["weight-missing"]);
        Assert.Equal("表中总分99，按规则计算为90", w["stated-total-differs"]);
    }

    [Fact]
    public void Execution_warnings()
    {
        static ProjectForm P(decimal? budget, decimal? executed, decimal? points = null, decimal? score = null) => new()
        {
            Name = "x",
            SelfEvaluation = new() { Execution = [new() { Name = "年度资金总额", Item = FundingItem.Total, AnnualBudget = budget, Executed = executed, Points = points, Score = score }] },
        };
        Assert.Equal("未填写全年执行数，预算执行率按0分计", Scorer.ExecutionOf(P(100m, null), S).Warnings.Single().Message);
        Assert.Equal("全年预算数为空或为0，无法计算预算执行率，按0分计", Scorer.ExecutionOf(P(null, 5m), S).Warnings.Single().Message);
        Assert.Equal("表中预算执行率得分14，按全年执行数÷全年预算数×20计算为15", Scorer.ExecutionOf(P(200m, 150m, 20m, 14m), S).Warnings.Single().Message);
        Assert.Equal("全年预算数为空或为0，无法计算预算执行率，按0分计", Scorer.ExecutionOf(P(-1m, 5m), S).Warnings.Single().Message);
    }
}
