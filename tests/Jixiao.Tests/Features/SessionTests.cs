using System.Diagnostics;
using System.Net;
using Jixiao.Data;
using Jixiao.Features.Account;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features;

// Sessions end when they should (idle, absolute, sign-out, password change, reset) everywhere at once;
// sign-in tells nothing about which accounts exist and is throttled per client address.
public class SessionTests
{
    // The test server has no socket: the client's address comes from a test header, set before anything else runs.
    sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (ctx, n) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                await n();
            });
            next(app);
        };
    }

    static Action<WebApplicationBuilder> With(MovableClock? clock = null, Action<WebApplicationBuilder>? more = null) => b =>
    {
        if (clock != null) b.Services.AddSingleton<TimeProvider>(clock);
        b.Services.AddSingleton<IStartupFilter, PeerAddress>();
        more?.Invoke(b);
    };

    // A second browser holding a copy of the first one's cookies.
    static HttpClient CopyOf(TestApp app, HttpClient original, CookieContainerHandler originalCookies)
    {
        var server = app.App.GetTestServer();
        var cookies = new CookieContainerHandler { InnerHandler = server.CreateHandler() };
        foreach (Cookie c in originalCookies.Container.GetAllCookies()) cookies.Container.Add(c);
        return new HttpClient(new RedirectHandler { InnerHandler = cookies }) { BaseAddress = server.BaseAddress };
    }

    static (HttpClient Client, CookieContainerHandler Cookies) Browser(TestApp app, string? peer = null, string? baseAddress = null)
    {
        var server = app.App.GetTestServer();
        var cookies = new CookieContainerHandler { InnerHandler = server.CreateHandler() };
        var client = new HttpClient(new RedirectHandler { InnerHandler = cookies }) { BaseAddress = baseAddress != null ? new Uri(baseAddress) : server.BaseAddress };
        if (peer != null) client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        return (client, cookies);
    }

    static async Task<bool> SignedIn(HttpClient client) =>
        (await client.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath == "/";

    static async Task SignOut(HttpClient client)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/"));
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    static async Task<string> ChangePassword(HttpClient client, string current, string next)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Account/ChangePassword"));
        var response = await client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = current, ["New"] = next, ["Confirm"] = next, ["__RequestVerificationToken"] = token,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_copied_cookie_dies_at_sign_out_and_other_sessions_die_at_a_password_change(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var password = app.PasswordOf("east-preparer");

        var (first, cookies) = Browser(app);
        Assert.Equal(HttpStatusCode.OK, (await TestApp.SignIn(first, "east-preparer", password)).StatusCode);
        var copy = CopyOf(app, first, cookies);
        Assert.True(await SignedIn(copy));
        await SignOut(first);
        Assert.False(await SignedIn(first));
        Assert.False(await SignedIn(copy));

        // Two sessions; a password change in one ends the other, and keeps the one that changed it.
        var a = await app.SignedIn("east-preparer", password);
        var b = await app.SignedIn("east-preparer", password);
        Assert.Contains("密码已修改", await ChangePassword(a, password, "Dongcheng-xinfang-2026"));
        Assert.True(await SignedIn(a));
        Assert.False(await SignedIn(b));

        // An administrator's reset (a new security stamp) ends every session of the user.
        await app.Db(async d =>
        {
            using var scope = app.App.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByNameAsync("east-preparer"))!);
        });
        Assert.False(await SignedIn(a));
        var log = await app.Db(d => d.AuditEntries.Where(e => e.Entity == AuditLog.AccountEntity).Select(e => e.Action + " " + e.UserName).ToListAsync());
        Assert.Contains("SignOut east-preparer", log);
        Assert.Contains("PasswordChanged east-preparer", log);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_and_12_hours_after_sign_in_whatever_happens()
    {
        var clock = new MovableClock();
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true, With(clock));

        var idle = await app.SignedIn("east-preparer");
        clock.Offset += TimeSpan.FromMinutes(20);
        Assert.True(await SignedIn(idle));
        clock.Offset += TimeSpan.FromMinutes(31);
        Assert.False(await SignedIn(idle));

        clock.Offset = TimeSpan.Zero;
        var busy = await app.SignedIn("east-preparer");
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            clock.Offset = TimeSpan.FromMinutes(minutes);
            Assert.True(await SignedIn(busy), $"{minutes} 分钟时会话不应结束");
        }
        clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(5);
        Assert.False(await SignedIn(busy));
    }

    [Fact]
    public async Task The_idle_timeout_is_configurable()
    {
        var clock = new MovableClock();
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true, With(clock, b => b.Configuration["Security:IdleMinutes"] = "5"));
        var client = await app.SignedIn("east-preparer");
        clock.Offset = TimeSpan.FromMinutes(6);
        Assert.False(await SignedIn(client));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Unknown_user_wrong_password_and_locked_account_get_the_same_answer_in_about_the_same_time(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        // Fifteen timed attempts from one address: the throttle (tested below) is raised for this test.
        await using var app = await TestApp.Start(db, demo: true, With(more: b => b.Configuration["Security:SignInAttemptsPerMinute"] = "100"));
        // Lock west-preparer with five wrong passwords (from another address, so the throttle stays out of it).
        var (locker, _) = Browser(app, "10.0.0.9");
        for (var i = 0; i < 5; i++) await TestApp.SignIn(locker, "west-preparer", "wrong-password-" + i);

        var (client, _) = Browser(app, "10.0.0.1");
        async Task<(string Html, TimeSpan Time)> Try(string user, string password)
        {
            var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
            }));
            var time = clock.Elapsed;
            return (await response.Content.ReadAsStringAsync(), time);
        }
        var unknown = new List<TimeSpan>();
        var wrong = new List<TimeSpan>();
        var locked = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var u = await Try("nobody-" + i, "some-password");
            var w = await Try("east-head", "some-password");
            var l = await Try("west-preparer", app.PasswordOf("west-preparer"));
            Assert.Contains(LoginModel.Refused, u.Html);
            Assert.Contains(LoginModel.Refused, w.Html);
            Assert.Contains(LoginModel.Refused, l.Html);
            Assert.DoesNotContain("锁定，请稍后再试", l.Html.Replace(LoginModel.Refused, ""));
            unknown.Add(u.Time);
            wrong.Add(w.Time);
            locked.Add(l.Time);
        }
        // Each computes one password hash (tens of milliseconds): the typical answers are alike, where an
        // unknown user used to answer in 1 ms against 80 ms for a wrong password.
        static TimeSpan Median(List<TimeSpan> t) => t.Order().ElementAt(t.Count / 2);
        Assert.True(Median(unknown) > Median(wrong) / 3, $"未知用户 {Median(unknown).TotalMilliseconds} ms，密码错误 {Median(wrong).TotalMilliseconds} ms");
        Assert.True(Median(locked) > Median(wrong) / 3, $"已锁定 {Median(locked).TotalMilliseconds} ms，密码错误 {Median(wrong).TotalMilliseconds} ms");

        var log = await app.Db(d => d.AuditEntries.OrderBy(e => e.Id).ToListAsync());
        Assert.Contains(log, e => e.Action == "LockedOut" && e.UserName == "west-preparer" && e.Changes.Contains("10.0.0.9"));
        Assert.Contains(log, e => e.Action == "SignInFailed" && e.UserName == "east-head" && e.Changes.Contains("10.0.0.1"));
        Assert.Contains(log, e => e.Action == "SignInFailed" && e.UserName == null && e.Changes.Contains("未知用户名"));
        // The failed-attempt counter's change is the attempted account's, never the server's operating-system user's.
        Assert.DoesNotContain(log, e => e.UserName != null && e.UserName.StartsWith("cli:") && e.Entity == "AppUser" && e.Action == "Modified"
                                        && e.Utc > log.First(x => x.Entity == AuditLog.AccountEntity).Utc);
        Assert.Contains(log, e => e.Entity == "AppUser" && e.Action == "Modified" && e.UserName == "west-preparer" && e.Changes.Contains("AccessFailedCount"));
    }

    [Fact]
    public async Task Sign_in_attempts_are_throttled_per_client_address()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true, With(more: b => b.Configuration["Security:SignInAttemptsPerMinute"] = "10"));
        var (attacker, _) = Browser(app, "192.0.2.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await TestApp.SignIn(attacker, "east-head", "guess-" + i)).StatusCode);
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        var refused = await TestApp.SignIn(attacker, "east-head", "guess");
        Assert.Contains("登录尝试过于频繁", await refused.Content.ReadAsStringAsync());
        // The API's token endpoint, which also takes passwords, shares the same budget.
        var token = await attacker.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName = "east-head", password = "guess" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        // Another address is not held back.
        var (colleague, _) = Browser(app, "192.0.2.8");
        Assert.Equal(HttpStatusCode.OK, (await TestApp.SignIn(colleague, "east-preparer", app.PasswordOf("east-preparer"))).StatusCode);
        Assert.True(await SignedIn(colleague));
    }

    [Fact]
    public async Task New_passwords_are_not_common_not_the_user_name_and_not_one_of_the_last_five()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var current = app.PasswordOf("east-head");
        var client = await app.SignedIn("east-head", current);

        Assert.Contains("新密码过于常见", await ChangePassword(client, current, "password2026"));
        Assert.Contains("新密码过于常见", await ChangePassword(client, current, "1234567890"));
        Assert.Contains("新密码不能包含用户名", await ChangePassword(client, current, "my-east-head-2026"));
        Assert.Contains("新密码不能与最近 5 次用过的密码相同", await ChangePassword(client, current, current));

        var used = new List<string> { current };
        for (var i = 1; i <= 5; i++)
        {
            var next = $"Xinfang-mima-{i}-zz9";
            Assert.Contains("密码已修改", await ChangePassword(client, used[^1], next));
            used.Add(next);
        }
        // The last five (including the current one) are refused; the sixth back is allowed again.
        foreach (var old in used.Skip(2)) Assert.Contains("最近 5 次", await ChangePassword(client, used[^1], old));
        Assert.Contains("密码已修改", await ChangePassword(client, used[^1], used[0]));
        // The history holds hashes, and the audit log does not hold them at all.
        var entries = await app.Db(d => d.AuditEntries.Select(e => e.Changes).ToListAsync());
        Assert.DoesNotContain(entries, c => c.Contains("AQAAAA"));
    }

    [Fact]
    public async Task Demo_accounts_carry_a_banner_on_every_page_and_others_do_not()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var demo = await app.SignedIn("east-preparer");
        foreach (var page in new[] { "/", "/Import", "/Review", "/Account/ChangePassword" })
            Assert.Contains("演示账号：本账号仅用于演示和试用", await demo.GetStringAsync(page));

        var real = await app.CreateUser("real-preparer", Roles.Preparer, unitId: await app.Db(d => d.BudgetUnits.Select(u => u.Id).FirstAsync()));
        var client = await app.SignedIn("real-preparer", real);
        Assert.DoesNotContain("演示账号", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Over_HTTPS_the_cookie_is_Secure_and_HSTS_is_sent_and_forwarded_headers_count_only_from_configured_proxies()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true, With(more: b => b.Configuration["Security:Proxies:0"] = "10.1.1.1"));

        // Straight over HTTPS.
        var (direct, directCookies) = Browser(app, "198.51.100.3", "https://jixiao.example.cn/");
        var login = await direct.GetAsync("/Account/Login");
        Assert.Contains("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
        var signIn = await SignInRaw(direct, directCookies, "east-preparer", app.PasswordOf("east-preparer"));
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jixiao=") && c.Contains("secure"));

        // Behind the configured proxy, which terminates HTTPS and says so.
        var (proxied, _) = Browser(app, "10.1.1.1", "http://jixiao.example.cn/");
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.True((await proxied.GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));
        // (The client's address: a plain-HTTP test client cannot send back the Secure cookies an HTTPS answer sets.)
        var (forwarded, _) = Browser(app, "10.1.1.1", "http://jixiao.example.cn/");
        forwarded.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.5");
        await TestApp.SignIn(forwarded, "east-head", "wrong-password-x");
        var failed = await app.Db(d => d.AuditEntries.Where(e => e.Action == "SignInFailed").Select(e => e.Changes).ToListAsync());
        Assert.Contains(failed, c => c.Contains("203.0.113.5"));

        // Anyone else claiming to be a proxy is not believed.
        var (pretender, pretenderCookies) = Browser(app, "198.51.100.4", "http://jixiao.example.cn/");
        pretender.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        pretender.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.99");
        Assert.False((await pretender.GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));
        // Not believed, so the cookies stay plain and the plain-HTTP client can sign in.
        var plain = await SignInRaw(pretender, pretenderCookies, "east-preparer", app.PasswordOf("east-preparer"));
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jixiao=") && c.Contains("secure"));
        await TestApp.SignIn(pretender, "east-head", "wrong-password-y");
        failed = await app.Db(d => d.AuditEntries.Where(e => e.Action == "SignInFailed").Select(e => e.Changes).ToListAsync());
        Assert.DoesNotContain(failed, c => c.Contains("203.0.113.99"));
        Assert.Contains(failed, c => c.Contains("198.51.100.4"));
    }

    // The sign-in post itself, without following its redirect, to see the cookie it sets.
    static async Task<HttpResponseMessage> SignInRaw(HttpClient browser, CookieContainerHandler cookies, string user, string password)
    {
        var token = TestApp.AntiforgeryToken(await browser.GetStringAsync("/Account/Login"));
        using var raw = new HttpClient(cookies, disposeHandler: false) { BaseAddress = browser.BaseAddress };
        foreach (var h in browser.DefaultRequestHeaders) raw.DefaultRequestHeaders.TryAddWithoutValidation(h.Key, h.Value);
        return await raw.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }
}
