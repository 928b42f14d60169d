using Jixiao.Domain;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// The value rules' text (R01, R02, R05, R06): each message and suggestion variant, as a reviewer reads it.
public class TargetRulesTests
{
    [Fact]
    public void EmptyTargetWithAdvice()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "")), "R01-empty-target"));
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("“信访事项按期办结率”未填写指标值", f.Message);
        Assert.Equal("填写可衡量的指标值，如“≥95%”，并注明指标值确定依据", f.Suggestion);
    }

    [Fact]
    public void EmptyTargetQuotesWhatWasWritten()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", "社会影响", "无"))), "R01-empty-target"));
        Assert.Equal("“社会影响”未填写指标值（填写为“无”）", f.Message);
        Assert.Equal("填写可衡量、可核验的指标值，并注明指标值确定依据", f.Suggestion);
    }

    [Fact]
    public void EmptyAnnualTargetWithAPeriodTarget()
    {
        var f = Assert.Single(Run(With(p => { var i = Find(p, "提供法律咨询服务案件数"); i.PeriodTarget = V("≥45宗"); i.AnnualTarget = V("/"); }), "R01-empty-target"));
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("“提供法律咨询服务案件数”的年度指标值为空（填写为“/”），实施周期指标值为“≥45宗”", f.Message);
        Assert.Equal("按年度分解实施周期目标，填写本年度应达到的值（如“≥45宗”中本年度完成的部分）", f.Suggestion);
    }

    [Fact]
    public void PlaceholderRowNamedNone()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "生态效益指标", "无", "无"))), "R02-placeholder-row"));
        Assert.Equal("name", f.Field);
        Assert.Equal("“效益指标—生态效益指标”下的指标行填写为“无”", f.Message);
        Assert.Equal("该二级指标不适用时删除此行；适用时填写具体指标和指标值", f.Suggestion);
    }

    [Fact]
    public void RowWithoutANameButAValue()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", " ", "≥5%"))), "R02-placeholder-row"));
        Assert.Equal("name", f.Field);
        Assert.Equal("“效益指标—社会效益指标”下有一行没有指标名称（指标值“≥5%”）", f.Message);
        Assert.Equal("补填三级指标名称", f.Suggestion);
    }

    [Fact]
    public void RowWithoutCategoriesIsUnclassified()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("", " ", "/", null))), "R02-placeholder-row"));
        Assert.Equal("“未分类”下的指标行填写为“/”", f.Message);
        Assert.Equal("“产出指标”下的指标行填写为“无”",
            Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "", "无", null))), "R02-placeholder-row")).Message);
    }

    [Fact]
    public void RealRowsAreNoPlaceholders()
    {
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("效益指标", "生态效益指标", "植被恢复", "无"))), "R02-placeholder-row"));
    }

    [Fact]
    public void VagueNumberSuggestsAValue()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "群众满意率", "提高")), "R05-vague-number"));
        Assert.Equal("“提高”无法衡量：“群众满意率”是定量指标，应填写数值", f.Message);
        Assert.Equal("写成“≥90%”，并注明指标值确定依据（计划标准、行业标准或历史标准）", f.Suggestion);
    }

    [Fact]
    public void VagueNumberWithoutAdvice()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "数量指标", "处置规模", "较大"))), "R05-vague-number",
            Jixiao.Domain.Review.ReviewProfiles.National2021 with
            {
                Rules = new Dictionary<string, Jixiao.Domain.Review.RuleSetting>
                {
                    ["R05-vague-number"] = new() { Lists = new Dictionary<string, IReadOnlyList<string>> { ["numericEndings"] = ["规模"] } },
                },
            }));
        Assert.Equal("写成“具体数值”，并注明指标值确定依据（计划标准、行业标准或历史标准）", f.Suggestion);
    }

    [Fact]
    public void VagueNumberLeavesCostRowsAndNumbersAlone()
    {
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("成本指标", "经济成本指标", "人均成本率", "较低"))), "R05-vague-number"));
        Assert.Empty(Run(With(p => SetTarget(p, "群众满意率", "达到九十五以上，即95")), "R05-vague-number"));
    }

    [Fact]
    public void VagueQualitativeWithAndWithoutAdvice()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", "重复信访发生情况", "有所好转"))), "R06-vague-qualitative"));
        Assert.Equal("“有所好转”没有评判标准，年底无法判断“重复信访发生情况”是否达成", f.Message);
        Assert.Equal("annualTarget", f.Field);

        var advised = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", "审批周期", "明显缩短"))), "R06-vague-qualitative"));
        Assert.Equal("改为可量化的指标值，如“≤N天”；确需定性的，写明“达成/部分达成/未达成”各自的判断条件", advised.Suggestion);

        var plain = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", "社会面防控影响力", "提高"))), "R06-vague-qualitative"));
        Assert.Equal("改为可量化、可核验的指标值；确需定性的，写明“达成/部分达成/未达成”各自的判断条件", plain.Suggestion);
    }

    [Fact]
    public void VagueQualitativeQuotesThirtyCharacters()
    {
        var value = new string('好', 31);
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", "社会影响", value))), "R06-vague-qualitative"));
        Assert.Equal($"“{new string('好', 30)}…”没有评判标准，年底无法判断“社会影响”是否达成", f.Message);
    }
}
