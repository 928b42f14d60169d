using System.Text.RegularExpressions;

namespace Jixiao.Forms;

// What a form's label means. The reader is driven by these words (Profiles/labels.json, read by
// LabelSet), not by the position of a cell in one known layout: the same field has many labels.
enum Field
{
    ProjectName, ProjectCode, Category, Attribute, Nature, FunctionClass, ImplementingUnit,
    StartDate, EndDate, Period, Term, Year,
    Total, AnnualRequest, Fiscal, Appropriation, FromHigherLevel, FromSameLevel, FromLowerLevel,
    CarryOver, SpecialAccount, Other,
    LongTermGoal, AnnualGoal, AnnualGoalActual, TotalScore, Grade,
    Person, UnitName, UnitCode, SupervisingDepartment, Functions, MoneyUnit,
    Section, DocumentSection, Group, Sum,
    SpendingPlan, BudgetLines, Safeguards,
}

// Column heads of the tables inside a form.
enum Column
{
    None, Section, Level1, Level2, Name, Description, Target, AnnualTarget, PeriodTarget,
    Operator, Number, Unit, Basis, Remarks, Weight,
    LineName, Amount, LinePeriod,
    Document, Measures, Stage,
    Actual, Score, DeviationCause, Direction,
    InitialBudget, AnnualBudget, Executed, ExecutionRate,
    RowField,   // a form field repeated on every row of a flat export: 项目名称, 资金总额 …
}

sealed record LabelMatch(Field Field, string Label, string? Unit, string? Qualifier);

static partial class FormLabels
{
    // Every label and column head: the words a form uses for its structure rather than its content.
    internal static IEnumerable<string> Words => LabelSet.Words.Concat(["其中", "项目经费情况说明"]);

    // The group label that, given years and a text, is the goal of the whole period.
    internal static bool OverallGoal(string label) => label is "项目总体目标" or "总体目标";

    // Most cells need no change: those are returned as they are, without a copy (the reader asks often).
    public static string Norm(string text)
    {
        foreach (var c in text)
            if (char.IsWhiteSpace(c) || c is >= '\uFF01' and <= '\uFF5E' or '≧' or '≦') return Jixiao.Domain.DomainText.Compact(text);
        return text;
    }

    // Removes the spaces and line breaks that conversion put inside Chinese words ("产出指 标",
    // "服务对象满 意度指标") while keeping spaces between Latin words and numbers.
    public static string Mend(string text)
    {
        var t = text.Trim();
        // Most texts have no space inside: no pattern run for them (the reader mends every name it keeps).
        foreach (var c in t) if (char.IsWhiteSpace(c)) return CjkGap().Replace(t, "");
        return t;
    }

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{P}])\s+|\s+(?=[\p{IsCJKUnifiedIdeographs}\p{P}])")]
    private static partial Regex CjkGap();
}
