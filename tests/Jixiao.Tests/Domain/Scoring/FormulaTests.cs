using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;

namespace Jixiao.Tests.Domain.Scoring;

// The formulas of 财预〔2020〕10号 one by one, at their exact edges.
public class FormulaTests
{
    [Theory]
    [InlineData("9.325", "9.33")]       // half away from zero; banker's rounding would give 9.32
    [InlineData("9.335", "9.34")]
    [InlineData("9.3249999", "9.32")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("79.995", "80.00")]
    [InlineData("8.1666666", "8.17")]
    public void Round_is_two_places_half_away_from_zero(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected), Scorer.Round(decimal.Parse(value)));

    [Theory]
    [InlineData("100", "120", "10", "10")]      // above the target: full
    [InlineData("100", "100", "10", "10")]      // at the target: full
    [InlineData("100", "95", "10", "9.5")]      // 95 ÷ 100 × 10
    [InlineData("3000", "2400", "15", "12")]
    [InlineData("100", "0", "10", "0")]
    [InlineData("100", "-5", "10", "0")]        // a negative actual counts as 0
    [InlineData("0", "0", "10", "10")]          // ≥0 is always reached
    [InlineData("0", "-3", "10", "10")]
    public void Higher_is_better(string target, string actual, string points, string expected) =>
        Assert.Equal(decimal.Parse(expected), Scorer.HigherIsBetter(decimal.Parse(target), decimal.Parse(actual), decimal.Parse(points)));

    [Theory]
    [InlineData("0", "0", "10", "10")]          // "=0起": nothing happened, full
    [InlineData("0", "-2", "10", "10")]         // negative counts as 0
    [InlineData("0", "0.01", "10", "0")]        // anything happened: nothing
    [InlineData("0", "1", "10", "0")]
    [InlineData("100", "98.5", "10", "9.85")]   // otherwise higher is better
    [InlineData("100", "100", "10", "10")]
    [InlineData("100", "120", "10", "10")]
    [InlineData("100", "-1", "10", "0")]
    public void Equal(string target, string actual, string points, string expected) =>
        Assert.Equal(decimal.Parse(expected), Scorer.Equal(decimal.Parse(target), decimal.Parse(actual), decimal.Parse(points)));

    [Theory]
    [InlineData("5", "4", "20", "20")]          // below the limit: full
    [InlineData("5", "5", "20", "20")]          // at the limit: full
    [InlineData("5", "6.1", "20", "15.6")]      // (1 − 1.1 ÷ 5) × 20
    [InlineData("2", "3", "20", "10")]          // (1 − 1 ÷ 2) × 20
    [InlineData("5", "9.99", "10", "0.02")]     // just below 2 × target
    [InlineData("5", "10", "10", "0")]          // at 2 × target: nothing
    [InlineData("5", "12", "10", "0")]
    [InlineData("5", "-1", "10", "10")]         // negative counts as 0
    [InlineData("0", "0", "10", "10")]          // ≤0 kept
    [InlineData("0", "0.5", "10", "0")]         // ≤0 broken: 2 × 0 reached at once
    public void Lower_is_better(string target, string actual, string points, string expected) =>
        Assert.Equal(decimal.Parse(expected), Scorer.LowerIsBetter(decimal.Parse(target), decimal.Parse(actual), decimal.Parse(points)));

    [Fact]
    public void Lower_is_better_with_another_zero_multiple_runs_linearly_to_it() =>
        // target 4, zero at 3 × 4 = 12; actual 8 is half way: (1 − 4 ÷ (2 × 4)) × 10 = 5.
        Assert.Equal(5m, Scorer.LowerIsBetter(4m, 8m, 10m, 3m));

    [Theory]
    [InlineData(TargetOperator.Ge, "10", "8", "8")]
    [InlineData(TargetOperator.Gt, "10", "8", "8")]
    [InlineData(TargetOperator.Le, "10", "15", "5")]
    [InlineData(TargetOperator.Lt, "10", "15", "5")]
    [InlineData(TargetOperator.Eq, "0", "1", "0")]
    [InlineData(TargetOperator.Eq, "10", "8", "8")]
    [InlineData(TargetOperator.Ge, "0", "1", "10")]
    public void Quantitative_picks_the_direction_by_operator(TargetOperator op, string target, string actual, string expected) =>
        Assert.Equal(decimal.Parse(expected), Scorer.Quantitative(op, decimal.Parse(target), decimal.Parse(actual), 10m));

    [Theory]
    [InlineData("480000", "465000", "10", "9.6875")]
    [InlineData("200000", "186500", "10", "9.325")]
    [InlineData("100", "100", "10", "10")]      // exactly spent
    [InlineData("100", "130", "10", "10")]      // above 100%: capped
    [InlineData("100", "100.01", "10", "10")]
    [InlineData("100", "-5", "10", "0")]        // negative spending counts as none
    [InlineData("100", "50", "20", "10")]       // the form's own points
    public void Execution_is_spent_over_budget_times_points_capped(string budget, string executed, string points, string expected) =>
        Assert.Equal(decimal.Parse(expected), Scorer.Execution(decimal.Parse(budget), decimal.Parse(executed), decimal.Parse(points)));

    [Theory]
    [InlineData("100", EvaluationGrade.Excellent)]
    [InlineData("90", EvaluationGrade.Excellent)]
    [InlineData("89.995", EvaluationGrade.Excellent)]   // prints as 90.00
    [InlineData("89.99", EvaluationGrade.Good)]
    [InlineData("80", EvaluationGrade.Good)]
    [InlineData("79.995", EvaluationGrade.Good)]        // prints as 80.00: the grade follows the printed total
    [InlineData("79.9949", EvaluationGrade.Fair)]
    [InlineData("79.99", EvaluationGrade.Fair)]
    [InlineData("60", EvaluationGrade.Fair)]
    [InlineData("59.99", EvaluationGrade.Poor)]
    [InlineData("0", EvaluationGrade.Poor)]
    public void Grades_by_default_thresholds(string total, EvaluationGrade grade) =>
        Assert.Equal(grade, new SelfEvaluationSettings().Grade(decimal.Parse(total)));

    [Theory]
    [InlineData("80", EvaluationGrade.Excellent)]
    [InlineData("79.99", EvaluationGrade.Good)]
    [InlineData("70", EvaluationGrade.Good)]
    [InlineData("69.99", EvaluationGrade.Fair)]
    [InlineData("60", EvaluationGrade.Fair)]
    [InlineData("59.99", EvaluationGrade.Poor)]
    public void Grades_by_a_provinces_80_70_60(string total, EvaluationGrade grade) =>
        Assert.Equal(grade, new SelfEvaluationSettings { ExcellentFrom = 80m, GoodFrom = 70m, FairFrom = 60m }.Grade(decimal.Parse(total)));

    [Fact]
    public void Default_settings_are_those_of_the_national_rules()
    {
        var s = new SelfEvaluationSettings();
        Assert.Equal(new Dictionary<string, decimal> { ["产出"] = 50m, ["效益"] = 30m, ["满意度"] = 10m }, s.Level1Points);
        Assert.Equal(new Dictionary<string, string> { ["成本"] = "产出" }, s.Level1Aliases);
        Assert.Equal((100m, 10m, 90m), (s.TotalPoints, s.ExecutionPoints, s.IndicatorPoints));
        Assert.Equal((90m, 80m, 60m), (s.ExcellentFrom, s.GoodFrom, s.FairFrom));
        Assert.Equal((1.3m, 0.6m, 0.8m, 2m), (s.OvershootRatio, s.PartlyFrom, s.AchievedFrom, s.LowerZeroMultiple));
    }

    [Fact]
    public void Profiles_carry_the_settings_shanghai_2018_by_its_own_blocks()
    {
        Assert.Equal(50m, ReviewProfiles.National2021.SelfEvaluation.Level1Points["产出"]);
        Assert.Equal(90m, ReviewProfiles.National2018.SelfEvaluation.ExcellentFrom);
        Assert.Equal(new Dictionary<string, decimal> { ["产出"] = 50m, ["效果"] = 30m, ["影响力"] = 10m },
            ReviewProfiles.Shanghai2018.SelfEvaluation.Level1Points);
    }

    [Theory]
    [InlineData(QualitativeTier.Achieved, "8", "10")]
    [InlineData(QualitativeTier.Partly, "6", "8")]
    [InlineData(QualitativeTier.NotAchieved, "0", "6")]
    public void Qualitative_bands_are_shares_of_the_points(QualitativeTier tier, string low, string high) =>
        Assert.Equal((decimal.Parse(low), decimal.Parse(high)), new SelfEvaluationSettings().Band(tier, 10m));

    [Theory]
    [InlineData("达成", QualitativeTier.Achieved)]
    [InlineData("达成年度指标", QualitativeTier.Achieved)]
    [InlineData(" 部分 达成 ", QualitativeTier.Partly)]
    [InlineData("部分达成年度指标并具有一定效果", QualitativeTier.Partly)]
    [InlineData("未达成", QualitativeTier.NotAchieved)]
    [InlineData("未达成年度指标且效果较差", QualitativeTier.NotAchieved)]
    [InlineData("基本达成", null)]
    [InlineData("健全", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Tiers_are_read_from_their_words(string? text, QualitativeTier? tier) => Assert.Equal(tier, Scorer.Tier(text));

    [Theory]
    [InlineData(QualitativeTier.Achieved, "达成")]
    [InlineData(QualitativeTier.Partly, "部分达成")]
    [InlineData(QualitativeTier.NotAchieved, "未达成")]
    public void Tiers_have_their_chinese_names(QualitativeTier tier, string name) => Assert.Equal(name, tier.Chinese());

    [Theory]
    [InlineData("-3%", "-3", "%")]
    [InlineData("－3", "-3", null)]
    [InlineData("−2件", "-2", "件")]
    [InlineData("3216人次", "3216", "人次")]
    [InlineData("97.2%", "97.2", "%")]
    public void Actuals_read_with_a_leading_minus(string raw, string value, string? unit)
    {
        var a = Scorer.ParseActual(raw);
        Assert.Equal((TargetKind.Quantitative, decimal.Parse(value), unit, raw), (a.Kind, a.Value!.Value, a.Unit, a.Raw));
    }

    [Theory]
    [InlineData("-", TargetKind.Empty)]
    [InlineData("-多", TargetKind.Text)]
    [InlineData("基本健全", TargetKind.Text)]
    public void Actuals_that_are_no_number(string raw, TargetKind kind) => Assert.Equal(kind, Scorer.ParseActual(raw).Kind);
}
