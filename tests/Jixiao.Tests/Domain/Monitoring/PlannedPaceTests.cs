using Jixiao.Domain;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Tests.Domain.Monitoring;

public class PlannedPaceTests
{
    static List<SpendingMilestone> Plan(params (string By, decimal? Percent)[] points) =>
        points.Select(p => new SpendingMilestone { By = p.By, CumulativePercent = p.Percent }).ToList();

    static readonly List<SpendingMilestone> Quarterly = Plan(("3月底", 20), ("6月底", 50), ("9月底", 80), ("12月底", 100));

    [Theory]
    [InlineData(1, 6.67)]
    [InlineData(2, 13.33)]
    [InlineData(3, 20)]
    [InlineData(4, 30)]
    [InlineData(5, 40)]
    [InlineData(6, 50)]
    [InlineData(7, 60)]
    [InlineData(8, 70)]
    [InlineData(9, 80)]
    [InlineData(11, 93.33)]
    [InlineData(12, 100)]
    public void Interpolates_linearly_between_milestones(int month, double expected)
    {
        var pace = PlannedPace.At(Quarterly, month);
        Assert.Equal((decimal)expected, pace.Percent);
        Assert.True(pace.FromPlan);
    }

    [Theory]
    [InlineData(1, 8.33)]
    [InlineData(6, 50)]
    [InlineData(7, 58.33)]
    [InlineData(8, 66.67)]
    [InlineData(12, 100)]
    public void Without_a_plan_the_pace_is_a_straight_line_by_month(int month, double expected)
    {
        var pace = PlannedPace.At([], month);
        Assert.Equal((decimal)expected, pace.Percent);
        Assert.False(pace.FromPlan);
    }

    [Fact]
    public void Milestones_without_a_month_or_a_percentage_are_left_out()
    {
        var pace = PlannedPace.At(Plan(("待定", 30), ("6月底", null)), 6);
        Assert.False(pace.FromPlan);
        Assert.Equal(50m, pace.Percent);
    }

    [Fact]
    public void After_the_last_milestone_the_line_runs_to_100_at_December()
    {
        // 6月底 60% → 100% at month 12: month 9 is half way, 80%.
        Assert.Equal(80m, PlannedPace.At(Plan(("6月底", 60)), 9).Percent);
        Assert.Equal(100m, PlannedPace.At(Plan(("6月底", 60)), 12).Percent);
        Assert.Equal(60m, PlannedPace.At(Plan(("6月底", 60)), 6).Percent);
        Assert.Equal(30m, PlannedPace.At(Plan(("6月底", 60)), 3).Percent);
    }

    [Fact]
    public void A_plan_above_100_stays_where_it_is_after_its_last_milestone()
    {
        Assert.Equal(110m, PlannedPace.At(Plan(("6月底", 110)), 9).Percent);
    }

    [Fact]
    public void Milestones_are_sorted_by_month_and_a_repeated_month_takes_the_last()
    {
        var pace = PlannedPace.At(Plan(("9月底", 90), ("3月底", 10), ("3月底", 30)), 6);
        Assert.Equal(60m, pace.Percent);
    }

    [Fact]
    public void A_milestone_at_december_is_the_end_of_the_line()
    {
        Assert.Equal(90m, PlannedPace.At(Plan(("12月底", 90)), 12).Percent);
        Assert.Equal(45m, PlannedPace.At(Plan(("12月底", 90)), 6).Percent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Months_outside_the_year_are_refused(int month)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => PlannedPace.At([], month));
        Assert.Equal(("endMonth", (object)month), (refused.ParamName, refused.ActualValue));
        Assert.StartsWith("month 1–12", refused.Message);
    }

    [Theory]
    [InlineData("3月底", 3)]
    [InlineData("3月末", 3)]
    [InlineData("03月", 3)]
    [InlineData("10月底", 10)]
    [InlineData("11月", 11)]
    [InlineData("12月底", 12)]
    [InlineData("三月底", 3)]
    [InlineData("九月", 9)]
    [InlineData("十月", 10)]
    [InlineData("十一月", 11)]
    [InlineData("十二月底", 12)]
    [InlineData("一月", 1)]
    [InlineData("二月", 2)]
    [InlineData("四月", 4)]
    [InlineData("五月", 5)]
    [InlineData("六月", 6)]
    [InlineData("七月", 7)]
    [InlineData("八月", 8)]
    [InlineData("第一季度末", 3)]
    [InlineData("二季度", 6)]
    [InlineData("第3季度", 9)]
    [InlineData("第三季度末", 9)]
    [InlineData("第4季度", 12)]
    [InlineData("1季度", 3)]
    [InlineData("第2季度", 6)]
    [InlineData("四季度", 12)]
    [InlineData("上半年", 6)]
    [InlineData("下半年", 12)]
    [InlineData("年底", 12)]
    [InlineData("年末", 12)]
    [InlineData("全年", 12)]
    [InlineData("2024年6月底", 6)]
    [InlineData(" 6 月 底 ", 6)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("待定", null)]
    [InlineData("13月", null)]
    [InlineData("0月", null)]
    [InlineData("第5季度", null)]
    public void Reads_the_month_a_milestone_closes(string? by, int? month) =>
        Assert.Equal(month, PlannedPace.MonthOf(by));
}
