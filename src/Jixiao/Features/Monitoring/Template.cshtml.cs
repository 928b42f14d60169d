using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// The round's Excel template for one unit, with what has been entered so far, for the unit's own people.
public sealed class TemplateModel(JixiaoDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int unit)
    {
        var round = await Monitor.RoundsVisibleTo(db, User).Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == id);
        if (round is null || round.Units.All(u => u.BudgetUnitId != unit)) return NotFound();
        var owned = await db.BudgetUnits.WritableBy(User).Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync();
        if (owned is null) return await db.BudgetUnits.VisibleTo(User).AnyAsync(u => u.Id == unit) ? Forbid() : NotFound();
        var bytes = MonitoringWorkbook.Write(round.Id, round.Title, round.EndMonth, await Sheets(db, round, unit));
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{round.Title}-{owned}.xlsx");
    }

    public static async Task<List<MonitoringWorkbook.ProjectSheet>> Sheets(JixiaoDb db, MonitoringRound round, int unit)
    {
        var projects = await Monitor.Monitored(db, round, unit).OrderBy(p => p.Form.Name).ThenBy(p => p.Id)
            .AsSplitQuery().ToListAsync();
        var reports = await db.MonitoringReports.Include(r => r.Rows).Where(r => r.RoundId == round.Id && r.BudgetUnitId == unit).ToListAsync();
        var sheets = new List<MonitoringWorkbook.ProjectSheet>();
        foreach (var p in projects)
        {
            var form = await Monitor.FormInForce(db, p);
            var report = reports.FirstOrDefault(r => r.ProjectId == p.Id) ?? new MonitoringReport();
            if (report.Id == 0) Monitor.Evaluate(report, form, round);
            sheets.Add(new(p.Id, form.Name, report.Budget, report.PacePercent, report.Spent,
                report.Cause is CauseCategory c ? MonitoringText.Label(c) : null, report.CauseText, report.Measures,
                form.Indicators.Where(i => i.Id is not null).Select(i =>
                {
                    var row = report.Rows.FirstOrDefault(r => r.IndicatorId == i.Id);
                    return new MonitoringWorkbook.SheetRow(i.Id!.Value, i.Level1, i.Level2, i.Name, (i.AnnualTarget ?? i.PeriodTarget)?.Raw,
                        row?.Value, row?.Expected, row?.Likelihood is Likelihood l ? MonitoringText.Label(l) : null,
                        row?.Cause is CauseCategory rc ? MonitoringText.Label(rc) : null, row?.CauseText, row?.Measures);
                }).ToList()));
        }
        return sheets;
    }
}
