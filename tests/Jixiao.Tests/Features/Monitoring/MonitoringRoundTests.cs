using System.Net;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jixiao.Tests.Features.Monitoring.MonitoringSetup;

namespace Jixiao.Tests.Features.Monitoring;

public class MonitoringRoundTests
{
    static async Task<string> Version(HttpClient client, int round, int project)
    {
        var page = await client.GetStringAsync($"/Monitoring/Round/{round}/Report/{project}");
        return System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_round_is_filled_returned_submitted_and_signed_off(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var preparer = await app.SignedIn("east-preparer");

        var round = await preparer.GetStringAsync($"/Monitoring/Round/{s.RoundId}");
        Assert.Contains("信访接待与矛盾排查调处经费", round);
        Assert.Contains("未填报", round);

        // The first project: budget 850,000, plan 20/45/75/100 by quarter → pace at June 45%.
        var project = s.EastProjects[0];
        var rows = await Rows(app, project);
        var fields = Complete(rows, 255000m);   // 30%: 15 points behind → yellow
        fields["Input.Rows[1].Likelihood"] = "有可能";
        fields["Version"] = "1";
        var page = await (await PostReport(preparer, s.RoundId, project, "Submit", fields)).Content.ReadAsStringAsync();
        Assert.Contains("未提交：请先补全下列内容", page);
        Assert.Contains("资金执行：预算执行为黄灯，须选择偏差原因类别", page);
        Assert.Contains("第2行“开展矛盾纠纷排查次数”：完成可能性为“有可能”，须填写纠偏措施", page);
        Assert.Equal(0, await app.Db(d => d.MonitoringReports.CountAsync()));

        // Saved incomplete as a draft: the light and pace are kept.
        page = await (await PostReport(preparer, s.RoundId, project, "Save", fields)).Content.ReadAsStringAsync();
        Assert.Contains("已保存", page);
        var saved = await app.Db(d => d.MonitoringReports.Include(r => r.Rows).SingleAsync());
        Assert.Equal((Light.Yellow, 45m, 30m, ReportStatus.Draft), (saved.Light!.Value, saved.PacePercent, saved.SpentPercent!.Value, saved.Status));
        Assert.Equal(rows.Count, saved.Rows.Count);
        Assert.Equal(Likelihood.Possible, saved.Rows.Single(r => r.IndicatorId == rows[1]).Likelihood);

        fields["Input.Cause"] = "经费";
        fields["Input.CauseText"] = "律师服务费按季度结算";
        fields["Input.Measures"] = "7月集中结算";
        fields["Input.Rows[1].Cause"] = "人员";
        fields["Input.Rows[1].CauseText"] = "排查人员借调";
        fields["Input.Rows[1].Measures"] = "增派网格员";
        fields["Version"] = await Version(preparer, s.RoundId, project);
        page = await (await PostReport(preparer, s.RoundId, project, "Submit", fields)).Content.ReadAsStringAsync();
        Assert.Contains("已提交，等待主管部门审核", page);
        Assert.Contains("本表已提交", page);

        // The supervisor cannot sign off while projects are missing, returns this one with a comment.
        var supervisor = await app.SignedIn("supervisor");
        var roundPage = await supervisor.GetStringAsync($"/Monitoring/Round/{s.RoundId}");
        Assert.Contains("个项目未提交", roundPage);
        Assert.DoesNotContain("签发确认本单位本轮监控", roundPage);
        var noComment = await (await PostReport(supervisor, s.RoundId, project, "Return", new() { ["Comment"] = " " })).Content.ReadAsStringAsync();
        Assert.Contains("退回须填写意见", noComment);
        await PostReport(supervisor, s.RoundId, project, "Return", new() { ["Comment"] = "执行数与财务账不符" });
        Assert.Contains("主管部门退回意见：执行数与财务账不符", await preparer.GetStringAsync($"/Monitoring/Round/{s.RoundId}/Report/{project}"));

        // The unit submits every project again; the supervisor signs off and the round locks.
        foreach (var p in s.EastProjects)
        {
            var f = p == project ? fields : Complete(await Rows(app, p), 1_000_000m);
            f["Version"] = await Version(preparer, s.RoundId, p);
            Assert.Contains("已提交，等待主管部门审核", await (await PostReport(preparer, s.RoundId, p, "Submit", f)).Content.ReadAsStringAsync());
        }
        page = await (await PageForms.Post(supervisor, $"/Monitoring/Round/{s.RoundId}", $"/Monitoring/Round/{s.RoundId}?handler=SignOff&unit={s.EastId}", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        Assert.Contains("已签发确认 东城区信访局", page);
        var locked = await preparer.GetStringAsync($"/Monitoring/Round/{s.RoundId}/Report/{project}");
        Assert.Matches("本轮监控已于 .* 由 赵磊（区政府办公室） 签发确认，已锁定", locked);
        Assert.DoesNotContain("name=\"Input.Spent\"", locked);
        fields["Version"] = await Version(preparer, s.RoundId, project);
        fields["Input.Spent"] = "1";
        await PostReport(preparer, s.RoundId, project, "Save", fields);
        Assert.Equal(255000m, await app.Db(d => d.MonitoringReports.Where(r => r.ProjectId == project).Select(r => r.Spent!.Value).SingleAsync()));
        Assert.True(await app.Db(d => d.MonitoringRounds.Include(r => r.Units).SingleAsync()).ContinueWith(t => t.Result.SignedOff));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Other_units_and_wrong_roles_are_refused(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var project = s.EastProjects[0];
        var fields = Complete(await Rows(app, project), 1m);

        // West is not in the round: the round and east's report are not found.
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Monitoring/Round/{s.RoundId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Monitoring/Round/{s.RoundId}/Report/{project}")).StatusCode);
        Assert.DoesNotContain("2026年1–6月运行监控", await west.GetStringAsync("/Monitoring"));
        // A guessed id.
        var east = await app.SignedIn("east-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/Monitoring/Round/{s.RoundId + 99}")).StatusCode);
        // A project not monitored (never approved) is not found in the round.
        var draft = await app.Db(d => d.Projects.Where(p => p.BudgetUnitId == s.WestId).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/Monitoring/Round/{s.RoundId}/Report/{draft}")).StatusCode);

        // Finance and the supervisor read but never fill in; only finance opens rounds; only the supervisor signs off.
        foreach (var reader in new[] { "finance", "supervisor" })
        {
            var client = await app.SignedIn(reader);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Monitoring/Round/{s.RoundId}/Report/{project}")).StatusCode);
            var r = await PostReport(client, s.RoundId, project, "Save", fields);
            Assert.Contains("/Account/Denied", r.RequestMessage!.RequestUri!.ToString());
        }
        var opened = await PageForms.Post(east, "/Monitoring", "/Monitoring?handler=Open", new Dictionary<string, string>
        {
            ["Input.Year"] = "2026", ["Input.EndMonth"] = "7", ["Input.DueDate"] = "2026-08-10", ["Input.Units"] = s.EastId.ToString(),
        });
        Assert.Contains("/Account/Denied", opened.RequestMessage!.RequestUri!.ToString());
        var signOff = await PageForms.Post(east, $"/Monitoring/Round/{s.RoundId}", $"/Monitoring/Round/{s.RoundId}?handler=SignOff&unit={s.EastId}", new Dictionary<string, string>());
        Assert.Contains("/Account/Denied", signOff.RequestMessage!.RequestUri!.ToString());
        Assert.Equal(0, await app.Db(d => d.MonitoringReports.CountAsync()));
        Assert.Equal(1, await app.Db(d => d.MonitoringRounds.CountAsync()));
        Assert.Null(await app.Db(d => d.MonitoringRoundUnits.Select(u => u.SignedOffUtc).SingleAsync()));
    }

    [Fact]
    public async Task Opening_a_round_twice_for_a_unit_and_period_is_refused()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var finance = await app.SignedIn("finance");
        var page = await PageForms.PostText(finance, "/Monitoring", "/Monitoring?handler=Open", new Dictionary<string, string>
        {
            ["Input.ProfileId"] = "national-2021", ["Input.Year"] = "2026", ["Input.EndMonth"] = "6", ["Input.DueDate"] = "2026-07-10",
            ["Input.Units"] = s.EastId.ToString(),
        });
        Assert.Contains("所选单位已有 2026年1–6月 的监控轮次", page);
        page = await PageForms.PostText(finance, "/Monitoring", "/Monitoring?handler=Open", new Dictionary<string, string>
        {
            ["Input.ProfileId"] = "national-2021", ["Input.Year"] = "2026", ["Input.EndMonth"] = "7",
        });
        Assert.Contains("请至少选择一个单位", page);
        Assert.Contains("请填写截止日期", page);
        Assert.Equal(1, await app.Db(d => d.MonitoringRounds.CountAsync()));
    }

    [Fact]
    public async Task An_unreadable_likelihood_is_located_and_nothing_is_saved()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var preparer = await app.SignedIn("east-preparer");
        var rows = await Rows(app, s.EastProjects[0]);
        var fields = Complete(rows, 1m);
        fields["Input.Rows[2].Likelihood"] = "大概";
        var page = await (await PostReport(preparer, s.RoundId, s.EastProjects[0], "Save", fields)).Content.ReadAsStringAsync();
        Assert.Contains("第3行“信访事项及时受理率”：完成可能性“大概”无法识别", page);
        Assert.Equal(0, await app.Db(d => d.MonitoringReports.CountAsync()));
    }
}
