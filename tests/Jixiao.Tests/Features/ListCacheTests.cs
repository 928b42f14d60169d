using AngleSharp.Html.Parser;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features;

// Counts and sums over a year are kept in memory until the data change: every saved change (which writes
// its audit entry in the same transaction) must show on the next look, on the summary, the review list's
// total and the search.
public class ListCacheTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Kept_figures_follow_every_saved_change(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var finance = await app.SignedIn("finance");
        int Count(string html) => int.Parse(new HtmlParser().ParseDocument(html).QuerySelectorAll("table.summary-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).Single(r => r[0] == "区人民政府办公室")[1]);
        var before = Count(await finance.GetStringAsync("/Summary?year=2026"));
        Assert.Equal(before, Count(await finance.GetStringAsync("/Summary?year=2026")));
        var search = await finance.GetStringAsync("/Search?q=%E7%BC%93%E5%AD%98%E6%B5%8B%E8%AF%95");
        Assert.DoesNotContain("缓存测试项目", search);

        await app.Db(async db =>
        {
            var unit = db.BudgetUnits.Single(u => u.Name == "东城区信访局");
            db.Projects.Add(new Project { BudgetUnitId = unit.Id, FiscalYear = 2026, Status = ProjectStatus.Draft, QualityScore = 50, Form = new ProjectForm { Name = "缓存测试项目" } });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before + 1, Count(await finance.GetStringAsync("/Summary?year=2026")));
        Assert.Contains("缓存测试项目", await finance.GetStringAsync("/Search?q=%E7%BC%93%E5%AD%98%E6%B5%8B%E8%AF%95"));
        Assert.Contains("缓存测试项目", await finance.GetStringAsync("/Review?year=2026&min=50&max=50"));
    }
}
