using System.Text.Json;
using Jixiao.Domain.Review;
using Jixiao.Forms;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// What a reviewer reads: the place, the offending value quoted, and a fix that can be copied.
public class FindingTextTests
{
    [Fact]
    public void VagueSatisfactionQuotesValueAndSuggestsAPercentage()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "群众满意率", "提高")), "R05-vague-number"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("群众满意率", f.Indicator);
        Assert.Equal("annualTarget", f.Field);
        Assert.StartsWith("“提高”无法衡量", f.Message);
        Assert.Contains("“≥90%”", f.Suggestion);
        Assert.Contains("指标值确定依据", f.Suggestion);
        Assert.Contains("财预〔2015〕88号", f.Basis);
    }

    [Fact]
    public void DecreasingCountSuggestsAnUpperLimit()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("效益指标", "社会效益指标", "信访总量", "下降"))), "R05-vague-number"));
        Assert.Contains("“下降”", f.Message);
        Assert.Contains("≤N件", f.Suggestion);
    }

    [Fact]
    public void CountInPercentNamesTheIndicatorAndTheValue()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.Add(Row("产出指标", "数量指标", "年度服务部门数量", "≥95%"))), "R18-unit-mismatch"));
        Assert.Equal("“年度服务部门数量”是数量，指标值“≥95%”却用了%", f.Message);
        Assert.Contains("≥N个", f.Suggestion);
    }

    [Fact]
    public void RateWithoutPercentSuggestsTheSameValueWithPercent()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项按期办结率", "≥95")), "R18-unit-mismatch"));
        Assert.Contains("缺少%", f.Message);
        Assert.Equal("写成“≥95%”", f.Suggestion);
    }

    [Fact]
    public void AtLeastHundredPercentSuggestsEquals()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访事项及时受理率", "≥100%")), "R20-rate-ge-100"));
        Assert.Equal("写成“=100%”", f.Suggestion);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void EmptyTargetWithPeriodValueSaysWhatThePeriodHolds()
    {
        var doc = With(p =>
        {
            var i = Find(p, "提供法律咨询服务案件数");
            i.PeriodTarget = i.AnnualTarget;
            i.AnnualTarget = V("");
        });
        var f = Assert.Single(Run(doc, "R01-empty-target"));
        Assert.Contains("实施周期指标值为“≥15宗”", f.Message);
    }

    [Fact]
    public void CostEqualToBudgetAndWrittenWithAtLeast()
    {
        var doc = With(p => p.Indicators.Add(Row("成本指标", "经济成本指标", "信访宣传财政支出", "≥10万元")));
        var report = Reviewer.Review(doc);
        var lower = Assert.Single(report.Findings, f => f.Rule == "R12-cost-lower-bound");
        Assert.Equal("改为“≤10万元”", lower.Suggestion);
        Assert.Single(report.Findings, f => f.Rule == "R13-cost-equals-budget");
    }

    [Fact]
    public void CostWithoutAmountSuggestsTheBudgetAsCeiling()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "信访值班补助标准", "良好")), "R11-cost-not-amount"));
        Assert.Contains("“≤100,000元”", f.Suggestion);
    }

    [Fact]
    public void NarrativeStandardQuotesBothSides()
    {
        var doc = With(p =>
        {
            p.Sections["项目概况"] = "市政府已按人均3元的标准建立信访储备金并列入财政预算。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "建立信访储备金标准", "人均1.5元标准"));
        });
        var f = Assert.Single(Run(doc, "R25-narrative-standard"));
        Assert.Equal("“项目概况”写明“人均3元”，指标“建立信访储备金标准”却为“人均1.5元标准”", f.Message);
        Assert.Equal("建立信访储备金标准", f.Indicator);
    }

    [Fact]
    public void NarrativeBudgetQuotesTheAmount()
    {
        var f = Assert.Single(Run(With(p => p.Sections["年度预算安排"] = "年度预算为 12 万元。"), "R24-narrative-budget"));
        Assert.Equal("sections.年度预算安排", f.Field);
        Assert.Contains("12万元", f.Message);
        Assert.Contains("100,000元", f.Message);
    }

    [Fact]
    public void FundingPartsShowTheArithmetic()
    {
        var f = Assert.Single(Run(With(p => p.Funding.Fiscal = 90000m), "R21-funding-parts"));
        Assert.Equal("项目资金总额100,000元与财政资金90,000元 + 其他资金0元之和90,000元不符（相差10,000元）", f.Message);
        Assert.Equal("funding.total", f.Field);
    }

    [Fact]
    public void FundingInWanYuanIsShownInWanYuan()
    {
        var doc = With(p => p.Funding = new() { SourceUnit = "万元", Total = 2000000m, Fiscal = 1900000m });
        var f = Assert.Single(Run(doc, "R21-funding-parts"));
        Assert.Contains("项目资金总额200万元", f.Message);
    }

    [Fact]
    public void SummarySentenceIsADocumentFinding()
    {
        var doc = Doc();
        doc.Sections["绩效目标设置情况"] = "编报绩效目标的项目 5 个，涉及项目预算资金 291.42 万元。";
        var findings = Run(doc, "R23-summary-mismatch");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Null(f.Project));
        Assert.Contains(findings, f => f.Message == "“绩效目标设置情况”写明项目5个，表中实有项目1个");
        Assert.Contains(findings, f => f.Message.Contains("291.42万元") && f.Message.Contains("10万元"));
    }

    [Fact]
    public void DuplicateNamesBothIndicators()
    {
        var doc = With(p =>
        {
            p.Indicators.Add(Row("产出指标", "时效指标", "维稳工作开展及时率", "=100%"));
            p.Indicators.Add(Row("产出指标", "时效指标", "维稳工作开展及时性", "=100%"));
        });
        var f = Assert.Single(Run(doc, "R37-duplicate"));
        Assert.Equal("维稳工作开展及时性", f.Indicator);
        Assert.Equal("指标“维稳工作开展及时性”与“维稳工作开展及时率”含义相同或高度重叠", f.Message);
    }

    [Fact]
    public void SameNameTwiceIsReportedOnce()
    {
        var doc = With(p =>
        {
            p.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "受益对象满意度", "≥80%"));
            p.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "受益对象满意度", "≥80%"));
        });
        var f = Assert.Single(Run(doc, "R37-duplicate"));
        Assert.StartsWith("指标“受益对象满意度”重复设置", f.Message);
    }

    [Fact]
    public void MisplacedSatisfactionSaysWhereItSits()
    {
        var doc = With(p => { var i = Find(p, "群众满意率"); i.Level1 = "效益指标"; i.Level2 = "社会效益指标"; });
        var f = Assert.Single(Run(doc, "R15-misclassified"));
        Assert.Equal("满意度指标“群众满意率”放在了“效益指标—社会效益指标”下", f.Message);
        Assert.Equal("level1", f.Field);
    }

    [Fact]
    public void GoalNotMeasuredQuotesThePartAndIsOnlyAHint()
    {
        var doc = With(p => p.AnnualGoal = "1、为信访群众提供法律咨询服务；2、对生活确有困难的信访人实施救助。");
        var f = Assert.Single(Run(doc, "R14-goal-not-measured"));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Equal("年度目标“对生活确有困难的信访人实施救助”没有对应的绩效指标", f.Message);
    }

    [Fact]
    public void APartWithoutIndicatorIsReportedWhenItIsASentenceNotAHeading()
    {
        var asHeading = With(p => p.AnnualGoal = "<p>二、劝返稳控经费</p><p>为信访群众提供法律咨询服务。</p>");
        var asSentence = With(p => p.AnnualGoal = "<p>为信访群众提供法律咨询服务。</p><p>保障劝返稳控经费。</p>");
        Assert.Empty(Run(asHeading, "R14-goal-not-measured"));
        Assert.Equal("年度目标“保障劝返稳控经费”没有对应的绩效指标", Assert.Single(Run(asSentence, "R14-goal-not-measured")).Message);
    }

    [Fact]
    public void MissingLevel1NamesTheCategory()
    {
        var f = Assert.Single(Run(With(p => p.Indicators.RemoveAll(i => i.Level1 == "效益指标")), "R07-missing-level1"));
        Assert.Equal("缺少一级指标“效益指标”", f.Message);
        Assert.Null(f.Indicator);
    }

    [Fact]
    public void SerialisesToTheIssueContract()
    {
        var f = Assert.Single(Run(With(p => SetTarget(p, "群众满意率", "提高")), "R05-vague-number"));
        var json = JsonSerializer.Serialize(f, Interchange.Json);
        using var parsed = JsonDocument.Parse(json);
        var names = parsed.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["rule", "severity", "project", "indicator", "field", "message", "suggestion", "basis"], names);
        Assert.Equal("error", parsed.RootElement.GetProperty("severity").GetString());
        Assert.Contains("“提高”", json);
    }
}
