using Jixiao.Domain;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Units;

// 单位项目总览: one unit's projects of a year with status, annual money in 万元 and totals, the department
// summary sentence worked out from the rows, and the department-wide goals (总体 and 分项), which the unit's
// own users edit here (rows added, changed, deleted and reordered, saved in one transaction).
public sealed class OverviewModel(JixiaoDb db) : PageModel
{
    public const string OverallTitle = "总体绩效目标";

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<BudgetUnit> Units { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public BudgetUnit? Current { get; private set; }
    public List<ProjectRow> Projects { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public string? Done { get; private set; }

    [BindProperty, Display(Name = "总体绩效目标"), StringLength(4000)] public string? Overall { get; set; }
    [BindProperty] public List<GoalInput> Goals { get; set; } = [];

    public sealed record ProjectRow(int Id, string Name, string? Code, ProjectStatus Status, decimal? Total, decimal? AnnualRequest, int Indicators, int? QualityScore)
    {
        // This year's money: the annual request, or the project total where the form gives no annual figure.
        public decimal? Annual => AnnualRequest ?? Total;
    }

    public sealed class GoalInput
    {
        public int? Id { get; set; }
        [Display(Name = "序号")] public int Order { get; set; }
        [Display(Name = "分项目标名称"), StringLength(200)] public string? Title { get; set; }
        [Display(Name = "目标内容"), StringLength(4000)] public string? Goal { get; set; }
        [Display(Name = "指标或措施"), StringLength(4000)] public string? Indicators { get; set; }
        public bool Delete { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Goal) && string.IsNullOrWhiteSpace(Indicators);
    }

    public decimal AnnualTotal => Projects.Sum(p => p.Annual ?? 0);
    public decimal ProjectTotal => Projects.Sum(p => p.Total ?? 0);

    // 本部门共 N 个项目编报绩效目标，涉及项目预算资金 X 万元
    public string Summary => $"本部门共 {Projects.Count} 个项目编报绩效目标，涉及项目预算资金 {Wan(AnnualTotal)} 万元。";

    static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    public static string Wan(decimal? yuan) => yuan is decimal v ? (v / 10000m).ToString("#,##0.00", Zh) : "";

    // What a view reads, kept under the change stamp per user scope, unit and year: the page then costs the
    // stamp's one query. The lists are shared by the requests that get them, so the page never changes them.
    sealed record Read(bool Found, List<BudgetUnit> Units, BudgetUnit? Current, List<int> Years, int? Year, List<ProjectRow> Projects, List<DepartmentGoalRecord> Goals);

    public async Task<IActionResult> OnGetAsync([FromServices] ListCache cache)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var read = await cache.GetAsync(db, $"overview:{ListCache.Scope(User)}:{Unit}:{Year}", Area.Projects | Area.Organisation | Area.Declarations, async () =>
        {
            var found = await LoadAsync();
            return new Read(found, Units, Current, Years, Year, Projects, found && Current != null ? await StoredGoals().ToListAsync() : []);
        });
        if (!read.Found) return NotFound();
        (Units, Current, Years, Year, Projects) = (read.Units, read.Current, read.Years, read.Year, read.Projects);
        if (Current == null) return Page();
        Unit = Current.Id;
        MayEdit = MayEditGoals(User, Current.Id);
        var goals = read.Goals;
        Overall = goals.FirstOrDefault(IsOverall)?.Goal;
        Goals = goals.Where(g => !IsOverall(g)).Select((g, i) => new GoalInput { Id = g.Id, Order = i + 1, Title = g.Title, Goal = g.Goal, Indicators = g.Indicators }).ToList();
        Done = Request.Query["done"];
        return Page();
    }

    public async Task<IActionResult> OnPostGoalsAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MayEdit) return Forbid();
        var stored = await StoredGoals().ToListAsync();
        var byId = stored.ToDictionary(g => g.Id);
        for (var i = 0; i < Goals.Count; i++)
        {
            var g = Goals[i];
            if (g.Id is int id && !byId.ContainsKey(id))
                ModelState.AddModelError("", "部门整体绩效目标已被他人修改，请刷新页面后重新填写");
            else if (!g.Delete && !g.IsBlank && string.IsNullOrWhiteSpace(g.Title))
                ModelState.AddModelError($"Goals[{i}].Title", $"第 {i + 1} 行：请填写分项目标名称");
            else if (!g.Delete && !g.IsBlank && string.IsNullOrWhiteSpace(g.Goal))
                ModelState.AddModelError($"Goals[{i}].Goal", $"第 {i + 1} 行：请填写目标内容");
        }
        if (!ModelState.IsValid) return Page();

        // Rows kept in the order of their 序号 (ties in page order); the overall goal first.
        var kept = Goals.Select((g, i) => (g, i)).Where(x => !x.g.Delete && !x.g.IsBlank)
            .OrderBy(x => x.g.Order).ThenBy(x => x.i).Select(x => x.g).ToList();
        var overall = stored.FirstOrDefault(IsOverall);
        if (string.IsNullOrWhiteSpace(Overall)) { if (overall != null) db.DepartmentGoals.Remove(overall); }
        else
        {
            overall ??= db.DepartmentGoals.Add(new DepartmentGoalRecord { BudgetUnitId = Current!.Id, FiscalYear = Year!.Value, Title = OverallTitle }).Entity;
            overall.Goal = Overall.Trim();
            overall.Order = 0;
        }
        var keptIds = kept.Where(g => g.Id != null).Select(g => g.Id!.Value).ToHashSet();
        foreach (var old in stored.Where(g => !IsOverall(g) && !keptIds.Contains(g.Id))) db.DepartmentGoals.Remove(old);
        for (var i = 0; i < kept.Count; i++)
        {
            var g = kept[i];
            var row = g.Id is int id ? byId[id]
                : db.DepartmentGoals.Add(new DepartmentGoalRecord { BudgetUnitId = Current!.Id, FiscalYear = Year!.Value }).Entity;
            row.Order = i + 1;
            row.Title = g.Title!.Trim();
            row.Goal = g.Goal?.Trim();
            row.Indicators = string.IsNullOrWhiteSpace(g.Indicators) ? null : g.Indicators.Trim();
        }
        // One SaveChanges: one transaction, with the audit entries of every row in it.
        await db.SaveChangesAsync();
        return Redirect($"/Units/Overview?unit={Current!.Id}&year={Year}&done=saved#goals");
    }

    static bool IsOverall(DepartmentGoalRecord g) => g.Order == 0 && (g.Title == null || g.Title.StartsWith("总体"));

    IQueryable<DepartmentGoalRecord> StoredGoals() =>
        db.DepartmentGoals.Where(g => g.BudgetUnitId == Current!.Id && g.FiscalYear == Year).OrderBy(g => g.Order).ThenBy(g => g.Id);

    // The unit (one the user may see) and year, the unit's projects and whether the user may edit the goals.
    async Task<bool> LoadAsync()
    {
        Units = await db.BudgetUnits.VisibleTo(User).OrderBy(u => u.Name).ToListAsync();
        Current = Unit is int id ? Units.FirstOrDefault(u => u.Id == id) : Units.FirstOrDefault();
        if (Current == null) return Unit == null && Units.Count == 0 ? SetEmpty() : false;
        Unit = Current.Id;
        Years = await db.Projects.Where(p => p.BudgetUnitId == Current.Id).Select(p => p.FiscalYear)
            .Union(db.DepartmentGoals.Where(g => g.BudgetUnitId == Current.Id).Select(g => g.FiscalYear))
            .Distinct().OrderByDescending(y => y).ToListAsync();
        Year ??= Years.Count > 0 ? Years[0] : DateTime.Today.Year;
        if (Year is < 2000 or > 2100) return false;
        if (!Years.Contains(Year.Value)) Years.Insert(0, Year.Value);
        Projects = await db.Projects.VisibleTo(User).Where(p => p.BudgetUnitId == Current.Id && p.FiscalYear == Year)
            .OrderBy(p => p.Id)
            .Select(p => new ProjectRow(p.Id, p.Form.Name, p.Form.Code, p.Status, p.Form.Funding.Total, p.Form.Funding.AnnualRequest, p.Form.Indicators.Count, p.QualityScore))
            .ToListAsync();
        MayEdit = MayEditGoals(User, Current.Id);
        return true;
    }

    bool SetEmpty()
    {
        Units = [];
        return true;
    }

    // Department goals are the unit's own words: only its preparers and head change them.
    public static bool MayEditGoals(ClaimsPrincipal user, int unitId) => Access.MayDeclare(user, unitId);

    // Only a draft may be deleted, and only by its own unit's people.
    public static bool MayDelete(ClaimsPrincipal user, int unitId, ProjectStatus status) =>
        status == ProjectStatus.Draft && Access.MayDeclare(user, unitId);
}
