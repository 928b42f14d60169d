namespace Jixiao.Domain;

public enum TargetKind { Quantitative, Qualitative, Text, Empty }
public enum TargetOperator { Eq, Ge, Gt, Le, Lt }
public enum TrendDirection { Up, Down }

// A target value (指标值) as the form wrote it, with its parsed parts beside it.
public sealed record TargetValue
{
    public string Raw { get; init; } = "";
    public TargetKind Kind { get; init; }
    public TargetOperator? Operator { get; init; }
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
    public TrendDirection? Direction { get; init; }
}
