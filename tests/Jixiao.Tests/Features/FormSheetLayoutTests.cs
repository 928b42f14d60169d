using AngleSharp.Html.Parser;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

// The indicator table of the project page: finding rows under an indicator inside a merged 一级/二级 group
// must not push the columns of the rows after them (seeds 000 and 001 have such rows).
public class FormSheetLayoutTests
{
    [Theory]
    [InlineData("000", 2018)]
    [InlineData("001", 2023)]
    public async Task Every_row_of_the_indicator_table_has_the_same_columns(string seed, int year)
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        await app.ImportInto("东城区信访局", Seeds.PathOf(seed), year);
        var ids = await app.Db(d => d.Projects.Where(p => p.FiscalYear == year).Select(p => p.Id).ToListAsync());
        var client = await app.SignedIn("east-preparer");
        var findingRows = 0;
        foreach (var id in ids)
        {
            var html = await client.GetStringAsync($"/Projects/{id}");
            var table = new HtmlParser().ParseDocument(html).QuerySelector("table.indicators");
            if (table == null) continue;
            var widths = Widths(table);
            Assert.True(widths.Distinct().Count() == 1, $"project {id}: row widths {string.Join(",", widths)}");
            findingRows += table.QuerySelectorAll("tr.finding-row").Length;
            // The indicator is named once in its finding, not twice.
            foreach (var row in table.QuerySelectorAll("tr.finding-row"))
                Assert.DoesNotMatch("“([^”]+)”.*“\\1”", row.TextContent);
        }
        Assert.True(findingRows > 0, "the seed's projects have findings on their indicators");
    }

    // The number of grid columns each row fills, with cells of earlier rows reaching down by rowspan.
    static List<int> Widths(AngleSharp.Dom.IElement table)
    {
        var reaching = new List<int>();   // for each column: how many more rows a cell above still covers
        var widths = new List<int>();
        foreach (var tr in table.QuerySelectorAll("tr"))
        {
            var covered = reaching.Count(r => r > 0);
            var own = tr.Children.Sum(c => int.TryParse(c.GetAttribute("colspan"), out var span) ? span : 1);
            widths.Add(covered + own);
            // Columns whose cover ends here free up; this row's cells with rowspan start covering the next rows.
            var next = reaching.Select(r => Math.Max(0, r - 1)).ToList();
            var column = 0;
            foreach (var cell in tr.Children)
            {
                while (column < reaching.Count && reaching[column] > 0) column++;
                var colspan = int.TryParse(cell.GetAttribute("colspan"), out var c) ? c : 1;
                var rowspan = int.TryParse(cell.GetAttribute("rowspan"), out var r) ? r : 1;
                for (var k = 0; k < colspan; k++, column++)
                {
                    while (next.Count <= column) next.Add(0);
                    next[column] = Math.Max(next[column], rowspan - 1);
                }
            }
            reaching = next;
        }
        return widths;
    }
}
