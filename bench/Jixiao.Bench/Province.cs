using System.Diagnostics;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
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
}
