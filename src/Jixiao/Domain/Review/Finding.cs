using System.Text.Json.Serialization;

namespace Jixiao.Domain.Review;

public enum Severity { Error, Warning, Info }

// The four review criteria of 财预〔2015〕88号: every rule serves exactly one.
public enum Aspect { Completeness, Relevance, Appropriateness, Feasibility }

// What a rule looks at, so a reviewer knows where to go in the form.
public enum RuleTarget { Project, Money, Goal, Indicator, Field }

// One defect found in a form. Project and indicator are given by name, as reviewers quote them,
// and the indicator also by its row id (names repeat); Field is the interchange name of the element
// (annualTarget, funding.total, spendingPlan …).
public sealed record Finding(
    string Rule,
    Severity Severity,
    string? Project,
    string? Indicator,
    string? Field,
    string Message,
    string Suggestion,
    string Basis)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? RowId { get; init; }
}

public static class ReviewLabels
{
    public static string Chinese(this Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    public static string Chinese(this EvaluationGrade grade) => grade switch
    {
        EvaluationGrade.Excellent => "优",
        EvaluationGrade.Good => "良",
        EvaluationGrade.Fair => "中",
        _ => "差",
    };

    public static string Chinese(this Aspect aspect) => aspect switch
    {
        Aspect.Completeness => "完整性",
        Aspect.Relevance => "相关性",
        Aspect.Appropriateness => "适当性",
        _ => "可行性",
    };

    // The form's own words for a finding's field, for reports and pages.
    public static string FieldLabel(string? field) => field switch
    {
        null => "",
        "annualTarget" => "年度指标值",
        "periodTarget" => "实施周期指标值",
        "name" => "指标名称",
        "level1" => "指标类别",
        "description" => "指标解释",
        "weight" => "权重",
        "score" => "得分",
        "deviationCause" => "偏差原因",
        "indicators" => "绩效指标",
        "funding.total" => "项目资金总额",
        "funding.annualRequest" => "年度资金申请总额",
        "funding.appropriation" => "财政拨款",
        "budgetLines" => "项目预算明细",
        "unit.funding.total" => "单位合计",
        "spendingPlan" => "资金支出计划",
        "startDate" => "实施期",
        "annualGoal" => "年度目标",
        "longTermGoal" => "中长期目标",
        _ when field.StartsWith("sections.", StringComparison.Ordinal) => field["sections.".Length..],
        _ => field,
    };
}
