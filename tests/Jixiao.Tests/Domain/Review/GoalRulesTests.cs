using Jixiao.Domain;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// The goal rules (R03, R14, R35) at their edges: what counts as an empty or repeated goal, the
// four word pairs a goal part needs before it is reported, three reports at most per project,
// and the indicator columns that measure a goal.
public class GoalRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("／")]
    public void EmptyGoalNamesTheCell(string? goal)
    {
        var f = Assert.Single(Run(With(p => p.AnnualGoal = goal), "R03-goal-empty"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("annualGoal", f.Field);
        Assert.Equal("年度绩效目标未填写", f.Message);
        Assert.Equal("写明本年度要完成的主要产出和要达到的效果，并与绩效指标对应", f.Suggestion);
    }

    [Fact]
    public void SameGoalsNameTheLongTermCell()
    {
        var f = Assert.Single(Run(With(p => p.LongTermGoal = p.AnnualGoal), "R35-goal-same"));
        Assert.Equal("longTermGoal", f.Field);
        Assert.Equal("中长期目标与年度目标完全相同", f.Message);
        Assert.Equal("中长期目标写实施周期内的总体目标，年度目标写本年度要完成的部分，两者应有区分", f.Suggestion);
    }

    [Fact]
    public void TwoEmptyGoalsAreNotTheSameGoal()
    {
        Assert.Empty(Run(With(p => { p.LongTermGoal = null; p.AnnualGoal = null; }), "R35-goal-same"));
        Assert.Empty(Run(With(p => { p.LongTermGoal = " "; p.AnnualGoal = ""; }), "R35-goal-same"));
    }

    [Fact]
    public void SameGoalInMarkupIsTheSameGoal()
    {
        Assert.Single(Run(With(p => { p.LongTermGoal = "<p>甲乙丙</p>"; p.AnnualGoal = "<p> 甲乙丙</p>"; }), "R35-goal-same"));
    }

    [Fact]
    public void GoalPartWithFourUnmeasuredPairsIsReported()
    {
        var f = Assert.Single(Run(With(p => p.AnnualGoal = "甲乙丙丁戊。"), "R14-goal-not-measured"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("annualGoal", f.Field);
        Assert.Equal("年度目标“甲乙丙丁戊”没有对应的绩效指标", f.Message);
        Assert.Equal("为这项目标设置可衡量的指标（数量、质量、时效或效果），或从年度目标中删去不考核的内容", f.Suggestion);
    }

    [Fact]
    public void GoalPartWithThreePairsIsTooShortToJudge()
    {
        Assert.Empty(Run(With(p => p.AnnualGoal = "甲乙丙丁。"), "R14-goal-not-measured"));
    }

    [Fact]
    public void GenericWordsAreNoPairs()
    {
        // Without 信访 the part is 甲乙 and 丙丁: two pairs only.
        Assert.Empty(Run(With(p => p.AnnualGoal = "甲乙信访丙丁。"), "R14-goal-not-measured"));
        Assert.Empty(Run(With(p => p.AnnualGoal = "甲乙深入丙丁。"), "R14-goal-not-measured"));
    }

    [Fact]
    public void AtMostThreePartsPerProject()
    {
        var doc = With(p => p.AnnualGoal = "甲乙丙丁戊；己庚辛壬癸；子丑寅卯辰；巳午未申酉。");
        var findings = Run(doc, "R14-goal-not-measured");
        Assert.Equal(3, findings.Count);
        Assert.Equal("年度目标“子丑寅卯辰”没有对应的绩效指标", findings[2].Message);
    }

    [Fact]
    public void EveryProjectGetsItsOwnThree()
    {
        var doc = Doc(GoodProject(), OtherProject());
        foreach (var p in doc.Projects) p.AnnualGoal = "甲乙丙丁戊；己庚辛壬癸；子丑寅卯辰；巳午未申酉。";
        Assert.Equal(6, Run(doc, "R14-goal-not-measured").Count);
    }

    [Fact]
    public void LongPartsAreQuotedToFortyCharacters()
    {
        var part = string.Concat(Enumerable.Range(0, 41).Select(k => (char)(0x5000 + k)));
        var f = Assert.Single(Run(With(p => p.AnnualGoal = part), "R14-goal-not-measured"));
        Assert.Equal($"年度目标“{part[..40]}…”没有对应的绩效指标", f.Message);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("description")]
    [InlineData("annual")]
    [InlineData("period")]
    public void AnyIndicatorColumnMeasuresAGoal(string column)
    {
        var doc = With(p =>
        {
            p.AnnualGoal = "甲乙丙丁戊。";
            var row = Row("产出指标", "数量指标", "数量", "≥1个");
            switch (column)
            {
                case "name": row.Name = "丁戊数量"; break;
                case "description": row.Description = "按丁戊计"; break;
                case "annual": row.AnnualTarget = V("丁戊完成"); break;
                default: row.PeriodTarget = V("丁戊完成"); break;
            }
            p.Indicators.Add(row);
        });
        Assert.Empty(Run(doc, "R14-goal-not-measured"));
    }

    [Fact]
    public void ColumnsAreNotJoinedIntoPairs()
    {
        // 丁 ends the name and 戊 starts the explanation: no 丁戊 pair across them.
        var doc = With(p =>
        {
            p.AnnualGoal = "甲乙丙丁戊。";
            p.Indicators.Add(Row("产出指标", "数量指标", "数量丁", "≥1个", description: "戊计"));
        });
        Assert.Single(Run(doc, "R14-goal-not-measured"));
    }

    [Fact]
    public void NoIndicatorsOrNoGoalMeansNothingToMeasure()
    {
        Assert.Empty(Run(With(p => { p.AnnualGoal = "甲乙丙丁戊。"; p.Indicators.Clear(); }), "R14-goal-not-measured"));
        Assert.Empty(Run(With(p => { p.AnnualGoal = "甲乙丙丁戊。"; p.Indicators = [Row("产出指标", "数量指标", "无", "无")]; }), "R14-goal-not-measured"));
        Assert.Empty(Run(With(p => p.AnnualGoal = "  "), "R14-goal-not-measured"));
    }

    [Theory]
    [InlineData("1、甲乙丙丁戊2、己庚辛壬癸")]
    [InlineData("（一）甲乙丙丁戊（二）己庚辛壬癸")]
    [InlineData("一是甲乙丙丁戊二是己庚辛壬癸")]
    [InlineData("甲乙丙丁戊!己庚辛壬癸")]
    [InlineData("甲乙丙丁戊\n己庚辛壬癸")]
    [InlineData("<p>甲乙丙丁戊</p><p>己庚辛壬癸</p>")]
    public void GoalsAreSplitIntoParts(string goal)
    {
        var findings = Run(With(p => p.AnnualGoal = goal), "R14-goal-not-measured");
        Assert.Equal(["年度目标“甲乙丙丁戊”没有对应的绩效指标", "年度目标“己庚辛壬癸”没有对应的绩效指标"], findings.Select(f => f.Message));
    }
    [Fact]
    public void AGenericWordKeepsItsSeam()
    {
        // 甲乙丙|丁戊: three pairs, not the four of 甲乙丙丁戊.
        Assert.Empty(Run(With(p => p.AnnualGoal = "甲乙丙信访丁戊。"), "R14-goal-not-measured"));
    }

    [Theory]
    [InlineData("description")]
    [InlineData("annual")]
    public void LaterColumnsAreNotJoinedEither(string split)
    {
        var doc = With(p =>
        {
            p.AnnualGoal = "甲乙丙丁戊。";
            p.Indicators.Add(split == "description"
                ? Row("产出指标", "数量指标", "数量", "戊完成", description: "计丁")
                : Row("产出指标", "数量指标", "数量", "计丁", "戊完成"));
        });
        Assert.Single(Run(doc, "R14-goal-not-measured"));
    }
}
