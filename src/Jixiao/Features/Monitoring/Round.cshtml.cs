using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// One round: for each unit the user sees, its monitored projects with their report's state and light,
// the template to fill offline, and the supervising department's sign-off.
public sealed class RoundModel(JixiaoDb db) : PageModel
{
    public sealed record ProjectRow(int ProjectId, string Name, ReportStatus? Status, Light? Light, decimal? SpentPercent, decimal? Pace, string? ReturnComment);
    public sealed record UnitPart(MonitoringRoundUnit Part, string Name, List<ProjectRow> Projects, string? Lock, bool MayFill, bool MaySignOff, string? SignOffBlocked);

    public MonitoringRound Round { get; private set; } = null!;
    public List<UnitPart> Parts { get; private set; } = [];
    public bool Overdue { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Load(id) is { } missing) return missing;
        return Page();
    }

    // A round of a province spans thousands of units: they come a page at a time, ordered by code.
    public const int UnitsPerPage = 20;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    // Loads the page's units, or just the one unit a post concerns.
    async Task<IActionResult?> Load(int id, int? onlyUnit = null)
    {
        var round = await Monitor.RoundsVisibleTo(db, User).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        Round = round;
        var units = db.BudgetUnits.VisibleTo(User).Where(u => db.MonitoringRoundUnits.Any(x => x.RoundId == id && x.BudgetUnitId == u.Id));
        if (onlyUnit is int only) units = units.Where(u => u.Id == only);
        var total = await units.CountAsync();
        Pager = new Pager(Math.Clamp(PageNumber, 1, Math.Max(1, (total + UnitsPerPage - 1) / UnitsPerPage)), total, UnitsPerPage, Request.Query);
        var visible = await units.OrderBy(u => u.Code).ThenBy(u => u.Name).ThenBy(u => u.Id)
            .Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).Select(u => new { u.Id, u.Name }).ToListAsync();
        var ids = visible.Select(u => u.Id).ToList();
        // The round is overdue while any of its units is not signed off: counted, not loaded.
        Overdue = round.DueDate < Monitor.Today()
            && (!await db.MonitoringRoundUnits.AnyAsync(u => u.RoundId == id) || await db.MonitoringRoundUnits.AnyAsync(u => u.RoundId == id && u.SignedOffUtc == null));
        var parts = await db.MonitoringRoundUnits.AsNoTracking().Where(u => u.RoundId == id && ids.Contains(u.BudgetUnitId)).ToListAsync();
        var writable = await db.BudgetUnits.WritableBy(User).Select(u => u.Id).ToListAsync();
        var year = round.FiscalYear;
        var projects = (await db.Projects.Where(p => ids.Contains(p.BudgetUnitId) && p.FiscalYear == year && p.ApprovedVersion != null)
            .OrderBy(p => p.Form.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.BudgetUnitId, p.Form.Name }).ToListAsync()).ToLookup(p => p.BudgetUnitId);
        var reports = (await db.MonitoringReports.Where(r => r.RoundId == id && ids.Contains(r.BudgetUnitId))
            .Select(r => new { r.ProjectId, r.Status, r.Light, r.SpentPercent, r.PacePercent, r.ReturnComment }).ToListAsync())
            .ToDictionary(r => r.ProjectId);
        foreach (var unit in visible)
        {
            var part = parts.First(u => u.BudgetUnitId == unit.Id);
            var rows = projects[unit.Id].Select(p => reports.GetValueOrDefault(p.Id) is { } r
                ? new ProjectRow(p.Id, p.Name, r.Status, r.Light, r.SpentPercent, r.PacePercent, r.Status == ReportStatus.Returned ? r.ReturnComment : null)
                : new ProjectRow(p.Id, p.Name, null, null, null, null, null)).ToList();
            var pending = rows.Where(r => r.Status != ReportStatus.Submitted).Select(r => r.Name).ToList();
            var lockReason = Monitor.LockReason(part);
            Parts.Add(new UnitPart(part, unit.Name, rows, lockReason, lockReason is null && writable.Contains(unit.Id),
                lockReason is null && User.IsInRole(Roles.SupervisorReviewer) && pending.Count == 0,
                pending.Count > 0 ? $"尚有 {pending.Count} 个项目未提交：{string.Join("、", pending)}" : null));
        }
        return null;
    }

    // The supervising department signs off its unit's part once every monitored project is submitted;
    // the part is then locked.
    public async Task<IActionResult> OnPostSignOffAsync(int id, int unit)
    {
        if (await Load(id, unit) is { } missing) return missing;
        var part = Parts.FirstOrDefault(p => p.Part.BudgetUnitId == unit);
        if (part is null) return NotFound();
        if (!User.IsInRole(Roles.SupervisorReviewer)) return Forbid();
        if (part.Lock is not null) { Message = part.Lock; return RedirectToPage(new { id }); }
        if (part.SignOffBlocked is not null) { Message = "不能签发：" + part.SignOffBlocked; return RedirectToPage(new { id }); }
        var tracked = await db.MonitoringRoundUnits.SingleAsync(u => u.Id == part.Part.Id);
        tracked.SignedOffUtc = DateTime.UtcNow;
        tracked.SignedOffBy = User.FindFirstValue(UserClaims.DisplayName) ?? User.Identity?.Name;
        await db.SaveChangesAsync();
        Message = $"已签发确认 {part.Name} 的{Round.Title}";
        return RedirectToPage(new { id });
    }
}
