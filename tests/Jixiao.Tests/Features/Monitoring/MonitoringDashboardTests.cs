using System.Net;
using Jixiao.Data;
using Jixiao.Features.Monitoring;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jixiao.Tests.Features.Monitoring.MonitoringSetup;

namespace Jixiao.Tests.Features.Monitoring;

public class MonitoringDashboardTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_dashboard_counts_lights_and_lists_red_projects_and_impossible_rows(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var preparer = await app.SignedIn("east-preparer");
        var first = s.EastProjects[0];
        var rows = await Rows(app, first);
        var red = Complete(rows, 0m);     // nothing spent by June: red
        red["Input.Rows[3].Likelihood"] = "完全不可能";
        await PostReport(preparer, s.RoundId, first, "Save", red);
        var budgets = await app.Db(d => d.Projects.Where(p => s.EastProjects.Contains(p.Id)).Select(p => p.Form.Funding.AnnualRequest).ToListAsync());

        var finance = await app.SignedIn("finance");
        var page = await finance.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}");
        // 东城区信访局: one red, the others not yet filled.
        Assert.Matches($"东城区信访局</a></th>\\s*<td class=\"num\" data-value=\"0\">0</td><td class=\"num\" data-value=\"0\">0</td>\\s*<td class=\"num\" data-value=\"1\">1</td><td class=\"num\" data-value=\"{s.EastProjects.Count - 1}\">", page);
        Assert.Contains($"/Monitoring/Round/{s.RoundId}/Report/{first}\">信访接待与矛盾排查调处经费</a></td><td>预算执行红灯</td>", page);
        Assert.Contains($"/Monitoring/Round/{s.RoundId}/Report/{first}#row-{rows[3]}\">按期办结率</a>", page);
        // Indicator progress: one impossible row, the rest certain.
        var certain = rows.Count - 1;
        Assert.Matches($"东城区信访局</a></th>\\s*<td class=\"num\" data-value=\"{certain}\">{certain}</td><td class=\"num\" data-value=\"0\">0</td>\\s*<td class=\"num\" data-value=\"1\">1</td>", page);
        // Money: spent 0 at June; the plan at June is the budgets × their pace (the first project 45% of 850,000).
        Assert.Contains("<th>6月</th>", page);
        Assert.Matches("<th>6月</th><td class=\"num\" data-value=\"[0-9.]+\">[0-9,.]+</td>\\s*<td class=\"num\" data-value=\"0(\\.0+)?\">0\\.00</td>", page);
        Assert.True(budgets.Count > 0);

        // Drill-down to the unit, and scoping: the supervisor sees it, another unit does not.
        Assert.Contains("监控看板：东城区信访局", await finance.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}&unit={s.EastId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/Monitoring/Dashboard?round={s.RoundId}&unit={s.WestId}")).StatusCode);
        var supervisor = await app.SignedIn("supervisor");
        Assert.Contains("预算执行红灯", await supervisor.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}"));
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Monitoring/Dashboard?round={s.RoundId}")).StatusCode);
        Assert.Contains("暂无可查看的监控轮次", await west.GetStringAsync("/Monitoring/Dashboard"));
        Assert.Contains("预算执行红灯", await preparer.GetStringAsync("/Monitoring/Dashboard"));
    }

    [Theory]
    [InlineData(3, "还有 3 天截止", true)]
    [InlineData(7, "还有 7 天截止", true)]
    [InlineData(0, "今天截止", true)]
    [InlineData(-2, "已逾期 2 天", true)]
    [InlineData(8, "截止", false)]
    public async Task The_desk_reminds_of_rounds_due_within_7_days_and_overdue(int days, string text, bool shown)
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app, due: Jixiao.Features.Monitoring.Monitor.Today().AddDays(days).ToString("yyyy-MM-dd"));
        var desk = await (await app.SignedIn("east-preparer")).GetStringAsync("/Desk");
        Assert.Equal(shown, desk.Contains("运行监控提醒"));
        if (shown)
        {
            Assert.Contains(text, desk);
            Assert.Contains($"{s.EastProjects.Count} 个项目未提交", desk);
        }
        Assert.DoesNotContain("运行监控提醒", await (await app.SignedIn("west-preparer")).GetStringAsync("/Desk"));
        Assert.Equal(shown, (await (await app.SignedIn("supervisor")).GetStringAsync("/Desk")).Contains("运行监控提醒"));
    }

    [Theory]
    [InlineData(-1, "已逾期 1 天")]
    [InlineData(0, "今天截止")]
    [InlineData(1, "还有 1 天截止")]
    public void Reminder_wording(int days, string text) => Assert.Equal(text, MonitoringRemindersViewComponent.When(days));
}

public class MonitoringDemoTests
{
    [Fact]
    public async Task The_demo_has_an_open_round_with_one_project_partly_filled_and_loads_once()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var round = await app.Db(d => d.MonitoringRounds.Include(r => r.Units).SingleAsync());
        Assert.Equal((2026, 6, 2, false), (round.FiscalYear, round.EndMonth, round.Units.Count, round.SignedOff));
        var report = await app.Db(d => d.MonitoringReports.Include(r => r.Rows).SingleAsync());
        Assert.Equal((ReportStatus.Draft, Jixiao.Domain.Monitoring.Light.Yellow), (report.Status, report.Light!.Value));
        Assert.Equal(3, report.Rows.Count(r => r.Value != null));
        await Bootstrap.RunAsync(app.App.Services, demo: true, new StringWriter());
        Assert.Equal(1, await app.Db(d => d.MonitoringRounds.CountAsync()));
        var page = await (await app.SignedIn("west-preparer")).GetStringAsync($"/Monitoring/Round/{round.Id}");
        Assert.Contains("人民调解与律师参与信访服务", page);
        Assert.Contains("填报中", page);
        Assert.Contains("黄灯", page);
    }
}
