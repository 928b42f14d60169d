using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// The picture of a round for whoever looks: a unit sees itself, a supervising department its units, the
// finance bureau every unit. Money planned against spent by month, lights by unit, indicator progress and
// the red-light list; every count drills down (unit → project → row). Each chart is drawn from its table.
public sealed class DashboardModel(JixiaoDb db, IWebHostEnvironment env, ListCache cache) : PageModel
{
    public const int UnitsPerPage = 50;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager Pager { get; private set; } = null!;
    public UnitLights? Totals { get; private set; }
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
        Round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == id);
        var roundId = Round.Id;
        var units = db.BudgetUnits.VisibleTo(User).Where(u => db.MonitoringRoundUnits.Any(x => x.RoundId == roundId && x.BudgetUnitId == u.Id));
        if (unit is int u)
        {
            UnitName = await units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync();
            if (UnitName is null) return NotFound();
            Unit = u;
            units = units.Where(x => x.Id == u);
        }
        // A province's figures take a scan of the round: computed once per change of the data (ListCache).
        var figures = await cache.GetAsync(db, $"dashboard:{roundId}:{Unit}:{ListCache.Scope(User)}", () => Compute(Round, units));
        Money = figures.Money;
        Alerts = figures.Alerts;
        // The unit tables are paged: a finance bureau's round has thousands of units.
        Pager = new Pager(Math.Clamp(PageNumber, 1, Math.Max(1, (figures.Lights.Count + UnitsPerPage - 1) / UnitsPerPage)), figures.Lights.Count, UnitsPerPage, Request.Query);
        Lights = figures.Lights.Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        Indicators = figures.Indicators.Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        Totals = figures.Totals;
        return Page();
    }

    sealed record Figures(List<MonthMoney> Money, List<UnitLights> Lights, List<Progress> Indicators, List<Alert> Alerts, UnitLights Totals);

    async Task<Figures> Compute(MonitoringRound round, IQueryable<BudgetUnit> units)
    {
        var unitNames = await units.Select(x => new { x.Id, x.Name, x.Code }).ToListAsync();
        // The units as a subquery: a list of 2,000 ids as parameters made SQLite take seconds per query.
        var unitIds = units.Select(x => x.Id);
        var year = round.FiscalYear;
        var projects = db.Projects.Where(p => unitIds.Contains(p.BudgetUnitId) && p.FiscalYear == year && p.ApprovedVersion != null);
        var reports = db.MonitoringReports.Where(r => r.RoundId == round.Id && unitIds.Contains(r.BudgetUnitId));
        // Lights by unit: every monitored project counts, a project without a report as 未填报.
        var projectCounts = await projects.GroupBy(p => p.BudgetUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var lightCounts = await reports.GroupBy(r => new { r.BudgetUnitId, r.Light }).Select(g => new { g.Key.BudgetUnitId, g.Key.Light, Count = g.Count() }).ToListAsync();
        var lightsOf = lightCounts.ToLookup(c => c.BudgetUnitId);
        var projectsOf = projectCounts.ToLookup(c => c.Key);
        var lights = unitNames.OrderBy(x => x.Code).ThenBy(x => x.Name).Select(x =>
        {
            int Of(Light? l) => lightsOf[x.Id].Where(c => c.Light == l).Sum(c => c.Count);
            var total = projectsOf[x.Id].Sum(c => c.Count);
            var lit = Of(Light.Green) + Of(Light.Yellow) + Of(Light.Red);
            return new UnitLights(x.Id, x.Name, Of(Light.Green), Of(Light.Yellow), Of(Light.Red), Math.Max(0, total - lit));
        }).ToList();

        // Indicator progress: rows by likelihood, per unit.
        var rowCounts = await reports.SelectMany(r => r.Rows, (r, w) => new { r.BudgetUnitId, w.Likelihood })
            .GroupBy(x => new { x.BudgetUnitId, x.Likelihood }).Select(g => new { g.Key.BudgetUnitId, g.Key.Likelihood, Count = g.Count() }).ToListAsync();
        var rowsOf = rowCounts.ToLookup(c => c.BudgetUnitId);
        var indicators = lights.Select(l =>
        {
            int Of(Likelihood? k) => rowsOf[l.UnitId].Where(c => c.Likelihood == k).Sum(c => c.Count);
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
        // Plans repeat (3月底 25%, 6月底 50% …): each distinct plan's twelve paces are read once, not per project.
        var paces = new Dictionary<string, decimal[]>();
        foreach (var p in plans)
        {
            // SQLite cannot sum decimals in the database: the few amounts are added here.
            var lines = p.Lines.Sum(a => a ?? 0m);
            var budget = p.AnnualRequest is > 0 ? p.AnnualRequest : p.Total is > 0 ? p.Total : lines > 0 ? lines : (decimal?)null;
            if (budget is not decimal b) continue;
            var key = string.Join("\u001F", p.Plan.Select(m => $"{m.By}\u001E{m.CumulativePercent}"));
            if (!paces.TryGetValue(key, out var pace))
            {
                var milestones = p.Plan.Select(m => new Domain.SpendingMilestone { By = m.By, CumulativePercent = m.CumulativePercent }).ToList();
                paces[key] = pace = Enumerable.Range(0, 13).Select(m => m == 0 ? 0m : PlannedPace.At(milestones, m).Percent).ToArray();
            }
            for (var m = 1; m <= 12; m++) planned[m] += b * pace[m] / 100m;
        }
        var yearRounds = await Monitor.RoundsVisibleTo(db, User).Where(r => r.FiscalYear == year).Select(r => new { r.Id, r.EndMonth }).ToListAsync();
        var yearRoundIds = yearRounds.Select(r => r.Id).ToList();
        var spentByRound = await db.MonitoringReports.Where(r => yearRoundIds.Contains(r.RoundId) && unitIds.Contains(r.BudgetUnitId))
            .Where(r => r.Spent != null).Select(r => new { r.RoundId, r.Spent }).ToListAsync();
        var money = Enumerable.Range(1, 12).Select(m =>
        {
            var spent = yearRounds.Where(r => r.EndMonth == m && spentByRound.Any(s => s.RoundId == r.Id))
                .Select(r => spentByRound.Where(s => s.RoundId == r.Id).Sum(s => s.Spent!.Value)).ToList();
            return new MonthMoney(m, Math.Round(planned[m], 2), spent.Count > 0 ? spent.Max() : null);
        }).ToList();

        // The red-light list: red projects, and indicator rows that will not be completed.
        var red = await reports.Where(r => r.Light == Light.Red)
            .Select(r => new { r.ProjectId, r.Project!.Form.Name, Unit = r.Project.BudgetUnit!.Name, r.SpentPercent, r.PacePercent, r.Light })
            .OrderBy(r => r.Unit).ThenBy(r => r.Name).Take(200).ToListAsync();
        var alerts = red.Select(r => new Alert(r.ProjectId, r.Name, r.Unit, r.SpentPercent, r.PacePercent, r.Light, null, null, "预算执行红灯")).ToList();
        var impossible = await reports.SelectMany(r => r.Rows, (r, w) => new { r.ProjectId, r.Project!.Form.Name, Unit = r.Project.BudgetUnit!.Name, r.SpentPercent, r.PacePercent, r.Light, w.IndicatorId, w.Likelihood })
                .Where(x => x.Likelihood == Likelihood.Impossible)
            .OrderBy(r => r.Unit).ThenBy(r => r.Name).Take(200).ToListAsync();
        var rowIds = impossible.Select(i => (Guid?)i.IndicatorId).ToList();
        var names = await db.Projects.Where(p => impossible.Select(i => i.ProjectId).Contains(p.Id))
            .SelectMany(p => p.Form.Indicators.Where(i => rowIds.Contains(i.Id)).Select(i => new { i.Id, i.Name })).ToListAsync();
        alerts.AddRange(impossible.Select(r => new Alert(r.ProjectId, r.Name, r.Unit, r.SpentPercent, r.PacePercent, r.Light,
            names.FirstOrDefault(n => n.Id == r.IndicatorId)?.Name ?? "（指标已调整）", r.IndicatorId, "指标完全不可能完成")));
        var totals = new UnitLights(0, "合计", lights.Sum(l => l.Green), lights.Sum(l => l.Yellow), lights.Sum(l => l.Red), lights.Sum(l => l.Missing));
        return new Figures(money, lights, indicators, alerts, totals);
    }
}
