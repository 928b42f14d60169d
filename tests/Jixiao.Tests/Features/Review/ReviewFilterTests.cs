using AngleSharp.Html.Parser;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features.Review;

// The review list filters on the server by department, unit, status, quality score and money, keeps the
// filters in the address, and offers a unit box instead of a list once there are many units.
public class ReviewFilterTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Finance_filters_by_department_unit_status_score_and_money(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        await app.Db(async db =>
        {
            var dept = new SupervisingDepartment { Name = "市司法局" };
            var units = Enumerable.Range(1, 60).Select(n => new BudgetUnit { Name = $"司法所{n:00}", Code = $"S{n:000}", SupervisingDepartment = dept }).ToList();
            db.BudgetUnits.AddRange(units);
            await db.SaveChangesAsync();
            var status = new[] { ProjectStatus.Draft, ProjectStatus.Submitted, ProjectStatus.Approved };
            for (var n = 0; n < 6; n++)
                db.Projects.Add(new Project
                {
                    BudgetUnitId = units[n].Id, FiscalYear = 2026, Status = status[n % 3], QualityScore = 50 + n * 10,
                    Form = new ProjectForm { Name = $"调解项目{n}", Funding = new Funding { Total = (n + 1) * 100_000m } },
                });
            return await db.SaveChangesAsync();
        });
        var finance = await app.SignedIn("finance");
        var deptId = await app.Db(db => Task.FromResult(db.SupervisingDepartments.Single(d => d.Name == "市司法局").Id));

        var all = Names(await finance.GetStringAsync($"/Review?year=2026&dept={deptId}"));
        Assert.Equal(6, all.Count);
        Assert.DoesNotContain(all, n => n.StartsWith("信访"));

        // 60-odd units: found by name or code in a box, not picked from a list of thousands.
        var page = await finance.GetStringAsync("/Review?year=2026&unitq=S002");
        Assert.Contains("name=\"unitq\"", page);
        Assert.DoesNotContain("<select name=\"unit\"", page);
        Assert.Equal(["调解项目1"], Names(page));

        Assert.Equal(["调解项目1", "调解项目4"], Names(await finance.GetStringAsync($"/Review?year=2026&dept={deptId}&status=Submitted")).Order());
        // Score 70–90: projects 2, 3 and 4; money 30–40 万元 of them: 2 and 3.
        Assert.Equal(["调解项目2", "调解项目3", "调解项目4"], Names(await finance.GetStringAsync($"/Review?year=2026&dept={deptId}&min=70&max=90")).Order());
        Assert.Equal(["调解项目2", "调解项目3"], Names(await finance.GetStringAsync($"/Review?year=2026&dept={deptId}&min=70&max=90&from=30&to=40")).Order());

        // A supervising department sees its own few units as a list, and no department filter.
        Assert.Contains("<select name=\"dept\"", await finance.GetStringAsync("/Review?year=2026"));
        var own = await (await app.SignedIn("supervisor")).GetStringAsync("/Review?year=2026");
        Assert.Contains("<select name=\"unit\"", own);
        Assert.DoesNotContain("<select name=\"dept\"", own);
        Assert.DoesNotContain("调解项目", own);
    }

    static List<string> Names(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("td.name a").Select(a => a.TextContent.Trim()).Distinct().ToList();
}
