using Jixiao.Domain;
using System.Net;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Units;

public class OverviewTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_unit_sees_its_projects_money_in_wan_with_totals_and_the_summary_sentence(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await app.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync());

        var html = await (await app.SignedIn("east-preparer")).GetStringAsync($"/Units/Overview?unit={east}&year=2026");

        // 850 000 + 260 000 元 = 111 万元, worked out from the rows.
        Assert.Contains("本部门共 2 个项目编报绩效目标，涉及项目预算资金 111.00 万元。", html);
        Assert.Contains("<td class=\"num\">85.00</td>", html);
        Assert.Contains("<td class=\"num\">26.00</td>", html);
        Assert.Contains("<td class=\"num\">111.00</td>", html);
        Assert.Contains("合计（2 个项目）", html);
        Assert.Contains("<td>草稿</td>", html);
        Assert.DoesNotContain("信访救助资金", html);    // the other unit's project
        // The stored review's quality score of each project.
        var scores = await app.Db(d => d.Projects.Where(p => p.BudgetUnitId == east).Select(p => p.QualityScore).ToListAsync());
        Assert.All(scores, s => Assert.NotNull(s));
        Assert.All(scores, s => Assert.Contains($"<td class=\"num\">{s}</td>", html));

        // A supervisor sees the unit too; the west preparer does not.
        Assert.Contains("111.00", await (await app.SignedIn("supervisor")).GetStringAsync($"/Units/Overview?unit={east}&year=2026"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("west-preparer")).GetAsync($"/Units/Overview?unit={east}&year=2026")).StatusCode);
        // A user attached to no unit gets a plain sentence, not an error.
        var loner = await app.SignedIn("loner", await app.CreateUser("loner", Roles.Preparer));
        Assert.Contains("没有可查看的单位", await loner.GetStringAsync("/Units/Overview"));
        // Junk in the address falls back to the defaults instead of failing.
        Assert.Contains("2026 年度项目", await (await app.SignedIn("east-preparer")).GetStringAsync("/Units/Overview?year=abc&unit=xyz"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Department_goals_from_a_declaration_are_shown_and_edited_by_the_unit_in_one_save(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await app.ImportInto("东城区信访局", Seeds.PathOf("003"), 2025);
        var page = $"/Units/Overview?unit={east}&year=2025";
        var preparer = await app.SignedIn("east-preparer");

        var html = await preparer.GetStringAsync(page);
        Assert.Contains("部门整体绩效目标", html);
        Assert.Contains("认真贯彻落实习近平总书记关于做好人民信访工作", html);
        Assert.Contains("持续开展信访隐患排查", html);
        Assert.Contains("做好信访法治宣传", html);
        var stored = await app.Db(d => d.DepartmentGoals.Where(g => g.BudgetUnitId == east && g.FiscalYear == 2025).OrderBy(g => g.Order).ToListAsync());
        Assert.Equal(5, stored.Count);
        var parts = stored.Skip(1).ToList();

        // Last row moved first, the second deleted, the first changed, a row added; the overall goal rewritten.
        var fields = new Dictionary<string, string> { ["Overall"] = "全年信访秩序持续向好，群众合理诉求依法及时就地解决。" };
        for (var i = 0; i < parts.Count; i++)
        {
            var g = parts[i];
            fields[$"Goals[{i}].Id"] = g.Id.ToString();
            fields[$"Goals[{i}].Order"] = (i == parts.Count - 1 ? 0 : i + 1).ToString();
            fields[$"Goals[{i}].Title"] = i == 0 ? "信访隐患排查化解" : g.Title!;
            fields[$"Goals[{i}].Goal"] = g.Goal!;
            fields[$"Goals[{i}].Indicators"] = g.Indicators ?? "";
            if (i == 1) fields[$"Goals[{i}].Delete"] = "true";
        }
        fields[$"Goals[{parts.Count}].Order"] = "99";
        fields[$"Goals[{parts.Count}].Title"] = "网上信访主渠道建设";
        fields[$"Goals[{parts.Count}].Goal"] = "网上信访占比稳步提高。";
        var saved = await PageForms.Post(preparer, page, $"/Units/Overview?handler=Goals&unit={east}&year=2025", fields);
        Assert.Contains("部门整体绩效目标已保存", await saved.Content.ReadAsStringAsync());

        var after = await app.Db(d => d.DepartmentGoals.Where(g => g.BudgetUnitId == east && g.FiscalYear == 2025).OrderBy(g => g.Order).ToListAsync());
        Assert.Equal(["总体绩效目标", "做好信访法治宣传", "信访隐患排查化解", "做好信访值班工作", "网上信访主渠道建设"], after.Select(g => g.Title));
        Assert.Equal([0, 1, 2, 3, 4], after.Select(g => g.Order));
        Assert.StartsWith("全年信访秩序持续向好", after[0].Goal);
        Assert.Equal(parts[0].Id, after[2].Id);   // kept rows keep their identity
        var audit = await app.Db(d => d.AuditEntries.Where(a => a.Entity == nameof(DepartmentGoalRecord) && a.UserName == "east-preparer").ToListAsync());
        Assert.Contains(audit, a => a.Action == "Deleted" && a.Changes.Contains("涉法涉诉信访问题依法分流"));
        Assert.Contains(audit, a => a.Action == "Added" && a.Changes.Contains("网上信访主渠道建设"));
        Assert.Contains(audit, a => a.Action == "Modified" && a.Changes.Contains("信访隐患排查化解"));

        // A row without its name is refused with its place, and nothing changes.
        var bad = await PageForms.PostText(preparer, page, $"/Units/Overview?handler=Goals&unit={east}&year=2025", new Dictionary<string, string>
        {
            ["Overall"] = "总体", ["Goals[0].Order"] = "1", ["Goals[0].Goal"] = "只有内容",
        });
        Assert.Contains("第 1 行：请填写分项目标名称", bad);
        Assert.Equal(5, await app.Db(d => d.DepartmentGoals.CountAsync(g => g.BudgetUnitId == east && g.FiscalYear == 2025)));

        // A supervisor reads them but has no form; a post from them is refused.
        var supervisor = await app.SignedIn("supervisor");
        var read = await supervisor.GetStringAsync(page);
        Assert.Contains("网上信访主渠道建设", read);
        Assert.DoesNotContain("保存部门整体绩效目标", read);
        var token = TestApp.AntiforgeryToken(read);
        var refused = await supervisor.PostAsync($"/Units/Overview?handler=Goals&unit={east}&year=2025",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Overall"] = "改掉", ["__RequestVerificationToken"] = token }));
        Assert.EndsWith("/Account/Denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith("全年信访秩序", await app.Db(d => d.DepartmentGoals.Where(g => g.BudgetUnitId == east && g.Order == 0).Select(g => g.Goal).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_draft_is_deleted_after_confirmation_by_its_own_unit_only(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var (draft, submitted) = await app.Db(async d =>
        {
            var ids = await d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局").OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var second = await d.Projects.SingleAsync(p => p.Id == ids[1]);
            second.Status = ProjectStatus.Submitted;
            await d.SaveChangesAsync();
            return (ids[0], ids[1]);
        });
        var preparer = await app.SignedIn("east-preparer");

        var confirm = await preparer.GetStringAsync($"/Projects/{draft}/Delete");
        Assert.Contains("确定删除吗", confirm);
        Assert.Contains("8 条绩效指标", confirm);
        Assert.Contains("删除草稿", await preparer.GetStringAsync($"/Projects/{draft}"));
        Assert.DoesNotContain("删除草稿", await preparer.GetStringAsync($"/Projects/{submitted}"));

        // Not a draft, not one's own unit, or only reading: refused and kept.
        Assert.Contains("只能删除草稿", await PageForms.PostText(preparer, $"/Projects/{submitted}/Delete", $"/Projects/{submitted}/Delete", new Dictionary<string, string>()));
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Projects/{draft}/Delete")).StatusCode);
        var supervisor = await app.SignedIn("supervisor");
        Assert.Contains("只有本单位的填报人或单位负责人可以删除", await PageForms.PostText(supervisor, $"/Projects/{draft}/Delete", $"/Projects/{draft}/Delete", new Dictionary<string, string>()));
        Assert.Equal(2, await app.Db(d => d.Projects.CountAsync(p => p.Id == draft || p.Id == submitted)));

        var done = await PageForms.Post(preparer, $"/Projects/{draft}/Delete", $"/Projects/{draft}/Delete", new Dictionary<string, string>());
        Assert.Contains("草稿已删除", await done.Content.ReadAsStringAsync());
        Assert.False(await app.Db(d => d.Projects.AnyAsync(p => p.Id == draft)));
        var audit = await app.Db(d => d.AuditEntries.Where(a => a.UserName == "east-preparer" && a.Action == "Deleted").ToListAsync());
        Assert.Contains(audit, a => a.Entity == nameof(Project) && a.EntityKey == draft.ToString());
        Assert.Contains(audit, a => a.Changes.Contains("信访接待与矛盾排查调处经费"));
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.GetAsync($"/Projects/{draft}")).StatusCode);
    }
}
