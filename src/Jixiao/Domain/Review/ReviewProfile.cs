using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Review;

// How one rule behaves under a profile. Everything a region or year may change is here as data:
// on/off, severity, the basis to quote, numeric thresholds and word lists.
public sealed record RuleSetting
{
    public bool Enabled { get; init; } = true;
    public Severity? Severity { get; init; }
    public string? Basis { get; init; }
    public IReadOnlyDictionary<string, decimal> Numbers { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    // This setting laid over the defaults key by key, so a profile only needs to say what differs.
    public RuleSetting Over(RuleSetting defaults)
    {
        var numbers = new Dictionary<string, decimal>(defaults.Numbers);
        foreach (var (key, value) in Numbers) numbers[key] = value;
        var lists = new Dictionary<string, IReadOnlyList<string>>(defaults.Lists);
        foreach (var (key, value) in Lists) lists[key] = value;
        return new RuleSetting
        {
            Enabled = Enabled,
            Severity = Severity ?? defaults.Severity,
            Basis = Basis ?? defaults.Basis,
            Numbers = numbers,
            Lists = lists,
        };
    }
}

// Points lost per finding, capped per severity so one repeated defect cannot sink a form alone.
public sealed record ScoringSettings
{
    public int ErrorPenalty { get; init; } = 10;
    public int WarningPenalty { get; init; } = 3;
    public int InfoPenalty { get; init; } = 1;
    public int ErrorCap { get; init; } = 70;
    public int WarningCap { get; init; } = 30;
    public int InfoCap { get; init; } = 10;
    // Review results of 财预〔2015〕88号: 优 → into the budget, 良 → fix by consultation, 中 → return, 差 → not funded.
    public int ExcellentFrom { get; init; } = 90;
    public int GoodFrom { get; init; } = 80;
    public int FairFrom { get; init; } = 60;

    public string Grade(int score) =>
        score >= ExcellentFrom ? "优" : score >= GoodFrom ? "良" : score >= FairFrom ? "中" : "差";
}

// The review rules of one region and period. A form is matched to a profile by its region, its fiscal
// year, or the level-1 names of the framework it follows (FrameworkMarkers).
public sealed record ReviewProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    // The IndicatorFramework (Domain/IndicatorFramework.cs) whose categories the form uses.
    public required string Framework { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string> RegionKeys { get; init; } = [];
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    public IReadOnlyList<string> FrameworkMarkers { get; init; } = [];
    // What forms write in a cell they leave unfilled.
    public IReadOnlyList<string> Placeholders { get; init; } =
        ["无", "*", "＊", "/", "／", "\\", "-", "－", "—", "——", "--", "暂无", "待定", "略", "空", "N/A", "n/a", "x", "X", "×"];
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();
    public ScoringSettings Scoring { get; init; } = new();
    // Year-end self-evaluation: weights, grade thresholds, overshoot ratio and qualitative bands.
    public SelfEvaluationSettings SelfEvaluation { get; init; } = new();

    // In-year monitoring (运行监控): the budget light's thresholds and the overshoot warning.
    public Jixiao.Domain.Monitoring.MonitoringSettings Monitoring { get; init; } = new();

    public RuleSetting SettingFor(ReviewRule rule) =>
        Rules.TryGetValue(rule.Id, out var setting) ? setting.Over(rule.Defaults) : rule.Defaults;
}
