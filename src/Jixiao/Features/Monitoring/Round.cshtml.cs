using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// One round: for each unit the user sees, its monitored projects with their report's state and light,
// the template to fill offline, and the supervising department's sign-off.
public sealed class RoundModel(JixiaoDb db, ListCache cache) : PageModel
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

    // A round of a province spans thousands of units: they come a page at a time, ordered by code; ten units
    // (some seventy projects) keep the page quick to render and to read.
    public const int UnitsPerPage = 10;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    // The round's units the user sees, in page order (by code), with their part of the round. Keeping the
    // order and the count of a province's 2,000 units under the change stamp (ListCache) spares every look a
    // count and a sort of them; a sign-off is a saved change, so a part's lock is never stale.
    sealed record UnitEntry(int UnitId, string Name, MonitoringRoundUnit Part);

    // Loads the page's units, or just the one unit a post concerns. The round, the units and the page's
    // projects are kept under the change stamp: a look at a page costs the stamp's one query.
    async Task<IActionResult?> Load(int id, int? onlyUnit = null)
    {
        // The round with whether it has units and any not signed off: overdue is counted, not loaded.
        var found = await cache.GetAsync(db, $"round:{id}:{ListCache.Scope(User)}", Area.Monitoring | Area.Organisation, () => Monitor.RoundsVisibleTo(db, User).AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Round = r, HasUnits = r.Units.Any(), Pending = r.Units.Any(u => u.SignedOffUtc == null) }).FirstOrDefaultAsync());
        if (found is null) return NotFound();
        Round = found.Round;
        Overdue = Round.DueDate < Monitor.Today() && (!found.HasUnits || found.Pending);
        var all = await cache.GetAsync(db, $"round-units:{id}:{ListCache.Scope(User)}", Area.Monitoring | Area.Organisation, async () =>
            (await db.MonitoringRoundUnits.AsNoTracking().Where(x => x.RoundId == id)
                .Join(db.BudgetUnits.VisibleTo(User), x => x.BudgetUnitId, u => u.Id, (x, u) => new { Part = x, u.Name, u.Code })
                .ToListAsync())
            .OrderBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Part.BudgetUnitId)
            .Select(x => new UnitEntry(x.Part.BudgetUnitId, x.Name, x.Part)).ToList());
        var units = onlyUnit is int only ? all.Where(u => u.UnitId == only).ToList() : all;
        Pager = new Pager(Math.Clamp(PageNumber, 1, Math.Max(1, (units.Count + UnitsPerPage - 1) / UnitsPerPage)), units.Count, UnitsPerPage, Request.Query);
        var visible = units.Skip((Pager.Page - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        var ids = visible.Select(u => u.UnitId).ToList();
        var year = Round.FiscalYear;
        // The page's monitored projects with their report, if any (at most one per round and project): one
        // query, kept under the stamp like the units (the same for everyone of the user's scope).
        var projects = (await cache.GetAsync(db, $"round-projects:{id}:{ListCache.Scope(User)}:{string.Join(',', ids)}", Area.Monitoring | Area.Approved | Area.Organisation, async () =>
            (await db.Projects.Where(p => ids.Contains(p.BudgetUnitId) && p.FiscalYear == year && p.ApprovedVersion != null)
            .GroupJoin(db.MonitoringReports.Where(r => r.RoundId == id), p => p.Id, r => r.ProjectId, (p, rs) => new { p, rs })
            .SelectMany(x => x.rs.DefaultIfEmpty(), (x, r) => new
            {
                x.p.Id, x.p.BudgetUnitId, x.p.Form.Name,
                Status = r == null ? (ReportStatus?)null : r.Status, Light = r == null ? null : r.Light,
                SpentPercent = r == null ? null : r.SpentPercent, Pace = r == null ? (decimal?)null : r.PacePercent,
                ReturnComment = r == null ? null : r.ReturnComment,
            })
            .ToListAsync())
            // Sorted here: in SQLite the sort carried every joined column and cost more than the rest of the query.
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToList()))
            .ToLookup(p => p.BudgetUnitId);
        foreach (var unit in visible)
        {
            var rows = projects[unit.UnitId].Select(p => new ProjectRow(p.Id, p.Name, p.Status, p.Light, p.SpentPercent, p.Pace,
                p.Status == ReportStatus.Returned ? p.ReturnComment : null)).ToList();
            var pending = rows.Where(r => r.Status != ReportStatus.Submitted).Select(r => r.Name).ToList();
            var lockReason = Monitor.LockReason(unit.Part);
            Parts.Add(new UnitPart(unit.Part, unit.Name, rows, lockReason, lockReason is null && rows.Count > 0 && Access.MayDeclare(User, unit.UnitId),
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
