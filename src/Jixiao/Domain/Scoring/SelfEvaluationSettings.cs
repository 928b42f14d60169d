namespace Jixiao.Domain.Scoring;

// How a region scores its year-end self-evaluations (财预〔2020〕10号 as the default). Held by
// ReviewProfile.SelfEvaluation as data, so a province that grades 80/70/60 or weighs differently
// only states what differs.
public sealed record SelfEvaluationSettings
{
    // The points of each level-1 category, keyed by its core name (ReviewText.Category: "产出", "效益" …).
    public IReadOnlyDictionary<string, decimal> Level1Points { get; init; } = new Dictionary<string, decimal>
    {
        ["产出"] = 50m,
        ["效益"] = 30m,
        ["满意度"] = 10m,
    };

    // Categories whose rows count against another category's points. 成本 was a level-2 category of 产出
    // before 财预〔2021〕101号 made it level 1; the 自评表 keeps four blocks (verify per region).
    public IReadOnlyDictionary<string, string> Level1Aliases { get; init; } = new Dictionary<string, string>
    {
        ["成本"] = "产出",
    };

    public decimal TotalPoints { get; init; } = 100m;
    // 预算执行率 points; the indicators together carry TotalPoints − ExecutionPoints (90 by default).
    public decimal ExecutionPoints { get; init; } = 10m;

    public decimal ExcellentFrom { get; init; } = 90m;
    public decimal GoodFrom { get; init; } = 80m;
    public decimal FairFrom { get; init; } = 60m;

    // A higher-is-better actual at or above this multiple of its target needs 偏差原因分析 too (target too low?).
    public decimal OvershootRatio { get; init; } = 1.3m;

    // Qualitative tiers as shares of the row's points: 未达成 [0, PartlyFrom], 部分达成 [PartlyFrom, AchievedFrom],
    // 达成 [AchievedFrom, 1]. Each band holds both its ends: the rules' ranges (0–60%, 60–80%, 80–100%) touch.
    public decimal PartlyFrom { get; init; } = 0.6m;
    public decimal AchievedFrom { get; init; } = 0.8m;

    // Lower-is-better rows score nothing once the actual reaches this multiple of the target.
    public decimal LowerZeroMultiple { get; init; } = 2m;

    public decimal IndicatorPoints => TotalPoints - ExecutionPoints;

    // The grade of a total as the form prints it: rounded to 2 places first (79.995 → 80.00 → 良).
    public EvaluationGrade Grade(decimal total)
    {
        var t = Scorer.Round(total);
        return t >= ExcellentFrom ? EvaluationGrade.Excellent
            : t >= GoodFrom ? EvaluationGrade.Good
            : t >= FairFrom ? EvaluationGrade.Fair
            : EvaluationGrade.Poor;
    }

    // The band of a qualitative tier, in points.
    public (decimal Low, decimal High) Band(QualitativeTier tier, decimal points) => tier switch
    {
        QualitativeTier.Achieved => (AchievedFrom * points, points),
        QualitativeTier.Partly => (PartlyFrom * points, AchievedFrom * points),
        _ => (0m, PartlyFrom * points),
    };
}
