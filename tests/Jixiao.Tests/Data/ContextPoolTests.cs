using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Data;

// The application's contexts are pooled: one context serves many requests in turn, and several at once
// are served by several contexts with one audit interceptor. Nothing of one request may reach the next:
// not its settings, not the change stamp it read (ListCache), not its user in the audit log.
public class ContextPoolTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_context_given_back_starts_the_next_request_afresh(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var cache = app.App.Services.GetRequiredService<ListCache>();
        Task<int> Count(JixiaoDb db) => cache.GetAsync(db, "pool-test:projects", Area.Projects, () => db.Projects.CountAsync());

        JixiaoDb first;
        int before;
        using (var scope = app.App.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            before = await Count(first);
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            first.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        // A change written by another process (a command-line import), not through this context.
        await using (var other = Database.Create(Folder(test), Pg(test), new AuditInterceptor(new HttpContextAccessor())))
        {
            var unit = await other.BudgetUnits.FirstAsync();
            other.Projects.Add(new Project { BudgetUnitId = unit.Id, FiscalYear = 2026, Form = new ProjectForm { Name = "池化测试项目" } });
            await other.SaveChangesAsync();
        }

        // The same context again (the pool hands its contexts out in turn).
        for (var i = 0; i < 1000; i++)
        {
            using var scope = app.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            if (!ReferenceEquals(db, first)) continue;
            Assert.Equal(QueryTrackingBehavior.TrackAll, db.ChangeTracker.QueryTrackingBehavior);
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
            // The stamp the last request read is gone: the new project counts at once.
            Assert.Equal(before + 1, await Count(db));
            return;
        }
        Assert.Fail("the context was never handed out again: the contexts are not pooled");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Changes_made_at_once_by_different_users_are_each_logged_as_their_own(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var accessor = app.App.Services.GetRequiredService<IHttpContextAccessor>();
        var users = Enumerable.Range(1, 6).Select(i => $"pool-user-{i}").ToList();

        // Each user, as a request of their own, saves three changes on a pooled context; one save fails
        // half-way (a name already taken), and the context goes back to the pool after it all the same.
        await Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test")) };
            for (var round = 0; round < 3; round++)
            {
                using var scope = app.App.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
                db.SupervisingDepartments.Add(new SupervisingDepartment { Name = $"{user}-{round}" });
                await db.SaveChangesAsync();
            }
            using (var scope = app.App.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
                var unit = await db.BudgetUnits.FirstAsync();
                db.Projects.Add(new Project { BudgetUnitId = unit.Id, FiscalYear = 2040, Form = new ProjectForm { Name = $"{user}-重名" } });
                db.Projects.Add(new Project { BudgetUnitId = unit.Id, FiscalYear = 2040, Form = new ProjectForm { Name = $"{user}-重名" } });
                await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            }
        })));

        // Another user after them, on contexts that served the others before.
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "pool-last")], "test")) };
        for (var i = 0; i < 8; i++)
            await app.Db(async db =>
            {
                db.SupervisingDepartments.Add(new SupervisingDepartment { Name = $"pool-last-{i}" });
                return await db.SaveChangesAsync();
            });
        accessor.HttpContext = null;

        var entries = await app.Db(db => db.AuditEntries.Where(a => a.Entity == "SupervisingDepartment" && a.Action == "Added").ToListAsync());
        foreach (var user in users.Append("pool-last"))
        {
            var mine = entries.Where(a => a.Changes.Contains($"\"{user}-")).ToList();
            Assert.Equal(user == "pool-last" ? 8 : 3, mine.Count);
            Assert.All(mine, a => Assert.Equal(user, a.UserName));
        }
        Assert.False(await app.Db(db => db.Projects.AnyAsync(p => p.FiscalYear == 2040)));
        Assert.False(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains("重名"))));
        Assert.True((await app.Db(db => AuditChain.VerifyAsync(db))).Intact);
    }

    static string Folder(TestDatabase test) => test.Provider == "sqlite"
        ? Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(test.ConnectionString).DataSource)!
        : Path.GetTempPath();

    static string? Pg(TestDatabase test) => test.Provider == "postgres" ? test.ConnectionString : null;
}
