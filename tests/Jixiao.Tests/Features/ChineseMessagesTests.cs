using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

// Empty and malformed posts to every form: each message the user sees is Chinese, never
// ASP.NET's English ("The Confirm field is required.", "The value 'x' is not valid for Year.").
public partial class ChineseMessagesTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_form_answers_bad_input_in_Chinese(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await app.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync());
        var admin = await app.SignedIn("boss", await app.CreateUser("boss", Roles.SystemAdmin));
        var preparer = await app.SignedIn("east-preparer");
        var anonymous = app.Client();
        var empty = new Dictionary<string, string>();

        var cases = new (HttpClient Client, string Page, string Action, Dictionary<string, string> Fields, string Expected)[]
        {
            (anonymous, "/Account/Login", "/Account/Login", empty, "请输入用户名"),
            (preparer, "/Account/ChangePassword", "/Account/ChangePassword", empty, "请再次输入新密码"),
            (preparer, "/Account/ChangePassword", "/Account/ChangePassword", new() { ["Current"] = "x", ["New"] = "short1", ["Confirm"] = "short1" }, "当前密码不正确"),
            (admin, "/Admin/Departments", "/Admin/Departments?handler=Save", empty, "请填写主管部门名称"),
            (admin, "/Admin/Units", "/Admin/Units?handler=Save", empty, "请填写单位名称"),
            (admin, "/Admin/Units", "/Admin/Units?handler=Save", new() { ["Input.Name"] = "甲", ["Input.DepartmentId"] = "abc" }, "“abc”不是有效的主管部门"),
            (admin, "/Admin/Units", "/Admin/Units?handler=Save", new() { ["Input.Name"] = new string('长', 101) }, "单位名称不能超过 100 个字"),
            (admin, "/Admin/Users", "/Admin/Users?handler=Save", empty, "请填写用户名"),
            (admin, "/Admin/Users", "/Admin/Users?handler=Save", new() { ["Input.UserName"] = "a", ["Input.UnitId"] = "一" }, "用户名的长度应为 2 到 64 个字"),
            (admin, "/Admin/Users", "/Admin/Users?handler=Save", new() { ["Input.UserName"] = "abc", ["Input.UnitId"] = "一" }, "“一”不是有效的所属预算单位"),
            (preparer, "/Library/Propose", "/Library/Propose", empty, "请填写指标名称"),
            (preparer, "/Library/Propose", "/Library/Propose", new() { ["Input.Direction"] = "up" }, "指标方向应为正向、反向或定性"),
            (preparer, $"/Units/Overview?unit={east}&year=2026", $"/Units/Overview?handler=Goals&unit={east}&year=2026",
                new() { ["Goals[0].Order"] = "第一", ["Goals[0].Title"] = "甲" }, "“第一”不是有效的序号"),
        };
        foreach (var (client, page, action, fields, expected) in cases)
        {
            var html = await PageForms.PostText(client, page, action, fields);
            Assert.Contains(expected, html);
            foreach (var message in Messages(html))
                Assert.False(English().IsMatch(message), $"{action}: English message “{message}”");
            Assert.DoesNotContain("is required", html);
            Assert.DoesNotContain("is not valid", html);
            Assert.DoesNotContain("is invalid", html);
        }
    }

    // What the validation summary and the field messages say.
    static IEnumerable<string> Messages(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        return doc.QuerySelectorAll(".errors li, .field-error, .field-validation-error, #refusal").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0);
    }

    [GeneratedRegex("[A-Za-z]{3,} [A-Za-z]{2,}")]
    private static partial Regex English();
}
