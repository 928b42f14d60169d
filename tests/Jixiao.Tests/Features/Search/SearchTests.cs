using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features.Search;

// The header's search on both engines: by name, code, goal words, indicator names and pinyin initials,
// grouped, paged, and never beyond what the user may see.
public class SearchTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Finds_projects_indicators_and_units_by_words_code_and_initials(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var finance = await app.SignedIn("finance");

        var byName = await Projects(finance, "救助");
        Assert.Contains("信访救助资金", byName);
        Assert.DoesNotContain("网上信访系统运维", byName);

        // Code, a run of digits from its middle, and words that occur only in the goals.
        Assert.Contains("网上信访系统运维", await Projects(finance, "11010126P000102"));
        Assert.Contains("网上信访系统运维", await Projects(finance, "p000102"));
        Assert.Contains("网上信访系统运维", await Projects(finance, "正常运行率"));
        // Pinyin initials of the name: 网上信访 → wsxf; several words must all occur.
        Assert.Contains("网上信访系统运维", await Projects(finance, "wsxf"));
        var both = await Projects(finance, "信访 救助");
        Assert.Contains("信访救助资金", both);
        Assert.DoesNotContain("网上信访系统运维", both);

        var page = await finance.GetStringAsync("/Search?q=" + Uri.EscapeDataString("及时受理率"));
        Assert.Contains("信访事项及时受理率", Section(page, "indicators"));
        var units = Section(await finance.GetStringAsync("/Search?q=xcq"), "units");
        Assert.Contains("西城区信访局", units);
        Assert.DoesNotContain("东城区信访局", units);

        var nothing = await finance.GetStringAsync("/Search?q=" + Uri.EscapeDataString("航天发射"));
        Assert.Contains("没有找到包含“航天发射”的项目、指标或单位。", nothing);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_unit_user_never_finds_another_units_rows(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var east = await app.SignedIn("east-preparer");

        var all = await east.GetStringAsync("/Search?q=" + Uri.EscapeDataString("信访"));
        Assert.Contains("信访接待与矛盾排查调处经费", all);
        Assert.DoesNotContain("信访救助资金", all);
        Assert.DoesNotContain("西城区信访局", all);
        Assert.DoesNotContain("律师", all);
        Assert.Contains("（0 个）", Section(await east.GetStringAsync("/Search?q=jz"), "projects"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_group_pages_and_follows_every_change_of_a_project(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var unitId = await app.Db(async db =>
        {
            var unit = new BudgetUnit { Name = "测试信访局", Code = "T001" };
            db.BudgetUnits.Add(unit);
            await db.SaveChangesAsync();
            for (var n = 1; n <= 25; n++)
                db.Projects.Add(new Project { BudgetUnitId = unit.Id, FiscalYear = 2026, Form = new ProjectForm { Name = $"矛盾纠纷化解第{n:00}项" } });
            await db.SaveChangesAsync();
            return unit.Id;
        });
        var finance = await app.SignedIn("finance");

        var first = await finance.GetStringAsync("/Search?kind=project&q=" + Uri.EscapeDataString("纠纷化解"));
        Assert.Contains("（25 个）", first);
        Assert.Contains("共 25 项，第 1 / 2 页", first);
        var second = await finance.GetStringAsync("/Search?kind=project&p=2&q=" + Uri.EscapeDataString("纠纷化解"));
        Assert.Contains("矛盾纠纷化解第25项", second);
        Assert.DoesNotContain("矛盾纠纷化解第01项", second);

        // Renamed, the project is found by its new name only; deleted, not at all.
        await app.Db(async db =>
        {
            var p = db.Projects.Single(x => x.BudgetUnitId == unitId && x.Form.Name == "矛盾纠纷化解第01项");
            p.Form.Name = "法律援助服务";
            await db.SaveChangesAsync();
            db.Projects.Remove(db.Projects.Single(x => x.BudgetUnitId == unitId && x.Form.Name == "矛盾纠纷化解第02项"));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("（23 个）", await Projects(finance, "纠纷化解"));
        Assert.Contains("法律援助服务", await Projects(finance, "flyz"));
    }

    [Fact]
    public void Text_becomes_one_token_per_character_and_initials()
    {
        Assert.Equal("信 访 2 0 2 6 a b", SearchText.Tokens("信访（２０２６）", "AB"));
        Assert.Equal("x f j z", SearchText.InitialTokens("信访救助"));
        Assert.Equal("", SearchText.Tokens(null, "，。"));
        var words = SearchText.Words(" 信访，救助  ");
        Assert.Equal(2, words.Count);
        Assert.Equal(["信", "访"], words[0]);
        Assert.Empty(SearchText.Words("，。 "));
    }

    static async Task<string> Projects(HttpClient client, string q) =>
        Section(await client.GetStringAsync("/Search?q=" + Uri.EscapeDataString(q)), "projects");

    static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"结果中没有 {id} 一组");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
