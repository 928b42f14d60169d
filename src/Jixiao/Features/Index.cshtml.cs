using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features;

public sealed class IndexModel(JixiaoDb db) : PageModel
{
    public int Year { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<UnitRow> Units { get; private set; } = [];

    public sealed record UnitRow(int Id, string Name, string? Code, string? Department, List<ProjectRow> Projects, DeclarationForm? Declaration);
    public sealed record ProjectRow(int Id, int UnitId, string Name, string? Code, ProjectCategory? Category, decimal? Total, int IndicatorCount, ProjectStatus Status, int Copy);

    public async Task OnGetAsync(int? year)
    {
        var visible = db.Projects.VisibleTo(User);
        Years = await visible.Select(p => p.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        Year = year ?? (Years.Count > 0 ? Years[0] : DateTime.Today.Year);
        if (!Years.Contains(Year)) Years.Insert(0, Year);

        var projects = await visible.Where(p => p.FiscalYear == Year)
            .OrderBy(p => p.Id)
            .Select(p => new ProjectRow(p.Id, p.BudgetUnitId, p.Form.Name, p.Form.Code, p.Form.Category,
                p.Form.Funding.Total, p.Form.Indicators.Count, p.Status, p.Copy))
            .ToListAsync();
        var units = await db.BudgetUnits.VisibleTo(User).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.Code, Department = u.SupervisingDepartment!.Name })
            .ToListAsync();
        var unitIds = units.Select(u => u.Id).ToList();
        // The latest declaration of each unit for the year: what it said of the unit as a whole.
        var declarations = (await db.DeclarationForms.Where(d => d.FiscalYear == Year && unitIds.Contains(d.BudgetUnitId)).ToListAsync())
            .GroupBy(d => d.BudgetUnitId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!);
        Units = units.Select(u => new UnitRow(u.Id, u.Name, u.Code, u.Department,
            projects.Where(p => p.UnitId == u.Id).ToList(), declarations.GetValueOrDefault(u.Id))).ToList();
    }
}
