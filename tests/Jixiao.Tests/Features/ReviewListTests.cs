using AngleSharp.Html.Parser;
using Jixiao.Domain.Review;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features;

public class ReviewListTests
{
    [Fact]
    public async Task The_review_list_names_rules_in_Chinese_and_opens_the_rest_of_a_projects_findings()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        await app.ImportInto("东城区信访局", Seeds.PathOf("001"), 2023);

        var html = await (await app.SignedIn("east-preparer")).GetStringAsync("/Review?year=2023");
        var doc = new HtmlParser().ParseDocument(html);

        // The rule filter shows each rule's title, never its code.
        var options = doc.QuerySelectorAll("select[name=rule] option").Skip(1).ToList();
        Assert.Equal(ReviewCatalog.Rules.Count, options.Count);
        Assert.All(options, o => Assert.DoesNotMatch("R\\d\\d", o.TextContent));
        Assert.Contains(options, o => o.TextContent == "指标值为空或占位" && o.GetAttribute("value") == "R01-empty-target");

        // Each row shows its first findings, errors first; "另有 N 项" counts the rest and opens the form,
        // where all of them stand. Together they are the project's stored findings.
        var stored = await app.Db(db => Task.FromResult(db.Projects.Where(p => p.FiscalYear == 2023 && p.BudgetUnit!.Name == "东城区信访局")
            .Select(p => new { p.Id, p.Findings.Count }).ToDictionary(p => p.Id, p => p.Count)));
        var rows = doc.QuerySelectorAll("table.review-list tbody tr");
        Assert.Equal(stored.Count, rows.Length);
        foreach (var row in rows)
        {
            var id = int.Parse(row.QuerySelector("td.name a")!.GetAttribute("href")!.Split('/').Last());
            var shown = row.QuerySelectorAll("td.matching .finding");
            Assert.True(shown.Length <= Jixiao.Features.Review.IndexModel.LinesPerRow);
            var more = row.QuerySelector("td.matching a.more");
            var rest = more == null ? 0 : int.Parse(System.Text.RegularExpressions.Regex.Match(more.TextContent, "\\d+").Value);
            Assert.Equal(stored[id], shown.Length + rest);
            if (more != null) Assert.Equal($"/Projects/{id}", more.GetAttribute("href"));
            var severities = shown.Select(f => f.ClassList.Contains("error") ? 0 : f.ClassList.Contains("warning") ? 1 : 2).ToList();
            Assert.Equal(severities.Order(), severities);
        }
        Assert.Contains(rows, r => r.QuerySelector("a.more") != null);
        // An indicator is named once per finding line.
        Assert.All(doc.QuerySelectorAll("td.matching .finding"), f => Assert.DoesNotMatch("“([^”]+)”.*“\\1”", f.TextContent));
    }
}
