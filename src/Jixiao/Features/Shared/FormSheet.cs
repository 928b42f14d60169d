using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Features;

// What the form partial (_FormSheet) shows: one project's form, laid out like the paper 申报表,
// whether it is stored (project page) or only read from a file (import preview).
public sealed class FormSheet
{
    public ProjectForm Form { get; }
    public int? Year { get; }
    public string? UnitName { get; }
    public string? Department { get; }
    public List<IndicatorRow> Rows { get; }
    public bool HasDescription { get; }
    public bool HasPeriodTarget { get; }
    public bool HasBasis { get; }
    public bool HasRemarks { get; }
    // Self-evaluation columns (自评表), shown only where the form has them.
    public bool HasActual { get; }
    public bool HasWeight { get; }
    public bool HasScore { get; }
    public bool HasDeviation { get; }
    // Review findings, shown beside the row or field they concern (none on an import preview).
    readonly List<Finding> formFindings = [];
    readonly List<Finding> indicatorFindings = [];
    // Review comments shown in place (the project page only); null elsewhere.
    public Workflow.SheetComments? Comments { get; set; }
    public int ColumnCount => 4 + new[] { HasDescription, HasPeriodTarget, HasBasis, HasRemarks, HasActual, HasWeight, HasScore, HasDeviation }.Count(x => x);

    // A row's findings by its id: two rows of the same name keep their own.
    public IEnumerable<Finding> FindingsOf(Indicator row) =>
        indicatorFindings.Where(f => f.RowId is { } id ? id == row.Id : row.Id == null && f.Indicator == row.Name);

    // Level1Span/Level2Span > 0 on the first row of a merged block, 0 on the rows it covers.
    public sealed record IndicatorRow(Indicator Indicator, int Level1Span, int Level2Span);

    public FormSheet(ProjectForm form, int? year, string? unitName, string? department, IEnumerable<Finding>? findings = null)
    {
        foreach (var f in findings ?? [])
            (f.Indicator == null && f.RowId == null ? formFindings : indicatorFindings).Add(f);
        Form = form;
        Year = year;
        UnitName = unitName;
        Department = department;
        var indicators = form.Indicators;
        Rows = MergeLevels(indicators);
        HasDescription = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Description));
        HasPeriodTarget = indicators.Any(i => i.PeriodTarget != null);
        HasBasis = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Basis));
        HasRemarks = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Remarks));
        HasActual = indicators.Any(i => i.Actual != null);
        HasWeight = indicators.Any(i => i.Weight != null);
        HasScore = indicators.Any(i => i.Score != null);
        HasDeviation = indicators.Any(i => !string.IsNullOrWhiteSpace(i.DeviationCause));
    }

    // The form-level findings that belong beside one part of the form: "money", "plan", "goals",
    // "indicators", "selfEvaluation", a section's title, or "header" for the rest.
    public IEnumerable<Finding> FindingsAt(string part) => formFindings.Where(f => PartOf(f.Field) == part);

    string PartOf(string? field) => field switch
    {
        null => "header",
        _ when field.StartsWith("funding.", StringComparison.Ordinal) || field == "budgetLines" => "money",
        "spendingPlan" => "plan",
        "annualGoal" or "longTermGoal" => "goals",
        "indicators" or "weight" or "level1" => "indicators",
        _ when field.StartsWith("selfEvaluation", StringComparison.Ordinal) => Form.SelfEvaluation != null ? "selfEvaluation" : "header",
        _ when field.StartsWith("sections.", StringComparison.Ordinal) && Form.Sections.ContainsKey(field["sections.".Length..]) => field["sections.".Length..],
        _ => "header",
    };

    static List<IndicatorRow> MergeLevels(List<Indicator> indicators)
    {
        var rows = new List<IndicatorRow>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var level1 = i == 0 || indicators[i].Level1 != indicators[i - 1].Level1
                ? indicators.Skip(i).TakeWhile(x => x.Level1 == indicators[i].Level1).Count() : 0;
            var level2 = level1 > 0 || indicators[i].Level2 != indicators[i - 1].Level2
                ? indicators.Skip(i).TakeWhile(x => x.Level1 == indicators[i].Level1 && x.Level2 == indicators[i].Level2).Count() : 0;
            rows.Add(new IndicatorRow(indicators[i], level1, level2));
        }
        return rows;
    }
}
