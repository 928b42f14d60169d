using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features.Review;

// The review list pages by keyset (the page after the last row shown, before the first one): walking the
// pages forward and back shows every project once, in the list's order, with ties on score across page
// boundaries, unscored projects first, and with the filters kept on every link.
public class ReviewPagingTests
{
    const int Year = 2031;

    // 131 projects of one department over 20 units: 4 unscored, the rest on three scores (ties across
    // pages), names repeated across units (ties on name, decided by id); every other one has an R01 error.
    static async Task<(int Department, List<(int Id, int? Score, bool R01)> Projects)> Seed(TestApp app) =>
        await app.Db(async db =>
        {
            var dept = new SupervisingDepartment { Name = "市民政局" };
            var units = Enumerable.Range(1, 20).Select(n => new BudgetUnit { Name = $"救助站{n:00}", Code = $"M{n:000}", SupervisingDepartment = dept }).ToList();
            db.BudgetUnits.AddRange(units);
            await db.SaveChangesAsync();
            var added = new List<Project>();
            for (var n = 0; n < 131; n++)
            {
                var project = new Project
                {
                    BudgetUnitId = units[n % 20].Id, FiscalYear = Year, Status = ProjectStatus.Draft,
                    QualityScore = n < 4 ? null : 60 + n % 3 * 10,
                    Form = new ProjectForm { Name = $"救助项目{n / 20:00}" },
                    Findings = n % 2 == 0
                        ? [new StoredFinding { Rule = "R01-empty-target", Severity = Severity.Error, Message = $"指标值为空{n}" }]
                        : [new StoredFinding { Rule = "R05-vague-number", Severity = Severity.Warning, Message = $"无法衡量{n}" }],
                };
                db.Projects.Add(project);
                added.Add(project);
            }
            await db.SaveChangesAsync();
            return (dept.Id, added.Select((p, n) => (p.Id, p.QualityScore, n % 2 == 0)).ToList());
        });

    sealed record Page(List<(int Id, int Score)> Rows, string? Next, string? Previous, string? First, string? Last, string Status);

    static Page Read(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        var rows = doc.QuerySelectorAll("table.review-list tbody tr").Select(tr => (
            int.Parse(tr.QuerySelector("td.name a")!.GetAttribute("href")!.Split('/').Last()),
            int.Parse(tr.QuerySelector("td[data-label=质量分]")!.TextContent))).ToList();
        string? Link(string text) => doc.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent == text)?.GetAttribute("href") is { } href
            ? "/Review" + System.Net.WebUtility.HtmlDecode(href) : null;
        return new(rows, Link("下一页"), Link("上一页"), Link("首页"), Link("末页"), doc.QuerySelector("nav.pager span")?.TextContent ?? "");
    }

    static async Task<List<Page>> Walk(HttpClient client, string start, Func<Page, string?> step)
    {
        var pages = new List<Page>();
        for (var url = start; url != null && pages.Count < 20; url = step(pages[^1]))
            pages.Add(Read(await client.GetStringAsync(url)));
        return pages;
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pages_forward_and_back_show_every_project_once_in_order(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var (dept, projects) = await Seed(app);
        var finance = await app.SignedIn("finance");
        var start = $"/Review?year={Year}&dept={dept}";

        var forward = await Walk(finance, start, p => p.Next);
        Assert.Equal([50, 50, 31], forward.Select(p => p.Rows.Count));
        Assert.Equal(["共 131 项，第 1 / 3 页", "共 131 项，第 2 / 3 页", "共 131 项，第 3 / 3 页"], forward.Select(p => p.Status));
        var ids = forward.SelectMany(p => p.Rows).Select(r => r.Id).ToList();
        Assert.Equal(projects.Select(p => p.Id).Order(), ids.Order());
        // Unscored first (shown as 0), then worst first; the boundary of pages 1 and 2 falls inside score 70
        // (4 unscored, 42 at 60, then 70s).
        var scores = forward.SelectMany(p => p.Rows).Select(r => r.Score).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.Equal(projects.Where(p => p.Score == null).Select(p => p.Id).Order(), ids.Take(4).Order());
        Assert.Equal(70, forward[0].Rows[^1].Score);
        Assert.Equal(70, forward[1].Rows[0].Score);
        Assert.Null(forward[0].Previous);
        Assert.Null(forward[^1].Next);

        // From the last page back to the first: the same pages, the same rows in the same order.
        var backward = await Walk(finance, forward[0].Last!, p => p.Previous);
        backward.Reverse();
        Assert.Equal(forward.Select(p => p.Rows.Select(r => r.Id).ToList()), backward.Select(p => p.Rows.Select(r => r.Id).ToList()));
        Assert.Equal(forward.Select(p => p.Status), backward.Select(p => p.Status));

        // Next, then previous, is the page one started from; an address with only a page number (an old
        // bookmark) shows the same rows as the keyset link to that page.
        var second = Read(await finance.GetStringAsync(forward[0].Next!));
        Assert.Equal(forward[0].Rows, Read(await finance.GetStringAsync(second.Previous!)).Rows);
        Assert.Equal(forward[1].Rows, Read(await finance.GetStringAsync(start + "&p=2")).Rows);
        Assert.Equal(forward[2].Rows, Read(await finance.GetStringAsync(start + "&p=3")).Rows);
        // A row that is not there (deleted, or another unit's) starts from the first page.
        Assert.Equal(forward[0].Rows, Read(await finance.GetStringAsync(start + "&after=999999&p=2")).Rows);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Filters_stay_on_every_page_link(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var (dept, projects) = await Seed(app);
        var finance = await app.SignedIn("finance");

        // Scored with an R01 error: 64 projects, two pages.
        var expected = projects.Where(p => p.Score >= 60 && p.R01).Select(p => p.Id).Order().ToList();
        Assert.Equal(64, expected.Count);
        var start = $"/Review?year={Year}&dept={dept}&min=60&rule=R01-empty-target&severity=Error";
        var forward = await Walk(finance, start, p => p.Next);
        Assert.Equal(2, forward.Count);
        Assert.Equal(expected, forward.SelectMany(p => p.Rows).Select(r => r.Id).Order());
        Assert.All(forward.Where(p => p.Next != null), p => Assert.Contains("rule=R01-empty-target", p.Next));
        Assert.All(forward.Where(p => p.Next != null), p => Assert.Contains($"dept={dept}", p.Next));
        Assert.All(forward.Where(p => p.Next != null), p => Assert.Contains("min=60", p.Next));

        var narrow = await Walk(finance, $"/Review?year={Year}&dept={dept}&min=70&max=70&rule=R01-empty-target", p => p.Next);
        Assert.Equal(projects.Where(p => p.Score == 70 && p.R01).Select(p => p.Id).Order(), narrow.SelectMany(p => p.Rows).Select(r => r.Id).Order());
        Assert.Single(narrow);
        Assert.Null(narrow[0].Next);
    }
}
