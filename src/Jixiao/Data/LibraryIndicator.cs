namespace Jixiao.Data;

public enum LibraryStatus { Accepted, Proposed, Rejected }

// An indicator of the library (指标库): a reusable line with its definition, formula, unit, direction,
// typical target and basis. Users propose new ones (纳入指标库); an administrator accepts or rejects them.
public sealed class LibraryIndicator
{
    public int Id { get; set; }
    public string Level1 { get; set; } = "";
    public string Level2 { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Definition { get; set; }
    public string? Formula { get; set; }
    public string? Unit { get; set; }
    public string? Direction { get; set; }        // 正向 / 反向 / 定性
    public string? TypicalTarget { get; set; }
    public string? Basis { get; set; }
    public string? Framework { get; set; }        // IndicatorFramework.Id the levels belong to
    public LibraryStatus Status { get; set; }
    public string? ProposedBy { get; set; }
    public string? ProposalReason { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecisionNote { get; set; }
}
