using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Data;

// The change stamp is kept in memory (ChangeClock): a change made through the application shows at the
// next look, a change by another process within Database:ExternalChangeSeconds; and a context holds one
// connection from its first command until it goes back to the pool (KeptConnection).
public class ChangeClockTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Changes_through_the_application_show_at_once_and_those_of_another_process_within_the_setting(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var clock = new MovableClock();
        await using var app = await TestApp.Start(test, demo: true, configure: b =>
        {
            b.Configuration["Database:ExternalChangeSeconds"] = "600";
            b.Services.AddSingleton<TimeProvider>(clock);
        });
        var cache = app.App.Services.GetRequiredService<ListCache>();
        Task<int> Count() => app.Db(db => cache.GetAsync(db, "clock-test:projects", Area.Projects, () => db.Projects.CountAsync()));
        var unit = await app.Db(db => db.BudgetUnits.Select(u => u.Id).FirstAsync());
        Project New(string name) => new() { BudgetUnitId = unit, FiscalYear = 2026, Form = new ProjectForm { Name = name } };

        var before = await Count();

        // Another process (a command-line import) writes: not seen while the kept stamp is younger than the setting
        // (ten minutes here, so that a slow machine cannot pass it by itself).
        await using (var other = Database.Create(test.Provider == "sqlite" ? app.DataFolder : "", test.Provider == "sqlite" ? null : test.ConnectionString,
                         new AuditInterceptor(new HttpContextAccessor())))
        {
            other.Projects.Add(New("另一进程写入的项目"));
            await other.SaveChangesAsync();
        }
        Assert.Equal(before, await Count());
        clock.Offset += TimeSpan.FromMinutes(10);
        Assert.Equal(before + 1, await Count());

        // Through the application: seen by the next look, without waiting.
        await app.Db(async db =>
        {
            db.Projects.Add(New("本系统保存的项目"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before + 2, await Count());

        // In the caller's own transaction (as ProjectStore saves): seen once it commits, not before.
        await app.Db(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Projects.Add(New("事务中保存的项目"));
            await db.SaveChangesAsync();
            Assert.Equal(before + 2, await Count());
            await transaction.CommitAsync();
            return 0;
        });
        Assert.Equal(before + 3, await Count());

        // A transaction rolled back leaves the kept figures as they were.
        await app.Db(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Projects.Add(New("回滚的项目"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(before + 3, await Count());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_context_holds_one_connection_from_its_first_command_until_it_is_given_back(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);

        JixiaoDb first;
        using (var scope = app.App.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var connection = first.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
            await first.Projects.CountAsync();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            await first.BudgetUnits.CountAsync();
            Assert.Same(connection, first.Database.GetDbConnection());
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }

        for (var i = 0; i < 1000; i++)
        {
            using var scope = app.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            if (!ReferenceEquals(db, first)) continue;
            // Given back: closed, and held again only from the next request's first command.
            Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
            await db.Projects.CountAsync();
            Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
            return;
        }
        Assert.Fail("the context was never handed out again: the contexts are not pooled");
    }
}
