using System.Text.Json.Serialization;

namespace Jixiao.Domain;

// The interchange document (shared/docs/interchange.md): one per imported file.
// Plain data with no I/O; the importer fills it, the review rules and scoring read it,
// the database stores it and the exporters write it back.
public sealed class FormDocument
{
    public int FormatVersion { get; set; } = 1;
    public SourceInfo Source { get; set; } = new();
    public int? FiscalYear { get; set; }
    public UnitInfo Unit { get; set; } = new();
    public List<DepartmentGoal> DepartmentGoals { get; set; } = [];
    public List<ProjectForm> Projects { get; set; } = [];
    // Labelled texts of the whole document (summary sentence, 工作保障措施, cover fields …).
    public Dictionary<string, string> Sections { get; set; } = [];
    public List<ImportWarning> Warnings { get; set; } = [];
}

public sealed class SourceInfo
{
    public string? File { get; set; }
    public string? Layout { get; set; }
    // The layout profile (Forms/Profiles/labels.json) whose labels read the form; absent for the generic labels.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Profile { get; set; }
}

public sealed class UnitInfo
{
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? SupervisingDepartment { get; set; }
    public string? SupervisingDepartmentCode { get; set; }
    public string? Functions { get; set; }
    // The unit's own totals where the form states them (a 合计 row or the unit's row in a department table).
    public Funding? Funding { get; set; }
    // Heads, preparers and contacts: personal data, masked in public output.
    public List<Person> People { get; set; } = [];
}

// Every row of a form has an Id: stable across edits, replacing imports and versions, so that
// findings, comments, actuals and scores point at the row and not at its name (names repeat).
// Null until the row is stored or reviewed (RowIds.Assign); its place is its position in the list.
public sealed class Person
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string Role { get; set; } = "";   // the form's own label: 项目负责人, 联系人, 编报人 …
    public string? Name { get; set; }
    public string? Phone { get; set; }
}

public sealed class DepartmentGoal
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public string? Indicators { get; set; }
}

// Where a project's form is in the review chain (Domain/Workflow holds the rules).
public enum ProjectStatus { Draft, Submitted, UnitApproved, SupervisorApproved, Approved, Returned }

public enum ProjectCategory { OneOff, Recurring, MediumTermPilot }
public enum ProjectAttribute { New, Continuing }
// 项目性质 on forms of the integrated budget systems (domain.md §10); older forms fold it into 项目类别.
public enum ProjectNature { Recurring, OneOff, Phased }
// 项目类别 of the integrated budget systems: 人员类 / 运转类 (公用经费, 其他运转类) / 特定目标类.
public enum ProjectClass { Personnel, Operation, SpecificPurpose }

public sealed class ProjectForm
{
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public ProjectCategory? Category { get; set; }
    public ProjectAttribute? Attribute { get; set; }
    // Written only where the form states them, so documents of the older layouts keep their shape.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ProjectNature? Nature { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ProjectClass? Class { get; set; }
    // 项目期 as the form writes it ("3年"); the dates themselves go to StartDate / EndDate.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Term { get; set; }
    public string? FunctionClass { get; set; }
    public string? ImplementingUnit { get; set; }
    public string? StartDate { get; set; }     // ISO: 2023-01-01, or 2021-01 where the form gives a month
    public string? EndDate { get; set; }
    public Funding Funding { get; set; } = new();
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<SpendingMilestone> SpendingPlan { get; set; } = [];
    public string? LongTermGoal { get; set; }
    // The years the label gives the long-term goal: 项目总体目标(2024年-2026年) → "2024年-2026年".
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LongTermGoalYears { get; set; }
    public string? AnnualGoal { get; set; }
    public List<Indicator> Indicators { get; set; } = [];
    public List<Safeguard> Safeguards { get; set; } = [];
    public List<Person> People { get; set; } = [];
    public Dictionary<string, string> Sections { get; set; } = [];
    // Present only for a year-end self-evaluation form (绩效自评表).
    public SelfEvaluation? SelfEvaluation { get; set; }
}

public sealed class Funding
{
    public string? SourceUnit { get; set; }   // 元 or 万元, as the form states; amounts below are always 元
    public decimal? Total { get; set; }
    public decimal? AnnualRequest { get; set; }
    public decimal? Fiscal { get; set; }
    public decimal? Appropriation { get; set; }
    public decimal? FromHigherLevel { get; set; }
    public decimal? FromSameLevel { get; set; }
    public decimal? FromLowerLevel { get; set; }
    public decimal? CarryOver { get; set; }
    public decimal? SpecialAccount { get; set; }
    public decimal? Other { get; set; }
}

public sealed class BudgetLine
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public decimal? Amount { get; set; }
    public string? Period { get; set; }
}

public sealed class SpendingMilestone
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string By { get; set; } = "";      // 3月底
    public decimal? CumulativePercent { get; set; }
}

public sealed class Indicator
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string? Level1 { get; set; }
    public string? Level2 { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public TargetValue? PeriodTarget { get; set; }
    public TargetValue? AnnualTarget { get; set; }
    public string? Basis { get; set; }
    public string? Remarks { get; set; }
    public decimal? Weight { get; set; }
    // Year-end self-evaluation (自评表) columns, where the form has them.
    public TargetValue? Actual { get; set; }
    public decimal? Score { get; set; }
    public string? DeviationCause { get; set; }
    // Last year's actual of the same row (the project a year earlier, matched by name), filled when a form is
    // declared on last year's: a target below it is set too low (domain.md §4 item 7).
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TargetValue? PreviousActual { get; set; }
}

public enum EvaluationGrade { Excellent, Good, Fair, Poor }

// The parts of a 绩效自评表 beyond the indicators (whose actuals and scores sit on each Indicator):
// the budget execution block, the annual goal as reached, the total score and the grade.
// ProjectForm.AnnualGoal holds the goal as planned (预期目标); Funding holds the full-year budget.
public sealed class SelfEvaluation
{
    public string? SourceUnit { get; set; }   // 元 or 万元, as the form states; amounts below are always 元
    public List<BudgetExecution> Execution { get; set; } = [];
    public string? AnnualGoalActual { get; set; }   // 年度总体目标 实际完成情况
    public decimal? TotalPoints { get; set; }       // 总分 under 分值, usually 100
    public decimal? TotalScore { get; set; }        // 总分 under 得分
    public EvaluationGrade? Grade { get; set; }     // 自评等级 as the form states it
}

// Which amount of Funding a row of money stands for.
public enum FundingItem
{
    Total, AnnualRequest, Fiscal, Appropriation, FromHigherLevel, FromSameLevel, FromLowerLevel,
    CarryOver, SpecialAccount, Other,
}

// One row of the self-evaluation's money block: 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金 ….
public sealed class BudgetExecution
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string Name { get; set; } = "";    // the row's label as written, without 其中
    public FundingItem? Item { get; set; }
    public decimal? InitialBudget { get; set; }   // 年初预算数
    public decimal? AnnualBudget { get; set; }    // 全年预算数
    public decimal? Executed { get; set; }        // 全年执行数
    public decimal? BudgetExecutionRate { get; set; }   // 执行率 in percent, as the form states it
    public decimal? Points { get; set; }          // 分值
    public decimal? Score { get; set; }           // 得分
}

public sealed class Safeguard
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Id { get; set; }
    public string? Category { get; set; }
    public string? Document { get; set; }
    public string? Measures { get; set; }
    public List<string> Stages { get; set; } = [];
}

public sealed class ImportWarning
{
    public string Where { get; set; } = "";
    public string Message { get; set; } = "";
}
