using System.Net;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

// Addresses typed by hand with a year no budget has (0, 99999) are no page, as the unit overview already
// answers: the ledger's results and the unit's book used to show "0年" titles over empty pages.
public class YearAddressTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_year_out_of_range_is_404_on_the_ledger_and_the_book(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var unit = await app.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync());
        var client = await app.SignedIn("east-preparer");
        foreach (var year in new[] { 0, 1999, 2101, 99999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Ledger/{unit}/{year}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Units/Book?unit={unit}&year={year}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Units/Book?handler=File&to=docx&unit={unit}&year={year}")).StatusCode);
        }
        foreach (var year in new[] { 2000, 2100 })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Ledger/{unit}/{year}")).StatusCode);
        Assert.Contains("东城区信访局 2026年信访事项台账", await client.GetStringAsync($"/Ledger/{unit}/2026"));
        Assert.Contains("东城区信访局2026年度项目支出绩效目标", await client.GetStringAsync($"/Units/Book?unit={unit}&year=2026"));
    }
}
