using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Public;

// Open data: /Public/Data?handler=Csv&unit=&year= (the public targets as CSV) and ?handler=Package
// (its Frictionless Data Package descriptor, pointing at the CSV of the same selection).
public sealed class DataModel(JixiaoDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Public/Index", new { Year, Unit });

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var query = PublicTargets.Of(db);
        if (Year is int y) query = query.Where(p => p.FiscalYear == y);
        if (Unit is int u) query = query.Where(p => p.BudgetUnitId == u);
        var projects = await query.AsSplitQuery().Include(p => p.BudgetUnit)
            .OrderBy(p => p.BudgetUnit!.Name).ThenBy(p => p.FiscalYear).ThenBy(p => p.NameKey).ToListAsync(ct);
        foreach (var p in projects) db.InFormOrder(p);
        return File(PublicTargets.Csv(projects), "text/csv; charset=utf-8", $"{Name()}.csv");
    }

    public IActionResult OnGetPackage()
    {
        var csv = $"{Request.Scheme}://{Request.Host}/Public/Data?handler=Csv{(Unit is int u ? $"&unit={u}" : "")}{(Year is int y ? $"&year={y}" : "")}";
        var title = $"项目支出绩效目标（公开）{(Year is int yy ? $" {yy}年度" : "")}";
        var json = PublicTargets.Package(Name(), title, csv).ToJsonString(new System.Text.Json.JsonSerializerOptions
            { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return Content(json, "application/json; charset=utf-8");
    }

    // Frictionless names: lower case, digits, '-', '_' and '.'.
    string Name() => "jixiao-public-targets" + (Unit is int u ? $"-unit-{u}" : "") + (Year is int y ? $"-{y}" : "");
}
