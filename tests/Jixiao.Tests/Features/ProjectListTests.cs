using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

// The project list of someone who sees many units (finance) comes a page of units at a time.
public class ProjectListTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Finance_sees_units_a_page_at_a_time_and_finds_one_by_name_or_code(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        await app.Db(db =>
        {
            db.BudgetUnits.AddRange(Enumerable.Range(1, 23).Select(n => new BudgetUnit { Name = $"测试第{n:00}信访局", Code = $"T{n:000}" }));
            return db.SaveChangesAsync();
        });
        var finance = await app.SignedIn("finance");

        var first = await finance.GetStringAsync("/?year=2026");
        Assert.Contains("共 25 项，第 1 / 2 页", first);
        Assert.Contains("东城区信访局", first);
        Assert.DoesNotContain("测试第23信访局", first);
        var second = await finance.GetStringAsync("/?year=2026&p=2");
        Assert.Contains("测试第23信访局", second);
        Assert.DoesNotContain("东城区信访局", second);

        var byCode = await finance.GetStringAsync("/?year=2026&q=T007");
        Assert.Contains("测试第07信访局", byCode);
        Assert.DoesNotContain("测试第08信访局", byCode);
        var byName = await finance.GetStringAsync("/?year=2026&q=西城");
        Assert.Contains("西城区信访局", byName);
        Assert.DoesNotContain("东城区信访局", byName);

        // A unit's own user still sees only its unit, with no search to make.
        var preparer = await app.SignedIn("east-preparer");
        var own = await preparer.GetStringAsync("/?year=2026");
        Assert.DoesNotContain("测试第01信访局", own);
        Assert.DoesNotContain("aria-label=\"查找单位\"", own);
    }
}
