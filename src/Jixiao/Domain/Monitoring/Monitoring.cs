namespace Jixiao.Domain.Monitoring;

public enum Light { Green, Yellow, Red }
public enum Likelihood { Certain, Possible, Impossible }
public enum CauseCategory { Personnel, Institution, Funding, Hardware, Other }

// The monitoring thresholds of a region's profile (Domain/Review/ReviewProfile.Monitoring), in
// percentage points and percent.
public sealed record MonitoringSettings
{
    // Green while spending lags the planned pace by at most this many points (inclusive) …
    public decimal GreenWithin { get; init; } = 10m;
    // … yellow while it lags by at most this many, red beyond.
    public decimal YellowWithin { get; init; } = 20m;
    // A current value more than this many percent above its target asks whether the target was too low (Hebei: 15%).
    public decimal OvershootPercent { get; init; } = 15m;
    // Reminders: a round due within this many days shows on the unit's desk.
    public int RemindDays { get; init; } = 7;
}

public static class MonitoringText
{
    public static string Label(Light light) => light switch
    {
        Light.Green => "绿灯",
        Light.Yellow => "黄灯",
        _ => "红灯",
    };

    public static string Label(Likelihood likelihood) => likelihood switch
    {
        Likelihood.Certain => "确定能",
        Likelihood.Possible => "有可能",
        _ => "完全不可能",
    };

    public static string Label(CauseCategory cause) => cause switch
    {
        CauseCategory.Personnel => "人员",
        CauseCategory.Institution => "制度",
        CauseCategory.Funding => "经费",
        CauseCategory.Hardware => "硬件",
        _ => "其他",
    };

    public static Likelihood? ParseLikelihood(string? text) => DomainText.Compact(text) switch
    {
        "确定能" => Likelihood.Certain,
        "有可能" => Likelihood.Possible,
        "完全不可能" => Likelihood.Impossible,
        _ => null,
    };

    public static CauseCategory? ParseCause(string? text) => DomainText.Compact(text) switch
    {
        "人员" => CauseCategory.Personnel,
        "制度" => CauseCategory.Institution,
        "经费" => CauseCategory.Funding,
        "硬件" => CauseCategory.Hardware,
        "其他" => CauseCategory.Other,
        _ => null,
    };

    // "1–6月": monitoring periods are cumulative from January.
    public static string Period(int endMonth) => endMonth == 1 ? "1月" : $"1–{endMonth}月";
}

public static class BudgetLight
{
    // Spent so far as a percentage of the year's budget; null when there is no budget to measure against.
    public static decimal? SpentPercent(decimal spent, decimal? budget) =>
        budget is > 0 ? Math.Round(spent * 100m / budget.Value, 2, MidpointRounding.AwayFromZero) : null;

    // Compares spent-so-far with the planned pace: green when spent ≥ pace − GreenWithin, yellow when
    // spent ≥ pace − YellowWithin, red below. Spending ahead of the plan is green.
    public static Light For(decimal spentPercent, decimal pacePercent, MonitoringSettings settings)
    {
        var lag = pacePercent - spentPercent;
        if (lag <= settings.GreenWithin) return Light.Green;
        if (lag <= settings.YellowWithin) return Light.Yellow;
        return Light.Red;
    }

    // The year's budget a project is measured against: the annual request, else the total, else the sum of
    // its budget lines; null when none is given.
    public static decimal? Budget(ProjectForm form)
    {
        if (form.Funding.AnnualRequest is > 0) return form.Funding.AnnualRequest;
        if (form.Funding.Total is > 0) return form.Funding.Total;
        var lines = form.BudgetLines.Where(l => l.Amount is not null).Sum(l => l.Amount!.Value);
        return lines > 0 ? lines : null;
    }
}

// One entered monitoring row (the budget row or an indicator row) as the rules see it.
public sealed record MonitoringEntry(Likelihood? Likelihood, CauseCategory? Cause, string? CauseText, string? Measures);

public sealed record MonitoringProblem(string Field, string Message);

public static class MonitoringRules
{
    // Cause (category and text) and corrective measures are mandatory when the light is red or yellow, or
    // completion is not certain (domain.md §5).
    public static bool NeedsExplanation(Light? light, Likelihood? likelihood) =>
        light is Light.Red or Light.Yellow || likelihood is Likelihood.Possible or Likelihood.Impossible;

    // The budget row carries the light's explanation; indicator rows carry their likelihood's (and must
    // say it). Problems name the field; the caller names the row.
    public static IReadOnlyList<MonitoringProblem> Check(MonitoringEntry entry, Light? light, bool indicatorRow)
    {
        var problems = new List<MonitoringProblem>();
        if (indicatorRow && entry.Likelihood is null)
            problems.Add(new("Likelihood", "请选择完成可能性（确定能、有可能或完全不可能）"));
        if (!NeedsExplanation(light, entry.Likelihood)) return problems;
        var why = light is Light.Red or Light.Yellow
            ? $"预算执行为{MonitoringText.Label(light.Value)}"
            : $"完成可能性为“{MonitoringText.Label(entry.Likelihood!.Value)}”";
        if (entry.Cause is null) problems.Add(new("Cause", $"{why}，须选择偏差原因类别（人员、制度、经费、硬件、其他）"));
        if (string.IsNullOrWhiteSpace(entry.CauseText)) problems.Add(new("CauseText", $"{why}，须说明偏差原因"));
        if (string.IsNullOrWhiteSpace(entry.Measures)) problems.Add(new("Measures", $"{why}，须填写纠偏措施"));
        return problems;
    }
}

public static class Overshoot
{
    // A value so far more than OvershootPercent above a target that sets a floor or an exact value
    // (≥, >, =) asks whether the target was set too low. Silent for ceilings (≤, <: running above is a
    // breach, not a low target), for qualitative and text targets, targets of zero or less, values that
    // cannot be read as a number, and values in a unit other than the target's.
    public static string? Warning(TargetValue? target, string? current, MonitoringSettings settings)
    {
        if (target is not { Kind: TargetKind.Quantitative, Value: > 0 }) return null;
        if (target.Operator is TargetOperator.Le or TargetOperator.Lt) return null;
        var value = TargetValue.Parse(current);
        if (value is not { Kind: TargetKind.Quantitative, Value: decimal reached }) return null;
        if (value.Unit is not null && target.Unit is not null && value.Unit != target.Unit) return null;
        var limit = target.Value.Value * (1 + settings.OvershootPercent / 100m);
        if (reached <= limit) return null;
        var above = Math.Round((reached - target.Value.Value) * 100m / target.Value.Value, 1, MidpointRounding.AwayFromZero);
        return $"当前值 {value.Format().TrimStart('=')} 已超过目标值 {target.Format()} 的 {above}%（超过 {settings.OvershootPercent}%），请说明原因：目标是否定得过低？";
    }
}
