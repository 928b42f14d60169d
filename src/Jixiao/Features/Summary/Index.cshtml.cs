using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Summary;

// The year at a glance for finance and supervising departments: per department (finance) or per unit
// (one department), how many projects stand at each status, their money, their average quality score and
// the rules they break most, each figure a link into the review list filtered to it. Counted in SQL.
public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "dept")] public int? Department { get; set; }
    public List<int> Years { get; private set; } = [];
    public string? DepartmentName { get; private set; }
    public bool ByUnit => DepartmentName != null;
    public List<Line> Lines { get; private set; } = [];
    public Line? Total { get; private set; }
    public const int UnitsPerPage = 50;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    public sealed record Line(int? Id, string Name, int Projects, Dictionary<ProjectStatus, int> ByStatus, decimal Money, double? Score, List<string> WorstRules);

    public async Task<IActionResult> OnGetAsync()
    {
        var visible = db.Projects.VisibleTo(User);
        if (!Access.SeesAll(User) && !User.IsInRole(Roles.SupervisorReviewer)) return Forbid();
        Years = await cache.YearsAsync(db, User);
        Year ??= Years.Count > 0 ? Years[0] : DateTime.Today.Year;
        var year = Year.Value;
        var projects = visible.Where(p => p.FiscalYear == year);

        // A supervising department sees its own units; finance sees departments, or one department's units.
        var departmentId = User.IsInRole(Roles.SupervisorReviewer) && !Access.SeesAll(User)
            ? int.TryParse(User.FindFirst(UserClaims.Department)?.Value, out var own) ? own : (int?)null
            : Department;
        if (departmentId is int dept)
        {
            DepartmentName = await cache.GetAsync(db, $"department-name:{dept}", Area.Organisation,
                () => db.SupervisingDepartments.Where(d => d.Id == dept).Select(d => d.Name).FirstOrDefaultAsync());
            if (DepartmentName == null) return NotFound();
            projects = projects.Where(p => p.BudgetUnit!.SupervisingDepartmentId == dept);
        }

        // A year's sums take a scan of it: kept until the data changes (ListCache).
        var (rows, names, worst) = await cache.GetAsync(db, $"summary:{ListCache.Scope(User)}:{year}:{departmentId}", Area.Projects | Area.Organisation, async () =>
        (
            ByUnit
                ? await Counts(projects.GroupBy(p => (int?)p.BudgetUnitId))
                : await Counts(projects.GroupBy(p => p.BudgetUnit!.SupervisingDepartmentId)),
            ByUnit
                ? await db.BudgetUnits.Where(u => u.SupervisingDepartmentId == departmentId).ToDictionaryAsync(u => u.Id, u => u.Name)
                : await db.SupervisingDepartments.ToDictionaryAsync(d => d.Id, d => d.Name),
            await WorstRules(projects, ByUnit)
        ));

        var lines = rows.Select(r => new Line(r.Key, r.Key is int k && names.TryGetValue(k, out var n) ? n : "（未设主管部门）",
                r.Count, r.ByStatus, r.Money, r.Score, worst.GetValueOrDefault(r.Key ?? 0, [])))
            .OrderBy(l => l.Score ?? 101).ThenBy(l => l.Name).ToList();
        var scored = rows.Sum(r => r.Scored);
        Total = new Line(null, "合计", lines.Sum(l => l.Projects),
            Enum.GetValues<ProjectStatus>().ToDictionary(s => s, s => lines.Sum(l => l.ByStatus[s])),
            lines.Sum(l => l.Money), scored > 0 ? rows.Sum(r => (r.Score ?? 0) * r.Scored) / scored : null, []);
        Pager = new Pager(Math.Clamp(PageNumber, 1, Math.Max(1, (lines.Count + UnitsPerPage - 1) / UnitsPerPage)), lines.Count, UnitsPerPage, Request.Query);
        Lines = lines.Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        return Page();
    }

    sealed record Row(int? Key, int Count, Dictionary<ProjectStatus, int> ByStatus, decimal Money, double? Score, int Scored);

    static async Task<List<Row>> Counts(IQueryable<IGrouping<int?, Project>> groups)
    {
        var rows = await groups.Select(g => new
        {
            g.Key,
            Count = g.Count(),
            Draft = g.Count(p => p.Status == ProjectStatus.Draft),
            Submitted = g.Count(p => p.Status == ProjectStatus.Submitted),
            UnitApproved = g.Count(p => p.Status == ProjectStatus.UnitApproved),
            SupervisorApproved = g.Count(p => p.Status == ProjectStatus.SupervisorApproved),
            Approved = g.Count(p => p.Status == ProjectStatus.Approved),
            Returned = g.Count(p => p.Status == ProjectStatus.Returned),
            // SQLite keeps decimals as text and cannot add them up: summed as doubles, rounded back to fen.
            Money = g.Sum(p => (double?)p.Form.Funding.Total),
            Score = g.Average(p => (double?)p.QualityScore),
            Scored = g.Count(p => p.QualityScore != null),
        }).ToListAsync();
        return rows.Select(r => new Row(r.Key, r.Count, new()
        {
            [ProjectStatus.Draft] = r.Draft, [ProjectStatus.Submitted] = r.Submitted, [ProjectStatus.UnitApproved] = r.UnitApproved,
            [ProjectStatus.SupervisorApproved] = r.SupervisorApproved, [ProjectStatus.Approved] = r.Approved, [ProjectStatus.Returned] = r.Returned,
        }, Math.Round((decimal)(r.Money ?? 0), 2), r.Score, r.Scored)).ToList();
    }

    // The two rules with the most errors per department or unit.
    static async Task<Dictionary<int, List<string>>> WorstRules(IQueryable<Project> projects, bool byUnit)
    {
        var counts = await projects
            .SelectMany(p => p.Findings.Where(f => f.Severity == Severity.Error),
                (p, f) => new { Key = byUnit ? p.BudgetUnitId : p.BudgetUnit!.SupervisingDepartmentId ?? 0, f.Rule })
            .GroupBy(x => new { x.Key, x.Rule })
            .Select(g => new { g.Key.Key, g.Key.Rule, Count = g.Count() })
            .ToListAsync();
        return counts.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Count).ThenBy(c => c.Rule).Take(2)
            .Select(c => $"{ReviewCatalog.Find(c.Rule)?.Title ?? c.Rule}（{c.Count}）").ToList());
    }
}
