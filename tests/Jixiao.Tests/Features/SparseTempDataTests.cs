using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

// A message carried over a redirect still arrives once; a page without one sends no temp-data cookie at all.
public class SparseTempDataTests
{
    const string Cookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    static IEnumerable<string> TempDataCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Where(v => v.StartsWith(Cookie)) : [];

    [Fact]
    public async Task The_project_page_sends_no_temp_data_cookie_unless_it_carries_a_message()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var id = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Code == "101002").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var client = await app.SignedIn("east-preparer");

        var plain = await client.GetAsync($"/Projects/{id}");
        Assert.Empty(TempDataCookies(plain));

        // A refused step comes back to the page with its reason (through the temp-data cookie), once.
        var refused = await PageForms.Post(client, $"/Projects/{id}", $"/Projects/{id}/Steps?handler=Step", new Dictionary<string, string> { ["action"] = "bogus" });
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("未知的操作", text);
        Assert.Single(TempDataCookies(refused)); // the page that showed it clears it
        var after = await client.GetAsync($"/Projects/{id}");
        Assert.DoesNotContain("未知的操作", await after.Content.ReadAsStringAsync());
        Assert.Empty(TempDataCookies(after));
    }
}
