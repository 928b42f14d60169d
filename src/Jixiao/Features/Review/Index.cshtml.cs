using Jixiao.Data;
using Jixiao.Domain.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Review;

// For reviewers: the forms of a year (or of one unit), worst quality first, filtered by rule and severity.
public sealed class IndexModel(JixiaoDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public Severity? Severity { get; set; }
    public List<BudgetUnit> Units { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    // With one unit chosen: what the review finds of its year as a whole (totals against the summary …).
    public List<Finding> UnitFindings { get; private set; } = [];

    public sealed record Row(int Id, string Name, string Unit, int Score, string Grade, int Errors, int Warnings, int Infos, List<Finding> Matching);

    public async Task OnGetAsync()
    {
        Year ??= await db.Projects.VisibleTo(User).MaxAsync(p => (int?)p.FiscalYear) ?? DateTime.Today.Year;
        Units = await db.BudgetUnits.VisibleTo(User).Include(u => u.SupervisingDepartment).OrderBy(u => u.Name).ToListAsync();
        var projects = await db.Projects.VisibleTo(User).AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .Where(p => p.FiscalYear == Year && (Unit == null || p.BudgetUnitId == Unit))
            .ToListAsync();
        foreach (var project in projects)
        {
            var report = StoredReview.Review(db.InFormOrder(project));
            var matching = report.Findings
                .Where(f => (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)).ToList();
            if ((Rule != null || Severity != null) && matching.Count == 0) continue;
            Rows.Add(new Row(project.Id, project.Form.Name, project.BudgetUnit!.Name, report.Score, report.Grade,
                report.Findings.Count(f => f.Severity == Domain.Review.Severity.Error),
                report.Findings.Count(f => f.Severity == Domain.Review.Severity.Warning),
                report.Findings.Count(f => f.Severity == Domain.Review.Severity.Info), matching));
        }
        Rows = Rows.OrderBy(r => r.Score).ThenBy(r => r.Name).ToList();

        if (Unit is int unitId && Units.FirstOrDefault(u => u.Id == unitId) is { } unit && projects.Count > 0)
        {
            var declaration = await db.DeclarationForms.Where(d => d.BudgetUnitId == unitId && d.FiscalYear == Year)
                .OrderByDescending(d => d.Id).FirstOrDefaultAsync();
            var whole = Reviewer.Review(StoredReview.DocumentOf(unit, Year.Value, projects, declaration), StoredReview.ProfileOf(projects[0]));
            UnitFindings = whole.Findings.Where(f => f.Project == null
                && (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)).ToList();
        }
    }
}
