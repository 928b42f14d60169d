using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Review;

namespace Jixiao.Tests.Domain.Monitoring;

public class BudgetLightTests
{
    static readonly MonitoringSettings Defaults = new();

    [Fact]
    public void The_defaults_are_pinned()
    {
        Assert.Equal(10m, Defaults.GreenWithin);
        Assert.Equal(20m, Defaults.YellowWithin);
        Assert.Equal(15m, Defaults.OvershootPercent);
        Assert.Equal(7, Defaults.RemindDays);
        Assert.Equal(Defaults, ReviewProfiles.National2021.Monitoring);
    }

    [Theory]
    [InlineData(50, Light.Green)]     // on pace
    [InlineData(80, Light.Green)]     // ahead of the plan
    [InlineData(40.01, Light.Green)]
    [InlineData(40, Light.Green)]     // exactly pace − 10
    [InlineData(39.99, Light.Yellow)]
    [InlineData(30.01, Light.Yellow)]
    [InlineData(30, Light.Yellow)]    // exactly pace − 20
    [InlineData(29.99, Light.Red)]
    [InlineData(0, Light.Red)]
    public void The_light_at_its_edges(double spent, Light expected) =>
        Assert.Equal(expected, BudgetLight.For((decimal)spent, 50m, Defaults));

    [Theory]
    [InlineData(45, Light.Green)]
    [InlineData(44.99, Light.Yellow)]
    [InlineData(40, Light.Yellow)]
    [InlineData(39.99, Light.Red)]
    public void The_profile_sets_the_thresholds(double spent, Light expected) =>
        Assert.Equal(expected, BudgetLight.For((decimal)spent, 50m, new MonitoringSettings { GreenWithin = 5, YellowWithin = 10 }));

    [Theory]
    [InlineData(25, 100, 25)]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(0, 100, 0)]
    public void Spent_percent_of_the_budget(double spent, double budget, double expected) =>
        Assert.Equal((decimal)expected, BudgetLight.SpentPercent((decimal)spent, (decimal)budget));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    public void No_budget_no_percentage(int? budget) =>
        Assert.Null(BudgetLight.SpentPercent(10m, budget));

    [Fact]
    public void The_budget_is_the_annual_request_else_the_total_else_the_lines()
    {
        var form = new ProjectForm
        {
            Funding = new Funding { AnnualRequest = 300, Total = 900 },
            BudgetLines = [new BudgetLine { Amount = 100 }, new BudgetLine { Amount = 50 }, new BudgetLine { Amount = null }],
        };
        Assert.Equal(300m, BudgetLight.Budget(form));
        form.Funding.AnnualRequest = 0;
        Assert.Equal(900m, BudgetLight.Budget(form));
        form.Funding.Total = null;
        Assert.Equal(150m, BudgetLight.Budget(form));
        form.BudgetLines.Clear();
        Assert.Null(BudgetLight.Budget(form));
        form.Funding.Total = 0;
        Assert.Null(BudgetLight.Budget(form));
    }
}

public class MonitoringRulesTests
{
    [Theory]
    [InlineData(Light.Red, Likelihood.Certain, true)]
    [InlineData(Light.Yellow, Likelihood.Certain, true)]
    [InlineData(Light.Green, Likelihood.Certain, false)]
    [InlineData(Light.Green, Likelihood.Possible, true)]
    [InlineData(Light.Green, Likelihood.Impossible, true)]
    [InlineData(null, Likelihood.Certain, false)]
    [InlineData(null, null, false)]
    [InlineData(null, Likelihood.Possible, true)]
    public void Needs_explanation(Light? light, Likelihood? likelihood, bool expected) =>
        Assert.Equal(expected, MonitoringRules.NeedsExplanation(light, likelihood));

    static string Fields(IEnumerable<MonitoringProblem> problems) => string.Join(",", problems.Select(p => p.Field));

    [Fact]
    public void A_certain_row_needs_nothing_more()
    {
        Assert.Empty(MonitoringRules.Check(new(Likelihood.Certain, null, null, null), null, indicatorRow: true));
        Assert.Empty(MonitoringRules.Check(new(Likelihood.Certain, null, "", " "), Light.Green, indicatorRow: true));
    }

    [Fact]
    public void An_indicator_row_must_say_its_likelihood_the_budget_row_need_not()
    {
        var problems = MonitoringRules.Check(new(null, null, null, null), null, indicatorRow: true);
        Assert.Equal("Likelihood", Fields(problems));
        Assert.Equal("请选择完成可能性（确定能、有可能或完全不可能）", problems[0].Message);
        Assert.Empty(MonitoringRules.Check(new(null, null, null, null), Light.Green, indicatorRow: false));
    }

    [Theory]
    [InlineData(Likelihood.Possible, "完成可能性为“有可能”")]
    [InlineData(Likelihood.Impossible, "完成可能性为“完全不可能”")]
    public void An_uncertain_row_needs_cause_text_and_measures(Likelihood likelihood, string why)
    {
        var problems = MonitoringRules.Check(new(likelihood, null, null, null), null, indicatorRow: true);
        Assert.Equal("Cause,CauseText,Measures", Fields(problems));
        Assert.Equal($"{why}，须选择偏差原因类别（人员、制度、经费、硬件、其他）", problems[0].Message);
        Assert.Equal($"{why}，须说明偏差原因", problems[1].Message);
        Assert.Equal($"{why}，须填写纠偏措施", problems[2].Message);
    }

    [Theory]
    [InlineData(Light.Red, "预算执行为红灯")]
    [InlineData(Light.Yellow, "预算执行为黄灯")]
    public void A_red_or_yellow_budget_row_needs_cause_text_and_measures(Light light, string why)
    {
        var problems = MonitoringRules.Check(new(null, null, "  ", ""), light, indicatorRow: false);
        Assert.Equal("Cause,CauseText,Measures", Fields(problems));
        Assert.StartsWith(why + "，", problems[0].Message);
    }

    [Fact]
    public void The_light_is_named_before_the_likelihood()
    {
        var problems = MonitoringRules.Check(new(Likelihood.Possible, null, null, null), Light.Red, indicatorRow: true);
        Assert.StartsWith("预算执行为红灯，", problems[0].Message);
    }

    [Fact]
    public void Each_missing_part_is_named_alone()
    {
        Assert.Equal("Cause", Fields(MonitoringRules.Check(new(Likelihood.Possible, null, "人手不足", "增派人员"), null, true)));
        Assert.Equal("CauseText", Fields(MonitoringRules.Check(new(Likelihood.Possible, CauseCategory.Personnel, null, "增派人员"), null, true)));
        Assert.Equal("Measures", Fields(MonitoringRules.Check(new(Likelihood.Possible, CauseCategory.Personnel, "人手不足", null), null, true)));
        Assert.Empty(MonitoringRules.Check(new(Likelihood.Possible, CauseCategory.Personnel, "人手不足", "增派人员"), Light.Red, true));
    }
}

public class MonitoringTextTests
{
    [Fact]
    public void Labels_and_parses_round_trip()
    {
        Assert.Equal("绿灯", MonitoringText.Label(Light.Green));
        Assert.Equal("黄灯", MonitoringText.Label(Light.Yellow));
        Assert.Equal("红灯", MonitoringText.Label(Light.Red));
        foreach (var l in Enum.GetValues<Likelihood>()) Assert.Equal(l, MonitoringText.ParseLikelihood(MonitoringText.Label(l)));
        foreach (var c in Enum.GetValues<CauseCategory>()) Assert.Equal(c, MonitoringText.ParseCause(MonitoringText.Label(c)));
        Assert.Equal(["确定能", "有可能", "完全不可能"], Enum.GetValues<Likelihood>().Select(MonitoringText.Label));
        Assert.Equal(["人员", "制度", "经费", "硬件", "其他"], Enum.GetValues<CauseCategory>().Select(MonitoringText.Label));
        Assert.Null(MonitoringText.ParseLikelihood("可能"));
        Assert.Null(MonitoringText.ParseLikelihood(null));
        Assert.Null(MonitoringText.ParseCause("资金"));
        Assert.Equal(CauseCategory.Funding, MonitoringText.ParseCause(" 经 费 "));
    }

    [Theory]
    [InlineData(1, "1月")]
    [InlineData(6, "1–6月")]
    [InlineData(8, "1–8月")]
    public void Period_labels(int month, string label) => Assert.Equal(label, MonitoringText.Period(month));
}

public class OvershootTests
{
    static readonly MonitoringSettings Defaults = new();
    static string? Warn(string target, string? current, MonitoringSettings? s = null) =>
        Overshoot.Warning(TargetValue.Parse(target), current, s ?? Defaults);

    [Theory]
    [InlineData("≥100次", "115")]        // exactly 15% above: silent
    [InlineData("≥100次", "115次")]
    [InlineData("≥100次", "100")]
    [InlineData("≥100次", "50")]
    [InlineData("=200件", "229.99")]
    [InlineData("≤10天", "30")]           // a ceiling running over is a breach, not a low target
    [InlineData("<10天", "30")]
    [InlineData("良好", "200")]
    [InlineData("有效控制运行成本", "200")]
    [InlineData("≥0次", "5")]
    [InlineData("≥100次", "很多")]
    [InlineData("≥100次", "")]
    [InlineData("≥100次", null)]
    [InlineData("≥100次", "200万元")]     // another unit: not comparable
    public void Silent(string target, string? current) => Assert.Null(Warn(target, current));

    [Theory]
    [InlineData("≥100次", "115.01")]
    [InlineData("≥100次", "116次")]
    [InlineData(">100次", "200")]
    [InlineData("=200件", "230.01")]
    [InlineData("100", "116")]
    public void Fires_above_the_threshold(string target, string current) => Assert.NotNull(Warn(target, current));

    [Fact]
    public void The_message_quotes_value_target_and_share()
    {
        Assert.Equal("当前值 130次 已超过目标值 ≥100次 的 30%（超过 15%），请说明原因：目标是否定得过低？", Warn("≥100次", "130次"));
        Assert.Equal("当前值 ≥123.45 已超过目标值 ≥100次 的 23.5%（超过 15%），请说明原因：目标是否定得过低？", Warn("≥100次", "≥123.45"));
    }

    [Fact]
    public void The_profile_sets_the_threshold()
    {
        var tight = new MonitoringSettings { OvershootPercent = 5 };
        Assert.Null(Warn("≥100次", "105", tight));
        Assert.NotNull(Warn("≥100次", "105.01", tight));
    }

    [Fact]
    public void No_target_is_silent() => Assert.Null(Overshoot.Warning(null, "500", Defaults));
}
