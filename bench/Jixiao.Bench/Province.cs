using System.Diagnostics;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Review;
using Jixiao.Features.Monitoring;
using Jixiao.Features.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Bench;

// A province in one database: departments over units, each unit with its projects of one year, built
// from the same generated forms as the import benchmark and written through the real write path
// (ProjectStore), so every project carries its stored review. The audit log is left out: loading a
// province is not a user's change.
public static class Province
{
    public const int Year = 2026;

    public sealed record Size(int Departments, int Units, int Projects);

    public static readonly Size Full = new(50, 2_000, 20_000);
    // The national tier of issue 14: ten provinces' worth in one PostgreSQL database.
    public static readonly Size National = new(500, 20_000, 200_000);

    // Users for the load benchmark, created with these passwords: finance sees all, the supervisor the
    // first department's units, the preparer the first unit.
    public const string Password = "bench-password-2026";
    public static readonly (string User, string Role)[] Users =
        [("bench-finance", Roles.FinanceReviewer), ("bench-supervisor", Roles.SupervisorReviewer), ("bench-preparer", Roles.Preparer)];

    public static async Task BuildAsync(string folder, string? postgres, IServiceProvider services, Size size, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(2026_11_29);
        var unitsPerDepartment = size.Units / size.Departments;
        var projectsPerUnit = size.Projects / size.Units;
        int firstDepartment = 0, firstUnit = 0;
        for (var d = 0; d < size.Departments; d++)
        {
            await using var db = Database.Create(folder, postgres);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var department = new SupervisingDepartment { Name = $"第{d + 1}主管部门", Code = $"D{d + 1:000}" };
            db.SupervisingDepartments.Add(department);
            for (var u = 0; u < unitsPerDepartment; u++)
            {
                var n = d * unitsPerDepartment + u + 1;
                var unit = new BudgetUnit { Name = $"第{n}信访局", Code = $"U{n:00000}", SupervisingDepartment = department };
                db.BudgetUnits.Add(unit);
                var doc = Corpus.Document(random, projectsPerUnit);
                foreach (var form in doc.Projects)
                    ProjectStore.Create(db, unit, Year, form, ReviewProfiles.National2021, "bench", "省级数据生成");
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if (d == 0)
            {
                firstDepartment = department.Id;
                firstUnit = await db.BudgetUnits.Where(x => x.SupervisingDepartmentId == department.Id).MinAsync(x => x.Id);
            }
            if ((d + 1) % 10 == 0) log.WriteLine($"  {d + 1}/{size.Departments} 个主管部门，用时 {clock.Elapsed.TotalSeconds:F0} 秒");
        }

        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role) in Users)
            {
                var user = new AppUser
                {
                    UserName = name, DisplayName = name,
                    SupervisingDepartmentId = role == Roles.SupervisorReviewer ? firstDepartment : null,
                    BudgetUnitId = role == Roles.Preparer ? firstUnit : null,
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
        }
        log.WriteLine($"省级数据：{size.Departments} 个主管部门、{size.Units} 个单位、{size.Projects} 个项目，用时 {clock.Elapsed.TotalSeconds:F0} 秒");
    }

    // Mid-year in the province: seven projects in ten approved (so monitored), a 1–6月 round opened for every
    // unit, and four in five monitored projects reported on (spent against pace, every indicator row with a
    // value and a likelihood), so that the dashboards and monitoring lists have their real load. Added to an
    // existing province when missing.
    public static async Task AddMonitoringAsync(string folder, string? postgres, TextWriter log)
    {
        await using (var check = Database.Create(folder, postgres))
            if (await check.MonitoringRounds.AnyAsync()) return;
        var clock = Stopwatch.StartNew();
        var random = new Random(2026_06_30);
        int roundId;
        List<int> unitIds;
        await using (var db = Database.Create(folder, postgres))
        {
            await db.Projects.Where(p => p.FiscalYear == Year && p.Id % 10 < 7)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.Approved).SetProperty(p => p.ApprovedVersion, p => p.Version));
            unitIds = await db.BudgetUnits.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
            var round = new MonitoringRound
            {
                ProfileId = ReviewProfiles.National2021.Id, FiscalYear = Year, EndMonth = 6, DueDate = new DateOnly(Year, 7, 15),
                OpenedUtc = DateTime.UtcNow, OpenedBy = "bench-finance",
                Units = unitIds.Select(u => new MonitoringRoundUnit { BudgetUnitId = u }).ToList(),
            };
            db.MonitoringRounds.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }
        var reports = 0;
        foreach (var batch in unitIds.Chunk(100))
        {
            await using var db = Database.Create(folder, postgres);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
            var projects = await db.Projects.AsNoTracking().AsSplitQuery()
                .Where(p => batch.Contains(p.BudgetUnitId) && p.FiscalYear == Year && p.ApprovedVersion != null).ToListAsync();
            foreach (var project in projects)
            {
                if (random.Next(5) == 0) continue;
                var form = db.InFormOrder(project).Form;
                var pace = PlannedPace.At(form.SpendingPlan, round.EndMonth).Percent;
                // Most units near their pace, some well behind: a spread of green, yellow and red.
                var share = Math.Max(0, pace + random.Next(-40, 15));
                var spent = Math.Round((BudgetLight.Budget(form) ?? 0) * share / 100m, 2);
                var rows = form.Indicators.Where(i => i.Id != null).Select(i => new RowInput
                {
                    IndicatorId = i.Id!.Value, Value = i.AnnualTarget?.Raw ?? "良好", Expected = i.AnnualTarget?.Raw ?? "良好",
                    Likelihood = random.Next(20) switch { 0 => "完全不可能", < 5 => "有可能", _ => "确定能" },
                    Cause = "其他", CauseText = "按计划推进", Measures = "加快进度",
                }).ToList();
                var report = new MonitoringReport
                {
                    RoundId = roundId, ProjectId = project.Id, BudgetUnitId = project.BudgetUnitId,
                    Status = random.Next(3) == 0 ? ReportStatus.Draft : ReportStatus.Submitted,
                    UpdatedUtc = DateTime.UtcNow, UpdatedBy = "bench",
                };
                Features.Monitoring.Monitor.Apply(report, new ReportInput { Spent = spent, Cause = "其他", CauseText = "按计划推进", Measures = "加快进度", Rows = rows }, form, round);
                db.MonitoringReports.Add(report);
                reports++;
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        log.WriteLine($"运行监控：1 个轮次、{unitIds.Count} 个单位、{reports} 份项目报告，用时 {clock.Elapsed.TotalSeconds:F0} 秒");
    }
}
