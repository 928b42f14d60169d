using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features;

public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    public int Year { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<UnitRow> Units { get; private set; } = [];
    // A finance bureau sees a province: units come a page at a time, found by name or code.
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public int TotalUnits { get; private set; }
    public const int UnitsPerPage = 20;

    public sealed record UnitRow(int Id, string Name, string? Code, string? Department, List<ProjectRow> Projects, DeclarationForm? Declaration);
    public sealed record ProjectRow(int Id, int UnitId, string Name, string? Code, ProjectCategory? Category, decimal? Total, int IndicatorCount, ProjectStatus Status, int Copy);

    // 导出项目清单: the year's projects in the units the search finds, as a background job.
    public IActionResult OnPostExport(int year, string? format, [FromServices] Export.ExportJobs jobs)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        var q = Q;
        var (job, refused) = Export.ListExports.Start(jobs, User, $"{year}年度项目清单", format,
            Export.ExportRequest.Of(Export.ExportRequest.ProjectList, new Export.ExportRequest.ProjectListArgs(year, q, format)),
            again: $"/?year={year}" + (q != null ? "&q=" + Uri.EscapeDataString(q) : ""));
        return job == null ? RedirectToPage("/Export/Jobs", new { refused }) : Redirect($"/Exports/Jobs/{job.Id}");
    }

    public async Task OnGetAsync(int? year)
    {
        var visible = db.Projects.VisibleTo(User);
        Years = await cache.YearsAsync(db, User);
        Year = year ?? (Years.Count > 0 ? Years[0] : DateTime.Today.Year);
        if (!Years.Contains(Year)) Years.Insert(0, Year);

        var unitQuery = db.BudgetUnits.VisibleTo(User);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            unitQuery = unitQuery.Where(u => u.Name.Contains(q) || u.Code == q || u.SupervisingDepartment!.Name.Contains(q));
        }
        // Counting the units found is kept until the data change (ListCache), like the list of years.
        TotalUnits = await cache.GetAsync(db, $"units:{ListCache.Scope(User)}:{Q?.Trim()}", Area.Organisation, () => unitQuery.CountAsync());
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (TotalUnits + UnitsPerPage - 1) / UnitsPerPage));
        // The page's units with their projects only change with the data: kept like the count (ListCache).
        Units = await cache.GetAsync(db, $"projects:{ListCache.Scope(User)}:{Year}:{Q?.Trim()}:{PageNumber}", Area.Projects | Area.Organisation | Area.Declarations, async () =>
        {
            var units = await unitQuery.OrderBy(u => u.Id).Skip((PageNumber - 1) * UnitsPerPage).Take(UnitsPerPage)
                .Select(u => new { u.Id, u.Name, u.Code, Department = u.SupervisingDepartment!.Name })
                .ToListAsync();
            var shown = units.Select(u => u.Id).ToList();
            var projects = await visible.Where(p => p.FiscalYear == Year && shown.Contains(p.BudgetUnitId))
                .OrderBy(p => p.Id)
                .Select(p => new ProjectRow(p.Id, p.BudgetUnitId, p.Form.Name, p.Form.Code, p.Form.Category,
                    p.Form.Funding.Total, p.Form.Indicators.Count, p.Status, p.Copy))
                .ToListAsync();
            var unitIds = units.Select(u => u.Id).ToList();
            // The latest declaration of each unit for the year: what it said of the unit as a whole.
            var declarations = (await db.DeclarationForms.AsNoTracking().Where(d => d.FiscalYear == Year && unitIds.Contains(d.BudgetUnitId)).ToListAsync())
                .GroupBy(d => d.BudgetUnitId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!);
            return units.Select(u => new UnitRow(u.Id, u.Name, u.Code, u.Department,
                projects.Where(p => p.UnitId == u.Id).ToList(), declarations.GetValueOrDefault(u.Id))).ToList();
        });
    }
}
