using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

// A reviewer with more forms waiting than one page holds reaches the rest through the pager's links.
public class DeskPagingTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_desk_s_second_page_shows_the_forms_after_the_first_twenty(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        // 25 forms submitted by the east bureau, oldest first: all wait for its head.
        await app.Db(async d =>
        {
            var unit = await d.BudgetUnits.SingleAsync(u => u.Code == "101002");
            var since = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
            for (var n = 1; n <= 25; n++)
                d.Projects.Add(new Project
                {
                    BudgetUnitId = unit.Id, FiscalYear = 2026, Status = ProjectStatus.Submitted, UpdatedUtc = since.AddMinutes(n),
                    Form = new ProjectForm { Name = $"待确认项目{n:00}" },
                });
            await d.SaveChangesAsync();
            return 0;
        });
        var head = await app.SignedIn("east-head");

        var first = await head.GetStringAsync("/Desk");
        Assert.Contains("等待我审核（25）", first);
        Assert.Contains("共 25 项，第 1 / 2 页", first);
        Assert.Contains("待确认项目01", first);
        Assert.Contains("待确认项目20", first);
        Assert.DoesNotContain("待确认项目21", first);
        Assert.Contains("href=\"?p=2\"", first);

        var second = await head.GetStringAsync("/Desk?p=2");
        Assert.Contains("共 25 项，第 2 / 2 页", second);
        Assert.Contains("待确认项目21", second);
        Assert.Contains("待确认项目25", second);
        Assert.DoesNotContain("待确认项目20", second);
        // Past the last page: the last page.
        Assert.Contains("待确认项目25", await head.GetStringAsync("/Desk?p=9"));
    }
}
