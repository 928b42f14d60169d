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
    // R18–R20, R36, R38, R16 ---------------------------------------------------------------------------

    [Theory]
    [InlineData(TargetOperator.Ge, "≥")]
    [InlineData(TargetOperator.Gt, "＞")]
    [InlineData(TargetOperator.Le, "≤")]
    [InlineData(TargetOperator.Lt, "＜")]
    [InlineData(TargetOperator.Eq, "=")]
    [InlineData(null, "")]
    public void OperatorSigns(TargetOperator? op, string sign) =>
        Assert.Equal(sign, Jixiao.Domain.Review.Rules.TargetRules.OperatorText(op));

    [Fact]
    public void RateInAnotherUnitSuggestsACount()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "≥15宗")), "R18-unit-mismatch"));
        Assert.Equal("比率指标“信访事项按期办结率”的指标值“≥15宗”用了“宗”，比率应以%表示", f.Message);
        Assert.Equal("写成百分比，如“≥95%”；若要考核数量，把指标改为“…数”，如“信访事项按期办结数≥15宗”", f.Suggestion);
    }

    [Theory]
    [InlineData(">95", "写成“＞95%”")]
    [InlineData("<5", "写成“＜5%”")]
    public void RateWithoutPercentKeepsItsSign(string value, string suggestion)
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", value)), "R18-unit-mismatch"));
        Assert.Equal($"比率指标“信访事项按期办结率”的指标值“{value}”缺少%", f.Message);
        Assert.Equal(suggestion, f.Suggestion);
    }

    [Fact]
    public void CountInPercentWithoutAdvice()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "数量指标", "覆盖批次", "≥95%"))), "R18-unit-mismatch"));
        Assert.Equal("写成数量，如“≥N批次（N为计划完成数）”；若要考核比例，把指标改为“…率”并写明分子和分母", f.Suggestion);
    }

    [Fact]
    public void CountInPercentWithoutAnyAdviceSuggestsN()
    {
        var profile = Jixiao.Domain.Review.ReviewProfiles.National2021 with
        {
            Rules = new Dictionary<string, Jixiao.Domain.Review.RuleSetting>
            {
                ["R18-unit-mismatch"] = new() { Lists = new Dictionary<string, IReadOnlyList<string>> { ["countEndings"] = ["规模"] } },
            },
        };
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "数量指标", "处置规模", "≥95%"))), "R18-unit-mismatch", profile));
        Assert.Equal("“处置规模”是数量，指标值“≥95%”却用了%", f.Message);
        Assert.Equal("写成数量，如“≥N个”；若要考核比例，把指标改为“…率”并写明分子和分母", f.Suggestion);
    }

    // Values handed over with their parts (the interchange JSON): the parts are read as given, a percent
    // is known by its unit or by its text, and only quantities are read as numbers.
    static Indicator Given(string name, TargetKind kind, string raw, decimal value, string? unit)
    {
        var row = Row("产出指标", "质量指标", name, null);
        row.AnnualTarget = new TargetValue { Kind = kind, Raw = raw, Value = value, Unit = unit };
        return row;
    }

    [Fact]
    public void ValuesWithTheirPartsAreReadAsGiven()
    {
        const string rate = "信访事项受理率", count = "年度服务部门数量";
        // A percent by its unit alone, or by its text alone.
        Assert.Empty(Run(With(p => p.Indicators.Add(Given(rate, TargetKind.Quantitative, "95", 95, "%"))), "R18-unit-mismatch"));
        Assert.Single(Run(With(p => p.Indicators.Add(Given(count, TargetKind.Quantitative, "95", 95, "%"))), "R18-unit-mismatch"));
        Assert.Empty(Run(With(p => p.Indicators.Add(Given(rate, TargetKind.Quantitative, "95%", 95, null))), "R18-unit-mismatch"));
        Assert.Single(Run(With(p => p.Indicators.Add(Given(count, TargetKind.Quantitative, "95%", 95, null))), "R18-unit-mismatch"));
        Assert.Single(Run(With(p => p.Indicators.Add(Given(rate, TargetKind.Quantitative, "120%", 120, null))), "R19-rate-over-100"));
        Assert.Empty(Run(With(p => p.Indicators.Add(Given(rate, TargetKind.Quantitative, "120%", 120, "分"))), "R19-rate-over-100"));
        // A text that carries a number is still a text.
        Assert.Empty(Run(With(p => p.Indicators.Add(Given(rate, TargetKind.Text, "约95", 95, null))), "R18-unit-mismatch"));
        Assert.Empty(Run(With(p => p.Indicators.Add(Given(rate, TargetKind.Text, "约120%", 120, "%"))), "R19-rate-over-100"));
    }

    [Theory]
    [InlineData("100.01%")]
    [InlineData(">100%")]
    [InlineData("≥101%")]
    public void RateAboveOneHundredFires(string value)
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", value)), "R19-rate-over-100"));
        Assert.Equal($"“信访事项按期办结率”的指标值“{value}”超过100%，比率不可能达到", f.Message);
        Assert.Equal("比率最高为100%：写成“=100%”或实际可达到的值（如“≥95%”）", f.Suggestion);
        Assert.Equal("annualTarget", f.Field);
    }

    [Theory]
    [InlineData("=100%")]
    [InlineData("≥100%")]
    [InlineData(">99.9%")]
    [InlineData("<110%")]
    [InlineData("110宗")]
    public void RateUpToOneHundredIsPossible(string value) =>
        Assert.Empty(Run(With(p => SetTarget(p, "信访事项按期办结率", value)), "R19-rate-over-100"));

    [Theory]
    [InlineData("网上信访增幅")]
    [InlineData("信访量增速")]
    [InlineData("信访量环比")]
    [InlineData("翻倍")]
    [InlineData("信访量增长")]
    [InlineData("信访量同比")]
    public void GrowthMayExceedOneHundred(string name) =>
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("效益指标", "经济效益指标", name, "≥120%"))), "R19-rate-over-100"));

    [Fact]
    public void AtLeastOneHundredText()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项及时受理率", "≥100%")), "R20-rate-ge-100"));
        Assert.Equal("“信访事项及时受理率”写成“≥100%”：比率不能超过100%，“≥”没有意义", f.Message);
        Assert.Equal("annualTarget", f.Field);
        Assert.Empty(Run(With(p => SetTarget(p, "信访事项及时受理率", "≥99.9%")), "R20-rate-ge-100"));
        Assert.Empty(Run(With(p => SetTarget(p, "信访事项及时受理率", ">100%")), "R20-rate-ge-100"));
        Assert.Empty(Run(With(p => SetTarget(p, "信访事项及时受理率", "≥100宗")), "R20-rate-ge-100"));
    }

    [Fact]
    public void ExactRateWithASign()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "=99.9%")), "R38-rate-exact"));
        Assert.Equal("“信访事项按期办结率”写成“=99.9%”，要求恰好达到99.9%，超过也不算达标", f.Message);
        Assert.Equal("写成“≥99.9%”", f.Suggestion);
        Assert.Equal("annualTarget", f.Field);
        // The full-width sign is read as "=".
        Assert.Equal("“信访事项按期办结率”写成“=95%”，要求恰好达到95%，超过也不算达标",
            Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "＝95%")), "R38-rate-exact")).Message);
        Assert.Equal("“信访事项按期办结率”写成“等于95%”，要求恰好达到95%，超过也不算达标",
            Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "等于95%")), "R38-rate-exact")).Message);
    }

    [Fact]
    public void RateWithoutASign()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "95%")), "R38-rate-exact"));
        Assert.Equal("“信访事项按期办结率”的指标值“95%”没有比较符号，按“=95%”理解", f.Message);
        Assert.Equal("写成“≥95%”", f.Suggestion);
    }

    [Theory]
    [InlineData("信访事项按期办结率", "=100%")]
    [InlineData("信访事项按期办结率", "≥95%")]
    [InlineData("工作效率", "=95%")]
    [InlineData("回访频率", "=95%")]
    [InlineData("服务质量", "=95%")]
    [InlineData("信访事项按期办结率", "=95宗")]
    public void ExactRateLeftAlone(string name, string value) =>
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("产出指标", "质量指标", name, value))), "R38-rate-exact"));

    [Theory]
    [InlineData("资金比例")]
    [InlineData("女性占比")]
    [InlineData("采购比重")]
    [InlineData("群众满意度")]
    public void ExactRateByEveryRateEnding(string name) =>
        Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "质量指标", name, "=95%"))), "R38-rate-exact"));

    [Fact]
    public void DescriptionEchoText()
    {
        var f = Assert.Single(Run(With(p => Find(p, "信访事项按期办结率").Description = "信访事项按期办结率"), "R36-description-echo"));
        Assert.Equal("description", f.Field);
        Assert.Equal("指标解释“信访事项按期办结率”只重复了指标名称", f.Message);
        Assert.Equal("写明计算口径和数据来源，如“分子 ÷ 分母 × 100%”各指什么", f.Suggestion);
        var count = Assert.Single(Run(With(p => Find(p, "提供法律咨询服务案件数").Description = "提供法律咨询服务案件数"), "R36-description-echo"));
        Assert.Equal("写明指标的含义、统计口径和数据来源", count.Suggestion);
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").Description = " "), "R36-description-echo"));
    }

    [Fact]
    public void AnnualStricterThanPeriodText()
    {
        var f = Assert.Single(Run(With(p => Find(p, "提供法律咨询服务案件数").PeriodTarget = V("≥12宗")), "R16-annual-vs-period"));
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("年度指标值“≥15宗”比实施周期指标值“≥12宗”要求更高", f.Message);
        Assert.Equal("实施周期指标值应涵盖各年度目标：核对两列数值，年度值不应严于实施周期值", f.Suggestion);
    }

    [Fact]
    public void AnnualVersusPeriodEdges()
    {
        Assert.Single(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "=15宗"); Find(p, "提供法律咨询服务案件数").PeriodTarget = V("=14宗"); }), "R16-annual-vs-period"));
        Assert.Single(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", ">15宗"); Find(p, "提供法律咨询服务案件数").PeriodTarget = V(">14宗"); }), "R16-annual-vs-period"));
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").PeriodTarget = V("≥15宗")), "R16-annual-vs-period"));
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").PeriodTarget = V("≥12件")), "R16-annual-vs-period"));
        Assert.Empty(Run(With(p => Find(p, "提供法律咨询服务案件数").PeriodTarget = V("若干")), "R16-annual-vs-period"));
        Assert.Empty(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "较多"); Find(p, "提供法律咨询服务案件数").PeriodTarget = V("≥12宗"); }), "R16-annual-vs-period"));
        Assert.Single(Run(With(p => { var i = Row("效益指标", "社会效益指标", "重复信访率", "<3%", "<5%"); p.Indicators.Add(i); }), "R16-annual-vs-period"));
        Assert.Empty(Run(With(p => { var i = Row("效益指标", "社会效益指标", "重复信访率", "≤5%", "≤5%"); p.Indicators.Add(i); }), "R16-annual-vs-period"));
        Assert.Empty(Run(With(p => { var i = Row("效益指标", "社会效益指标", "重复信访率", "≤6%", "≤5%"); p.Indicators.Add(i); }), "R16-annual-vs-period"));
    }
}
