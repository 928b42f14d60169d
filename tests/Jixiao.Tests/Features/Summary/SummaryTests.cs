using AngleSharp.Html.Parser;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features.Summary;

// The year at a glance: finance per department, then a department per unit, each figure a link into the
// filtered review list; a supervising department sees only its own units; a unit sees no summary.
public class SummaryTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Counts_money_and_scores_per_department_and_unit_drill_down_to_the_list(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var deptId = await app.Db(async db =>
        {
            var dept = new SupervisingDepartment { Name = "市司法局" };
            var a = new BudgetUnit { Name = "司法所甲", SupervisingDepartment = dept };
            var b = new BudgetUnit { Name = "司法所乙", SupervisingDepartment = dept };
            db.AddRange(a, b);
            db.Projects.AddRange(
                new Project { BudgetUnit = a, FiscalYear = 2026, Status = ProjectStatus.Approved, QualityScore = 90, Form = new() { Name = "甲一", Funding = new() { Total = 150_000m } } },
                new Project { BudgetUnit = a, FiscalYear = 2026, Status = ProjectStatus.Draft, QualityScore = 70, Form = new() { Name = "甲二", Funding = new() { Total = 50_000.50m } } },
                new Project { BudgetUnit = b, FiscalYear = 2026, Status = ProjectStatus.Returned, QualityScore = 40, Form = new() { Name = "乙一" } },
                new Project { BudgetUnit = b, FiscalYear = 2025, Status = ProjectStatus.Approved, QualityScore = 10, Form = new() { Name = "乙去年" } });
            await db.SaveChangesAsync();
            return dept.Id;
        });
        var finance = await app.SignedIn("finance");

        var departments = Rows(await finance.GetStringAsync("/Summary?year=2026"));
        var row = departments.Single(r => r[0] == "市司法局");
        // 3 projects of 2026: 1 draft, 1 approved, 1 returned; 200,000.50 元 = 20.00 万元; mean score (90+70+40)/3.
        Assert.Equal("3", row[1]);
        Assert.Equal("20.00", row[^3]);
        Assert.Equal("66.7", row[^2]);
        Assert.Contains(departments, r => r[0] == "区人民政府办公室");

        var html = await finance.GetStringAsync($"/Summary?year=2026&dept={deptId}");
        var units = Rows(html);
        Assert.Equal(["司法所乙", "司法所甲"], units.Select(r => r[0]));   // worst average first
        Assert.Contains($"/Review?year=2026&amp;unit=", html);
        Assert.Contains("&amp;status=Returned", html);

        // The supervising department of the demo sees its own two bureaus and nothing of 市司法局.
        var own = await (await app.SignedIn("supervisor")).GetStringAsync($"/Summary?year=2026&dept={deptId}");
        Assert.DoesNotContain("司法所", own);
        Assert.Contains("东城区信访局", own);

        var preparer = await app.SignedIn("east-preparer");
        Assert.Equal("/Account/Denied", (await preparer.GetAsync("/Summary")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    static List<string[]> Rows(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("table.summary-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
}
