using Jixiao.Domain;
using Jixiao.Domain.Scoring;
using Jixiao.Forms;

namespace Jixiao.Tests.Domain.Scoring;

// Rows, weights and whole projects: every warning firing and silent.
public class ScorerTests
{
    static readonly SelfEvaluationSettings Defaults = new();

    internal static Indicator Ind(string level1, string name, string? target, string? actual,
        decimal? weight = null, decimal? score = null, string? cause = null) => new()
    {
        Level1 = level1,
        Name = name,
        AnnualTarget = target is null ? null : TargetValue.Parse(target),
        Actual = actual is null ? null : TargetValue.Parse(actual),
        Weight = weight,
        Score = score,
        DeviationCause = cause,
    };

    static IndicatorResult Row(Indicator i, decimal points = 10m) => Scorer.Row(i, points, "产出", Defaults);

    static string[] Codes(IEnumerable<ScoreWarning> w) => w.Select(x => x.Code).ToArray();

    // --- qualitative rows -------------------------------------------------------------------------

    [Theory]
    [InlineData("达成", "10", "10")]
    [InlineData("达成", "8", "8")]           // lower edge of 达成
    [InlineData("部分达成", "8", "8")]        // upper edge of 部分达成: the bands touch
    [InlineData("部分达成", "6", "6")]
    [InlineData("未达成", "6", "6")]
    [InlineData("未达成", "0", "0")]
    public void Rater_scores_inside_their_band_stand(string tier, string given, string expected)
    {
        var r = Row(Ind("产出", "机制建设", "健全", tier, score: decimal.Parse(given), cause: "原因"));
        Assert.Equal((ScoreMethod.Qualitative, decimal.Parse(expected)), (r.Method, r.Score));
        Assert.DoesNotContain("rater-score-outside-band", Codes(r.Warnings));
    }

    [Theory]
    [InlineData("达成", "7.99", "8")]
    [InlineData("达成", "10.01", "10")]
    [InlineData("部分达成", "8.01", "8")]
    [InlineData("部分达成", "5.99", "6")]
    [InlineData("未达成", "6.01", "6")]
    [InlineData("未达成", "-0.01", "0")]
    public void Rater_scores_outside_their_band_are_flagged_and_held_to_it(string tier, string given, string held)
    {
        var r = Row(Ind("产出", "机制建设", "健全", tier, score: decimal.Parse(given), cause: "原因"));
        Assert.Equal(decimal.Parse(held), r.Score);
        var w = Assert.Single(r.Warnings, x => x.Code == "rater-score-outside-band");
        Assert.Contains("应在", w.Message);
    }

    [Fact]
    public void A_tier_without_a_score_takes_the_bottom_of_its_band()
    {
        var r = Row(Ind("产出", "机制建设", "健全", "部分达成", cause: "原因"));
        Assert.Equal(6m, r.Score);
        Assert.Equal(["rater-score-missing"], Codes(r.Warnings));
    }

    [Fact]
    public void Full_marks_on_a_qualitative_row_need_no_cause()
    {
        var r = Row(Ind("产出", "机制建设", "健全", "达成", score: 10m));
        Assert.False(r.CauseRequired);
        Assert.Empty(r.Warnings);
        Assert.Equal(QualitativeTier.Achieved, r.Tier);
    }

    [Fact]
    public void Marks_lost_on_a_qualitative_row_need_a_cause()
    {
        var r = Row(Ind("产出", "机制建设", "健全", "达成", score: 9.99m));
        Assert.True(r.CauseRequired);
        Assert.Equal(["cause-missing"], Codes(r.Warnings));
        Assert.Empty(Row(Ind("产出", "机制建设", "健全", "达成", score: 9.99m, cause: "人员不足")).Warnings);
    }

    [Fact]
    public void A_qualitative_target_judged_in_other_words_keeps_its_stated_score_unchecked()
    {
        var r = Row(Ind("效益", "矛盾纠纷多元化解机制", "健全", "基本健全", score: 8m, cause: "人员不足"));
        Assert.Equal((ScoreMethod.Stated, 8m), (r.Method, r.Score));
        Assert.Equal(["tier-missing"], Codes(r.Warnings));
        Assert.Equal(10m, Row(Ind("效益", "x", "健全", "基本健全", score: 12m)).Score);   // held within the points
        Assert.Equal(0m, Row(Ind("效益", "x", "健全", "基本健全", cause: "c")).Score);
    }

    // --- quantitative rows ------------------------------------------------------------------------

    [Fact]
    public void A_missing_actual_scores_nothing_and_says_so()
    {
        var r = Row(Ind("产出", "接待人次", "≥3000人次", null));
        Assert.Equal((0m, ScoreMethod.HigherIsBetter), (r.Score, r.Method));
        Assert.Equal(["actual-missing"], Codes(r.Warnings));
        Assert.False(r.CauseRequired);
        var blank = Row(Ind("产出", "机制", "健全", " "));
        Assert.Equal((0m, ScoreMethod.None), (blank.Score, blank.Method));
        Assert.Contains("actual-missing", Codes(blank.Warnings));
    }

    [Fact]
    public void An_actual_that_is_no_number_scores_nothing_and_says_so()
    {
        var r = Row(Ind("产出", "接待人次", "≥3000人次", "很多", cause: "c"));
        Assert.Equal(0m, r.Score);
        Assert.Equal(["actual-unreadable"], Codes(r.Warnings));
    }

    [Fact]
    public void Units_that_differ_are_flagged_but_compared_by_number()
    {
        var r = Row(Ind("产出", "接待人次", "≥3000人次", "3216件"));
        Assert.Equal(10m, r.Score);
        Assert.Equal(["unit-differs"], Codes(r.Warnings));
        Assert.Empty(Row(Ind("产出", "接待人次", "≥3000人次", "3216人次")).Warnings);
        Assert.Empty(Row(Ind("产出", "接待人次", "≥3000人次", "3216")).Warnings);
        Assert.Empty(Row(Ind("产出", "接待人次", "≥3000", "3216人次")).Warnings);
    }

    [Theory]
    [InlineData("≥100人", "130人", true)]      // exactly 130%: fires
    [InlineData("≥100人", "129.99人", false)]
    [InlineData("=100%", "100%", false)]
    [InlineData("≤5%", "1%", false)]          // lower is better: far below is good, no overshoot
    [InlineData("≥0起", "5起", false)]         // no ratio to a zero target
    public void Strong_overshoot_needs_a_cause(string target, string actual, bool fires)
    {
        var r = Row(Ind("产出", "人数", target, actual));
        Assert.Equal(10m, r.Score);
        Assert.Equal(fires, r.CauseRequired);
        Assert.Equal(fires ? ["overshoot", "cause-missing"] : [], Codes(r.Warnings));
        if (fires) Assert.Equal(["overshoot"], Codes(Row(Ind("产出", "人数", target, actual, cause: "目标偏低，下年提高")).Warnings));
    }

    [Fact]
    public void Overshoot_ratio_comes_from_the_profile()
    {
        var r = Scorer.Row(Ind("产出", "人数", "≥100人", "115人"), 10m, "产出", Defaults with { OvershootRatio = 1.15m });
        Assert.True(r.CauseRequired);
        Assert.Equal(1.15m, r.Ratio);
    }

    [Fact]
    public void Lower_is_better_rows_score_by_their_formula_and_ask_for_a_cause()
    {
        var r = Row(Ind("效益", "重复信访率", "≤5%", "6.1%", score: 15.6m, cause: "积案难化解"), 20m);
        Assert.Equal((15.6m, ScoreMethod.LowerIsBetter, true), (r.Score, r.Method, r.CauseRequired));
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Negative_actuals_count_as_zero()
    {
        Assert.Equal(0m, Row(Ind("效益", "增长率", "≥5%", "-3%", cause: "c")).Score);
        Assert.Equal(10m, Row(Ind("效益", "事故数", "≤2起", "-1起")).Score);
        Assert.Equal(10m, Row(Ind("效益", "安全事故", "=0起", "-1起")).Score);
    }

    [Fact]
    public void A_target_of_zero_with_equal_scores_full_only_when_nothing_happened()
    {
        Assert.Equal(10m, Row(Ind("效益", "安全事故", "=0起", "0起")).Score);
        var r = Row(Ind("效益", "安全事故", "=0起", "1起"));
        Assert.Equal((0m, true), (r.Score, r.CauseRequired));
    }

    [Fact]
    public void Stated_scores_are_compared_with_the_computed_ones()
    {
        Assert.Empty(Row(Ind("产出", "及时率", "=100%", "98.5%", score: 9.85m, cause: "c")).Warnings);
        var r = Row(Ind("产出", "及时率", "=100%", "98.5%", score: 9.8m, cause: "c"));
        Assert.Equal(9.85m, r.Score);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(("stated-score-differs", "“及时率”表中得分9.8，按规则计算为9.85"), (w.Code, w.Message));
        // Stated with more places but the same when printed: silent.
        Assert.Empty(Row(Ind("产出", "培训", "≥120人次", "98人次", score: 8.1666m, cause: "c")).Warnings);
    }

    [Fact]
    public void Row_scores_are_rounded_half_away_from_zero()
    {
        // 98 ÷ 120 × 10 = 8.1666… → 8.17
        Assert.Equal(8.17m, Row(Ind("产出", "培训", "≥120人次", "98人次", cause: "c")).Score);
        // 90.2 ÷ 95 × 20 = 18.98947… → 18.99
        Assert.Equal(18.99m, Row(Ind("产出", "成功率", "≥95%", "90.2%", cause: "c"), 20m).Score);
    }

    [Fact]
    public void Period_target_is_used_when_the_annual_one_is_empty()
    {
        var i = Ind("产出", "人数", null, "50人", cause: "c");
        i.PeriodTarget = TargetValue.Parse("≥100人");
        Assert.Equal(5m, Row(i).Score);
        i.AnnualTarget = TargetValue.Parse("");
        Assert.Equal(5m, Row(i).Score);
    }

    // --- weights ----------------------------------------------------------------------------------

    static ProjectForm Project(params Indicator[] rows) => new() { Name = "项目", Indicators = [.. rows] };

    [Fact]
    public void Without_weights_each_block_is_split_evenly_in_cents()
    {
        var plan = Scorer.Weights(Project(
            Ind("产出指标", "a", "≥1", "1"), Ind("产出指标", "b", "≥1", "1"), Ind("产出指标", "c", "≥1", "1"),
            Ind("效益指标", "d", "≥1", "1"), Ind("满意度指标", "e", "≥1", "1")), Defaults);
        Assert.Equal([16.67m, 16.67m, 16.66m, 30m, 10m], plan.Points);
        Assert.Equal(["产出", "产出", "产出", "效益", "满意度"], plan.Blocks);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_missing_block_leaves_the_indicators_short_of_90()
    {
        var plan = Scorer.Weights(Project(Ind("产出指标", "a", "≥1", "1"), Ind("效益指标", "d", "≥1", "1")), Defaults);
        var w = Assert.Single(plan.Warnings);
        Assert.Equal(("weights-total", "各指标分值合计80，应为90（总分100减预算执行率10分）"), (w.Code, w.Message));
    }

    [Fact]
    public void Own_weights_that_add_up_are_silent()
    {
        var plan = Scorer.Weights(Project(
            Ind("产出指标", "a", "≥1", "1", 20m), Ind("产出指标", "b", "≥1", "1", 30m),
            Ind("效益指标", "d", "≥1", "1", 30m), Ind("满意度指标", "e", "≥1", "1", 10m)), Defaults);
        Assert.Equal([20m, 30m, 30m, 10m], plan.Points);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Own_weights_that_do_not_add_up_are_flagged_by_block_and_in_total()
    {
        var plan = Scorer.Weights(Project(
            Ind("产出指标", "a", "≥1", "1", 20m), Ind("产出指标", "b", "≥1", "1", 25m),
            Ind("效益指标", "d", "≥1", "1", 30m), Ind("满意度指标", "e", "≥1", "1", 10m)), Defaults);
        Assert.Equal(["weights-block", "weights-total"], Codes(plan.Warnings));
        Assert.Equal("“产出”各三级指标分值合计45，应等于一级指标分值50", plan.Warnings[0].Message);
    }

    [Fact]
    public void A_row_without_a_weight_among_weighted_rows_counts_zero()
    {
        var plan = Scorer.Weights(Project(
            Ind("产出指标", "a", "≥1", "1", 50m), Ind("产出指标", "b", "≥1", "1"),
            Ind("效益指标", "d", "≥1", "1", 30m), Ind("满意度指标", "e", "≥1", "1", 10m)), Defaults);
        Assert.Equal([50m, 0m, 30m, 10m], plan.Points);
        Assert.Equal(["weight-missing"], Codes(plan.Warnings));
    }

    [Fact]
    public void Unknown_blocks_are_flagged_and_score_by_their_own_weights_only()
    {
        var plan = Scorer.Weights(Project(
            Ind("产出指标", "a", "≥1", "1"), Ind("效益指标", "d", "≥1", "1"), Ind("满意度指标", "e", "≥1", "1"),
            Ind("其他指标", "其他事项", "≥1", "1")), Defaults);
        Assert.Equal([50m, 30m, 10m, 0m], plan.Points);
        Assert.Equal(["block-unknown"], Codes(plan.Warnings));
    }

    [Fact]
    public void Cost_rows_count_in_the_output_block()
    {
        var plan = Scorer.Weights(Project(
            Ind("成本指标", "单位成本", "≤180元", "170元"), Ind("产出指标", "a", "≥1", "1"),
            Ind("效益指标", "d", "≥1", "1"), Ind("满意度指标", "e", "≥1", "1")), Defaults);
        Assert.Equal([25m, 25m, 30m, 10m], plan.Points);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Block_points_stated_in_the_form_replace_the_defaults()
    {
        var labelled = Project(Ind("产出指标（40分）", "a", "≥1", "1"), Ind("效益指标（40分）", "d", "≥1", "1"),
            Ind("满意度指标（10分）", "e", "≥1", "1"));
        Assert.Equal([40m, 40m, 10m], Scorer.Weights(labelled, Defaults).Points);
        var section = Project(Ind("产出指标", "a", "≥1", "1"), Ind("效益指标", "d", "≥1", "1"), Ind("满意度指标", "e", "≥1", "1"));
        section.Sections["指标分值"] = "产出指标：45分\n效益指标：35分\n满意度指标：10分";
        Assert.Equal([45m, 35m, 10m], Scorer.Weights(section, Defaults).Points);
        Assert.Equal(new Dictionary<string, decimal> { ["产出"] = 45m, ["效益"] = 35m, ["满意度"] = 10m },
            Scorer.StatedBlockPoints(section, Defaults));
    }

    [Fact]
    public void Placeholder_rows_are_not_scored()
    {
        var plan = Scorer.Weights(Project(Ind("产出指标", "a", "≥1", "1"), Ind("产出指标", "无", null, null),
            Ind("效益指标", "d", "≥1", "1"), Ind("满意度指标", "e", "≥1", "1")), Defaults);
        Assert.Equal(["a", "d", "e"], plan.Rows.Select(r => r.Name));
    }

    // --- whole projects ---------------------------------------------------------------------------

    static ProjectForm Evaluated(decimal budget, decimal? executed, params Indicator[] rows) => new()
    {
        Name = "项目",
        Indicators = [.. rows],
        SelfEvaluation = new()
        {
            Execution =
            [
                new() { Name = "当年财政拨款", Item = FundingItem.Appropriation, AnnualBudget = 1m, Executed = 1m },
                new() { Name = "年度资金总额", Item = FundingItem.AnnualRequest, AnnualBudget = budget, Executed = executed },
            ],
        },
    };

    [Fact]
    public void The_national_text_form_scores_as_it_states()
    {
        var doc = DocumentReader.Read(Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", "selfeval-national.txt"));
        var e = Scorer.Score(doc.Projects[0], Defaults);
        // 15 + 10 + 15 + 9.85 + 15.6 + 8 (stated, 基本健全) + 10 = 83.45; execution 46.5 ÷ 48 × 10 = 9.6875 → 9.69; 93.14.
        Assert.Equal([15m, 10m, 15m, 9.85m, 15.6m, 8m, 10m], e.Indicators.Select(r => r.Score));
        Assert.Equal((9.69m, 96.88m), (e.Execution.Score, e.Execution.RatePercent));
        Assert.Equal((93.14m, EvaluationGrade.Excellent), (e.Total, e.Grade));
        Assert.Empty(e.Warnings);
        Assert.Empty(e.Execution.Warnings);
        Assert.Equal(["tier-missing"], e.Indicators.SelectMany(r => r.Warnings).Select(w => w.Code));
    }

    [Fact]
    public void A_provincial_form_scores_86_05_good()
    {
        var p = Evaluated(200000m, 186500m,
            Ind("产出指标", "调解补贴发放案件数", "≥400件", "436件", 20m, 20m),
            Ind("产出指标", "人民调解员培训人次", "≥120人次", "98人次", 10m, 8.17m, "c"),
            Ind("产出指标", "调解成功率", "≥95%", "90.2%", 20m, 18.99m, "c"),
            Ind("效益指标", "民间纠纷转化为刑事案件数", "≤2件", "3件", 20m, 10m, "c"),
            Ind("满意度指标", "当事人满意度", "≥90%", "88%", 20m, 19.56m, "c"));
        p.SelfEvaluation!.TotalScore = 86.05m;
        p.SelfEvaluation.Grade = EvaluationGrade.Good;
        var e = Scorer.Score(p, Defaults);
        // 20 + 8.17 + 18.99 + 10 + 19.56 = 76.72; 186500 ÷ 200000 × 10 = 9.325 → 9.33; 86.05 → 良.
        Assert.Equal((9.33m, 86.05m, EvaluationGrade.Good), (e.Execution.Score, e.Total, e.Grade));
        // 效益 20 ≠ 30 and 满意度 20 ≠ 10: the weights do not follow the national blocks.
        Assert.Equal(["weights-block", "weights-block"], e.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Stated_total_and_grade_that_differ_are_flagged()
    {
        var p = Evaluated(100m, 100m, Ind("产出指标", "a", "≥1", "1", 50m), Ind("效益指标", "b", "≥1", "1", 30m),
            Ind("满意度指标", "c", "≥1", "1", 10m));
        p.SelfEvaluation!.TotalScore = 99m;
        p.SelfEvaluation.Grade = EvaluationGrade.Good;
        var e = Scorer.Score(p, Defaults);
        Assert.Equal((100m, EvaluationGrade.Excellent), (e.Total, e.Grade));
        Assert.Equal(["stated-total-differs", "stated-grade-differs"], e.Warnings.Select(w => w.Code));
        Assert.Equal("表中自评等级“良”，按计算总分100应为“优”", e.Warnings[1].Message);
        p.SelfEvaluation.TotalScore = 100m;
        p.SelfEvaluation.Grade = EvaluationGrade.Excellent;
        Assert.Empty(Scorer.Score(p, Defaults).Warnings);
    }

    [Fact]
    public void A_total_of_79_995_is_graded_good_as_printed()
    {
        // 产出 50 × 1 + 效益: 5.9995 of ≥10 → 17.9985 → 18.00; 满意度 2 of ≥10 → 2; execution 100 of 100 → 10.
        // Rows 50 + 18 + 2 = 70, total 80.00 → 良. A stated total of 79.995 prints as 80.00: no finding.
        var p = Evaluated(100m, 100m, Ind("产出指标", "a", "≥1", "1", 50m), Ind("效益指标", "b", "≥10", "5.9995", 30m, cause: "c"),
            Ind("满意度指标", "c", "≥10", "2", 10m, cause: "c"));
        p.SelfEvaluation!.TotalScore = 79.995m;
        p.SelfEvaluation.Grade = EvaluationGrade.Good;
        var e = Scorer.Score(p, Defaults);
        Assert.Equal([50m, 18m, 2m], e.Indicators.Select(r => r.Score));
        Assert.Equal((80m, EvaluationGrade.Good), (e.Total, e.Grade));
        Assert.Empty(e.Warnings);
        p.SelfEvaluation.TotalScore = 79.994m;
        Assert.Equal(["stated-total-differs"], Scorer.Score(p, Defaults).Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Execution_above_budget_is_capped_and_its_rate_shown()
    {
        var e = Scorer.Score(Evaluated(100m, 130m), Defaults).Execution;
        Assert.Equal((10m, 130m, 100m, 130m, 10m), (e.Score, e.RatePercent, e.AnnualBudget, e.Executed, e.Points));
        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void Execution_without_spending_or_budget_scores_nothing_and_says_so()
    {
        var none = Scorer.Score(Evaluated(100m, null), Defaults).Execution;
        Assert.Equal((0m, "execution-missing"), (none.Score, Assert.Single(none.Warnings).Code));
        var zero = Scorer.Score(Evaluated(0m, 5m), Defaults).Execution;
        Assert.Equal((0m, "budget-missing"), (zero.Score, Assert.Single(zero.Warnings).Code));
        Assert.Null(zero.RatePercent);
    }

    [Fact]
    public void Execution_takes_the_forms_points_and_compares_its_stated_score()
    {
        var p = Evaluated(200m, 150m);
        p.SelfEvaluation!.Execution[1].Points = 20m;
        p.SelfEvaluation.Execution[1].Score = 15m;
        var e = Scorer.Score(p, Defaults).Execution;
        Assert.Equal((20m, 15m, 75m), (e.Points, e.Score, e.RatePercent));
        Assert.Empty(e.Warnings);
        p.SelfEvaluation.Execution[1].Score = 14m;
        Assert.Equal("stated-execution-differs", Assert.Single(Scorer.Score(p, Defaults).Execution.Warnings).Code);
    }

    [Fact]
    public void Execution_without_a_self_evaluation_uses_the_funding_and_no_spending()
    {
        var p = new ProjectForm { Name = "x", Funding = new() { AnnualRequest = 50m, Total = 80m } };
        var e = Scorer.ExecutionOf(p, Defaults);
        Assert.Equal((50m, 10m, 0m), (e.AnnualBudget, e.Points, e.Score));
        p.Funding.AnnualRequest = null;
        Assert.Equal(80m, Scorer.ExecutionOf(p, Defaults).AnnualBudget);
        p.SelfEvaluation = new() { Execution = [new() { Name = "其他", Item = FundingItem.Other, AnnualBudget = 40m, Executed = 20m }] };
        Assert.Equal(5m, Scorer.ExecutionOf(p, Defaults).Score);   // the only row stands for the whole
    }

    [Fact]
    public void Total_is_the_sum_of_the_printed_row_scores_and_the_execution_score()
    {
        var p = Evaluated(3m, 2m,
            Ind("产出指标", "a", "≥3", "1", 50m, cause: "c"),      // 16.666… → 16.67
            Ind("效益指标", "b", "≥3", "1", 30m, cause: "c"),      // 10
            Ind("满意度指标", "c", "≥3", "2", 10m, cause: "c"));   // 6.666… → 6.67
        var e = Scorer.Score(p, Defaults);
        // 16.67 + 10 + 6.67 = 33.34; execution 2 ÷ 3 × 10 = 6.666… → 6.67; 40.01 (the unrounded sum is 40.00).
        Assert.Equal((6.67m, 40.01m, EvaluationGrade.Poor), (e.Execution.Score, e.Total, e.Grade));
    }
}
