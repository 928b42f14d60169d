using Jixiao.Domain;
using Jixiao.Domain.Scoring;

namespace Jixiao.Tests.Domain.Scoring;

// Level weights that must add up (domain.md §6): level 1 with 预算执行率 to the total, level 2 to its
// level 1, level 3 to its level 2, each firing one cent off on either side and silent when exact.
public class LevelWeightsTests
{
    static readonly SelfEvaluationSettings S = new();

    static Indicator R(string level1, string? level2, string name = "接待人次", decimal? weight = null) =>
        new() { Level1 = level1, Level2 = level2, Name = name, AnnualTarget = TargetValue.Parse("≥1"), Actual = TargetValue.Parse("1"), Weight = weight };

    static ProjectForm P(params Indicator[] rows) => new() { Name = "项目", Indicators = [.. rows] };

    static List<ScoreWarning> Check(ProjectForm p, SelfEvaluationSettings? s = null) =>
        Scorer.Weights(p, s ?? S).Warnings.Where(w => w.Code.StartsWith("weights-level")).ToList();

    // ---- level 1 against the total

    [Fact]
    public void Stated_level1_points_that_make_100_with_execution_are_silent()
    {
        var p = P(R("产出指标（50分）", null), R("效益指标（30分）", null), R("满意度指标（10分）", null));
        Assert.Equal(3, Scorer.Weights(p, S).Rows.Count);   // real rows, not placeholders: the silence means something
        Assert.Empty(Check(p));
    }

    [Theory]
    [InlineData("10.01", "90.01")]
    [InlineData("9.99", "89.99")]
    [InlineData("20", "100")]
    public void Stated_level1_points_a_cent_off_either_way_fire_with_the_blocks_named(string satisfaction, string sum)
    {
        var w = Assert.Single(Check(P(R("产出指标（50分）", null), R("效益指标（30分）", null), R($"满意度指标（{satisfaction}分）", null))));
        Assert.Equal("weights-level1", w.Code);
        Assert.Equal($"一级指标分值合计{sum}（产出50分、效益30分、满意度{satisfaction}分），加预算执行率10分应为总分100分", w.Message);
    }

    [Fact]
    public void Level1_is_checked_only_when_every_block_states_its_points()
    {
        Assert.Empty(Check(P(R("产出指标（60分）", null), R("效益指标", null), R("满意度指标", null))));
        Assert.Empty(Check(P()));
    }

    [Fact]
    public void Level1_follows_the_profiles_execution_points_and_total()
    {
        var p = P(R("产出指标（40分）", null), R("效益指标（30分）", null), R("满意度指标（10分）", null));
        Assert.Empty(Check(p, S with { ExecutionPoints = 20m }));
        Assert.Equal("一级指标分值合计80（产出40分、效益30分、满意度10分），加预算执行率10分应为总分100分", Assert.Single(Check(p)).Message);
        var q = P(R("产出指标（50分）", null), R("效益指标（30分）", null), R("满意度指标（10分）", null));
        Assert.Equal("一级指标分值合计90（产出50分、效益30分、满意度10分），加预算执行率10分应为总分110分",
            Assert.Single(Check(q, S with { TotalPoints = 110m })).Message);
    }

    // ---- level 2 against level 1

    [Fact]
    public void Level2_points_that_make_their_level1_are_silent()
    {
        Assert.Empty(Check(P(R("产出指标", "数量指标（20分）"), R("产出指标", "质量指标（30分）"), R("效益指标", "社会效益指标（30分）"))));
    }

    [Theory]
    [InlineData("29.99", "49.99")]
    [InlineData("30.01", "50.01")]
    public void Level2_points_a_cent_off_fire_located_on_the_blocks_rows(string quality, string sum)
    {
        var w = Assert.Single(Check(P(R("产出指标", "数量指标（20分）"), R("产出指标", "数量指标（20分）"), R("产出指标", $"质量指标（{quality}分）"), R("效益指标", null))));
        Assert.Equal("weights-level2", w.Code);
        Assert.Equal($"第1–3行：一级指标“产出指标”下各二级指标分值合计{sum}（数量指标20分、质量指标{quality}分），应等于一级指标分值50", w.Message);
    }

    [Fact]
    public void Level2_is_measured_against_the_stated_level1_points_before_the_profiles()
    {
        static List<ScoreWarning> Level2(ProjectForm p) => Check(p).Where(w => w.Code == "weights-level2").ToList();
        Assert.Empty(Level2(P(R("产出指标（40分）", "数量指标（20分）"), R("产出指标（40分）", "质量指标（20分）"))));
        var w = Assert.Single(Level2(P(R("产出指标（40分）", "数量指标（20分）"), R("产出指标（40分）", "质量指标（30分）"))));
        Assert.EndsWith("应等于一级指标分值40", w.Message);
        // The profile's own points where the form states none (成本 counts in 产出 by its alias).
        Assert.Empty(Check(P(R("产出指标", "数量指标（30分）"), R("成本指标", "经济成本指标（20分）"))));
    }

    [Fact]
    public void Level2_is_not_checked_when_a_group_states_no_points_or_the_block_has_no_points()
    {
        Assert.Empty(Check(P(R("产出指标", "数量指标（20分）"), R("产出指标", "质量指标"))));
        Assert.Empty(Check(P(R("产出指标", "数量指标（20分）"), R("产出指标", null))));
        Assert.Empty(Check(P(R("管理指标", "制度指标（5分）"))));
    }

    [Fact]
    public void A_groups_points_may_stand_on_a_later_row_and_its_rows_apart_are_listed_one_by_one()
    {
        var w = Assert.Single(Check(P(R("产出指标", "数量指标"), R("产出指标", "质量指标（30分）"), R("产出指标", "数量指标（10分）"))));
        Assert.Equal("第1–3行：一级指标“产出指标”下各二级指标分值合计40（数量指标10分、质量指标30分），应等于一级指标分值50", w.Message);
        var groups = LevelWeights.Groups(
            [R("产出指标", "数量指标"), R("产出指标", "质量指标（30分）"), R("产出指标", "数量指标（10分）")], ["产出", "产出", "产出"]);
        Assert.Equal([(10m, "1、3"), (30m, "2")], groups.Select(g => (g.Points!.Value, string.Join("、", g.Lines))));
    }

    // ---- level 3 against level 2

    [Fact]
    public void Row_weights_that_make_their_level2_are_silent()
    {
        Assert.Empty(Check(P(R("产出指标", "数量指标（20分）", "a", 12m), R("产出指标", "数量指标（20分）", "b", 8m),
            R("产出指标", "质量指标（30分）", "c", 30m))));
    }

    [Theory]
    [InlineData("7.99", "19.99")]
    [InlineData("8.01", "20.01")]
    public void Row_weights_a_cent_off_fire_located_on_the_groups_rows(string second, string sum)
    {
        var b = decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture);
        var w = Check(P(R("产出指标", "质量指标（30分）", "c", 30m), R("产出指标", "数量指标（20分）", "a", 12m), R("产出指标", "数量指标（20分）", "b", b)))
            .Single(x => x.Code == "weights-level3");
        Assert.Equal($"第2–3行：二级指标“数量指标”下各三级指标分值合计{sum}，应等于二级指标分值20", w.Message);
    }

    [Fact]
    public void A_group_of_one_row_names_that_row()
    {
        var w = Assert.Single(Check(P(R("产出指标", "质量指标（30分）", "a"), R("产出指标", "数量指标（20分）", "b", 12m))));
        Assert.Equal("第2行：二级指标“数量指标”下各三级指标分值合计12，应等于二级指标分值20", w.Message);
    }

    [Fact]
    public void The_first_points_a_group_states_stand()
    {
        var groups = LevelWeights.Groups([R("产出指标（50分）", "数量指标（20分）"), R("产出指标", "数量指标（10分）"), R("产出指标", "数量指标")], ["产出", "产出", "产出"]);
        var g = Assert.Single(groups);
        Assert.Equal(("产出指标", "数量指标", 20m, "1、2、3"), (g.Level1, g.Level2, g.Points, string.Join("、", g.Lines)));
        // The block is named without its points.
        var w = Assert.Single(Check(P(R("产出指标（40分）", "数量指标（20分）"), R("产出指标（40分）", "质量指标（30分）"))), x => x.Code == "weights-level2");
        Assert.StartsWith("第1–2行：一级指标“产出指标”下", w.Message);
    }

    [Fact]
    public void Rows_of_a_group_apart_from_each_other_are_named_one_by_one()
    {
        var w = Check(P(R("产出指标", "数量指标（20分）", "a", 12m), R("产出指标", "质量指标（30分）", "c", 30m), R("产出指标", "数量指标（20分）", "b", 9m)))
            .Single(x => x.Code == "weights-level3");
        Assert.Equal("第1、3行：二级指标“数量指标”下各三级指标分值合计21，应等于二级指标分值20", w.Message);
    }

    [Fact]
    public void Level3_is_not_checked_when_a_row_has_no_weight_or_the_group_no_points()
    {
        Assert.DoesNotContain(Check(P(R("产出指标", "数量指标（20分）", "a", 12m), R("产出指标", "数量指标（20分）", "b"))),
            w => w.Code == "weights-level3");
        Assert.Empty(Check(P(R("产出指标", "数量指标", "a", 12m), R("产出指标", "数量指标", "b", 1m))));
    }

    // ---- points a read form keeps in its 指标分值 section

    static ProjectForm WithSection(string points, params Indicator[] rows)
    {
        var p = P(rows);
        p.Sections["指标分值"] = points;
        return p;
    }

    [Fact]
    public void Level2_points_from_the_section_count_where_the_label_states_none()
    {
        static List<ScoreWarning> L2(ProjectForm p) => Check(p).Where(w => w.Code == "weights-level2").ToList();
        Assert.Empty(L2(WithSection("产出指标：50分\n数量指标：20分\n质量指标：30分", R("产出指标", "数量指标"), R("产出指标", "质量指标"))));
        var w = Assert.Single(L2(WithSection("产出指标：50分\n数量指标：20分\n质量指标：25分", R("产出指标", "数量指标"), R("产出指标", "质量指标"))));
        Assert.Equal("第1–2行：一级指标“产出指标”下各二级指标分值合计45（数量指标20分、质量指标25分），应等于一级指标分值50", w.Message);
        // The label's own points come first; a name without points in either place leaves the block unchecked.
        Assert.Empty(L2(WithSection("数量指标：25分\n质量指标：30分", R("产出指标", "数量指标（20分）"), R("产出指标", "质量指标"))));
        Assert.Empty(L2(WithSection("数量指标：20分", R("产出指标", "数量指标"), R("产出指标", "质量指标"))));
        Assert.Empty(L2(WithSection("：20分", R("产出指标", null), R("产出指标", "质量指标（50分）"))));
    }

    [Fact]
    public void Section_points_are_read_line_by_line_and_the_first_of_a_name_stands()
    {
        Assert.Empty(LevelWeights.SectionPoints(null));
        Assert.Empty(LevelWeights.SectionPoints(new Dictionary<string, string> { ["其他"] = "数量指标：20分" }));
        Assert.Equal(new Dictionary<string, decimal> { ["产出指标"] = 50m, ["数量指标"] = 20.5m },
            LevelWeights.SectionPoints(new Dictionary<string, string> { ["指标分值"] = "产出指标：50分\n数量指标: 20.5分\n数量指标：30分" }));
    }

    // ---- the label's points

    [Theory]
    [InlineData("数量指标（20分）", "20")]
    [InlineData("数量指标(20.5分)", "20.5")]
    [InlineData("数量指标 （ 5分 ）", "5")]
    [InlineData("数量指标", null)]
    [InlineData("（20分）数量指标", null)]
    [InlineData("数量指标（20）", null)]
    [InlineData(null, null)]
    public void A_labels_points_are_its_trailing_bracket(string? label, string? points)
    {
        Assert.Equal(points is null ? null : decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), LevelWeights.Points(label));
    }

    [Fact]
    public void The_scorer_reports_level_warnings_with_the_project_and_jixiao_score_shows_them()
    {
        var p = P(R("产出指标", "数量指标（20分）", "a", 20m), R("产出指标", "质量指标（20分）", "b", 20m),
            R("效益指标", "社会效益指标（30分）", "c", 30m), R("满意度指标", "满意度（10分）", "d", 10m));
        var e = Scorer.Score(p, S);
        Assert.Equal(["weights-block", "weights-total", "weights-level2"], e.Warnings.Select(w => w.Code));
        Assert.Contains("第1–2行：一级指标“产出指标”下各二级指标分值合计40", e.Warnings[2].Message);
    }
}
