namespace Jixiao.Domain.Scoring;

// The three tiers of 财预〔2020〕10号 for qualitative rows: 达成年度指标 / 部分达成年度指标并具有一定效果 /
// 未达成年度指标且效果较差.
public enum QualitativeTier { Achieved, Partly, NotAchieved }

// How a row's score came about.
public enum ScoreMethod { HigherIsBetter, LowerIsBetter, Qualitative, Stated, None }

// Something a scorer or a reviewer must look at. Code is stable (tests and pages key on it); Message is Chinese.
public sealed record ScoreWarning(string Code, string Message);

public sealed record IndicatorResult
{
    public required Indicator Row { get; init; }
    public required string Name { get; init; }
    // The level-1 block the row counts in ("产出", "效益", "满意度"), or its own name when unknown.
    public required string Block { get; init; }
    public required decimal Points { get; init; }
    // Rounded to 2 places: what the 自评表 shows under 得分.
    public required decimal Score { get; init; }
    public required ScoreMethod Method { get; init; }
    public QualitativeTier? Tier { get; init; }
    // actual ÷ target for quantitative rows (the overshoot test), unrounded.
    public decimal? Ratio { get; init; }
    // 偏差原因分析及改进措施 is required: marks lost, or a strong overshoot.
    public bool CauseRequired { get; init; }
    public required IReadOnlyList<ScoreWarning> Warnings { get; init; }
}

public sealed record ExecutionResult
{
    public decimal? AnnualBudget { get; init; }
    public decimal? Executed { get; init; }
    // 执行率 in percent, rounded to 2 places; null without both amounts.
    public decimal? RatePercent { get; init; }
    public required decimal Points { get; init; }
    public required decimal Score { get; init; }
    public required IReadOnlyList<ScoreWarning> Warnings { get; init; }
}

public sealed record ProjectEvaluation
{
    public required string Name { get; init; }
    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }
    public required ExecutionResult Execution { get; init; }
    // Sum of the rounded row scores and the rounded execution score: the form adds up as printed.
    public required decimal Total { get; init; }
    public required EvaluationGrade Grade { get; init; }
    // Project-level: weights that do not add up, stated totals and grades that differ from the computed ones.
    public required IReadOnlyList<ScoreWarning> Warnings { get; init; }
}
