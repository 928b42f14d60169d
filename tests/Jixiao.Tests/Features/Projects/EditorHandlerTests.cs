using System.Net;
using System.Text;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Projects;

// The editor's handlers as the page calls them: save (new and existing), the stale-version conflict,
// who may write, what bad input is told, and the live review.
public class EditorHandlerTests
{
    static string Json(ProjectForm form) => JsonSerializer.Serialize(form, Interchange.Json);

    static ProjectForm NewForm(string name) => new()
    {
        Name = name, Category = ProjectCategory.Recurring, Attribute = ProjectAttribute.New,
        StartDate = "2027-01-01", EndDate = "2027-12-31",
        Funding = new Funding { SourceUnit = "万元", Total = 500000m, AnnualRequest = 500000m, Fiscal = 500000m, Appropriation = 500000m },
        BudgetLines = [new BudgetLine { Name = "接访服务", Amount = 500000m }],
        LongTermGoal = "规范信访接待。", AnnualGoal = "全年接待来访群众不少于1000批次。",
        Indicators =
        [
            new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "接待批次", AnnualTarget = new TargetValue { Raw = "≥1000批次" } },
            new Indicator { Level1 = "效益指标", Level2 = "社会效益指标", Name = "积案化解率", AnnualTarget = new TargetValue { Raw = "≥80%" } },
            new Indicator { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "群众满意率", AnnualTarget = new TargetValue { Raw = "≥90%" } },
        ],
    };

    static async Task<HttpResponseMessage> Post(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync(pageUrl));
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    static Task<int> EastUnit(TestApp app) => app.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync());

    static Task<int> ProjectId(TestApp app, string name) => app.Db(d => d.Projects.Where(p => p.Form.Name == name).Select(p => p.Id).SingleAsync());

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_preparer_creates_a_project_and_its_targets_are_parsed_on_the_server(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var unit = await EastUnit(app);
        var client = await app.SignedIn("east-preparer");

        var form = NewForm("来访接待新项目");
        form.Indicators.Add(new Indicator()); // a blank row the user left: dropped, not refused
        var response = await Post(client, $"/Projects/Edit?unit={unit}&year=2027", "/Projects/Edit",
            new() { ["formJson"] = Json(form), ["unitId"] = unit.ToString(), ["year"] = "2027", ["version"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = await ProjectId(app, "来访接待新项目");
        Assert.EndsWith($"/Projects/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        var saved = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)));
        Assert.Equal(2027, saved.FiscalYear);
        Assert.Equal(unit, saved.BudgetUnitId);
        Assert.Equal(ProjectStatus.Draft, saved.Status);
        Assert.Equal(["接待批次", "积案化解率", "群众满意率"], saved.Form.Indicators.Select(i => i.Name));
        var target = saved.Form.Indicators[0].AnnualTarget!;
        Assert.Equal((TargetKind.Quantitative, TargetOperator.Ge, 1000m, "批次"), (target.Kind, target.Operator, target.Value, target.Unit));
        Assert.Equal(500000m, saved.Form.Funding.Total);
        Assert.Equal("万元", saved.Form.Funding.SourceUnit);
        Assert.Equal(("national-2021", "national-2021"), (saved.FrameworkId, saved.ReviewProfileId));
        Assert.All(saved.Form.Indicators, i => Assert.NotNull(i.Id));
        Assert.NotNull(saved.QualityScore);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_save_on_a_stale_version_shows_both_versions_and_changes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await ProjectId(app, "网上信访系统运维");
        var first = await app.SignedIn("east-preparer");
        var second = await app.SignedIn("east-head");
        var page = $"/Projects/Edit/{id}";
        var loaded = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)));
        Assert.Equal(1, loaded.Version);

        var mine = JsonSerializer.Deserialize<ProjectForm>(Json(loaded.Form), Interchange.Json)!;
        mine.AnnualGoal = "第一位用户改写的年度目标";
        var ok = await Post(first, page, page, new() { ["formJson"] = Json(mine), ["version"] = "1" });
        Assert.EndsWith($"/Projects/{id}", ok.RequestMessage!.RequestUri!.AbsolutePath);

        var theirs = JsonSerializer.Deserialize<ProjectForm>(Json(loaded.Form), Interchange.Json)!;
        theirs.AnnualGoal = "第二位用户在旧版本上改写的年度目标";
        var stale = await Post(second, page, page, new() { ["formJson"] = Json(theirs), ["version"] = "1" });
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("保存冲突", html);
        Assert.Contains("第一位用户改写的年度目标", html);
        Assert.Contains("第二位用户在旧版本上改写的年度目标", html);
        Assert.Contains("以我的版本保存为第 3 版", html);
        Assert.Contains("该项目已由 张敏（东城区信访局） 于", html);   // who saved, by name, not the sign-in name
        var now = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)));
        Assert.Equal(2, now.Version);
        // An edit keeps each row's id.
        Assert.Equal(loaded.Form.Indicators.Select(i => i.Id), now.Form.Indicators.Select(i => i.Id));
        Assert.Equal("第一位用户改写的年度目标", now.Form.AnnualGoal);
        Assert.Equal(1, await app.Db(d => d.ProjectVersions.CountAsync(v => v.ProjectId == id)));

        // Keeping theirs: the page posts their form again on the current version.
        var kept = await Post(second, page, page, new() { ["formJson"] = Json(theirs), ["version"] = "2" });
        Assert.EndsWith($"/Projects/{id}", kept.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await app.Db(d => d.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal((3, "第二位用户在旧版本上改写的年度目标"), (after.Version, after.Form.AnnualGoal));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_units_own_preparer_and_head_may_write(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await ProjectId(app, "网上信访系统运维");
        var unit = await EastUnit(app);
        var form = Json(NewForm("不该存在的项目"));

        // Another unit's preparer: the project does not exist for them.
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Projects/Edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Projects/Edit?unit={unit}&year=2027")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Projects/Edit?copyFrom={id}")).StatusCode);

        // Reviewers see the project but may not change it; the page says so in Chinese.
        foreach (var reviewer in new[] { "supervisor", "finance" })
        {
            var client = await app.SignedIn(reviewer);
            var get = await client.GetAsync($"/Projects/Edit/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Contains("无权操作", await get.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Projects/Edit?unit={unit}&year=2027")).StatusCode);
            var details = await client.GetStringAsync($"/Projects/{id}");
            Assert.DoesNotContain($"/Projects/Edit/{id}", details);
            var post = await Post(client, $"/Projects/{id}", $"/Projects/Edit/{id}", new() { ["formJson"] = form, ["version"] = "1" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        var west2 = await app.SignedIn("west-preparer");
        var westPost = await Post(west2, "/", $"/Projects/Edit?unitId={unit}", new() { ["formJson"] = form, ["unitId"] = unit.ToString(), ["year"] = "2027" });
        Assert.Equal(HttpStatusCode.NotFound, westPost.StatusCode);

        // A post without the anti-forgery token is refused, even from the unit's own preparer.
        var east = await app.SignedIn("east-preparer");
        var forged = await east.PostAsync($"/Projects/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["formJson"] = form, ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await app.Db(d => d.Projects.CountAsync(p => p.Form.Name == "不该存在的项目")));
        Assert.Equal(1, await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_is_told_in_Chinese_at_its_place_and_nothing_is_saved(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var unit = await EastUnit(app);
        var client = await app.SignedIn("east-preparer");
        var before = await app.Db(d => d.Projects.CountAsync());

        async Task<string> Save(string json, string year = "2027")
        {
            var r = await Post(client, $"/Projects/Edit?unit={unit}&year=2027", "/Projects/Edit",
                new() { ["formJson"] = json, ["unitId"] = unit.ToString(), ["year"] = year });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        }

        var unnamed = NewForm("");
        unnamed.Indicators[1].Name = "";
        unnamed.StartDate = "2027-02-30";
        var html = await Save(Json(unnamed));
        Assert.Contains("项目名称：必填。", html);
        Assert.Contains("绩效指标第 2 行：请填写三级指标名称。", html);
        Assert.Contains("计划开始日期：“2027-02-30”不是有效的日期", html);
        // What was typed comes back into the page, nothing lost.
        Assert.Contains("群众满意率", html);

        var letters = Json(NewForm("金额写错的项目")).Replace("\"amount\": 500000", "\"amount\": \"五十万\"");
        Assert.Contains("项目预算明细第 1 行 金额：填写的内容无法识别", await Save(letters));
        var total = Json(NewForm("总额写错的项目")).Replace("\"total\": 500000", "\"total\": \"abc\"");
        Assert.Contains("项目资金总额：填写的内容无法识别", await Save(total));

        Assert.Contains("预算年度：1999 不是有效的年度，应在 2000—2100 之间。", await Save(Json(NewForm("年度不对的项目")), "1999"));
        Assert.Contains("预算年度：“明年”不是年份", await Save(Json(NewForm("年度不对的项目")), "明年"));
        Assert.Contains("预算年度：必填。", await Save(Json(NewForm("年度不对的项目")), ""));
        var negative = NewForm("负数项目");
        negative.Funding.Other = -5m;
        Assert.Contains("其他资金：金额不能为负数。", await Save(Json(negative)));
        Assert.Contains("没有收到表单内容", await Save(""));
        Assert.Contains("已有名为“信访接待与矛盾排查调处经费”的项目", await Save(Json(NewForm("信访接待与矛盾排查调处经费")), "2026"));

        Assert.Equal(before, await app.Db(d => d.Projects.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_live_review_places_findings_on_their_rows_and_parses_targets(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await ProjectId(app, "网上信访系统运维");
        var client = await app.SignedIn("east-preparer");
        var page = await client.GetStringAsync($"/Projects/Edit/{id}");
        var token = TestApp.AntiforgeryToken(page);

        var form = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)).Form);
        form.Indicators.Insert(1, new Indicator()); // a blank row the user just added still counts as a row
        form.Indicators[3].AnnualTarget = new TargetValue { Raw = "较好" };
        form.Indicators[4].AnnualTarget = new TargetValue { Raw = "180元/人/天" };

        async Task<JsonElement> Check(ProjectForm f, bool withToken = true)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/Projects/Edit/{id}?handler=Check")
            {
                Content = new StringContent(Json(f), Encoding.UTF8, "application/json"),
            };
            if (withToken) request.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }

        var result = await Check(form);
        var onRow3 = result.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rows").EnumerateArray().Any(r => r.GetInt32() == 3)).ToList();
        Assert.NotEmpty(onRow3);
        Assert.All(onRow3, f => Assert.Equal(form.Indicators[3].Name, f.GetProperty("indicator").GetString()));
        var parsed = result.GetProperty("targets")[4].GetProperty("annual");
        Assert.Equal(("定量", "=", "180", "元/人/天"), (parsed.GetProperty("kindText").GetString(), parsed.GetProperty("op").GetString(),
            parsed.GetProperty("value").GetString(), parsed.GetProperty("unit").GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("targets")[1].GetProperty("annual").ValueKind);
        var score = result.GetProperty("score").GetInt32();

        form.Indicators[3].AnnualTarget = new TargetValue { Raw = "≥99%" };
        var fixedResult = await Check(form);
        Assert.DoesNotContain(fixedResult.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("rows").EnumerateArray().Any(r => r.GetInt32() == 3));
        Assert.True(fixedResult.GetProperty("score").GetInt32() > score);

        // Two rows of one name: only the one with the vague target has the finding.
        form.Indicators.Add(new Indicator { Level1 = "效益指标", Level2 = "社会效益指标", Name = form.Indicators[3].Name, AnnualTarget = new TargetValue { Raw = "较好" } });
        var twins = await Check(form);
        var twinRows = twins.GetProperty("findings").EnumerateArray().SelectMany(f => f.GetProperty("rows").EnumerateArray().Select(r => r.GetInt32())).Distinct().ToList();
        Assert.Contains(form.Indicators.Count - 1, twinRows);
        Assert.DoesNotContain(3, twinRows);

        // Without the token the live review is refused too.
        var bare = new HttpRequestMessage(HttpMethod.Post, $"/Projects/Edit/{id}?handler=Check") { Content = new StringContent(Json(form), Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(bare)).StatusCode);
        Assert.Equal(1, await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_copy_to_next_year_keeps_the_rows_and_shows_last_years_targets(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var id = await ProjectId(app, "信访接待与矛盾排查调处经费");
        var client = await app.SignedIn("east-preparer");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Projects/Edit?copyFrom={id}"));
        Assert.Contains("复制上年项目", page);
        Assert.Contains("上年目标（2026）", page);
        Assert.Contains("\"startDate\": \"2027-01-01\"", page);
        Assert.Contains("\"接待来访群众批次\": \"≥1200批次\"", page);

        var copy = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)).Form);
        copy.StartDate = "2027-01-01";
        copy.EndDate = "2027-12-31";
        var unit = await EastUnit(app);
        var saved = await Post(client, $"/Projects/Edit?copyFrom={id}", "/Projects/Edit",
            new() { ["formJson"] = Json(copy), ["unitId"] = unit.ToString(), ["year"] = "2027", ["copyFrom"] = id.ToString() });
        var newId = await app.Db(d => d.Projects.Where(p => p.FiscalYear == 2027).Select(p => p.Id).SingleAsync());
        Assert.EndsWith($"/Projects/{newId}", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var both = await app.Db(async d => (await d.Projects.AsSplitQuery().Where(p => p.Id == id || p.Id == newId).ToListAsync()).Select(d.InFormOrder).ToList());
        Assert.Equal(both[0].Form.Indicators.Select(i => i.Name), both[1].Form.Indicators.Select(i => i.Name));
        // The copy's rows are rows of their own: new ids, none shared with last year's.
        Assert.Empty(both[0].Form.Indicators.Select(i => i.Id).Intersect(both[1].Form.Indicators.Select(i => i.Id)));
        Assert.All(both[1].Form.Indicators, i => Assert.NotNull(i.Id));
        // Last year's project is untouched, and the new year's editor shows its targets beside each row.
        Assert.Equal(1, both.Single(p => p.Id == id).Version);
        var editor = WebUtility.HtmlDecode(await client.GetStringAsync($"/Projects/Edit/{newId}"));
        Assert.Contains("上年目标（2026）", editor);
    }

    [Fact]
    public async Task Text_typed_into_a_form_stays_text_in_the_editor_and_a_self_evaluation_survives_an_edit()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var path = Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", "selfeval-national.txt");
        await app.ImportInto("东城区信访局", path, 2023);
        var id = await app.Db(d => d.Projects.Where(p => p.FiscalYear == 2023).Select(p => p.Id).SingleAsync());
        var client = await app.SignedIn("east-preparer");

        var form = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)).Form);
        var score = form.SelfEvaluation!.TotalScore;
        form.SelfEvaluation = null; // the editor has no self-evaluation part and posts none
        form.Name = "<script>alert(1)</script>项目";
        var page = $"/Projects/Edit/{id}";
        var saved = await Post(client, page, page, new() { ["formJson"] = Json(form), ["version"] = "1" });
        Assert.EndsWith($"/Projects/{id}", saved.RequestMessage!.RequestUri!.AbsolutePath);

        var stored = await app.Db(d => d.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal(score, stored.Form.SelfEvaluation!.TotalScore);
        var html = await client.GetStringAsync(page);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;项目", html);
    }
}
