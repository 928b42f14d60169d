using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// Reminders on the desk: rounds due within the profile's reminder window (7 days by default) or overdue,
// for each unit the user sees whose part is not yet signed off.
public sealed class MonitoringRemindersViewComponent(JixiaoDb db, ListCache cache) : ViewComponent
{
    public sealed record Reminder(int RoundId, string Title, string Unit, DateOnly Due, int DaysLeft, int Pending);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var today = Monitor.Today();
        // Shown on every visit to the desk: computed again only when the data or the day changes.
        var list = await cache.GetAsync(db, $"reminders:{ListCache.Scope(user)}:{today}", Area.Monitoring | Area.Approved | Area.Organisation, () => RemindersAsync(user, today));
        // Most visits have none: then no view at all.
        return list.Count == 0 ? Content("") : View("~/Features/Monitoring/_Reminders.cshtml", list);
    }

    async Task<List<Reminder>> RemindersAsync(System.Security.Claims.ClaimsPrincipal user, DateOnly today)
    {
        var horizon = today.AddDays(ReminderDays);
        var units = db.BudgetUnits.VisibleTo(user).Select(u => u.Id);
        var parts = await db.MonitoringRoundUnits
            .Where(p => p.SignedOffUtc == null && units.Contains(p.BudgetUnitId))
            .Join(db.MonitoringRounds, p => p.RoundId, r => r.Id, (p, r) => new { r.Id, r.FiscalYear, r.EndMonth, r.DueDate, r.ProfileId, p.BudgetUnitId, Unit = p.BudgetUnit!.Name })
            .Where(x => x.DueDate <= horizon)
            .OrderBy(x => x.DueDate).Take(50).ToListAsync();
        // Two grouped counts for all the listed parts, not two queries per part (a province has thousands).
        var unitIds = parts.Select(p => p.BudgetUnitId).Distinct().ToList();
        var years = parts.Select(p => p.FiscalYear).Distinct().ToList();
        var roundIds = parts.Select(p => p.Id).Distinct().ToList();
        var monitored = (await db.Projects.Where(p => unitIds.Contains(p.BudgetUnitId) && years.Contains(p.FiscalYear) && p.ApprovedVersion != null)
            .GroupBy(p => new { p.BudgetUnitId, p.FiscalYear }).Select(g => new { g.Key.BudgetUnitId, g.Key.FiscalYear, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => (x.BudgetUnitId, x.FiscalYear), x => x.Count);
        var submitted = (await db.MonitoringReports.Where(r => roundIds.Contains(r.RoundId) && unitIds.Contains(r.BudgetUnitId) && r.Status == ReportStatus.Submitted)
            .GroupBy(r => new { r.RoundId, r.BudgetUnitId }).Select(g => new { g.Key.RoundId, g.Key.BudgetUnitId, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => (x.RoundId, x.BudgetUnitId), x => x.Count);
        var list = new List<Reminder>();
        foreach (var p in parts)
        {
            var round = new MonitoringRound { Id = p.Id, FiscalYear = p.FiscalYear, EndMonth = p.EndMonth, ProfileId = p.ProfileId };
            var days = p.DueDate.DayNumber - today.DayNumber;
            if (days > Monitor.Profile(round).Monitoring.RemindDays) continue;
            list.Add(new Reminder(p.Id, round.Title, p.Unit, p.DueDate, days,
                monitored.GetValueOrDefault((p.BudgetUnitId, p.FiscalYear)) - submitted.GetValueOrDefault((p.Id, p.BudgetUnitId))));
        }
        return list;
    }

    // The widest window any profile uses; each round then applies its own profile's RemindDays.
    static int ReminderDays => Domain.Review.ReviewProfiles.All.Max(p => p.Monitoring.RemindDays);

    public static string When(int days) => days switch
    {
        < 0 => $"已逾期 {-days} 天",
        0 => "今天截止",
        _ => $"还有 {days} 天截止",
    };
}
