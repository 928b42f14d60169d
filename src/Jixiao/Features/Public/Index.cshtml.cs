using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Public;

// /Public without sign-in: the public targets by unit and year, each with its print view and PDF.
public sealed class IndexModel(JixiaoDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    public List<int> Years { get; private set; } = [];
    public List<BudgetUnit> Units { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, string Unit, int Year, string Name, decimal? Annual, int Indicators);

    public async Task OnGetAsync()
    {
        var open = PublicTargets.Of(db);
        Years = await open.Select(p => p.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var unitIds = await open.Select(p => p.BudgetUnitId).Distinct().ToListAsync();
        Units = await db.BudgetUnits.Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync();
        var query = open;
        if (Year is int y) query = query.Where(p => p.FiscalYear == y);
        if (Unit is int u) query = query.Where(p => p.BudgetUnitId == u);
        Rows = await query.OrderBy(p => p.BudgetUnit!.Name).ThenByDescending(p => p.FiscalYear).ThenBy(p => p.NameKey)
            .Select(p => new Row(p.Id, p.BudgetUnit!.Name, p.FiscalYear, p.Form.Name, p.Form.Funding.AnnualRequest ?? p.Form.Funding.Total, p.Form.Indicators.Count))
            .ToListAsync();
    }
}
