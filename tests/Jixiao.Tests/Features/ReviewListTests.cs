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

        // "另有 N 项" opens the remaining findings in place, with a link to the form.
        var more = doc.QuerySelectorAll("details.more");
        Assert.NotEmpty(more);
        foreach (var d in more)
        {
            var count = int.Parse(System.Text.RegularExpressions.Regex.Match(d.QuerySelector("summary")!.TextContent, "\\d+").Value);
            Assert.Equal(count, d.QuerySelectorAll(".finding").Length);
            Assert.StartsWith("/Projects/", d.QuerySelector("a")!.GetAttribute("href"));
        }
        // An indicator is named once per finding line.
        Assert.All(doc.QuerySelectorAll("td.matching .finding"), f => Assert.DoesNotMatch("“([^”]+)”.*“\\1”", f.TextContent));
    }
}
