using Jixiao.Data;
using Jixiao.Features.Account;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features;

// The session check remembers a user's stamp and claims briefly (SessionCache): every change saved by
// the application counts at the next request, one saved in a transaction when it commits, and one made
// behind the application's back (another process) after SessionCache.Lifetime at most.
public class SessionCacheTests
{
    static async Task<bool> SignedIn(HttpClient client) =>
        (await client.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath == "/";

    static async Task<T> WithUsers<T>(TestApp app, Func<UserManager<AppUser>, Task<T>> work)
    {
        using var scope = app.App.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_changed_name_or_role_shows_at_the_next_request_though_the_check_was_just_remembered(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        Assert.Contains("（填报人）", await client.GetStringAsync("/"));
        Assert.Contains("（填报人）", await client.GetStringAsync("/"));
        Assert.True(app.App.Services.GetRequiredService<SessionCache>().Count > 0);

        // No new security stamp: the session goes on, with what the user is now.
        await WithUsers(app, async users =>
        {
            var user = (await users.FindByNameAsync("east-preparer"))!;
            user.DisplayName = "东城区信访局 张某某";
            return await users.UpdateAsync(user);
        });
        Assert.Contains("东城区信访局 张某某（填报人）", await client.GetStringAsync("/"));

        await WithUsers(app, async users =>
        {
            var user = (await users.FindByNameAsync("east-preparer"))!;
            await users.RemoveFromRoleAsync(user, Roles.Preparer);
            return await users.AddToRoleAsync(user, Roles.UnitHead);
        });
        var page = await client.GetStringAsync("/");
        Assert.Contains("（单位负责人）", page);
        Assert.DoesNotContain("（填报人）", page);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_stamp_saved_inside_a_transaction_ends_the_session_when_it_commits(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        Assert.True(await SignedIn(client));

        using var scope = app.App.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("east-preparer"))!);
            // Not committed: a request meanwhile reads (and may remember) the stamp still in force.
            Assert.True(await SignedIn(client));
            await transaction.CommitAsync();
        }
        Assert.False(await SignedIn(client));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_stamp_written_by_another_process_counts_after_the_cache_lifetime(string provider)
    {
        var clock = new MovableClock();
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true, b => b.Services.AddSingleton<TimeProvider>(clock));
        var client = await app.SignedIn("east-preparer");
        Assert.True(await SignedIn(client));

        // A context of its own, without the application's interceptors, as a command-line tool has.
        await using (var other = Database.Create(app.DataFolder, provider == "postgres" ? db.ConnectionString : null))
        {
            var user = await other.Users.SingleAsync(u => u.UserName == "east-preparer");
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await other.SaveChangesAsync();
        }
        // The check remembered a moment ago still stands (this is what saves the queries) …
        Assert.True(await SignedIn(client));
        // … and no longer than its lifetime.
        clock.Offset = SessionCache.Lifetime + TimeSpan.FromSeconds(1);
        Assert.False(await SignedIn(client));
    }
}
