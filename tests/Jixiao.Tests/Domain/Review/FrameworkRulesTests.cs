using Jixiao.Domain;
using Jixiao.Domain.Review;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// The indicator-system rules (R07–R09, R34) with the exact advice per category and profile, and the
// copied-project comparison at its edges: 60% of the union, three indicators, fifty projects per name.
public class FrameworkRulesTests
{
    static ReviewProfile Requiring(params string[] categories) => ReviewProfiles.National2021 with
    {
        Rules = new Dictionary<string, RuleSetting>
        {
            ["R07-missing-level1"] = new() { Lists = new Dictionary<string, IReadOnlyList<string>> { ["required"] = categories } },
        },
    };

    [Fact]
    public void NoIndicatorsListsTheProfilesCategories()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Clear()), "R07-missing-level1", ReviewProfiles.National2021));
        Assert.Equal("indicators", f.Field);
        Assert.Equal("项目未设置绩效指标", f.Message);
        Assert.Equal("按产出指标、效益指标设置绩效指标，每项写明指标值", f.Suggestion);

        var shanghai = Assert.Single(Run(With(p => p.Indicators.Clear()), "R07-missing-level1", ReviewProfiles.Shanghai2018));
        Assert.Equal("按产出目标、效果目标、影响力目标设置绩效指标，每项写明指标值", shanghai.Suggestion);
    }

    [Fact]
    public void MissingOutputAndBenefitAdvice()
    {
        var benefit = Assert.Single(Run(With(p => p.Indicators.RemoveAll(i => i.Level1 == "效益指标")), "R07-missing-level1", ReviewProfiles.National2021));
        Assert.Equal("缺少一级指标“效益指标”", benefit.Message);
        Assert.Equal("补充效益指标（社会效益、经济效益、生态效益或可持续影响），写明项目带来的变化，如“重复信访件数较上年下降≥5%”", benefit.Suggestion);
        Assert.Equal("indicators", benefit.Field);

        var output = Assert.Single(Run(With(p => p.Indicators.RemoveAll(i => i.Level1 == "产出指标")), "R07-missing-level1", ReviewProfiles.National2021));
        Assert.Equal("缺少一级指标“产出指标”", output.Message);
        Assert.Equal("补充产出指标（数量、质量、时效），写明项目本年度要完成的工作量和标准", output.Suggestion);
    }

    [Fact]
    public void ShanghaiCategoriesAdvice()
    {
        var doc = With(p => p.Indicators = [Row("产出目标", "数量指标", "办理件数", "≥10件")]);
        var findings = Run(doc, "R07-missing-level1", ReviewProfiles.Shanghai2018);
        Assert.Equal(["缺少一级指标“效果目标”", "缺少一级指标“影响力目标”"], findings.Select(f => f.Message));
        Assert.Equal(["补充效果目标（经济效益、社会效益、生态效益），写明项目带来的变化", "补充影响力目标（如长效管理、能力建设），写明项目的持续影响"],
            findings.Select(f => f.Suggestion));
    }

    [Fact]
    public void OtherCategoriesAdvice()
    {
        var doc = With(p => p.Indicators = [Row("产出指标", "数量指标", "办理件数", "≥10件")]);
        var findings = Run(doc, "R07-missing-level1", Requiring("满意度", "安全"));
        Assert.Equal(["缺少一级指标“满意度指标”", "缺少一级指标“安全指标”"], findings.Select(f => f.Message));
        Assert.Equal(["补充“服务对象满意度”指标，如“群众满意率≥90%”，并写明调查方式", "补充“安全”类指标"], findings.Select(f => f.Suggestion));
    }

    [Fact]
    public void CategoryInsideLevel2Counts()
    {
        var doc = With(p => p.Indicators = [Row("项目指标", "产出数量", "办理件数", "≥10件"), Row("项目指标", "社会效益", "下降率", "≥5%")]);
        Assert.Empty(Run(doc, "R07-missing-level1", ReviewProfiles.National2021));
    }

    [Fact]
    public void MissingSatisfactionText()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.RemoveAll(i => i.Level1 == "满意度指标")), "R08-missing-satisfaction"));
        Assert.Equal("indicators", f.Field);
        Assert.Equal("未设置满意度指标", f.Message);
        Assert.Equal("项目面向群众或服务对象的，补充“服务对象满意度”指标，如“群众满意率≥90%”，并写明调查方式", f.Suggestion);
    }

    [Fact]
    public void SatisfactionFoundByLevel2OrName()
    {
        Assert.Empty(Run(With(p => { var i = Find(p, "群众满意率"); i.Level1 = "效益指标"; i.Level2 = "服务对象满意度指标"; i.Name = "回访结果"; }), "R08-missing-satisfaction"));
        Assert.Empty(Run(With(p => { var i = Find(p, "群众满意率"); i.Level1 = "效益指标"; i.Level2 = "社会效益指标"; }), "R08-missing-satisfaction"));
        Assert.Single(Run(With(p => { var i = Find(p, "群众满意率"); i.Level1 = "效益指标"; i.Level2 = "社会效益指标"; i.Name = "回访结果"; }), "R08-missing-satisfaction"));
        Assert.Empty(Run(With(p => p.Indicators.Clear()), "R08-missing-satisfaction"));
    }

    [Fact]
    public void MissingCostSuggestsTheBudget()
    {
        var doc = With(p => p.Indicators.RemoveAll(i => i.Level1 == "成本指标"));
        var f = Assert.Single(Run(doc, "R09-missing-cost", ReviewProfiles.Shanghai2025));
        Assert.Equal("indicators", f.Field);
        Assert.Equal("未设置成本指标", f.Message);
        Assert.Equal("补充成本指标（经济成本等），如总成本“≤100,000元”或单位成本“≤N元/人·次”", f.Suggestion);

        var noBudget = With(p => { p.Indicators.RemoveAll(i => i.Level1 == "成本指标"); p.Funding = new Funding { Fiscal = 1m }; });
        Assert.Equal("补充成本指标（经济成本等），如单位成本“≤N元/人·次”", Assert.Single(Run(noBudget, "R09-missing-cost", ReviewProfiles.Shanghai2025)).Suggestion);

        // The budget is the total, else the annual request.
        var requestOnly = With(p => { p.Indicators.RemoveAll(i => i.Level1 == "成本指标"); p.Funding = new Funding { AnnualRequest = 80000m }; });
        Assert.Equal("补充成本指标（经济成本等），如总成本“≤80,000元”或单位成本“≤N元/人·次”", Assert.Single(Run(requestOnly, "R09-missing-cost", ReviewProfiles.Shanghai2025)).Suggestion);
        var both = With(p => { p.Indicators.RemoveAll(i => i.Level1 == "成本指标"); p.Funding = new Funding { Total = 120000m, AnnualRequest = 80000m }; });
        Assert.Equal("补充成本指标（经济成本等），如总成本“≤120,000元”或单位成本“≤N元/人·次”", Assert.Single(Run(both, "R09-missing-cost", ReviewProfiles.Shanghai2025)).Suggestion);
    }

    [Fact]
    public void CostFoundByLevel2OrName()
    {
        Assert.Empty(Run(With(p => { var i = Find(p, "信访值班补助标准"); i.Level1 = "产出指标"; i.Level2 = "成本指标"; }), "R09-missing-cost", ReviewProfiles.Shanghai2025));
        Assert.Empty(Run(With(p => { var i = Find(p, "信访值班补助标准"); i.Level1 = "产出指标"; i.Level2 = "数量指标"; i.Name = "值班成本"; }), "R09-missing-cost", ReviewProfiles.Shanghai2025));
        Assert.Empty(Run(With(p => p.Indicators.Clear()), "R09-missing-cost", ReviewProfiles.Shanghai2025));
    }

    [Theory]
    [InlineData("工程")]
    [InlineData("基建")]
    [InlineData("修缮")]
    [InlineData("购置")]
    [InlineData("改造")]
    [InlineData("装修")]
    [InlineData("建设")]
    public void WorksProjectsNeedACost(string word)
    {
        Assert.Single(Run(With(p => { p.Name = "办公楼" + word; p.Indicators.RemoveAll(i => i.Level1 == "成本指标"); }), "R09-missing-cost", ReviewProfiles.National2021));
    }

    // R34 -------------------------------------------------------------------------------------------

    static ProjectForm P(string name, params string[] indicators)
    {
        var p = GoodProject(name);
        p.Indicators = indicators.Select(n => Row("产出指标", "数量指标", n, "≥1个")).ToList();
        return p;
    }

    [Fact]
    public void CopiedAtSixtyPercentOfTheUnion()
    {
        // 3 shared of 5 different names: 60%.
        var f = Assert.Single(Run(Doc(P("甲项目", "甲一", "甲二", "甲三", "甲四"), P("乙项目", "甲一", "甲二", "甲三", "乙五")), "R34-copy-project"));
        Assert.Equal("乙项目", f.Project);
        Assert.Null(f.Indicator);
        Assert.Equal("indicators", f.Field);
        Assert.Equal("与项目“甲项目”的指标雷同：5项指标中3项相同", f.Message);
        Assert.Equal("按本项目的内容和资金用途重新设置指标，不照搬其他项目", f.Suggestion);
    }

    [Fact]
    public void BelowSixtyPercentIsNoCopy()
    {
        // 3 shared of 6: 50%.
        Assert.Empty(Run(Doc(P("甲项目", "甲一", "甲二", "甲三", "甲四"), P("乙项目", "甲一", "甲二", "甲三", "乙五", "乙六")), "R34-copy-project"));
    }

    [Fact]
    public void CopiesNeedThreeIndicatorsOnBothSides()
    {
        Assert.Single(Run(Doc(P("甲项目", "甲一", "甲二", "甲三"), P("乙项目", "甲一", "甲二", "甲三")), "R34-copy-project"));
        Assert.Empty(Run(Doc(P("甲项目", "甲一", "甲二"), P("乙项目", "甲一", "甲二")), "R34-copy-project"));
        Assert.Empty(Run(Doc(P("甲项目", "甲一", "甲二"), P("乙项目", "甲一", "甲二", "乙三")), "R34-copy-project"));
        Assert.Empty(Run(Doc(P("甲项目", "甲一", "甲二", "甲三"), P("乙项目", "甲一", "甲二")), "R34-copy-project"));
    }

    [Fact]
    public void ACopyNamesTheFirstProjectItCopies()
    {
        var findings = Run(Doc(P("甲项目", "甲一", "甲二", "甲三"), P("乙项目", "甲一", "甲二", "甲三"), P("丙项目", "甲一", "甲二", "甲三")), "R34-copy-project");
        Assert.Equal(["与项目“甲项目”的指标雷同：3项指标中3项相同", "与项目“甲项目”的指标雷同：3项指标中3项相同"], findings.Select(f => f.Message));
        Assert.Equal(["乙项目", "丙项目"], findings.Select(f => f.Project));
    }

    [Fact]
    public void NamesInMoreThanFiftyProjectsSayNothing()
    {
        var fifty = Doc([.. Enumerable.Range(0, 50).Select(k => P($"项目{k}", "甲一", "甲二", "甲三"))]);
        Assert.Equal(49, Run(fifty, "R34-copy-project").Count);
        var more = Doc([.. Enumerable.Range(0, 51).Select(k => P($"项目{k}", "甲一", "甲二", "甲三"))]);
        Assert.Empty(Run(more, "R34-copy-project"));
    }

    [Fact]
    public void PlaceholderRowsAreNotCompared()
    {
        Assert.Empty(Run(Doc(P("甲项目", "甲一", "甲二", "无"), P("乙项目", "甲一", "甲二", "无")), "R34-copy-project"));
    }
    // R10, R15 --------------------------------------------------------------------------------------

    [Fact]
    public void ProcessIndicatorText()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "质量指标", "预算执行率", "=100%"))), "R10-process-indicator"));
        Assert.Equal("name", f.Field);
        Assert.Equal("预算执行率", f.Indicator);
        Assert.Equal("“预算执行率”（产出指标—质量指标）反映的是资金管理（预算执行率），不是项目的产出或效益", f.Message);
        Assert.Equal("删除该指标，改设反映项目实际产出或效果的指标；预算执行情况由运行监控和绩效自评另行考核", f.Suggestion);
    }

    [Fact]
    public void SatisfactionOutsideItsPlace()
    {
        var f = Assert.Single(Run(With(p => Find(p, "群众满意率").Level1 = "效益指标"), "R15-misclassified"));
        Assert.Equal("level1", f.Field);
        Assert.Equal("满意度指标“群众满意率”放在了“效益指标—服务对象满意度指标”下", f.Message);
        Assert.Equal("移到“满意度指标—服务对象满意度指标”下", f.Suggestion);
        Assert.Single(Run(With(p => { var i = Find(p, "群众满意率"); i.Level1 = "产出指标"; i.Level2 = "质量指标"; }), "R15-misclassified"));
    }

    [Fact]
    public void NotSatisfactionUnderSatisfaction()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "回访完成数", "≥10件"))), "R15-misclassified"));
        Assert.Equal("“回访完成数”不是满意度指标，却放在了“满意度指标—服务对象满意度指标”下", f.Message);
        Assert.Equal("按指标内容移到产出或效益指标下；满意度指标只衡量服务对象的满意程度", f.Suggestion);
    }

    [Theory]
    [InlineData("满意")]
    [InlineData("参评")]
    [InlineData("评价")]
    [InlineData("投诉")]
    [InlineData("好评")]
    [InlineData("认可")]
    public void SatisfactionTermsBelongUnderSatisfaction(string term) =>
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "群众" + term + "情况", "≥90%"))), "R15-misclassified"));

    [Theory]
    [InlineData("信访事项办结率", "质量指标")]
    [InlineData("信访事项及时受理率", "时效指标")]
    [InlineData("接访任务完成数", "数量指标")]
    [InlineData("设备完好率", "质量指标")]
    public void OutputUnderBenefitSuggestsItsLevel2(string name, string level2)
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", name, "≥95%"))), "R15-misclassified"));
        Assert.Equal($"“{name}”衡量的是产出（数量、质量或时效），却放在了“效益指标—社会效益指标”下", f.Message);
        Assert.Equal($"移到“产出指标—{level2}”下；效益指标应反映项目带来的变化，如“重复信访件数较上年下降≥5%”", f.Suggestion);
    }

    [Theory]
    [InlineData("可持续影响指标")]
    [InlineData("长效机制")]
    [InlineData("经济效益")]
    public void BenefitIsKnownByItsLevel2(string level2) =>
        Assert.Single(Run(With(p => p.Indicators.Add(Row("项目指标", level2, "信访事项办结率", "≥95%"))), "R15-misclassified"));

    [Fact]
    public void RowsWithoutCategoriesAreNotClassified() =>
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("", "", "群众满意率", "≥95%"))), "R15-misclassified"));
}
