using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Monitoring;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jixiao.Tests.Features.Monitoring.MonitoringSetup;

namespace Jixiao.Tests.Features.Monitoring;

// A province's round spans thousands of units: the round page and the dashboard's unit tables come a page
// at a time, the dashboard's totals still count every unit, and its figures follow every saved change.
public class MonitoringPagingTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Round_and_dashboard_page_their_units_and_follow_changes(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        // 59 more units in the round (60 in all), each with one approved project: past one page of both lists.
        await app.Db(async d =>
        {
            var dept = await d.SupervisingDepartments.FirstAsync();
            var red = new List<Project>();
            for (var n = 1; n <= 59; n++)
            {
                var unit = new BudgetUnit { Name = $"第{n:00}监控单位", Code = $"Z{n:00}", SupervisingDepartment = dept };
                var project = new Project
                {
                    BudgetUnit = unit, FiscalYear = 2026, Status = ProjectStatus.Approved, ApprovedVersion = 1,
                    Form = new ProjectForm { Name = $"监控项目{n:00}" },
                };
                d.Projects.Add(project);
                d.MonitoringRoundUnits.Add(new MonitoringRoundUnit { RoundId = s.RoundId, BudgetUnit = unit });
                if (n % 2 == 1) red.Add(project);
            }
            await d.SaveChangesAsync();
            // Every second unit's project is red: 30 red projects, past one page of the red-light list.
            foreach (var project in red)
                d.MonitoringReports.Add(new MonitoringReport
                {
                    RoundId = s.RoundId, ProjectId = project.Id, BudgetUnitId = project.BudgetUnitId, Status = ReportStatus.Draft,
                    Spent = 0m, Budget = 100m, PacePercent = 50m, SpentPercent = 0m, Light = Jixiao.Domain.Monitoring.Light.Red,
                });
            await d.SaveChangesAsync();
            return 0;
        });
        var finance = await app.SignedIn("finance");

        // The round page: 10 units a page, by code; the east bureau (code 101…) comes before Z01…Z59.
        var first = await finance.GetStringAsync($"/Monitoring/Round/{s.RoundId}");
        Assert.Contains("共 60 项，第 1 / 6 页", first);
        Assert.Contains("东城区信访局", first);
        Assert.Contains("第09监控单位", first);
        Assert.DoesNotContain("第10监控单位", first);
        var last = await finance.GetStringAsync($"/Monitoring/Round/{s.RoundId}?p=6");
        Assert.Contains("第50监控单位", last);
        Assert.Contains("第59监控单位", last);
        Assert.DoesNotContain("第49监控单位", last);
        Assert.DoesNotContain("东城区信访局", last);

        // The dashboard: 25 units a page, with the total over all 60 units in the footer.
        var dashboard = await finance.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}");
        Assert.Contains("共 60 项，第 1 / 3 页", dashboard);
        Assert.Contains("第24监控单位</a>", dashboard);
        Assert.DoesNotContain("第25监控单位</a>", dashboard);
        var missing = 59 + s.EastProjects.Count - 30;
        Assert.Matches($"全部 60 个单位合计</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">30</td><td class=\"num\">{missing}</td>", dashboard);
        Assert.Contains("第55监控单位</a>", await finance.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}&p=3"));

        // The red-light list: all 30 red projects counted, 25 a page by unit code, paged on its own (?a=) and
        // keeping the unit tables' page.
        Assert.Contains("红灯项目 30 个，完全不可能完成的指标 0 项", dashboard);
        Assert.Contains("共 30 项，第 1 / 2 页", dashboard);
        Assert.Contains("<td>第49监控单位</td>", dashboard);
        Assert.DoesNotContain("<td>第51监控单位</td>", dashboard);
        var alerts = await finance.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}&p=2&a=2");
        Assert.Contains("共 30 项，第 2 / 2 页", alerts);
        Assert.Contains("<td>第51监控单位</td>", alerts);
        Assert.Contains("<td>第59监控单位</td>", alerts);
        Assert.DoesNotContain("<td>第49监控单位</td>", alerts);
        Assert.Contains("第25监控单位</a>", alerts);
        Assert.Contains("?round=" + s.RoundId + "&amp;p=2&amp;a=1", alerts);

        // A report saved on the page shows on the next look (the figures are kept only until the data change).
        var rows = await Rows(app, s.EastProjects[0]);
        await PostReport(await app.SignedIn("east-preparer"), s.RoundId, s.EastProjects[0], "Save", Complete(rows, 0m));
        var after = await finance.GetStringAsync($"/Monitoring/Dashboard?round={s.RoundId}");
        Assert.Matches($"全部 60 个单位合计</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">31</td><td class=\"num\">{missing - 1}</td>", after);
        Assert.Contains("红灯项目 31 个", after);
    }

    [Fact]
    public async Task Beyond_a_short_list_a_round_is_opened_for_whole_departments()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        await ApproveEast(app);
        var demoDept = await app.Db(async d =>
        {
            var dept = new SupervisingDepartment { Name = "市大部门", Code = "D900" };
            for (var n = 1; n <= 100; n++) d.BudgetUnits.Add(new BudgetUnit { Name = $"第{n:000}大单位", Code = $"Y{n:000}", SupervisingDepartment = dept });
            await d.SaveChangesAsync();
            return (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).SupervisingDepartmentId!.Value;
        });
        var finance = await app.SignedIn("finance");
        var page = await finance.GetStringAsync("/Monitoring");
        Assert.DoesNotContain("第001大单位", page);
        Assert.Contains("市大部门（100 个单位）", page);
        Assert.Contains("全部单位", page);

        var response = await PageForms.Post(finance, "/Monitoring", "/Monitoring?handler=Open", new Dictionary<string, string>
        {
            ["Input.ProfileId"] = "national-2021", ["Input.Year"] = "2026", ["Input.EndMonth"] = "6",
            ["Input.DueDate"] = "2026-07-10", ["Input.Departments"] = demoDept.ToString(),
        });
        Assert.Contains("共 2 个单位", await response.Content.ReadAsStringAsync());
        var units = await app.Db(d => d.MonitoringRoundUnits.Select(u => u.BudgetUnit!.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["东城区信访局", "西城区信访局"], units);

        var none = await PageForms.Post(finance, "/Monitoring", "/Monitoring?handler=Open", new Dictionary<string, string>
        {
            ["Input.ProfileId"] = "national-2021", ["Input.Year"] = "2026", ["Input.EndMonth"] = "7",
            ["Input.DueDate"] = "2026-08-10", ["Input.Departments"] = "999999",
        });
        Assert.Contains("所选主管部门不存在", await none.Content.ReadAsStringAsync());
    }
}
