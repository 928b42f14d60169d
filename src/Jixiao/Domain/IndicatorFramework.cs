using System.Text.RegularExpressions;

namespace Jixiao.Domain;

public enum Level1Code { Output, Outcome, Satisfaction, Cost, Effect, Influence }

public enum Level2Code
{
    Quantity, Quality, Timeliness, Cost,
    EconomicCost, SocialCost, EcologicalCost,
    EconomicBenefit, SocialBenefit, EcologicalBenefit, Sustainability,
    RecipientSatisfaction, LongTermManagement,
}

public sealed record Level2Category(Level2Code Code, string Name);

public sealed record Level1Category(Level1Code Code, string Name, bool Required, IReadOnlyList<Level2Category> Level2);

// An indicator framework (指标体系): which level-1 and level-2 categories a form may use.
// It differs by region and year, so each one is a profile of plain data, chosen per form.
public sealed record IndicatorFramework(
    string Id, string Name, string? Region, int? FromYear, int? ToYear, IReadOnlyList<Level1Category> Level1)
{
    public static readonly IndicatorFramework National2018 = new("national-2018", "全国（2021年以前）", null, null, 2020,
    [
        new(Level1Code.Output, "产出指标", true,
            [new(Level2Code.Quantity, "数量"), new(Level2Code.Quality, "质量"), new(Level2Code.Timeliness, "时效"), new(Level2Code.Cost, "成本")]),
        new(Level1Code.Outcome, "效益指标", true,
            [new(Level2Code.EconomicBenefit, "经济效益"), new(Level2Code.SocialBenefit, "社会效益"),
             new(Level2Code.EcologicalBenefit, "生态效益"), new(Level2Code.Sustainability, "可持续影响")]),
        new(Level1Code.Satisfaction, "满意度指标", false, [new(Level2Code.RecipientSatisfaction, "服务对象满意度")]),
    ]);

    // 财预〔2021〕101号: 成本 becomes level 1. It is required only for some project types (工程基建,
    // 大型修缮及购置), which the profile cannot see, so it is not marked required here.
    // 可持续影响 is kept under 效益 because forms from 2021 on (seeds 001, 004) still use it.
    public static readonly IndicatorFramework National2021 = new("national-2021", "全国（2021年起）", null, 2021, null,
    [
        new(Level1Code.Cost, "成本指标", false,
            [new(Level2Code.EconomicCost, "经济成本"), new(Level2Code.SocialCost, "社会成本"), new(Level2Code.EcologicalCost, "生态环境成本")]),
        new(Level1Code.Output, "产出指标", true,
            [new(Level2Code.Quantity, "数量"), new(Level2Code.Quality, "质量"), new(Level2Code.Timeliness, "时效")]),
        new(Level1Code.Outcome, "效益指标", true,
            [new(Level2Code.EconomicBenefit, "经济效益"), new(Level2Code.SocialBenefit, "社会效益"),
             new(Level2Code.EcologicalBenefit, "生态效益"), new(Level2Code.Sustainability, "可持续影响")]),
        new(Level1Code.Satisfaction, "满意度指标", false, [new(Level2Code.RecipientSatisfaction, "服务对象满意度")]),
    ]);

    // Shanghai's 2018 form (seed 000) presets all three level-1 rows, so all three are required.
    // Its 满意度 sits under 影响力目标; only 2018 is known from a real form.
    public static readonly IndicatorFramework Shanghai2018 = new("shanghai-2018", "上海市（2018年）", "上海", 2018, 2018,
    [
        new(Level1Code.Output, "产出目标", true,
            [new(Level2Code.Quantity, "数量"), new(Level2Code.Quality, "质量"), new(Level2Code.Timeliness, "时效"), new(Level2Code.Cost, "成本")]),
        new(Level1Code.Effect, "效果目标", true,
            [new(Level2Code.EconomicBenefit, "经济效益"), new(Level2Code.SocialBenefit, "社会效益"),
             new(Level2Code.EcologicalBenefit, "生态效益"), new(Level2Code.Sustainability, "可持续影响")]),
        new(Level1Code.Influence, "影响力目标", true,
            [new(Level2Code.LongTermManagement, "长效管理"), new(Level2Code.RecipientSatisfaction, "满意度")]),
    ]);

    public static IReadOnlyList<IndicatorFramework> All { get; } = [National2018, National2021, Shanghai2018];

    public static IndicatorFramework? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    // Regional profiles win over national ones for their years; an unknown year falls back to
    // national-2018, the framework that forms without a year (seeds 002, 003) follow.
    public static IndicatorFramework ChooseDefault(string? region, string? year)
    {
        var y = YearIn(year);
        if (y is null) return National2018;
        bool Covers(IndicatorFramework f) => (f.FromYear ?? int.MinValue) <= y && y <= (f.ToYear ?? int.MaxValue);
        return All.FirstOrDefault(f => f.Region is not null && region?.Contains(f.Region) == true && Covers(f))
            ?? All.First(f => f.Region is null && Covers(f));
    }

    static int? YearIn(string? text) =>
        Regex.Match(DomainText.Compact(text), @"(?<!\d)(?:19|20)\d{2}(?!\d)") is { Success: true } m ? int.Parse(m.Value) : null;

    public IEnumerable<Level1Category> Required => Level1.Where(c => c.Required);

    public Level1Category? FindLevel1(string? name)
    {
        var key = Key(name);
        return key.Length == 0 ? null : Level1.FirstOrDefault(c => Key(c.Name) == key);
    }

    public (Level1Category Level1, Level2Category Level2)? FindLevel2(string? name)
    {
        var key = Key(name);
        if (key.Length == 0) return null;
        foreach (var parent in Level1)
            foreach (var sub in parent.Level2)
                if (Key(sub.Name) == key) return (parent, sub);
        return null;
    }

    // The words forms use for level names, across every framework and region: the one vocabulary the
    // form reader classifies cells with. Each family (产出, 效益 …) is written bare or with 指标 / 目标.
    public static IReadOnlySet<string> Level1Words { get; } = new HashSet<string>
    {
        "产出指标", "效益指标", "满意度指标", "成本指标", "产出目标", "效果目标", "影响力目标", "效益目标", "满意度目标",
        "成本目标", "效果指标", "影响力指标", "产出", "效益", "满意度", "成本", "效果", "影响力",
    };

    // Level-2 names as forms write them, with and without 指标; regional templates add their own
    // (能力建设, 档案管理 …). 成本指标 is both a level 1 (since 2021) and a level 2 (before).
    public static IReadOnlySet<string> Level2Words { get; } = new HashSet<string>
    {
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
        "服务对象满意度指标", "社会公众满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "长效管理指标",
        "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度",
        "社会公众满意度", "满意度", "经济成本", "社会成本", "生态环境成本", "长效管理", "能力建设", "人力资源",
        "档案管理", "信息共享",
    };

    // The level-1 family each level-2 category belongs to in the frameworks since 2015 (成本 left out:
    // it sits under 产出 before 2021 and is a family of its own after).
    public static IReadOnlyDictionary<string, string> Families { get; } = new Dictionary<string, string>
    {
        ["数量"] = "产出", ["质量"] = "产出", ["时效"] = "产出",
        ["经济效益"] = "效益", ["社会效益"] = "效益", ["生态效益"] = "效益", ["可持续影响"] = "效益",
        ["服务对象满意度"] = "满意度", ["社会公众满意度"] = "满意度",
        ["经济成本"] = "成本", ["社会成本"] = "成本", ["生态环境成本"] = "成本",
    };

    // The national codes forms put before level names, as in seed 002 ("12-质量指标").
    public static IReadOnlyDictionary<string, string> Codes { get; } = new Dictionary<string, string>
    {
        ["1"] = "产出指标", ["11"] = "数量指标", ["12"] = "质量指标", ["13"] = "时效指标", ["14"] = "成本指标",
        ["2"] = "效益指标", ["21"] = "经济效益指标", ["22"] = "社会效益指标", ["23"] = "生态效益指标", ["24"] = "可持续影响指标",
        ["3"] = "满意度指标", ["31"] = "服务对象满意度指标",
    };

    static readonly Regex CodePrefix = new(@"^(?<code>\d{1,2})(?:[-、.:]|$)(?<rest>.*)$");

    // Mends what conversion did to a level name and keeps the form's own words:
    // "产出指 标" → "产出指标", "12-质量指标" → "质量指标", a bare "12" → "质量指标".
    public static string NormalizeLevelName(string? raw)
    {
        var name = DomainText.Compact(raw);
        var m = CodePrefix.Match(name);
        if (!m.Success) return name;
        var rest = m.Groups["rest"].Value;
        return rest.Length > 0 ? rest : Codes.TryGetValue(m.Groups["code"].Value, out var byCode) ? byCode : name;
    }

    // The comparable core of a level name: "数量指标", "数量" and "数量指" (a cell cut short) all give "数量".
    static string Key(string? name)
    {
        var n = NormalizeLevelName(name);
        foreach (var suffix in (string[])["指标", "目标", "指"])
            if (n.EndsWith(suffix) && n.Length > suffix.Length) return n[..^suffix.Length];
        return n;
    }
}
