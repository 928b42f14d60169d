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
    // A province's round has thousands of units and thousands of alerts: both come a page at a time, so
    // that a page stays light to render and to print (the totals still count every unit).
    public const int UnitsPerPage = 25;
    public const int AlertsPerPage = 25;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "a")] public int AlertPageNumber { get; set; } = 1;
    public Pager Pager { get; private set; } = null!;
    public Pager AlertPager { get; private set; } = null!;
    public UnitLights? Totals { get; private set; }
    public int RedProjects { get; private set; }
    public int ImpossibleRows { get; private set; }
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
    // Looked up once per request: the page asks twice.
    public bool ChartsAvailable { get; } = env.WebRootFileProvider.GetFileInfo("lib/echarts/echarts.min.js").Exists;

    // Everything the page shows for one round, one unit filter and one scope of user; null Round: no round
    // to show; Missing: a round or unit the user may not see (404).
    sealed record View(List<RoundOption> Rounds, MonitoringRound? Round, string? UnitName, bool Missing, Figures? Figures);

    public async Task<IActionResult> OnGetAsync(int? round, int? unit)
    {
        // The whole view is kept under the database's change stamp (ListCache): a look costs one query for the
        // stamp, whatever the size of the province; any saved change (a report, a sign-off, a new round) shows on
        // the next look.
        var view = await cache.GetAsync(db, $"dashboard:{round}:{unit}:{ListCache.Scope(User)}", Area.Monitoring | Area.Approved | Area.Organisation, () => Load(round, unit));
        if (view.Missing) return NotFound();
        Rounds = view.Rounds;
        if (view.Round is null || view.Figures is not { } figures) return Page();
        Round = view.Round;
        UnitName = view.UnitName;
        Unit = UnitName is null ? null : unit;
        Money = figures.Money;
        Pager = new Pager(Math.Clamp(PageNumber, 1, Pages(figures.Lights.Count, UnitsPerPage)), figures.Lights.Count, UnitsPerPage, Request.Query);
        Lights = figures.Lights.Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        Indicators = figures.Indicators.Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        AlertPager = new Pager(Math.Clamp(AlertPageNumber, 1, Pages(figures.Alerts.Count, AlertsPerPage)), figures.Alerts.Count, AlertsPerPage, Request.Query, "a");
        Alerts = figures.Alerts.Skip((AlertPager.Page - 1) * AlertsPerPage).Take(AlertsPerPage).ToList();
        RedProjects = figures.RedProjects;
        ImpossibleRows = figures.Alerts.Count - RedProjects;
        Totals = figures.Totals;
        return Page();
    }

    static int Pages(int count, int size) => Math.Max(1, (count + size - 1) / size);

    async Task<View> Load(int? round, int? unit)
    {
        // The rounds as entities, the newest first: the list to choose from and the round shown in one query.
        var rounds = await Monitor.RoundsVisibleTo(db, User).AsNoTracking()
            .OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.EndMonth).ThenByDescending(r => r.Id).ToListAsync();
        var options = rounds.Select(r => new RoundOption(r.Id, r.Title)).ToList();
        if (round is int wanted && rounds.All(r => r.Id != wanted)) return new View(options, null, null, true, null);
        var shown = round is int id ? rounds.Single(r => r.Id == id) : rounds.FirstOrDefault();
        if (shown is null) return new View(options, null, null, false, null);
        var roundId = shown.Id;
        var units = db.BudgetUnits.VisibleTo(User).Where(u => db.MonitoringRoundUnits.Any(x => x.RoundId == roundId && x.BudgetUnitId == u.Id));
        string? unitName = null;
        if (unit is int u)
        {
            unitName = await units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync();
            if (unitName is null) return new View(options, shown, null, true, null);
            units = units.Where(x => x.Id == u);
        }
        return new View(options, shown, unitName, false, await Compute(shown, units));
    }

    sealed record Figures(List<MonthMoney> Money, List<UnitLights> Lights, List<Progress> Indicators, List<Alert> Alerts, int RedProjects, UnitLights Totals);

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

        // The red-light list, whole (it is paged on the page): red projects, and indicator rows that will not be
        // completed, each row named from the project's form in one query (the row's name and place by its id).
        var red = await reports.Where(r => r.Light == Light.Red)
            .Select(r => new { r.ProjectId, r.Project!.Form.Name, Unit = r.Project.BudgetUnit!.Name, r.Project.BudgetUnit.Code, r.SpentPercent, r.PacePercent, r.Light })
            .ToListAsync();
        var impossible = await reports.SelectMany(r => r.Rows, (r, w) => new { Report = r, Row = w })
            .Where(x => x.Row.Likelihood == Likelihood.Impossible)
            .Select(x => new
            {
                x.Report.ProjectId, x.Report.Project!.Form.Name, Unit = x.Report.Project.BudgetUnit!.Name, x.Report.Project.BudgetUnit.Code,
                x.Report.SpentPercent, x.Report.PacePercent, x.Report.Light, x.Row.IndicatorId,
                Row = x.Report.Project.Form.Indicators.Where(i => i.Id == x.Row.IndicatorId).Select(i => i.Name).FirstOrDefault(),
                Position = x.Report.Project.Form.Indicators.Where(i => i.Id == x.Row.IndicatorId).Select(i => (int?)EF.Property<int>(i, "Position")).FirstOrDefault(),
            }).ToListAsync();
        // By unit (as the unit tables), then project; a project's red light before its rows, rows in form order.
        var alerts = red.Select(r => (r.Code, r.Unit, r.Name, r.ProjectId, Position: -1,
                Alert: new Alert(r.ProjectId, r.Name, r.Unit, r.SpentPercent, r.PacePercent, r.Light, null, null, "预算执行红灯")))
            .Concat(impossible.Select(r => (r.Code, r.Unit, r.Name, r.ProjectId, Position: r.Position ?? int.MaxValue,
                Alert: new Alert(r.ProjectId, r.Name, r.Unit, r.SpentPercent, r.PacePercent, r.Light, r.Row ?? "（指标已调整）", r.IndicatorId, "指标完全不可能完成"))))
            .OrderBy(a => a.Code).ThenBy(a => a.Unit).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.ProjectId).ThenBy(a => a.Position).Select(a => a.Alert).ToList();
        var totals = new UnitLights(0, "合计", lights.Sum(l => l.Green), lights.Sum(l => l.Yellow), lights.Sum(l => l.Red), lights.Sum(l => l.Missing));
        return new Figures(money, lights, indicators, alerts, red.Count, totals);
    }
}
