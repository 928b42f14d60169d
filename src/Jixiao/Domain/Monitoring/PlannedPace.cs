using System.Text.RegularExpressions;

namespace Jixiao.Domain.Monitoring;

// The planned pace (序时进度): the cumulative share of the year's budget the spending plan (资金支出计划)
// says should be spent by the end of a month, in percent.
public sealed record PlannedPace(decimal Percent, bool FromPlan)
{
    // Decisions:
    // - the plan's milestones ("3月底 25%", "6月底 50%") are points on a line that starts at 0% before January;
    //   between two milestones the pace grows linearly by month;
    // - after the last milestone the line runs on to 100% at the end of December (the budget is a year's);
    // - a milestone whose month cannot be read or that has no percentage is left out; a later milestone
    //   with a lower percentage than an earlier one is taken as written (the plan is the unit's);
    // - no usable milestone at all: straight line by month (month ÷ 12), FromPlan = false so pages can say so.
    public static PlannedPace At(IEnumerable<SpendingMilestone> plan, int endMonth)
    {
        if (endMonth is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(endMonth), endMonth, "month 1–12");
        var points = plan
            .Select(m => (Month: MonthOf(m.By), m.CumulativePercent))
            .Where(p => p.Month is not null && p.CumulativePercent is not null)
            .GroupBy(p => p.Month!.Value)
            .Select(g => (Month: g.Key, Percent: g.Last().CumulativePercent!.Value))
            .OrderBy(p => p.Month)
            .ToList();
        if (points.Count == 0) return new(Round(endMonth * 100m / 12), false);

        var previous = (Month: 0, Percent: 0m);
        foreach (var point in points.Append((Month: 12, Percent: Math.Max(100m, points[^1].Percent))))
        {
            if (endMonth <= point.Month)
            {
                if (point.Month == previous.Month) return new(Round(point.Percent), true);
                var share = (decimal)(endMonth - previous.Month) / (point.Month - previous.Month);
                return new(Round(previous.Percent + (point.Percent - previous.Percent) * share), true);
            }
            previous = point;
        }
        return new(Round(previous.Percent), true);
    }

    static decimal Round(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero);

    // "3月底", "3月末", "3月", "三月底", "第一季度末", "一季度", "上半年", "年底" → the month the milestone closes.
    public static int? MonthOf(string? by)
    {
        var text = DomainText.Compact(by);
        if (text.Length == 0) return null;
        if (text.Contains("上半年")) return 6;
        if (text.Contains("下半年") || text.Contains("年底") || text.Contains("年末") || text.Contains("全年")) return 12;
        var quarter = Quarter.Match(text);
        if (quarter.Success) return Number(quarter.Groups["n"].Value) is int q and >= 1 and <= 4 ? q * 3 : null;
        var month = Month.Match(text);
        if (month.Success) return Number(month.Groups["n"].Value) is int m and >= 1 and <= 12 ? m : null;
        return null;
    }

    static readonly Regex Quarter = new("(?:第)?(?<n>[1-4一二三四])季度");
    static readonly Regex Month = new("(?<!\\d)(?<n>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月");

    static int? Number(string s) => int.TryParse(s, out var n) ? n : s switch
    {
        "一" => 1, "二" => 2, "三" => 3, "四" => 4, "五" => 5, "六" => 6,
        "七" => 7, "八" => 8, "九" => 9, "十" => 10, "十一" => 11, "十二" => 12,
        _ => null,
    };
}
