using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

public class ProjectPageTests
{
    // A project of 2026 written straight into the demo's 东城区信访局, as a test's starting point.
    static Task<int> AddToEast(TestApp app, ProjectForm form) => app.Db(async d =>
    {
        var project = new Project { BudgetUnit = await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局"), FiscalYear = 2026, Form = form };
        d.Add(project);
        await d.SaveChangesAsync();
        return project.Id;
    });

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_form_keeps_its_row_order_after_an_edit(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await AddToEast(app, new ProjectForm
        {
            Name = "排序测试项目",
            Funding = new Funding { SourceUnit = "万元", Total = 1_000_000m },
            Indicators = Enumerable.Range(1, 6).Select(n => new Indicator
            {
                Level1 = n <= 3 ? "产出指标" : "效益指标", Level2 = n <= 2 ? "数量指标" : n == 3 ? "质量指标" : "社会效益指标",
                Name = $"指标{n}号", AnnualTarget = TargetValue.Parse($"≥{90 + n}%"),
            }).ToList(),
        });
        // Rows rewritten in reverse: on PostgreSQL they now lie in the table opposite to their keys.
        await app.Db(async d =>
        {
            await d.Database.OpenConnectionAsync();
            await d.Database.ExecuteSqlAsync($"CREATE TEMP TABLE moved AS SELECT * FROM \"Indicators\" WHERE \"ProjectId\" = {id}");
            await d.Database.ExecuteSqlAsync($"DELETE FROM \"Indicators\" WHERE \"ProjectId\" = {id}");
            return await d.Database.ExecuteSqlRawAsync("INSERT INTO \"Indicators\" SELECT * FROM moved ORDER BY \"Key\" DESC");
        });
        await app.Db(async d =>
        {
            var p = d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(x => x.Id == id));
            p.Form.Indicators[0].Name = "指标1号（已修改）";
            return await d.SaveChangesAsync();
        });

        var html = await (await app.SignedIn("east-preparer")).GetStringAsync($"/Projects/{id}");

        var positions = new[] { "指标1号（已修改）", "指标2号", "指标3号", "指标4号", "指标5号", "指标6号" }.Select(n => html.IndexOf(n)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<td rowspan=\"3\" class=\"level\">产出指标</td>", html);
        Assert.Contains("<td rowspan=\"2\" class=\"level\">数量指标</td>", html);
        Assert.Contains("<td rowspan=\"3\" class=\"level\">社会效益指标</td>", html);
        // Stored in 元, shown in the form's own 万元.
        Assert.Contains("金额单位：万元", html);
        Assert.Contains(">100.00<", html);
    }

    // The page keeps what it read of a project until the project changes: a change of its rows written
    // without a new version, and a change of publication, both show at the next view.
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_page_shows_each_change_at_the_next_view(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await AddToEast(app, new ProjectForm { Name = "缓存页面项目", Indicators = [new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "旧的指标名称", AnnualTarget = TargetValue.Parse("≥95%") }] });
        var finance = await app.SignedIn("finance");
        var first = await finance.GetStringAsync($"/Projects/{id}");
        Assert.Contains("旧的指标名称", first);
        Assert.Contains("同意公开（在公开页面列出）", first);
        Assert.Contains("旧的指标名称", await finance.GetStringAsync($"/Projects/{id}"));

        var version = await app.Db(async d =>
        {
            var p = d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(x => x.Id == id));
            p.Form.Indicators[0].Name = "新的指标名称";
            await d.SaveChangesAsync();
            return p.Version;
        });
        var second = await finance.GetStringAsync($"/Projects/{id}");
        Assert.Contains("新的指标名称", second);
        Assert.DoesNotContain("旧的指标名称", second);
        Assert.Equal(1, version);

        await app.Db(async d =>
        {
            (await d.Projects.SingleAsync(x => x.Id == id)).MadePublic = true;
            return await d.SaveChangesAsync();
        });
        Assert.Contains("已同意公开（未批复）", await finance.GetStringAsync($"/Projects/{id}"));
        // Another unit's user is answered as before, whatever the page keeps.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await (await app.SignedIn("west-preparer")).GetAsync($"/Projects/{id}")).StatusCode);
    }

    // The steps and comments beside the form are kept under the database's change stamp, as is who was found
    // to see the project: a comment, a step or a unit moved to another department shows at the next view.
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Comments_steps_and_visibility_follow_every_change(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await AddToEast(app, new ProjectForm { Name = "旁注缓存项目" });
        var supervisor = await app.SignedIn("supervisor");
        var first = await supervisor.GetStringAsync($"/Projects/{id}");
        Assert.DoesNotContain("新加的审核意见", first);
        Assert.DoesNotContain("新加的审核意见", await supervisor.GetStringAsync($"/Projects/{id}"));

        await app.Db(async d =>
        {
            d.ReviewComments.Add(new ReviewComment { ProjectId = id, Version = 1, Text = "新加的审核意见", Author = "supervisor", Utc = DateTime.UtcNow });
            d.ProjectSteps.Add(new ProjectStep { ProjectId = id, Version = 1, Action = "submit", From = ProjectStatus.Draft, To = ProjectStatus.Draft, Utc = DateTime.UtcNow, UserName = "east-preparer", Comment = "新加的步骤说明" });
            return await d.SaveChangesAsync();
        });
        var second = await supervisor.GetStringAsync($"/Projects/{id}");
        Assert.Contains("新加的审核意见", second);
        Assert.Contains("新加的步骤说明", second);

        // The unit leaves the supervisor's department: the same page is now another department's.
        await app.Db(async d =>
        {
            var unit = await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局");
            var other = new SupervisingDepartment { Name = "另一主管部门" };
            d.SupervisingDepartments.Add(other);
            unit.SupervisingDepartment = other;
            return await d.SaveChangesAsync();
        });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await supervisor.GetAsync($"/Projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_self_evaluation_shows_execution_actuals_and_scores()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var path = Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", "selfeval-national.txt");
        var form = Jixiao.Forms.DocumentReader.Read(path);
        await app.ImportInto("东城区信访局", path, 2023);
        var id = await app.Db(d => d.Projects.Where(p => p.FiscalYear == 2023).Select(p => p.Id).SingleAsync());

        var html = await (await app.SignedIn("east-preparer")).GetStringAsync($"/Projects/{id}");

        var evaluation = form.Projects[0].SelfEvaluation!;
        Assert.Contains("绩效自评", html);
        Assert.Contains("<th>全年执行数</th>", html);
        Assert.Contains("<th>实际完成值</th>", html);
        Assert.Contains("<th>偏差原因分析及改进措施</th>", html);
        Assert.Contains($">{evaluation.TotalScore!.Value:0.##}<", html);
        Assert.Contains(evaluation.AnnualGoalActual!, html);
        Assert.All(form.Projects[0].Indicators.Where(i => i.Actual != null), i => Assert.Contains(i.Actual!.Raw, html));
    }

    [Fact]
    public async Task Form_level_findings_sit_beside_the_part_they_concern()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var id = await app.Db(async d =>
        {
            var unit = await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局");
            var project = new Project
            {
                BudgetUnit = unit, FiscalYear = 2026, FrameworkId = "national-2021",
                Form = new ProjectForm
                {
                    Name = "位置测试项目", StartDate = "2026-01-01", EndDate = "2026-12-31",
                    Funding = new Funding { SourceUnit = "元", Total = 100000m, Fiscal = 50000m, Other = 0m },
                    LongTermGoal = "全年规范接待来访群众。", AnnualGoal = "全年规范接待来访群众。",
                    Indicators =
                    [
                        new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "接待来访群众批次", AnnualTarget = TargetValue.Parse("≥100批次") },
                        new Indicator { Level1 = "效益指标", Level2 = "社会效益指标", Name = "信访积案化解率", AnnualTarget = TargetValue.Parse("≥80%") },
                        new Indicator { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "群众满意率", AnnualTarget = TargetValue.Parse("≥90%") },
                    ],
                },
            };
            d.Add(project);
            await d.SaveChangesAsync();
            return project.Id;
        });

        var html = await (await app.SignedIn("east-preparer")).GetStringAsync($"/Projects/{id}");

        int At(string text) => html.IndexOf(text, StringComparison.Ordinal);
        var money = At("与财政资金");
        Assert.True(At("<h2>项目资金") < money && money < At("<h2>绩效目标</h2>"), "the money finding sits under the money table");
        var goal = At("中长期目标与年度目标");
        Assert.True(At("<h2>绩效目标</h2>") < goal && goal < At("<h2>绩效指标</h2>"), "the goal finding sits under the goals");
    }

    [Fact]
    public async Task Text_from_a_form_is_escaped()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var id = await app.Db(async d =>
        {
            var unit = await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局");
            var project = new Project { BudgetUnit = unit, FiscalYear = 2026, Form = new() { Name = "<script>alert(1)</script>项目" } };
            d.Add(project);
            await d.SaveChangesAsync();
            return project.Id;
        });
        var html = await (await app.SignedIn("east-preparer")).GetStringAsync($"/Projects/{id}");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;项目", html);
    }
}
