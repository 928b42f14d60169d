using Jixiao.Domain;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// Dates (R28–R30), cost indicators (R11–R13) and last year's actual (R41): each edge a day, a
// thousand 元 or a unit apart, and the exact text of each finding.
public class DateCostRulesTests
{
    // R28 -------------------------------------------------------------------------------------------

    [Fact]
    public void StartOneDayAfterTheEndFires()
    {
        var f = Assert.Single(Run(With(p => { p.StartDate = "2023-06-02"; p.EndDate = "2023-06-01"; }), "R28-date-order"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("startDate", f.Field);
        Assert.Equal("开始日期2023-06-02晚于结束日期2023-06-01", f.Message);
        Assert.Equal("核对项目实施起止时间，开始日期应早于结束日期", f.Suggestion);
    }

    [Fact]
    public void OneDayPeriodsAndUnreadableDatesAreSilent()
    {
        Assert.Empty(Run(With(p => { p.StartDate = "2023-06-01"; p.EndDate = "2023-06-01"; }), "R28-date-order"));
        // A month as the end means its last day.
        Assert.Empty(Run(With(p => { p.StartDate = "2023-06-30"; p.EndDate = "2023-06"; }), "R28-date-order"));
        Assert.Empty(Run(With(p => { p.StartDate = "明年"; p.EndDate = "2023-06"; }), "R28-date-order"));
        Assert.Empty(Run(With(p => { p.StartDate = "2023-06-30"; p.EndDate = null; }), "R28-date-order"));
    }

    // R29 -------------------------------------------------------------------------------------------

    [Fact]
    public void PeriodStartingAfterTheYearFires()
    {
        var f = Assert.Single(Run(With(p => { p.StartDate = "2024-01-01"; p.EndDate = null; }), "R29-period-outside-year"));
        Assert.Equal("startDate", f.Field);
        Assert.Equal("实施期2024-01-01至…不包含预算年度2023年", f.Message);
        Assert.Equal("核对实施期或预算年度：2023年度申报的项目，实施期应覆盖2023年", f.Suggestion);
    }

    [Fact]
    public void PeriodEndingBeforeTheYearFires()
    {
        var f = Assert.Single(Run(With(p => { p.StartDate = null; p.EndDate = "2022-12"; }), "R29-period-outside-year"));
        Assert.Equal("实施期…至2022-12不包含预算年度2023年", f.Message);
    }

    [Fact]
    public void PeriodTouchingTheYearIsSilent()
    {
        Assert.Empty(Run(With(p => { p.StartDate = "2023-12-31"; p.EndDate = "2024-06-30"; }), "R29-period-outside-year"));
        Assert.Empty(Run(With(p => { p.StartDate = "2022-01-01"; p.EndDate = "2023-01"; }), "R29-period-outside-year"));
        Assert.Empty(Run(With(p => { p.StartDate = null; p.EndDate = null; }), "R29-period-outside-year"));
    }

    [Fact]
    public void PeriodWithoutAFiscalYearIsNotChecked()
    {
        var doc = With(p => { p.StartDate = "2030-01-01"; p.EndDate = "2030-12-31"; });
        doc.FiscalYear = null;
        Assert.Empty(Run(doc, "R29-period-outside-year"));
    }

    // R30 -------------------------------------------------------------------------------------------

    [Fact]
    public void DeadlineOnTheLastDayIsInTime()
    {
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("产出指标", "时效指标", "验收完成时间", "2023年12月31日前"))), "R30-deadline-after-end"));
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("产出指标", "时效指标", "验收完成时间", "12月底前"))), "R30-deadline-after-end"));
    }

    [Fact]
    public void DeadlineADayLateFires()
    {
        var doc = With(p =>
        {
            p.EndDate = "2023-12-30";
            p.Indicators.Add(Row("产出指标", "时效指标", "验收完成时间", "2023年12月31日前"));
        });
        var f = Assert.Single(Run(doc, "R30-deadline-after-end"));
        Assert.Equal("验收完成时间", f.Indicator);
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("时效指标“验收完成时间”的期限“2023年12月31日”晚于项目结束日期2023-12-30", f.Message);
        Assert.Equal("把期限提前到项目结束（2023-12-30）之前，或按批准的调整延长实施期", f.Suggestion);
    }

    [Theory]
    [InlineData("社会效益指标", "信访事项及时办结")]
    [InlineData("社会效益指标", "办理时限")]
    [InlineData("社会效益指标", "系统完成时间")]
    [InlineData("时限指标", "系统上线")]
    public void TimelinessIsReadFromTheLevel2OrTheName(string level2, string name)
    {
        Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", level2, name, "2024年3月底前"))), "R30-deadline-after-end"));
    }

    [Fact]
    public void DeadlinesNeedAnEndAndATimelinessRow()
    {
        Assert.Empty(Run(With(p => { p.EndDate = "年底"; p.Indicators.Add(Row("产出指标", "时效指标", "验收完成时间", "2024年3月底前")); }), "R30-deadline-after-end"));
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("产出指标", "质量指标", "验收合格", "2024年3月底前"))), "R30-deadline-after-end"));
    }

    [Fact]
    public void MonthOnlyDeadlinesFallInTheEndYearWithoutAFiscalYear()
    {
        var doc = With(p => { p.EndDate = "2023-06-30"; p.Indicators.Add(Row("产出指标", "时效指标", "设备安装完成时间", "9月底前")); });
        doc.FiscalYear = null;
        Assert.Single(Run(doc, "R30-deadline-after-end"));
    }

    // R11–R13 ---------------------------------------------------------------------------------------

    [Fact]
    public void CostThatIsNoAmountSuggestsTheBudget()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访值班补助标准", "良好")), "R11-cost-not-amount"));
        Assert.Equal("信访值班补助标准", f.Indicator);
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("成本指标“信访值班补助标准”的指标值“良好”不是金额", f.Message);
        Assert.Equal("写明成本金额的上限，如总成本“≤100,000元”，或单位成本“≤N元/人·次”", f.Suggestion);
    }

    [Fact]
    public void CostThatIsNoAmountWithoutABudget()
    {
        var doc = With(p => { SetTarget(p, "信访值班补助标准", "良好"); p.Funding = new Funding { Fiscal = 5m }; });
        Assert.Equal("写明成本金额的上限，如总成本“≤N万元”，或单位成本“≤N元/人·次”", Assert.Single(Run(doc, "R11-cost-not-amount")).Suggestion);
    }

    [Fact]
    public void CostPeriodTargetIsReadToo()
    {
        var f = Assert.Single(Run(With(p => Find(p, "信访值班补助标准").PeriodTarget = V("控制")), "R11-cost-not-amount"));
        Assert.Equal("periodTarget", f.Field);
    }

    [Theory]
    [InlineData("≥180元/人/天", "改为“≤180元/人/天”")]
    [InlineData(">2万元", "改为“≤2万元”")]
    [InlineData(">=2万元", "改为“≤2万元”")]
    public void CostLowerBoundSuggestsTheUpperBound(string target, string suggestion)
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访值班补助标准", target)), "R12-cost-lower-bound"));
        Assert.Equal($"成本指标“信访值班补助标准”写成“{DomainText.Compact(target)}”：成本只设上限，不设下限", f.Message);
        Assert.Equal(suggestion, f.Suggestion);
        Assert.Equal("annualTarget", f.Field);
    }

    [Theory]
    [InlineData("=180元/人/天")]
    [InlineData("<180元/人/天")]
    public void CostWithoutALowerBoundIsFine(string target) =>
        Assert.Empty(Run(With(p => SetTarget(p, "信访值班补助标准", target)), "R12-cost-lower-bound"));

    [Theory]
    [InlineData("≤101000元")]
    [InlineData("≤99000元")]
    [InlineData("≤10万元")]
    public void CostWithinAThousandOfTheBudgetIsTheBudget(string target)
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("成本指标", "经济成本指标", "项目总成本", target))), "R13-cost-equals-budget"));
        Assert.Equal($"成本指标“项目总成本”的“{target}”就是项目预算总额，没有说明成本构成", f.Message);
        Assert.Equal("项目总成本", f.Indicator);
    }

    [Theory]
    [InlineData("≤101001元")]
    [InlineData("≤98999元")]
    public void CostBeyondAThousandOfTheBudgetIsAPart(string target) =>
        Assert.Empty(Run(With(p => p.Indicators.Add(Row("成本指标", "经济成本指标", "项目总成本", target))), "R13-cost-equals-budget"));

    [Fact]
    public void CostEqualToTheAnnualRequest()
    {
        var doc = With(p => { p.Funding.Total = 500000m; p.Indicators.Add(Row("成本指标", "经济成本指标", "项目总成本", "≤10万元")); });
        Assert.Single(Run(doc, "R13-cost-equals-budget"));
    }

    // R41 -------------------------------------------------------------------------------------------

    [Fact]
    public void BelowLastYearNamesBothValues()
    {
        var f = Assert.Single(Run(With(p => Find(p, "信访事项按期办结率").PreviousActual = V("97.2%")), "R41-below-last-year"));
        Assert.Equal("信访事项按期办结率", f.Indicator);
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal("“信访事项按期办结率”年度指标值“≥95%”低于上年实际完成值“97.2%”", f.Message);
        Assert.Equal("以上年实际完成值97.2%为基础设定目标，或说明目标下调的原因", f.Suggestion);
    }

    [Fact]
    public void UpperLimitAboveLastYearIsLooser()
    {
        var f = Assert.Single(Run(With(p => Find(p, "进京到非接待场所上访纯人数").PreviousActual = V("6人")), "R41-below-last-year"));
        Assert.Equal("“进京到非接待场所上访纯人数”年度指标值“≤10”宽于上年实际完成值“6人”（反向指标，上年已做到更少）", f.Message);
        Assert.Equal("以上年实际完成值6人为基础设定目标，或说明目标下调的原因", f.Suggestion);
        Assert.Single(Run(With(p => { SetTarget(p, "进京到非接待场所上访纯人数", "<10"); Find(p, "进京到非接待场所上访纯人数").PreviousActual = V("6"); }), "R41-below-last-year"));
        Assert.Empty(Run(With(p => { SetTarget(p, "进京到非接待场所上访纯人数", "<10"); Find(p, "进京到非接待场所上访纯人数").PreviousActual = V("10"); }), "R41-below-last-year"));
    }

    [Fact]
    public void LastYearWithoutAUnitTakesTheTargetsUnit()
    {
        var f = Assert.Single(Run(With(p => Find(p, "提供法律咨询服务案件数").PreviousActual = V("20")), "R41-below-last-year"));
        Assert.Equal("以上年实际完成值20宗为基础设定目标，或说明目标下调的原因", f.Suggestion);
        Assert.Single(Run(With(p => { SetTarget(p, "提供法律咨询服务案件数", "≥15"); Find(p, "提供法律咨询服务案件数").PreviousActual = V("20宗"); }), "R41-below-last-year"));
    }

    [Fact]
    public void GreaterThanTargetBelowLastYear()
    {
        Assert.Single(Run(With(p => { SetTarget(p, "信访事项按期办结率", ">95%"); Find(p, "信访事项按期办结率").PreviousActual = V("96%"); }), "R41-below-last-year"));
        Assert.Empty(Run(With(p => { SetTarget(p, "信访事项按期办结率", ">95%"); Find(p, "信访事项按期办结率").PreviousActual = V("95%"); }), "R41-below-last-year"));
    }
}
