using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Jixiao.Domain.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// The rounds a user sees, and the finance bureau's form to open a new one for a set of units.
public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    public sealed record RoundRow(int Id, string Title, DateOnly Due, int Units, int SignedOff);
    public List<RoundRow> Rounds { get; private set; } = [];
    public List<BudgetUnit> AllUnits { get; private set; } = [];
    // A province has thousands of units: beyond a short list they are taken by supervising department.
    public const int UnitsToPick = 100;
    public sealed record DepartmentOption(int Id, string Name, int Units);
    public List<DepartmentOption> Departments { get; private set; } = [];
    public int UnitCount { get; private set; }
    public bool MayOpen => User.IsInRole(Roles.FinanceReviewer);
    public IReadOnlyList<ReviewProfile> Profiles => ReviewProfiles.All;
    [TempData] public string? Message { get; set; }

    public sealed class OpenInput
    {
        public string ProfileId { get; set; } = ReviewProfiles.National2021.Id;
        [Range(2000, 2100, ErrorMessage = "年度应在 2000–2100 之间")] public int Year { get; set; } = DateTime.UtcNow.Year;
        [Range(1, 12, ErrorMessage = "截至月份应在 1–12 之间")] public int EndMonth { get; set; } = 6;
        [Required(ErrorMessage = "请填写截止日期")] public DateOnly? DueDate { get; set; }
        public int[] Units { get; set; } = [];
        public int[] Departments { get; set; } = [];
        public bool AllUnits { get; set; }
    }
    [BindProperty] public OpenInput Input { get; set; } = new();

    public async Task OnGetAsync() => await Load();

    // The rounds with their counts, and the units to open a round for, kept under the change stamp: counting
    // a province's round units and its units on every look cost more than the page.
    async Task Load()
    {
        Rounds = await cache.GetAsync(db, "rounds:" + ListCache.Scope(User), Area.Monitoring | Area.Organisation, async () =>
            (await Monitor.RoundsVisibleTo(db, User)
                .OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.EndMonth).ThenByDescending(r => r.Id)
                .Select(r => new { r.Id, r.FiscalYear, r.EndMonth, r.DueDate, Units = r.Units.Count, SignedOff = r.Units.Count(u => u.SignedOffUtc != null) })
                .ToListAsync())
            .Select(r => new RoundRow(r.Id, new MonitoringRound { FiscalYear = r.FiscalYear, EndMonth = r.EndMonth }.Title,
                r.DueDate, r.Units, r.SignedOff)).ToList());
        if (!MayOpen) return;
        (UnitCount, AllUnits, Departments) = await cache.GetAsync(db, "round-choices", Area.Organisation, async () =>
        {
            var count = await db.BudgetUnits.CountAsync();
            return count <= UnitsToPick
                ? (count, await db.BudgetUnits.AsNoTracking().OrderBy(u => u.Code).ThenBy(u => u.Name).ToListAsync(), new List<DepartmentOption>())
                : (count, new List<BudgetUnit>(), await db.SupervisingDepartments.OrderBy(d => d.Code).ThenBy(d => d.Name)
                    .Select(d => new DepartmentOption(d.Id, d.Name, db.BudgetUnits.Count(u => u.SupervisingDepartmentId == d.Id))).ToListAsync());
        });
    }

    public async Task<IActionResult> OnPostOpenAsync()
    {
        if (!MayOpen) return Forbid();
        if (ReviewProfiles.Find(Input.ProfileId) is null) ModelState.AddModelError("Input.ProfileId", "请选择地区规则");
        var units = await db.BudgetUnits.Where(u => Input.Units.Contains(u.Id)).Select(u => u.Id).ToListAsync();
        if (units.Count != Input.Units.Distinct().Count()) ModelState.AddModelError("Input.Units", "所选单位不存在");
        var departments = Input.Departments.Distinct().ToList();
        if (await db.SupervisingDepartments.CountAsync(d => departments.Contains(d.Id)) != departments.Count)
            ModelState.AddModelError("Input.Departments", "所选主管部门不存在");
        var byDepartment = Input.AllUnits ? db.BudgetUnits
            : db.BudgetUnits.Where(u => u.SupervisingDepartmentId != null && departments.Contains(u.SupervisingDepartmentId.Value));
        if (Input.AllUnits || departments.Count > 0) units = units.Union(await byDepartment.Select(u => u.Id).ToListAsync()).ToList();
        if (units.Count == 0) ModelState.AddModelError("Input.Units", "请至少选择一个单位");
        if (await db.MonitoringRounds.AnyAsync(r => r.FiscalYear == Input.Year && r.EndMonth == Input.EndMonth
                && r.Units.Any(u => units.Contains(u.BudgetUnitId))))
            ModelState.AddModelError("Input.EndMonth", $"所选单位已有 {Input.Year}年{Domain.Monitoring.MonitoringText.Period(Input.EndMonth)} 的监控轮次");
        if (!ModelState.IsValid) { await Load(); return Page(); }
        var round = new MonitoringRound
        {
            ProfileId = Input.ProfileId, FiscalYear = Input.Year, EndMonth = Input.EndMonth, DueDate = Input.DueDate!.Value,
            OpenedUtc = DateTime.UtcNow, OpenedBy = User.Identity?.Name,
            Units = units.Select(u => new MonitoringRoundUnit { BudgetUnitId = u }).ToList(),
        };
        db.MonitoringRounds.Add(round);
        await db.SaveChangesAsync();
        Message = $"已开启{round.Title}，共 {units.Count} 个单位";
        return RedirectToPage("Round", new { id = round.Id });
    }
}
