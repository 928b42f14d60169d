using System.Net;
using System.Text;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features;

// 等保 three administrators, kept apart; only a unit's own people write its declarations;
// the audit log is the auditor's alone.
public class RoleTests
{
    [Theory]
    [InlineData(new[] { Roles.SystemAdmin }, Roles.Auditor, true)]
    [InlineData(new[] { Roles.SecurityAdmin }, Roles.SystemAdmin, true)]
    [InlineData(new[] { Roles.Auditor }, Roles.Preparer, true)]
    [InlineData(new[] { Roles.Preparer }, Roles.SecurityAdmin, true)]
    [InlineData(new[] { Roles.Preparer }, Roles.UnitHead, false)]
    [InlineData(new string[0], Roles.Auditor, false)]
    public void The_three_administrators_are_kept_apart(string[] held, string role, bool refused) =>
        Assert.Equal(refused, Roles.Separate(held, role) != null);

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task First_start_creates_a_system_administrator_and_no_account_gets_two_administrator_roles(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        Assert.Equal([Roles.SystemAdmin], await users.GetRolesAsync(admin));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Bootstrap.AssignRoleAsync(users, admin, Roles.Auditor));
        Assert.Contains("三员分立", e.Message);
        Assert.Equal([Roles.Auditor], await users.GetRolesAsync((await users.FindByNameAsync("auditor"))!));
        Assert.Equal([Roles.SecurityAdmin], await users.GetRolesAsync((await users.FindByNameAsync("security"))!));
    }

    [Fact]
    public async Task Finance_sees_every_unit_but_cannot_import_into_one()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var finance = await app.SignedIn("finance");
        Assert.Contains("西城区信访局", await finance.GetStringAsync("/?year=2026"));
        var east = await app.Db(d => d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局"));

        var token = TestApp.AntiforgeryToken(await finance.GetStringAsync("/Import"));
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Seeds.PathOf("004"))), "file", "申报表.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var upload = System.Text.Json.JsonDocument.Parse(await (await finance.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var preview = upload.GetProperty("preview").GetString()!;
        var page = await finance.GetStringAsync(preview);
        var confirm = await finance.PostAsync(preview, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UnitId"] = east.Id.ToString(), ["Year"] = "2021", ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(page),
        }));
        Assert.Contains("请选择您有权导入的单位", await confirm.Content.ReadAsStringAsync());
        Assert.False(await app.Db(d => d.Projects.AnyAsync(p => p.FiscalYear == 2021)));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_auditor_reads_filters_pages_and_exports_the_log_and_nobody_else_does(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        await TestApp.SignIn(app.Client(), "east-head", "wrong-password-1");
        var auditor = await app.SignedIn("auditor");

        var page = await auditor.GetStringAsync("/Audit");
        Assert.Contains("审计日志完整", page);
        Assert.Contains("第 1 /", page);
        Assert.Contains("下一页", page);
        var failed = await auditor.GetStringAsync("/Audit?Action=SignInFailed&UserName=east-head");
        Assert.Contains("共 1 条", failed);
        Assert.Contains("登录失败", failed);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Contains("共 0 条", await auditor.GetStringAsync("/Audit?To=2000-01-01"));
        Assert.DoesNotContain("共 0 条", await auditor.GetStringAsync($"/Audit?From={today}&To={today}&Entity=AppUser"));

        var csv = await auditor.GetAsync("/Audit?handler=Csv&Action=SignInFailed");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("序号,时间(UTC),用户,操作", text);
        Assert.Contains("\"登录失败\"", text);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(await app.Db(d => d.AuditEntries.AnyAsync(a => a.Action == "AuditExported" && a.UserName == "auditor")));

        foreach (var other in new[] { "east-preparer", "finance", "supervisor", "security" })
        {
            var client = await app.SignedIn(other);
            Assert.Equal("/Account/Denied", (await client.GetAsync("/Audit")).RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("/Account/Denied", (await client.GetAsync("/Audit?handler=Csv")).RequestMessage!.RequestUri!.AbsolutePath);
        }
        // The auditor sees no projects.
        Assert.DoesNotContain("信访接待与矛盾排查调处经费", await auditor.GetStringAsync("/?year=2026"));
    }
}
