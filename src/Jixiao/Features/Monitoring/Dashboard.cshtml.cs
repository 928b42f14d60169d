using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// The picture of a round for whoever looks: a unit sees itself, a supervising department its units, the
// finance bureau every unit. Money planned against spent by month, lights by unit, indicator progress and
// the red-light list; every count drills down (unit → project → row). Each chart is drawn from its table.
public sealed class DashboardModel(JixiaoDb db, IWebHostEnvironment env) : PageModel
{
    public sealed record RoundOption(int Id, string Title);
    public sealed record MonthMoney(int Month, decimal Planned, decimal? Spent);
    public sealed record UnitLights(int UnitId, string Unit, int Green, int Yellow, int Red, int Missing);
    public sealed record Progress(int UnitId, string Unit, int Certain, int Possible, int Impossible, int Empty);
    public sealed record Alert(int ProjectId, string Project, string Unit, decimal? SpentPercent, decimal Pace, Light? Light, string? Row, Guid? RowId, string What);

    public List<RoundOption> Rounds { get; private set; } = [];
    public MonitoringRound? Round { get; private set; }
    public int? Unit { get; private set; }
    public string? UnitName { get; private set; }
    public List<MonthMoney> Money { get; private set; } = [];
    public List<UnitLights> Lights { get; private set; } = [];
    public List<Progress> Indicators { get; private set; } = [];
    public List<Alert> Alerts { get; private set; } = [];
    public bool ChartsAvailable => env.WebRootFileProvider.GetFileInfo("lib/echarts/echarts.min.js").Exists;

    public async Task<IActionResult> OnGetAsync(int? round, int? unit)
    {
        var rounds = await Monitor.RoundsVisibleTo(db, User).OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.EndMonth).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.FiscalYear, r.EndMonth }).ToListAsync();
        Rounds = rounds.Select(r => new RoundOption(r.Id, new MonitoringRound { FiscalYear = r.FiscalYear, EndMonth = r.EndMonth }.Title)).ToList();
        if (round is int wanted && Rounds.All(r => r.Id != wanted)) return NotFound();
        var id = round ?? Rounds.FirstOrDefault()?.Id;
        if (id is null) return Page();
        Round = await db.MonitoringRounds.Include(r => r.Units).SingleAsync(r => r.Id == id);
        var roundUnits = Round.Units.Select(u => u.BudgetUnitId).ToList();
        var units = db.BudgetUnits.VisibleTo(User).Where(u => roundUnits.Contains(u.Id));
        if (unit is int u)
        {
            UnitName = await units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync();
            if (UnitName is null) return NotFound();
            Unit = u;
            units = units.Where(x => x.Id == u);
        }
        var unitNames = await units.Select(x => new { x.Id, x.Name, x.Code }).ToListAsync();
        var unitIds = unitNames.Select(x => x.Id).ToList();
        var year = Round.FiscalYear;
        var projects = db.Projects.Where(p => unitIds.Contains(p.BudgetUnitId) && p.FiscalYear == year && p.ApprovedVersion != null);
        var reports = db.MonitoringReports.Where(r => r.RoundId == Round.Id && unitIds.Contains(r.BudgetUnitId));

        // Lights by unit: every monitored project counts, a project without a report as 未填报.
        var projectCounts = await projects.GroupBy(p => p.BudgetUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var lightCounts = await reports.GroupBy(r => new { r.BudgetUnitId, r.Light }).Select(g => new { g.Key.BudgetUnitId, g.Key.Light, Count = g.Count() }).ToListAsync();
        Lights = unitNames.OrderBy(x => x.Code).ThenBy(x => x.Name).Select(x =>
        {
            int Of(Light? l) => lightCounts.Where(c => c.BudgetUnitId == x.Id && c.Light == l).Sum(c => c.Count);
            var total = projectCounts.Where(c => c.Key == x.Id).Sum(c => c.Count);
            var lit = Of(Light.Green) + Of(Light.Yellow) + Of(Light.Red);
            return new UnitLights(x.Id, x.Name, Of(Light.Green), Of(Light.Yellow), Of(Light.Red), Math.Max(0, total - lit));
        }).ToList();

        // Indicator progress: rows by likelihood, per unit.
        var rowCounts = await reports.SelectMany(r => r.Rows, (r, w) => new { r.BudgetUnitId, w.Likelihood })
            .GroupBy(x => new { x.BudgetUnitId, x.Likelihood }).Select(g => new { g.Key.BudgetUnitId, g.Key.Likelihood, Count = g.Count() }).ToListAsync();
        Indicators = Lights.Select(l =>
        {
            int Of(Likelihood? k) => rowCounts.Where(c => c.BudgetUnitId == l.UnitId && c.Likelihood == k).Sum(c => c.Count);
            return new Progress(l.UnitId, l.Unit, Of(Likelihood.Certain), Of(Likelihood.Possible), Of(Likelihood.Impossible), Of(null));
        }).ToList();

        // Money by month: the plan of every monitored project (its budget × its planned pace) against what the
        // year's rounds say was spent by their end month.
        var plans = await projects.Select(p => new
        {
            p.Id, p.Form.Funding.AnnualRequest, p.Form.Funding.Total,
            Lines = p.Form.BudgetLines.Select(l => l.Amount).ToList(),
            Plan = p.Form.SpendingPlan.Select(m => new { m.By, m.CumulativePercent }).ToList(),
        }).AsSplitQuery().ToListAsync();
        var planned = new decimal[13];
        foreach (var p in plans)
        {
            // SQLite cannot sum decimals in the database: the few amounts are added here.
            var lines = p.Lines.Sum(a => a ?? 0m);
            var budget = p.AnnualRequest is > 0 ? p.AnnualRequest : p.Total is > 0 ? p.Total : lines > 0 ? lines : (decimal?)null;
            if (budget is not decimal b) continue;
            var milestones = p.Plan.Select(m => new Domain.SpendingMilestone { By = m.By, CumulativePercent = m.CumulativePercent }).ToList();
            for (var m = 1; m <= 12; m++) planned[m] += b * PlannedPace.At(milestones, m).Percent / 100m;
        }
        var yearRounds = await Monitor.RoundsVisibleTo(db, User).Where(r => r.FiscalYear == year).Select(r => new { r.Id, r.EndMonth }).ToListAsync();
        var yearRoundIds = yearRounds.Select(r => r.Id).ToList();
        var spentByRound = await db.MonitoringReports.Where(r => yearRoundIds.Contains(r.RoundId) && unitIds.Contains(r.BudgetUnitId))
            .Where(r => r.Spent != null).Select(r => new { r.RoundId, r.Spent }).ToListAsync();
        Money = Enumerable.Range(1, 12).Select(m =>
        {
            var spent = yearRounds.Where(r => r.EndMonth == m && spentByRound.Any(s => s.RoundId == r.Id))
                .Select(r => spentByRound.Where(s => s.RoundId == r.Id).Sum(s => s.Spent!.Value)).ToList();
            return new MonthMoney(m, Math.Round(planned[m], 2), spent.Count > 0 ? spent.Max() : null);
        }).ToList();

        // The red-light list: red projects, and indicator rows that will not be completed.
        var red = await reports.Where(r => r.Light == Light.Red)
            .Select(r => new { r.ProjectId, r.Project!.Form.Name, Unit = r.Project.BudgetUnit!.Name, r.SpentPercent, r.PacePercent, r.Light })
            .OrderBy(r => r.Unit).ThenBy(r => r.Name).Take(200).ToListAsync();
        Alerts = red.Select(r => new Alert(r.ProjectId, r.Name, r.Unit, r.SpentPercent, r.PacePercent, r.Light, null, null, "预算执行红灯")).ToList();
        var impossible = await reports.SelectMany(r => r.Rows, (r, w) => new { r.ProjectId, r.Project!.Form.Name, Unit = r.Project.BudgetUnit!.Name, r.SpentPercent, r.PacePercent, r.Light, w.IndicatorId, w.Likelihood })
                .Where(x => x.Likelihood == Likelihood.Impossible)
            .OrderBy(r => r.Unit).ThenBy(r => r.Name).Take(200).ToListAsync();
        var rowIds = impossible.Select(i => (Guid?)i.IndicatorId).ToList();
        var names = await db.Projects.Where(p => impossible.Select(i => i.ProjectId).Contains(p.Id))
            .SelectMany(p => p.Form.Indicators.Where(i => rowIds.Contains(i.Id)).Select(i => new { i.Id, i.Name })).ToListAsync();
        Alerts.AddRange(impossible.Select(r => new Alert(r.ProjectId, r.Name, r.Unit, r.SpentPercent, r.PacePercent, r.Light,
            names.FirstOrDefault(n => n.Id == r.IndicatorId)?.Name ?? "（指标已调整）", r.IndicatorId, "指标完全不可能完成")));
        return Page();
    }
}
