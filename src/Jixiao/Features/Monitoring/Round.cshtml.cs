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

    async Task<IActionResult?> Load(int id)
    {
        var round = await Monitor.RoundsVisibleTo(db, User).Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        Round = round;
        Overdue = round.DueDate < Monitor.Today() && !round.SignedOff;
        var ids = round.Units.Select(x => x.BudgetUnitId).ToList();
        var visible = await db.BudgetUnits.VisibleTo(User).Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.Code).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync();
        var writable = await db.BudgetUnits.WritableBy(User).Select(u => u.Id).ToListAsync();
        foreach (var unit in visible)
        {
            var part = round.Units.First(u => u.BudgetUnitId == unit.Id);
            var projects = await Monitor.Monitored(db, round, unit.Id).OrderBy(p => p.Form.Name).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Form.Name }).ToListAsync();
            var reports = await db.MonitoringReports.Where(r => r.RoundId == round.Id && r.BudgetUnitId == unit.Id)
                .Select(r => new { r.ProjectId, r.Status, r.Light, r.SpentPercent, r.PacePercent, r.ReturnComment }).ToListAsync();
            var rows = projects.Select(p => reports.FirstOrDefault(r => r.ProjectId == p.Id) is { } r
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
        if (await Load(id) is { } missing) return missing;
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
