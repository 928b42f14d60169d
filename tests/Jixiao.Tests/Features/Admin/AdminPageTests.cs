using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Admin;

public class AdminPageTests
{
    static string Issued(string html) =>
        Regex.Match(html, "<code class=\"secret\">([^<]+)</code>").Groups[1].Value is { Length: > 0 } p ? p : throw new Xunit.Sdk.XunitException("no password shown:\n" + html);

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_administrator_sets_up_a_department_a_unit_and_a_user_who_must_change_the_password(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var admin = await app.SignedIn("boss", await app.CreateUser("boss", Roles.SystemAdmin));

        await PageForms.Post(admin, "/Admin/Departments", "/Admin/Departments?handler=Save", new Dictionary<string, string> { ["Input.Name"] = "市人民政府办公厅", ["Input.Code"] = "301001" });
        var deptId = await app.Db(d => d.SupervisingDepartments.Where(x => x.Name == "市人民政府办公厅").Select(x => x.Id).SingleAsync());
        var units = await PageForms.PostText(admin, "/Admin/Units", "/Admin/Units?handler=Save", new Dictionary<string, string>
        {
            ["Input.Name"] = "市信访局", ["Input.Code"] = "301002", ["Input.DivisionCode"] = "110000", ["Input.DepartmentId"] = deptId.ToString(),
        });
        Assert.Contains("市信访局", units);
        Assert.Contains("已添加", units);
        var unit = await app.Db(d => d.BudgetUnits.SingleAsync(x => x.Code == "301002"));
        Assert.Equal(("110000", deptId), (unit.DivisionCode, unit.SupervisingDepartmentId));

        var created = await PageForms.PostText(admin, "/Admin/Users", "/Admin/Users?handler=Save", new Dictionary<string, string>
        {
            ["Input.UserName"] = "city-preparer", ["Input.DisplayName"] = "刘洋", ["Input.Role"] = Roles.Preparer, ["Input.UnitId"] = unit.Id.ToString(),
        });
        var password = Issued(created);
        Assert.Contains("仅显示这一次", created);
        // Shown once: the list page does not show it again.
        Assert.DoesNotContain(password, await admin.GetStringAsync("/Admin/Users"));

        var newcomer = app.Client();
        var first = await TestApp.SignIn(newcomer, "city-preparer", password);
        Assert.EndsWith("/Account/ChangePassword", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("这是初始密码", await first.Content.ReadAsStringAsync());

        // Disabled: cannot sign in (refused like a wrong password, so no account is revealed).
        var userId = await app.Db(d => d.Users.Where(u => u.UserName == "city-preparer").Select(u => u.Id).SingleAsync());
        Assert.Contains("已停用用户", await PageForms.PostText(admin, "/Admin/Users", $"/Admin/Users?handler=Disable&id={userId}", new Dictionary<string, string>()));
        var refused = await (await TestApp.SignIn(app.Client(), "city-preparer", password)).Content.ReadAsStringAsync();
        Assert.Contains(Jixiao.Features.Account.LoginModel.Refused, refused);
        Assert.Equal("已停用", await app.Db(async d => Jixiao.Features.Admin.UserAccounts.StatusOf(await d.Users.SingleAsync(u => u.UserName == "city-preparer"))));
        Assert.Contains("已启用用户", await PageForms.PostText(admin, "/Admin/Users", $"/Admin/Users?handler=Enable&id={userId}", new Dictionary<string, string>()));

        // Reset: the old password stops working, the new one signs in and must be changed.
        var reset = Issued(await PageForms.PostText(admin, "/Admin/Users", $"/Admin/Users?handler=Reset&id={userId}", new Dictionary<string, string>()));
        Assert.NotEqual(password, reset);
        Assert.Contains("用户名或密码错误", await (await TestApp.SignIn(app.Client(), "city-preparer", password)).Content.ReadAsStringAsync());
        var again = await TestApp.SignIn(app.Client(), "city-preparer", reset);
        Assert.EndsWith("/Account/ChangePassword", again.RequestMessage!.RequestUri!.AbsolutePath);

        // Role and attachment changed: a supervisor now, over the new department.
        await PageForms.Post(admin, "/Admin/Users", $"/Admin/Users?handler=Save&edit={userId}", new Dictionary<string, string>
        {
            ["Input.UserName"] = "city-preparer", ["Input.DisplayName"] = "刘洋", ["Input.Role"] = Roles.SupervisorReviewer, ["Input.DepartmentId"] = deptId.ToString(),
        });
        var roles = await app.Db(async d => await (from ur in d.UserRoles join r in d.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync());
        Assert.Equal([Roles.SupervisorReviewer], roles);

        // Every change is in the audit log, without password hashes.
        var audit = await app.Db(d => d.AuditEntries.Where(a => a.UserName == "boss").ToListAsync());
        Assert.Contains(audit, a => a.Entity == nameof(SupervisingDepartment) && a.Action == "Added" && a.Changes.Contains("市人民政府办公厅"));
        Assert.Contains(audit, a => a.Entity == nameof(BudgetUnit) && a.Changes.Contains("301002"));
        Assert.Contains(audit, a => a.Entity == nameof(AppUser) && a.Action == "Added" && a.Changes.Contains("city-preparer"));
        Assert.Contains(audit, a => a.Entity == nameof(AppUser) && a.Changes.Contains("LockoutEnd"));
        Assert.Contains(audit, a => a.Entity.Contains("IdentityUserRole") && a.Action == "Deleted");
        Assert.DoesNotContain(audit, a => a.Changes.Contains("PasswordHash") || a.Changes.Contains(password) || a.Changes.Contains(reset));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_gets_located_Chinese_messages_and_nothing_is_saved(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var admin = await app.SignedIn("boss", await app.CreateUser("boss", Roles.SystemAdmin));
        var east = await app.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync());

        var duplicate = await PageForms.PostText(admin, "/Admin/Units", "/Admin/Units?handler=Save", new Dictionary<string, string>
        { ["Input.Name"] = "新单位", ["Input.Code"] = "101002", ["Input.DivisionCode"] = "1101" });
        Assert.Contains("部门预算代码“101002”已被其他单位使用", duplicate);
        Assert.Contains("区划代码应为 6、9 或 12 位数字", duplicate);
        var user = await PageForms.PostText(admin, "/Admin/Users", "/Admin/Users?handler=Save", new Dictionary<string, string>
        { ["Input.UserName"] = "east-preparer", ["Input.DisplayName"] = "某人", ["Input.Role"] = Roles.Preparer, ["Input.UnitId"] = east.ToString() });
        Assert.Contains("用户名“east-preparer”已被使用", user);
        var unattached = await PageForms.PostText(admin, "/Admin/Users", "/Admin/Users?handler=Save", new Dictionary<string, string>
        { ["Input.UserName"] = "nobody", ["Input.DisplayName"] = "某人", ["Input.Role"] = Roles.UnitHead });
        Assert.Contains("“单位负责人”须选择所属预算单位", unattached);
        var chinese = await PageForms.PostText(admin, "/Admin/Users", "/Admin/Users?handler=Save", new Dictionary<string, string>
        { ["Input.UserName"] = "张三", ["Input.DisplayName"] = "张三", ["Input.Role"] = Roles.FinanceReviewer });
        Assert.Contains("用户名只能使用英文字母、数字", chinese);
        var self = await app.Db(d => d.Users.Where(u => u.UserName == "boss").Select(u => u.Id).SingleAsync());
        Assert.Contains("不能停用自己的账号", await PageForms.PostText(admin, "/Admin/Users", $"/Admin/Users?handler=Disable&id={self}", new Dictionary<string, string>()));
        Assert.Contains("还有项目或用户，不能删除", await PageForms.PostText(admin, "/Admin/Units", $"/Admin/Units?handler=Delete&id={east}", new Dictionary<string, string>()));

        Assert.Equal(2, await app.Db(d => d.BudgetUnits.CountAsync()));
        Assert.False(await app.Db(d => d.Users.AnyAsync(u => u.UserName == "nobody" || u.UserName == "张三")));
        Assert.False(await app.Db(d => d.Users.Where(u => u.UserName == "boss").Select(u => u.LockoutEnd != null).SingleAsync()));
    }

    [Fact]
    public async Task Only_an_administrator_reaches_the_administration_pages()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        foreach (var name in new[] { "east-preparer", "supervisor", "finance" })
        {
            var client = await app.SignedIn(name);
            foreach (var page in new[] { "/Admin", "/Admin/Users", "/Admin/Units", "/Admin/Departments", "/Library/Proposals" })
            {
                var response = await client.GetAsync(page);
                Assert.EndsWith("/Account/Denied", response.RequestMessage!.RequestUri!.AbsolutePath);
            }
            Assert.DoesNotContain("系统管理", await client.GetStringAsync("/"));
            // A post without the page is refused as well, and changes nothing.
            var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Account/ChangePassword"));
            var post = await client.PostAsync("/Admin/Units?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Input.Name"] = "偷偷加的单位", ["__RequestVerificationToken"] = token }));
            Assert.EndsWith("/Account/Denied", post.RequestMessage!.RequestUri!.AbsolutePath);
        }
        Assert.False(await app.Db(d => d.BudgetUnits.AnyAsync(u => u.Name == "偷偷加的单位")));
        var admin = await app.SignedIn("boss", await app.CreateUser("boss", Roles.SystemAdmin));
        Assert.Contains("系统管理", await admin.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }
}
