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
    // Review findings, shown beside the row or field they concern (none on an import preview): sorted to
    // their places once, as the page asks each place in turn.
    readonly Dictionary<string, List<Finding>> findingsAt = [];
    // Review comments shown in place (the project page only); null elsewhere.
    public Workflow.SheetComments? Comments { get; set; }
    public int ColumnCount { get; }

    // Level1Span/Level2Span > 0 on the first row of a merged block, 0 on the rows it covers. Findings: the
    // row's own, by its id (two rows of the same name keep their own).
    public sealed record IndicatorRow(Indicator Indicator, int Level1Span, int Level2Span, IReadOnlyList<Finding> Findings);

    public FormSheet(ProjectForm form, int? year, string? unitName, string? department, IEnumerable<Finding>? findings = null)
    {
        Form = form;
        Year = year;
        UnitName = unitName;
        Department = department;
        var indicators = form.Indicators;
        var indicatorFindings = new List<Finding>();
        foreach (var f in findings ?? [])
        {
            if (f.Indicator != null || f.RowId != null) { indicatorFindings.Add(f); continue; }
            var part = PartOf(f.Field);
            if (!findingsAt.TryGetValue(part, out var here)) findingsAt[part] = here = [];
            here.Add(f);
        }
        Rows = MergeLevels(indicators, indicatorFindings);
        HasDescription = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Description));
        HasPeriodTarget = indicators.Any(i => i.PeriodTarget != null);
        HasBasis = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Basis));
        HasRemarks = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Remarks));
        HasActual = indicators.Any(i => i.Actual != null);
        HasWeight = indicators.Any(i => i.Weight != null);
        HasScore = indicators.Any(i => i.Score != null);
        HasDeviation = indicators.Any(i => !string.IsNullOrWhiteSpace(i.DeviationCause));
        ColumnCount = 4 + new[] { HasDescription, HasPeriodTarget, HasBasis, HasRemarks, HasActual, HasWeight, HasScore, HasDeviation }.Count(x => x);
    }

    // The form-level findings that belong beside one part of the form: "money", "plan", "goals",
    // "indicators", "selfEvaluation", a section's title, or "header" for the rest.
    public IReadOnlyList<Finding> FindingsAt(string part) => findingsAt.TryGetValue(part, out var here) ? here : [];

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

    static List<IndicatorRow> MergeLevels(List<Indicator> indicators, List<Finding> findings)
    {
        var rows = new List<IndicatorRow>(indicators.Count);
        for (var i = 0; i < indicators.Count; i++)
        {
            var row = indicators[i];
            var level1 = i == 0 || row.Level1 != indicators[i - 1].Level1 ? RunOf(indicators, i, sameLevel2: false) : 0;
            var level2 = level1 > 0 || row.Level2 != indicators[i - 1].Level2 ? RunOf(indicators, i, sameLevel2: true) : 0;
            List<Finding>? own = null;
            foreach (var f in findings)
                if (f.RowId is { } id ? id == row.Id : row.Id == null && f.Indicator == row.Name) (own ??= []).Add(f);
            rows.Add(new IndicatorRow(row, level1, level2, own ?? (IReadOnlyList<Finding>)[]));
        }
        return rows;
    }

    // How many rows from start on share its 一级 (and 二级) indicator: the height of its merged cell.
    static int RunOf(List<Indicator> indicators, int start, bool sameLevel2)
    {
        var end = start + 1;
        while (end < indicators.Count && indicators[end].Level1 == indicators[start].Level1
            && (!sameLevel2 || indicators[end].Level2 == indicators[start].Level2)) end++;
        return end - start;
    }
}
