using System.Net;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Projects;
using Jixiao.Features.SelfEvaluations;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.SelfEvaluations;

public class TargetAdvicePageTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_row_shows_last_years_actual_the_peer_spread_and_notes(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var seed = Seeds.PathOf("004");
        // Last year (2020) in 东城区信访局: 信访人员满意度 (target 95%) reached 96.5%.
        await LastYearActual(app, seed);
        await app.ImportInto(SelfEvaluationPageTests.EastUnit, seed, 2021);
        // Three peer units declare the same project in 2021 with their own satisfaction targets: 97%, 98%, 90%.
        await PeersWithTargets(app, seed);
        var id = await app.Db(d => d.Projects.Where(p => p.FiscalYear == 2021 && p.BudgetUnit!.Name == SelfEvaluationPageTests.EastUnit && p.Form.Name == "信访储备金").Select(p => p.Id).SingleAsync());

        var client = await app.SignedIn("east-preparer");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Projects/{id}/TargetAdvice"));
        var row = html[html.IndexOf("<td class=\"name\" data-label=\"三级指标\">信访人员满意度</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(">96.5<", row);                      // last year's actual
        Assert.Contains(">3<", row);                         // three peers
        Assert.Contains(">90 / 97 / 98<", row);              // min / median / max
        Assert.Contains("目标低于上年实际完成值96.5", row);
        Assert.Contains("目标低于多数同类单位（3家中2家更高）", row);
        // A row whose peers all set the same as this unit: a spread and no note.
        var same = html[html.IndexOf("信访问题解决完成率</td>", StringComparison.Ordinal)..];
        same = same[..same.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(">98 / 98 / 98<", same);
        Assert.DoesNotContain("alarm", same);
        Assert.Contains($"href=\"/Projects/{id}/TargetAdvice\"", await client.GetStringAsync($"/Projects/{id}"));

        // Another unit's project is not there.
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Projects/{id}/TargetAdvice")).StatusCode);
    }

    // Last year in 东城区信访局: 信访人员满意度 (target 95%) reached 96.5%.
    internal static async Task LastYearActual(TestApp app, string seed)
    {
        await app.ImportInto(SelfEvaluationPageTests.EastUnit, seed, 2020);
        await app.Db(async d =>
        {
            var p = d.InFormOrder(await d.Projects.AsSplitQuery().Include(x => x.BudgetUnit).SingleAsync(x => x.FiscalYear == 2020));
            SelfEvaluationStore.ApplyActuals(d, p, new Dictionary<Guid, TargetValue> { [p.Form.Indicators[7].Id!.Value] = TargetValue.Parse("96.5%") }, "t", "t");
            return await ProjectStore.CommitAsync(d);
        });
    }

    // Three peer units of the same department declare the project in 2021 with 97%, 98% and 90%.
    internal static async Task PeersWithTargets(TestApp app, string seed)
    {
        var departmentId = await app.Db(d => d.BudgetUnits.Where(u => u.Name == SelfEvaluationPageTests.EastUnit).Select(u => u.SupervisingDepartmentId).SingleAsync());
        string[] peers = ["西城区信访局", "南城区信访局", "北城区信访局"];
        string[] targets = ["97%", "98%", "90%"];
        await app.Db(async d =>
        {
            d.BudgetUnits.AddRange(peers.Skip(1).Select(n => new BudgetUnit { Name = n, SupervisingDepartmentId = departmentId }));
            return await d.SaveChangesAsync();
        });
        for (var k = 0; k < peers.Length; k++)
        {
            await app.ImportInto(peers[k], seed, 2021);
            var (unit, target) = (peers[k], targets[k]);
            await app.Db(async d =>
            {
                var p = d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(x => x.FiscalYear == 2021 && x.BudgetUnit!.Name == unit && x.Form.Name == "信访储备金"));
                p.Form.Indicators[7].AnnualTarget = TargetValue.Parse(target);
                return await d.SaveChangesAsync();
            });
        }
    }
}
