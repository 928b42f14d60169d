using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// The demo's monitoring: the west bureau's one-off project approved (as if the chain had run; the other demo
// projects stay drafts for the review chain), and one open 1–6月 round for both demo units with that project
// partly filled. Loaded when missing, like the rest.
public static class MonitoringDemo
{
    public static async Task LoadAsync(JixiaoDb db, int departmentId, int year)
    {
        var units = await db.BudgetUnits.Where(u => u.SupervisingDepartmentId == departmentId).OrderBy(u => u.Code).ToListAsync();
        if (units.Count == 0 || await db.MonitoringRounds.AnyAsync(r => r.FiscalYear == year && r.Units.Any(u => u.BudgetUnitId == units[0].Id))) return;
        var unitIds = units.Select(u => u.Id).ToList();
        var project = await db.Projects.Where(p => unitIds.Contains(p.BudgetUnitId) && p.FiscalYear == year && p.NameKey == Domain.ProjectIdentity.NameKey(Approved))
            .FirstOrDefaultAsync();
        if (project is null) return;
        if (project.ApprovedVersion is null)
        {
            project.Status = ProjectStatus.Approved;
            project.ApprovedVersion = project.Version;
        }
        var round = new MonitoringRound
        {
            ProfileId = Domain.Review.ReviewProfiles.National2021.Id, FiscalYear = year, EndMonth = 6,
            DueDate = Monitor.Today().AddDays(5), OpenedUtc = DateTime.UtcNow, OpenedBy = "finance",
            Units = units.Select(u => new MonitoringRoundUnit { BudgetUnitId = u.Id }).ToList(),
        };
        db.MonitoringRounds.Add(round);
        await db.SaveChangesAsync();
        var form = await Monitor.FormInForce(db, project);
        var report = new MonitoringReport
        {
            RoundId = round.Id, ProjectId = project.Id, BudgetUnitId = project.BudgetUnitId, Status = ReportStatus.Draft,
            UpdatedUtc = DateTime.UtcNow, UpdatedBy = "east-preparer",
        };
        var rows = form.Indicators.Take(3).Select((i, n) => new RowInput
        {
            IndicatorId = i.Id!.Value, Value = n switch { 0 => "120人次", 1 => "65%", _ => "良好" },
            Expected = n switch { 0 => "200人次", 1 => "70%", _ => "良好" },
            Likelihood = n == 1 ? "有可能" : "确定能",
        }).ToList();
        // Spent 15 points behind the planned pace: a yellow light to explain.
        var pace = PlannedPace.At(form.SpendingPlan, round.EndMonth).Percent;
        var spent = Math.Round((BudgetLight.Budget(form) ?? 0) * Math.Max(0, pace - 15) / 100m, 2);
        Monitor.Apply(report, new ReportInput { Spent = spent, Rows = rows }, form, round);
        db.MonitoringReports.Add(report);
        await db.SaveChangesAsync();
    }

    const string Approved = "人民调解与律师参与信访服务";
}
