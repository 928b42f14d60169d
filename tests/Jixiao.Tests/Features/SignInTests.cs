using System.Net;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features;

public class SignInTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Root_leads_to_the_Chinese_sign_in_page(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db);

        var response = await app.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("预算项目绩效目标管理系统", html);
        Assert.Contains("用户名", html);
        // No inline script is allowed, and no other site may frame the pages.
        Assert.StartsWith("default-src 'self'; script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain(" onclick=", html);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task First_start_prints_an_administrator_password_that_must_be_changed(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db);
        var password = System.Text.RegularExpressions.Regex.Match(app.Console, "初始密码.*：(\\S+)").Groups[1].Value;
        Assert.Equal(16, password.Length);

        var client = app.Client();
        var signIn = await TestApp.SignIn(client, "admin", password);
        Assert.Equal("/Account/ChangePassword", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        // Until the password is changed, every other page leads back here.
        var blocked = await client.GetAsync("/");
        Assert.Equal("/Account/ChangePassword", blocked.RequestMessage!.RequestUri!.AbsolutePath);

        var token = TestApp.AntiforgeryToken(await blocked.Content.ReadAsStringAsync());
        var changed = await client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = password, ["New"] = "xinmima2026abc", ["Confirm"] = "xinmima2026abc", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync());
        var home = await client.GetAsync("/");
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);

        // The password is stored hashed, never as written.
        var hash = await app.Db(async d => d.Users.Single(u => u.UserName == "admin").PasswordHash);
        Assert.DoesNotContain("xinmima2026abc", hash);
        // A second start does not create another administrator.
        Assert.Equal(1, await app.Db(d => Task.FromResult(d.Users.Count())));
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Chinese()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db);
        var response = await TestApp.SignIn(app.Client(), "admin", "not-the-password");
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_rejected()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db);
        var client = app.Client();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = "whatever-password",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Data_survive_a_restart_in_the_SQLite_file_of_the_data_folder()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-restart-").FullName;
        try
        {
            await using (var first = await TestApp.Start(folder, null, demo: true)) { }
            Assert.True(File.Exists(Path.Combine(folder, "jixiao.db")));
            await using var second = await TestApp.Start(folder, null, demo: true);
            Assert.Contains("演示数据已存在", second.Console);
            Assert.Equal(8, await second.Db(d => Task.FromResult(d.Users.Count())));   // admin and seven demo accounts
            Assert.True(await second.Db(d => Task.FromResult(d.Projects.Any())));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
