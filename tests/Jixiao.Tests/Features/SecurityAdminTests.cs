using System.Drawing;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features;

public class SecurityAdminTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_security_administrator_unlocks_and_resets_and_a_reset_ends_every_session(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var preparer = await app.SignedIn("east-preparer");
        for (var i = 0; i < 5; i++) await TestApp.SignIn(app.Client(), "west-preparer", "wrong-password-" + i);

        var security = await app.SignedIn("security");
        var page = await security.GetStringAsync("/Security");
        Assert.Contains("已锁定", page);
        var westId = await app.Db(d => d.Users.Where(u => u.UserName == "west-preparer").Select(u => u.Id).SingleAsync());
        var eastId = await app.Db(d => d.Users.Where(u => u.UserName == "east-preparer").Select(u => u.Id).SingleAsync());

        var unlocked = await Post(security, "/Security?handler=Unlock", westId);
        Assert.Contains("已解锁账号 west-preparer", unlocked);
        await app.SignedIn("west-preparer");

        var reset = await Post(security, "/Security?handler=Reset", eastId);
        var password = Regex.Match(reset, "新密码（仅显示这一次，首次登录后须修改）：(\\S+?)<").Groups[1].Value;
        Assert.Equal(16, password.Length);
        // The old session is gone; the new password must be changed first.
        Assert.Equal("/Account/Login", (await preparer.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
        var fresh = app.Client();
        var signIn = await TestApp.SignIn(fresh, "east-preparer", password);
        Assert.Equal("/Account/ChangePassword", signIn.RequestMessage!.RequestUri!.AbsolutePath);

        var log = await app.Db(d => d.AuditEntries.Where(a => a.Entity == AuditLog.AccountEntity).Select(a => a.Action + " " + a.UserName + " " + a.EntityKey).ToListAsync());
        Assert.Contains("Unlocked security west-preparer", log);
        Assert.Contains("PasswordReset security east-preparer", log);

        // Nobody else gets the page.
        foreach (var other in new[] { "west-preparer", "auditor", "finance" })
        {
            var client = await app.SignedIn(other);
            Assert.Equal("/Account/Denied", (await client.GetAsync("/Security")).RequestMessage!.RequestUri!.AbsolutePath);
        }
    }

    static async Task<string> Post(HttpClient client, string url, string id)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Security"));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id, ["__RequestVerificationToken"] = token,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    // The auditor's and the security administrator's pages in Chromium, at desk and phone width, with the demo banner.
    [Fact]
    public async Task The_audit_and_security_pages_work_in_Chromium_at_390_px()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        var console = new StringWriter();
        var app = WebApp.Build(new ServeOptions(folder));
        await Bootstrap.RunAsync(app.Services, demo: true, console);
        string PasswordOf(string user) => Regex.Match(console.ToString(), $@"\t{user}\t(\S+)").Groups[1].Value;
        await using var server = await LiveServer.Start(app);
        using var browser = new Browser();
        browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(10);

        void SignIn(string user) => browser.SignIn(server, user, PasswordOf(user));

        SignIn("auditor");
        browser.GoTo(server.Url("/Audit"));
        Assert.Contains("审计日志完整", browser.Driver.FindElement(By.CssSelector("p.notice")).Text);
        Assert.Contains("演示账号", browser.Driver.FindElement(By.CssSelector(".demo-banner")).Text);
        browser.SaveScreenshot("20-audit-log");
        browser.Driver.FindElement(By.Name("Action")).SendKeys("登录成功");
        browser.Submit(browser.Driver.FindElement(By.CssSelector("form.filters button")));
        Assert.Contains("Action=SignIn", browser.Driver.Url);
        browser.Driver.Manage().Window.Size = new Size(390, 844);
        browser.SaveScreenshot("21-audit-log-phone");
        // At phone width the page itself does not scroll sideways; only the table's own box does.
        var width = (long)((IJavaScriptExecutor)browser.Driver).ExecuteScript("return document.documentElement.scrollWidth;")!;
        Assert.InRange(width, 1, 400);

        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.Driver.Manage().Window.Size = new Size(1280, 1800);
        SignIn("security");
        browser.GoTo(server.Url("/Security"));
        browser.SaveScreenshot("22-security");
        browser.Driver.Manage().Window.Size = new Size(390, 844);
        browser.SaveScreenshot("23-security-phone");
        width = (long)((IJavaScriptExecutor)browser.Driver).ExecuteScript("return document.documentElement.scrollWidth;")!;
        Assert.InRange(width, 1, 400);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
