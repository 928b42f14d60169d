using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Tests.Domain.Review;

// The Chinese words a report prints for severities, grades, aspects and fields, and the review
// grade at each threshold.
public class ReviewLabelsTests
{
    [Fact]
    public void SeverityGradeAndAspectLabels()
    {
        Assert.Equal(["错误", "警告", "提示"], Enum.GetValues<Severity>().Select(s => s.Chinese()));
        Assert.Equal(["优", "良", "中", "差"],
            new[] { EvaluationGrade.Excellent, EvaluationGrade.Good, EvaluationGrade.Fair, EvaluationGrade.Poor }.Select(g => g.Chinese()));
        Assert.Equal(["完整性", "相关性", "适当性", "可行性"],
            new[] { Aspect.Completeness, Aspect.Relevance, Aspect.Appropriateness, Aspect.Feasibility }.Select(a => a.Chinese()));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("annualTarget", "年度指标值")]
    [InlineData("periodTarget", "实施周期指标值")]
    [InlineData("name", "指标名称")]
    [InlineData("level1", "指标类别")]
    [InlineData("description", "指标解释")]
    [InlineData("weight", "权重")]
    [InlineData("score", "得分")]
    [InlineData("deviationCause", "偏差原因")]
    [InlineData("indicators", "绩效指标")]
    [InlineData("funding.total", "项目资金总额")]
    [InlineData("funding.annualRequest", "年度资金申请总额")]
    [InlineData("funding.appropriation", "财政拨款")]
    [InlineData("budgetLines", "项目预算明细")]
    [InlineData("unit.funding.total", "单位合计")]
    [InlineData("spendingPlan", "资金支出计划")]
    [InlineData("startDate", "实施期")]
    [InlineData("annualGoal", "年度目标")]
    [InlineData("longTermGoal", "中长期目标")]
    [InlineData("sections.年度预算安排", "年度预算安排")]
    [InlineData("xsections.a", "xsections.a")]
    [InlineData("selfEvaluation.grade", "selfEvaluation.grade")]
    public void FieldLabelUsesTheFormsWords(string? field, string label) => Assert.Equal(label, ReviewLabels.FieldLabel(field));

    [Theory]
    [InlineData(100, "优")]
    [InlineData(90, "优")]
    [InlineData(89, "良")]
    [InlineData(80, "良")]
    [InlineData(79, "中")]
    [InlineData(60, "中")]
    [InlineData(59, "差")]
    [InlineData(0, "差")]
    public void ReviewGradeThresholds(int score, string grade) => Assert.Equal(grade, new ScoringSettings().Grade(score));

    [Fact]
    public void ReviewScoringDefaults()
    {
        var s = new ScoringSettings();
        Assert.Equal((10, 3, 1), (s.ErrorPenalty, s.WarningPenalty, s.InfoPenalty));
        Assert.Equal((70, 30, 10), (s.ErrorCap, s.WarningCap, s.InfoCap));
        Assert.Equal((90, 80, 60), (s.ExcellentFrom, s.GoodFrom, s.FairFrom));
    }
}
