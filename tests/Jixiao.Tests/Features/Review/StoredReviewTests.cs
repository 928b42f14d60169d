using System.CommandLine;
using System.Text.Json;
using Jixiao.Features.Review;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Review;

public class StoredReviewTests
{
    [Fact]
    public async Task Check_reviews_a_stored_project_by_id()
    {
        await using var test = await TestDatabase.Create("sqlite");
        int id;
        string folder;
        await using (var app = await TestApp.Start(test, demo: true))
        {
            id = await app.Db(d => d.Projects.Where(p => p.Form.Name == "人民调解与律师参与信访服务").Select(p => p.Id).SingleAsync());
            folder = app.DataFolder;
        }

        var (exit, output, _) = await Check("--project", id.ToString(), "--json", "--data", folder);

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement;
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("indicator").GetString() == "社会矛盾化解效果"
                                       && f.GetProperty("message").GetString()!.Contains("良好"));
        Assert.All(findings, f => Assert.Equal("人民调解与律师参与信访服务", f.GetProperty("project").GetString()));
        Assert.InRange(report.GetProperty("score").GetInt32(), 0, 99);

        (exit, _, var error) = await Check("--project", "9999", "--data", folder);
        Assert.Equal(2, exit);
        Assert.Contains("找不到编号为 9999 的项目", error);
    }

    [Fact]
    public async Task The_project_page_shows_each_finding_beside_its_row()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var id = await app.Db(d => d.Projects.Where(p => p.Form.Name == "人民调解与律师参与信访服务").Select(p => p.Id).SingleAsync());

        var html = await (await app.SignedIn("west-preparer")).GetStringAsync($"/Projects/{id}");

        Assert.Contains("自动审核：", html);
        var row = html.IndexOf("<td>社会矛盾化解效果</td>", StringComparison.Ordinal);
        var finding = html.IndexOf("“社会矛盾化解效果”", StringComparison.Ordinal);
        var nextRow = html.IndexOf("<td>当事人满意度</td>", StringComparison.Ordinal);
        Assert.True(row > 0 && finding > row && finding < nextRow, "finding must sit right under its indicator row");
        Assert.Contains("建议：", html);
        Assert.Contains("依据：", html);
    }

    [Fact]
    public async Task Reviewers_list_forms_by_quality_and_filter_by_rule_and_severity()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var supervisor = await app.SignedIn("supervisor");

        var all = await supervisor.GetStringAsync("/Review?year=2026");
        var names = new[] { "信访接待与矛盾排查调处经费", "网上信访系统运维", "信访救助资金", "人民调解与律师参与信访服务" };
        Assert.All(names, n => Assert.Contains(n, all));
        // Worst first: a vague “提高” (an error) and a cost equal to the budget (a warning) come before a lone warning.
        Assert.True(all.IndexOf("网上信访系统运维", StringComparison.Ordinal) < all.IndexOf("人民调解与律师参与信访服务", StringComparison.Ordinal));

        var errors = await supervisor.GetStringAsync("/Review?year=2026&severity=Error");
        Assert.Contains("网上信访系统运维", errors);
        Assert.DoesNotContain("人民调解与律师参与信访服务", errors);

        var byRule = await supervisor.GetStringAsync("/Review?year=2026&rule=R13-cost-equals-budget");
        Assert.Contains("网上信访系统运维", byRule);
        Assert.DoesNotContain("信访接待与矛盾排查调处经费", byRule);

        var unitUser = await app.SignedIn("east-preparer");
        var own = await unitUser.GetStringAsync("/Review?year=2026");
        Assert.Contains("网上信访系统运维", own);
        Assert.DoesNotContain("信访救助资金", own);
    }

    // The summary sentence of seed 001 ("项目 5 个，涉及项目预算资金 291.42 万元") is kept with the unit's year,
    // so a project that goes missing later is noticed against it.
    [Fact]
    public async Task A_units_year_is_checked_against_its_declarations_summary()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var unitId = await app.ImportInto("东城区信访局", Seeds.PathOf("001"), 2023);
        var supervisor = await app.SignedIn("supervisor");
        var url = $"/Review?year=2023&unit={unitId}";
        Assert.DoesNotContain("单位整体", await supervisor.GetStringAsync(url));
        // The project list shows what the declaration said of the unit as a whole.
        var list = await supervisor.GetStringAsync("/?year=2023");
        Assert.Contains("申报文件：" + Path.GetFileName(Seeds.PathOf("001")), list);
        Assert.Contains("涉及项目预算资金 291.42 万元", list);

        await app.Db(d => d.Projects.Where(p => p.Form.Name == "宣传与推广").ExecuteDeleteAsync());

        var html = await supervisor.GetStringAsync(url);
        Assert.Contains("单位整体", html);
        Assert.Contains("291.42", html);
    }

    static async Task<(int Exit, string Out, string Err)> Check(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CheckCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
