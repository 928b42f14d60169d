namespace Jixiao.Domain.Review;

// The built-in profiles. Each holds a setting for every rule of the catalog, so a profile can be
// shown, stored or copied as a whole; what differs between them is listed here and nowhere else.
public static class ReviewProfiles
{
    public static readonly ReviewProfile National2018 = Build(new ReviewProfile
    {
        Id = "national-2018",
        Name = "全国（2021年以前，财预〔2015〕88号框架：产出、效益、满意度）",
        Framework = "national-2018",
        ToYear = 2020,
    }, new()
    {
        ["R07-missing-level1"] = new() { Lists = ListOf("required", "产出", "效益") },
        ["R08-missing-satisfaction"] = new()
        {
            Severity = Severity.Warning,
            Basis = "财预〔2015〕88号：绩效指标主要包括产出指标、效益指标和满意度指标",
        },
        ["R09-missing-cost"] = new() { Enabled = false },
    });

    public static readonly ReviewProfile National2021 = Build(new ReviewProfile
    {
        Id = "national-2021",
        Name = "全国（2021年起，财预〔2021〕101号框架：成本、产出、效益、满意度）",
        Framework = "national-2021",
        FromYear = 2021,
    }, new()
    {
        ["R07-missing-level1"] = new()
        {
            Basis = "财预〔2021〕101号：产出指标和效益指标为必设指标",
            Lists = ListOf("required", "产出", "效益"),
        },
    });

    // Shanghai's 2018 form: 产出目标 / 效果目标 / 影响力目标 (verify which of them are mandatory).
    public static readonly ReviewProfile Shanghai2018 = Build(new ReviewProfile
    {
        Id = "shanghai-2018",
        Name = "上海（2018年申报表：产出目标、效果目标、影响力目标）",
        Framework = "shanghai-2018",
        Region = "上海",
        RegionKeys = ["上海", "shanghai"],
        ToYear = 2020,
        FrameworkMarkers = ["效果", "影响力"],
        // Its three level-1 targets take the national 50/30/10 in their order (verify against a Shanghai 自评表).
        SelfEvaluation = new()
        {
            Level1Points = new Dictionary<string, decimal> { ["产出"] = 50m, ["效果"] = 30m, ["影响力"] = 10m },
        },
    }, new()
    {
        ["R07-missing-level1"] = new()
        {
            Basis = "上海市财政项目支出绩效目标申报表（2018）：产出目标、效果目标、影响力目标",
            Lists = ListOf("required", "产出", "效果", "影响力"),
        },
        ["R09-missing-cost"] = new() { Enabled = false },
    });

    public static readonly ReviewProfile Shanghai2025 = Build(new ReviewProfile
    {
        Id = "shanghai-2025",
        Name = "上海（2025年起，市级项目支出核心绩效目标和指标设置及取值指引：每个项目设成本指标）",
        Framework = "national-2021",
        Region = "上海",
        RegionKeys = ["上海", "shanghai"],
        FromYear = 2025,
    }, new()
    {
        ["R07-missing-level1"] = new()
        {
            Basis = "财预〔2021〕101号：产出指标和效益指标为必设指标",
            Lists = ListOf("required", "产出", "效益"),
        },
        ["R09-missing-cost"] = new()
        {
            Severity = Severity.Error,
            Basis = "上海市市级项目支出核心绩效目标和指标设置及取值指引（2025）：所有项目均应设置成本指标（总成本、单位成本或分项成本）",
            Lists = ListOf("projectKeywords"),
        },
    });

    public static readonly IReadOnlyList<ReviewProfile> All = [National2018, National2021, Shanghai2018, Shanghai2025];

    public static ReviewProfile? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    // The profile a form follows: the framework its level-1 names reveal (产出目标/效果目标/影响力目标),
    // else its region and fiscal year. A form without a year is read by the framework it uses:
    // 成本 as a level-1 category means 2021 or later, otherwise the 2018 framework (as seeds 002, 003).
    public static ReviewProfile For(FormDocument doc)
    {
        var level1 = doc.Projects.SelectMany(p => p.Indicators).Select(ReviewText.Level1).ToHashSet();
        var byFramework = All.FirstOrDefault(p => p.FrameworkMarkers.Any(level1.Contains));
        if (byFramework is not null) return byFramework;

        var where = string.Join(" ", doc.Unit.Name, doc.Unit.SupervisingDepartment, doc.Source.Layout, doc.Source.File);
        var year = doc.FiscalYear ?? (level1.Contains("成本") ? null : 2020);
        return All
            .Where(p => p.FrameworkMarkers.Count == 0)
            .Where(p => year is null
                ? p.ToYear is null
                : (p.FromYear ?? int.MinValue) <= year && year <= (p.ToYear ?? int.MaxValue))
            .Where(p => p.Region is null || p.RegionKeys.Any(k => where.Contains(k, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(p => p.Region is not null)
            .ThenByDescending(p => p.FromYear ?? int.MinValue)
            .FirstOrDefault() ?? National2021;
    }

    // Every rule's setting: the profile's override laid over the rule's defaults; a rule id the catalog lacks
    // (a typo, a rule removed) stops the start rather than being ignored.
    internal static ReviewProfile Build(ReviewProfile profile, Dictionary<string, RuleSetting> overrides)
    {
        var unknown = overrides.Keys.FirstOrDefault(id => ReviewCatalog.Find(id) is null);
        if (unknown is not null)
            throw new InvalidOperationException($"Profile {profile.Id} configures unknown rule {unknown}");
        return profile with
        {
            Rules = ReviewCatalog.Rules.ToDictionary(
                r => r.Id,
                r => overrides.TryGetValue(r.Id, out var o) ? o.Over(r.Defaults) : r.Defaults),
        };
    }

    static Dictionary<string, IReadOnlyList<string>> ListOf(string key, params string[] values) =>
        new() { [key] = values };
}
