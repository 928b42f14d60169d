using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Review;

// For reviewers: the forms of a year (or of one unit), worst quality first, filtered by rule and severity.
public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public Severity? Severity { get; set; }
    // A province has thousands of units: beyond a short list they are found by name or code, not picked.
    [BindProperty(SupportsGet = true, Name = "unitq")] public string? UnitQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "dept")] public int? Department { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "min")] public int? MinScore { get; set; }
    [BindProperty(SupportsGet = true, Name = "max")] public int? MaxScore { get; set; }
    // 项目资金总额 in 万元, as reviewers speak of money.
    [BindProperty(SupportsGet = true, Name = "from")] public decimal? MoneyFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public decimal? MoneyTo { get; set; }
    public const int UnitsToPick = 50;
    public List<BudgetUnit> Units { get; private set; } = [];
    public bool PickUnit { get; private set; }
    public List<SupervisingDepartment> Departments { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    // With one unit chosen: what the review finds of its year as a whole (totals against the summary …).
    public List<Finding> UnitFindings { get; private set; } = [];

    public sealed record Row(int Id, string Name, string Unit, int Score, string Grade, int Errors, int Warnings, int Infos, List<Finding> Matching);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public const int PageSize = 50;

    public ReviewFilter Filter => new(Year ?? DateTime.Today.Year, Unit, UnitQuery, Department, Status, MinScore, MaxScore, MoneyFrom, MoneyTo, Rule, Severity);

    // 导出 Excel / CSV: every row the filters match, as a background job (a province's list is long).
    public async Task<IActionResult> OnPostExportAsync(string? format, [FromServices] Export.ExportJobs jobs)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        Year ??= await db.Projects.VisibleTo(User).MaxAsync(p => (int?)p.FiscalYear) ?? DateTime.Today.Year;
        var (filter, user) = (Filter, User);
        var (job, refused) = Export.ListExports.Start(jobs, user, $"{Year}年度审核结果清单", format,
            (listDb, output, progress, ct) => Export.ListExports.ReviewAsync(listDb, user, filter, output, progress, ct));
        return job == null ? RedirectToPage("/Export/Jobs", new { refused }) : Redirect($"/Exports/Jobs/{job.Id}");
    }

    public async Task OnGetAsync()
    {
        Year ??= (await cache.YearsAsync(db, User)).FirstOrDefault() is var newest and > 0 ? newest : DateTime.Today.Year;
        var units = db.BudgetUnits.VisibleTo(User);
        PickUnit = await units.CountAsync() <= UnitsToPick;
        if (PickUnit) Units = await units.Include(u => u.SupervisingDepartment).OrderBy(u => u.Name).ToListAsync();
        if (Access.SeesAll(User)) Departments = await db.SupervisingDepartments.OrderBy(d => d.Name).ToListAsync();

        // Each project's review was stored when it was saved: the list reads it, a page at a time.
        var projects = Filter.Apply(db.Projects.VisibleTo(User));
        // Counting a filtered year scans it: kept until the data changes (ListCache), keyed by every filter.
        Total = await cache.GetAsync(db, $"review:{ListCache.Scope(User)}:{Filter}", () => projects.CountAsync());
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await projects.OrderBy(p => p.QualityScore).ThenBy(p => p.NameKey).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id, p.Form.Name, Unit = p.BudgetUnit!.Name, p.QualityScore, p.ReviewProfileId,
                Errors = p.Findings.Count(f => f.Severity == Domain.Review.Severity.Error),
                Warnings = p.Findings.Count(f => f.Severity == Domain.Review.Severity.Warning),
                Infos = p.Findings.Count(f => f.Severity == Domain.Review.Severity.Info),
                Matching = p.Findings.Where(f => (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)).ToList(),
            })
            .AsNoTracking().AsSplitQuery().ToListAsync();
        Rows = page.Select(p =>
        {
            var score = p.QualityScore ?? 0;
            var scoring = (p.ReviewProfileId is { } id ? ReviewProfiles.Find(id) : null)?.Scoring ?? ReviewProfiles.National2021.Scoring;
            return new Row(p.Id, p.Name, p.Unit, score, scoring.Grade(score), p.Errors, p.Warnings, p.Infos,
                p.Matching.Select(f => f.ToFinding(p.Name)).ToList());
        }).ToList();

        if (Unit is int unitId && await units.Include(u => u.SupervisingDepartment).FirstOrDefaultAsync(u => u.Id == unitId) is { } unit)
        {
            // The unit's year as a whole (totals against its summary sentence) is reviewed here: one unit's forms.
            var all = await db.Projects.AsSplitQuery().Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
                .Where(p => p.BudgetUnitId == unitId && p.FiscalYear == Year).ToListAsync();
            if (all.Count == 0) return;
            foreach (var p in all) db.InFormOrder(p);
            var declaration = await db.DeclarationForms.Where(d => d.BudgetUnitId == unitId && d.FiscalYear == Year)
                .OrderByDescending(d => d.Id).FirstOrDefaultAsync();
            var whole = Reviewer.Review(StoredReview.DocumentOf(unit, Year.Value, all, declaration), StoredReview.ProfileOf(all[0]));
            UnitFindings = whole.Findings.Where(f => f.Project == null
                && (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)).ToList();
        }
    }
}
