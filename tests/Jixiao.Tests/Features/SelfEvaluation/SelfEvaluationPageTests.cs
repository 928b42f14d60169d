using System.Net;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Projects;
using Jixiao.Features.SelfEvaluations;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.SelfEvaluations;

// The 绩效自评 page of an approved project, on both databases: filled, scored, saved through
// SelfEvaluationStore, with causes enforced and other units and roles kept out.
public class SelfEvaluationPageTests
{
    internal const string EastUnit = "东城区信访局";

    // Seed 004 (乌海 信访储备金, 600,000元) imported into 东城区信访局 and approved.
    internal static async Task<int> ApprovedSeed(TestApp app)
    {
        await app.ImportInto(EastUnit, Seeds.PathOf("004"), 2021);
        return await app.Db(async d =>
        {
            var p = await d.Projects.SingleAsync(x => x.Form.Name == "信访储备金" && x.FiscalYear == 2021);
            p.Status = ProjectStatus.Approved;
            p.ApprovedVersion = p.Version;
            await d.SaveChangesAsync();
            return p.Id;
        });
    }

    internal static Task<List<Indicator>> RowsOf(TestApp app, int id) => app.Db(async d =>
    {
        var p = await d.Projects.AsSplitQuery().SingleAsync(x => x.Id == id);
        return d.InFormOrder(p).Form.Indicators;
    });

    // The page's fields for seed 004: the same actuals as the `jixiao score` test, with causes where marks are lost.
    internal static async Task<Dictionary<string, string>> Filled(TestApp app, int id, int version, bool causes = true, string qualitativeScore = "9")
    {
        var rows = await RowsOf(app, id);
        string[] actuals = ["2起", "99%", "部分达成", "1.5元/人", "达成", "达成", "1年", "93.1%"];
        string?[] scores = [null, null, qualitativeScore, null, "10", "8", null, null];
        var f = new Dictionary<string, string> { ["Version"] = version.ToString(), ["GoalActual"] = "全年解决信访问题2起，资金按标准发放。" };
        for (var k = 0; k < rows.Count; k++)
        {
            f[$"Rows[{k}].Id"] = rows[k].Id!.Value.ToString();
            f[$"Rows[{k}].Actual"] = actuals[k];
            if (scores[k] is { } s) f[$"Rows[{k}].Score"] = s;
            if (causes && k is 0 or 2 or 5 or 7) f[$"Rows[{k}].Cause"] = "部分问题跨年度化解，下年度提前排查。";
        }
        string[] items = ["AnnualRequest", "Appropriation", "CarryOver", "Other"];
        for (var k = 0; k < items.Length; k++) f[$"Money[{k}].Item"] = items[k];
        f["Money[0].InitialBudget"] = "600000";
        f["Money[0].AnnualBudget"] = "600000";
        f["Money[0].Executed"] = "552000";
        f["Money[1].AnnualBudget"] = "600000";
        f["Money[1].Executed"] = "552000";
        return f;
    }

    static string Page(int id) => $"/Projects/{id}/SelfEvaluation";

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_preparer_fills_and_saves_a_self_evaluation(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await ApprovedSeed(app);
        var before = await app.Db(d => d.Projects.SingleAsync(p => p.Id == id));
        var client = await app.SignedIn("east-preparer");

        var html = await client.GetStringAsync(Page(id));
        Assert.Contains("项目支出绩效自评表", html);
        Assert.Contains("偏差原因分析及改进措施", html);
        Assert.Contains("全年解决信访问题数量", html);
        Assert.Contains("value=\"600000\"", html);   // the approved funding starts the money block

        var response = await PageForms.Post(client, Page(id), Page(id), await Filled(app, id, before.Version));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("绩效自评已保存", body);

        var saved = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)));
        var rows = saved.Form.Indicators;
        // 8.33 + 12.5 + 9 + 12.5 + 10 + 8 + 10 + 9.8 = 80.13, execution 9.2: 89.33 → 良 (as `jixiao score`).
        Assert.Equal<decimal?>([8.33m, 12.5m, 9m, 12.5m, 10m, 8m, 10m, 9.8m], rows.Select(r => r.Score));
        Assert.Equal(["2起", "99%", "部分达成", "1.5元/人", "达成", "达成", "1年", "93.1%"], rows.Select(r => r.Actual!.Raw));
        Assert.Equal("部分问题跨年度化解，下年度提前排查。", rows[0].DeviationCause);
        Assert.Null(rows[1].DeviationCause);
        var e = saved.Form.SelfEvaluation!;
        Assert.Equal((89.33m, 100m, EvaluationGrade.Good), (e.TotalScore!.Value, e.TotalPoints!.Value, e.Grade!.Value));
        var total = e.Execution.Single(x => x.Item == FundingItem.AnnualRequest);
        Assert.Equal((600000m, 552000m, 92m, 10m, 9.2m), (total.AnnualBudget!.Value, total.Executed!.Value, total.BudgetExecutionRate!.Value, total.Points!.Value, total.Score!.Value));
        Assert.Equal("全年解决信访问题2起，资金按标准发放。", e.AnnualGoalActual);
        // Targets stay as approved; the status stays approved; the state before is kept as a version.
        Assert.Equal(before.Form.Indicators.Select(i => i.AnnualTarget?.Raw).Order(), rows.Select(i => i.AnnualTarget?.Raw).Order());
        Assert.Equal((ProjectStatus.Approved, before.Version + 1, "绩效自评", "east-preparer"),
            (saved.Status, saved.Version, saved.ChangeReason, saved.UpdatedBy));
        Assert.True(await app.Db(d => d.ProjectVersions.AnyAsync(v => v.ProjectId == id && v.Version == before.Version)));

        // The page shows the saved scores.
        html = await client.GetStringAsync(Page(id));
        Assert.Contains("data-total>89.33<", html);
        Assert.Contains("data-grade>良<", html);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Causes_and_bands_are_enforced_with_located_messages(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await ApprovedSeed(app);
        var version = await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var client = await app.SignedIn("east-head");

        var body = await PageForms.PostText(client, Page(id), Page(id), await Filled(app, id, version, causes: false));
        Assert.Contains("第1行“全年解决信访问题数量”：扣分（得分8.33，分值12.5），请填写偏差原因分析及改进措施", body);
        Assert.Contains("第8行“信访人员满意度”：扣分（得分9.8，分值10），请填写偏差原因分析及改进措施", body);
        Assert.DoesNotContain("第2行“信访问题解决完成率”：扣分", body);

        body = await PageForms.PostText(client, Page(id), Page(id), await Filled(app, id, version, qualitativeScore: "11"));
        Assert.Contains("第3行“及时解决信访突出问题”：“及时解决信访突出问题”评为“部分达成”，得分应在7.5–10分之间", body);

        var bad = await Filled(app, id, version);
        bad["Rows[1].Actual"] = "很好";
        bad["Money[0].Executed"] = "五十万";
        body = await PageForms.PostText(client, Page(id), Page(id), bad);
        Assert.Contains("第2行“信访问题解决完成率”：实际完成值“很好”应为数值", body);
        Assert.Contains("年度资金总额 · 全年执行数：“五十万”应为金额（元）", body);

        // A stale version is refused.
        body = await PageForms.PostText(client, Page(id), Page(id), await Filled(app, id, version - 1));
        Assert.Contains("项目已被他人修改", body);

        Assert.Equal(version, await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
    }

    [Fact]
    public async Task The_score_handler_scores_as_typed_and_stores_nothing()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var id = await ApprovedSeed(app);
        var version = await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var client = await app.SignedIn("east-preparer");

        var fields = await Filled(app, id, version, causes: false);
        var json = JsonDocument.Parse(await PageForms.PostText(client, Page(id), Page(id) + "?handler=Score", fields)).RootElement;
        Assert.Equal(89.33m, json.GetProperty("total").GetDecimal());
        Assert.Equal("良", json.GetProperty("grade").GetString());
        Assert.Equal(9.2m, json.GetProperty("execution").GetProperty("score").GetDecimal());
        Assert.Equal(92m, json.GetProperty("money")[0].GetProperty("rate").GetDecimal());
        var first = json.GetProperty("rows")[0];
        Assert.Equal((8.33m, 12.5m, true), (first.GetProperty("score").GetDecimal(), first.GetProperty("points").GetDecimal(), first.GetProperty("causeRequired").GetBoolean()));
        Assert.Equal(4, json.GetProperty("errors").GetArrayLength());   // rows 1, 3, 6, 8 lack their cause
        Assert.Equal(version, await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
    }

    [Fact]
    public async Task Other_units_get_404_and_reviewers_only_read()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var id = await ApprovedSeed(app);
        var version = await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var fields = await Filled(app, id, version);

        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync(Page(id))).StatusCode);
        var token = TestApp.AntiforgeryToken(await west.GetStringAsync("/"));
        fields["__RequestVerificationToken"] = token;
        Assert.Equal(HttpStatusCode.NotFound, (await west.PostAsync(Page(id), new FormUrlEncodedContent(fields))).StatusCode);

        var supervisor = await app.SignedIn("supervisor");
        var html = await supervisor.GetStringAsync(Page(id));
        Assert.Contains("此处仅供查看", html);
        Assert.DoesNotContain("保存绩效自评", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageForms.Post(supervisor, Page(id), Page(id), fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageForms.Post(supervisor, Page(id), Page(id) + "?handler=Score", fields)).StatusCode);
        var finance = await app.SignedIn("finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await PageForms.Post(finance, Page(id), Page(id), fields)).StatusCode);

        Assert.Equal(version, await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
        // The project page links to the self-evaluation once approved.
        Assert.Contains($"href=\"/Projects/{id}/SelfEvaluation\"", await (await app.SignedIn("east-preparer")).GetStringAsync($"/Projects/{id}"));
    }

    [Fact]
    public async Task A_project_not_yet_approved_cannot_be_evaluated()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        await app.ImportInto(EastUnit, Seeds.PathOf("004"), 2021);
        var (id, version) = await app.Db(async d => await d.Projects.Where(p => p.Form.Name == "信访储备金").Select(p => ValueTuple.Create(p.Id, p.Version)).SingleAsync());
        var client = await app.SignedIn("east-preparer");
        Assert.Contains("项目批复后才能填写绩效自评", await client.GetStringAsync(Page(id)));
        Assert.DoesNotContain($"href=\"/Projects/{id}/SelfEvaluation\"", await client.GetStringAsync($"/Projects/{id}"));
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/"));
        var fields = await Filled(app, id, version);
        fields["__RequestVerificationToken"] = token;
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Page(id), new FormUrlEncodedContent(fields))).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApplyActuals_writes_only_the_named_rows_and_keeps_a_version(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await ApprovedSeed(app);
        var rows = await RowsOf(app, id);
        var satisfaction = rows[7].Id!.Value;
        var before = await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

        var result = await app.Db(async d =>
        {
            var p = d.InFormOrder(await d.Projects.AsSplitQuery().Include(x => x.BudgetUnit).SingleAsync(x => x.Id == id));
            SelfEvaluationStore.ApplyActuals(d, p, new Dictionary<Guid, TargetValue> { [satisfaction] = TargetValue.Parse("96.5%") }, "ledger", "信访事项台账");
            return await ProjectStore.CommitAsync(d);
        });
        Assert.True(result.Saved, result.Conflict);

        var saved = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)));
        var row = saved.Form.Indicators[7];
        Assert.Equal(("96.5%", 10m), (row.Actual!.Raw, row.Score!.Value));   // =95%: reached
        Assert.All(saved.Form.Indicators.Take(7), i => Assert.Null(i.Actual));
        Assert.All(saved.Form.Indicators.Take(7), i => Assert.Null(i.Score));
        Assert.Equal((before + 1, "信访事项台账", "ledger"), (saved.Version, saved.ChangeReason, saved.UpdatedBy));
        Assert.Equal(rows.Select(r => r.AnnualTarget?.Raw), saved.Form.Indicators.Select(r => r.AnnualTarget?.Raw));
        Assert.True(await app.Db(d => d.ProjectVersions.AnyAsync(v => v.ProjectId == id && v.Version == before)));
    }
}
