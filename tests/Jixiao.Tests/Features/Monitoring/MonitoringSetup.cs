using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Monitoring;

// A demo workspace with the east bureau's projects approved and a 1–6月 round opened by finance on the page.
public static class MonitoringSetup
{
    public sealed record Setup(int RoundId, int EastId, int WestId, List<int> EastProjects);

    public static async Task<List<int>> ApproveEast(TestApp app) => await app.Db(async d =>
    {
        // The demo's own round (MonitoringDemo) goes: each test opens its own.
        d.MonitoringReports.RemoveRange(await d.MonitoringReports.ToListAsync());
        d.MonitoringRounds.RemoveRange(await d.MonitoringRounds.ToListAsync());
        await d.SaveChangesAsync();
        var projects = await d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局").OrderBy(p => p.Id).ToListAsync();
        foreach (var p in projects) { p.Status = ProjectStatus.Approved; p.ApprovedVersion = p.Version; }
        await d.SaveChangesAsync();
        return projects.Select(p => p.Id).ToList();
    });

    public static async Task<Setup> OpenRound(TestApp app, int endMonth = 6, string due = "2026-07-10")
    {
        var projects = await ApproveEast(app);
        var (east, west) = await app.Db(async d => (
            (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id,
            (await d.BudgetUnits.SingleAsync(u => u.Name == "西城区信访局")).Id));
        var finance = await app.SignedIn("finance");
        var response = await PageForms.Post(finance, "/Monitoring", "/Monitoring?handler=Open", new Dictionary<string, string>
        {
            ["Input.ProfileId"] = "national-2021", ["Input.Year"] = "2026", ["Input.EndMonth"] = endMonth.ToString(),
            ["Input.DueDate"] = due, ["Input.Units"] = east.ToString(),
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("已开启2026年1–" + endMonth + "月运行监控", page);
        var round = await app.Db(d => d.MonitoringRounds.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        return new Setup(round, east, west, projects);
    }

    public static Task<List<Guid>> Rows(TestApp app, int projectId) => app.Db(async d =>
    {
        var p = await d.Projects.Include(x => x.Form.Indicators).SingleAsync(x => x.Id == projectId);
        return d.InFormOrder(p).Form.Indicators.Select(i => i.Id!.Value).ToList();
    });

    // A complete entry: every row certain, money on pace.
    public static Dictionary<string, string> Complete(List<Guid> rows, decimal spent)
    {
        var fields = new Dictionary<string, string> { ["Input.Spent"] = spent.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"Input.Rows[{i}].IndicatorId"] = rows[i].ToString();
            fields[$"Input.Rows[{i}].Value"] = "10";
            fields[$"Input.Rows[{i}].Expected"] = "20";
            fields[$"Input.Rows[{i}].Likelihood"] = "确定能";
        }
        return fields;
    }

    public static Task<HttpResponseMessage> PostReport(HttpClient client, int round, int project, string handler, Dictionary<string, string> fields) =>
        PageForms.Post(client, $"/Monitoring/Round/{round}/Report/{project}",
            $"/Monitoring/Round/{round}/Report/{project}?handler={handler}", fields);
}
