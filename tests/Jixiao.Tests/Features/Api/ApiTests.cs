using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Api;

public class ApiTests
{
    static JsonObject NewForm(string name) => new()
    {
        ["name"] = name,
        ["funding"] = new JsonObject { ["total"] = 500000, ["annualRequest"] = 500000, ["fiscal"] = 500000 },
        ["annualGoal"] = "完成全年来信来访接待工作",
        ["indicators"] = new JsonArray
        {
            new JsonObject { ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "接待来访人次", ["annualTarget"] = new JsonObject { ["raw"] = "≥3000人次" } },
            new JsonObject { ["level1"] = "满意度指标", ["level2"] = "服务对象满意度指标", ["name"] = "来访群众满意度", ["annualTarget"] = new JsonObject { ["raw"] = "≥90%" } },
        },
    };

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Tokens_are_required_and_cookies_do_not_count(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);

        var anonymous = app.Client();
        var none = await anonymous.GetAsync("/api/projects?year=2026");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("/api/projects", none.RequestMessage!.RequestUri!.AbsolutePath); // not redirected to sign-in

        // A signed-in browser's cookie does not open the API: no cross-site request can use it.
        var browser = await app.SignedIn("east-preparer");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/projects?year=2026")).StatusCode);

        var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "east-preparer", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync());

        var issued = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "east-preparer", password = app.PasswordOf("east-preparer") });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["token", "expiresUtc"], body.Select(p => p.Key));
        var expires = body["expiresUtc"]!.GetValue<DateTime>();
        Assert.InRange(expires, DateTime.UtcNow.AddHours(7.9), DateTime.UtcNow.AddHours(8.01));

        var garbage = app.Client();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/api/projects?year=2026")).StatusCode);

        var api = await ApiClient.For(app, "east-preparer");
        var (status, list, _) = await api.Get("/api/projects?year=2026");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(list!.AsArray(), p => Assert.Equal("101002", p!["unit"]!.GetValue<string>()));
        Assert.NotEmpty(list.AsArray());
        var first = list.AsArray()[0]!.AsObject();
        Assert.Equal(["id", "name", "unit", "year", "status", "version", "annualRequest", "qualityScore"], first.Select(p => p.Key));
        Assert.Equal("draft", first["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lockout_applies_to_tokens_as_to_the_sign_in_page()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/token", new { userName = "finance", password = "wrong-" + i });
        var locked = await client.PostAsJsonAsync("/api/auth/token", new { userName = "finance", password = app.PasswordOf("finance") });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_project_goes_through_the_whole_chain_and_an_adjustment(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var preparer = await ApiClient.For(app, "east-preparer");
        var head = await ApiClient.For(app, "east-head");
        var supervisor = await ApiClient.For(app, "supervisor");
        var finance = await ApiClient.For(app, "finance");
        var adminPassword = await app.CreateUser("sysadmin", Roles.SystemAdmin);
        var admin = await ApiClient.For(app, "sysadmin", adminPassword);

        // Create: 201 with Location and the GET body.
        var (status, created, response) = await preparer.Post("/api/projects", new JsonObject { ["unit"] = "101002", ["year"] = 2027, ["form"] = NewForm("来访接待服务项目<script>") });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created!["id"]!.GetValue<int>();
        Assert.Equal($"/api/projects/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(["id", "unit", "year", "status", "version", "form"], created.AsObject().Select(p => p.Key));
        Assert.Equal("draft", created["status"]!.GetValue<string>());
        Assert.Equal("来访接待服务项目<script>", created["form"]!["name"]!.GetValue<string>());

        // GET: ETag is the version; rows carry ids.
        var (getStatus, doc, getResponse) = await preparer.Get($"/api/projects/{id}");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal("\"1\"", getResponse.Headers.ETag!.ToString());
        var rowId = doc!["form"]!["indicators"]![0]!["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(rowId, out _));

        // PUT with the right version: 200, new version; with the old one again: 409 current/yours.
        var form = doc["form"]!.DeepClone().AsObject();
        form["annualGoal"] = "完成全年来信来访接待工作，群众满意";
        var (putStatus, put, putResponse) = await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = form.DeepClone() }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal(2, put!["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", putResponse.Headers.ETag!.ToString());
        Assert.Equal(rowId, put["form"]!["indicators"]![0]!["id"]!.GetValue<string>());
        var (staleStatus, stale, _) = await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = form.DeepClone() }, "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Equal(["current", "yours"], stale!.AsObject().Select(p => p.Key));
        Assert.Equal(2, stale["current"]!["version"]!.GetValue<int>());

        // An invalid form: 422 with located problems.
        var bad = form.DeepClone().AsObject();
        bad["name"] = "";
        bad["indicators"]![1]!["weight"] = 150;
        var (badStatus, problems, _) = await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = bad }, "\"2\"");
        Assert.Equal((HttpStatusCode)422, badStatus);
        var where = problems!["items"]!.AsArray().Select(p => p!["where"]!.GetValue<string>()).ToList();
        Assert.Contains("form.name", where);
        Assert.Contains("form.indicators[1].weight", where);
        var (typeStatus, typeProblems, _) = await preparer.Send(HttpMethod.Put, $"/api/projects/{id}",
            JsonNode.Parse("""{"form":{"name":"x","indicators":[{"name":"a","weight":"很多"}]}}"""), "\"2\"");
        Assert.Equal((HttpStatusCode)422, typeStatus);
        Assert.Contains("indicators[0].weight", typeProblems!["items"]![0]!["where"]!.GetValue<string>());

        // Out of turn: 403 for everyone but the one whose step it is.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Post($"/api/projects/{id}/approve")).Status);
        Assert.Equal("submitted", (await Act(preparer, id, "submit")).GetValue<string>());
        var (lockedStatus, locked, _) = await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = form.DeepClone() }, "\"3\"");
        Assert.Equal(HttpStatusCode.Conflict, lockedStatus);
        Assert.Contains("已锁定", locked!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Post($"/api/projects/{id}/approve")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Post($"/api/projects/{id}/approve")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await preparer.Post($"/api/projects/{id}/approve")).Status);
        Assert.Equal("unitApproved", (await Act(head, id, "approve", new { comment = "同意上报" })).GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Post($"/api/projects/{id}/approve")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Post($"/api/projects/{id}/return", new { comment = "不是我的环节" })).Status);

        // A return needs its comment; with a row comment it goes back to the unit.
        Assert.Equal((HttpStatusCode)422, (await supervisor.Post($"/api/projects/{id}/return", new { comment = " " })).Status);
        Assert.Equal((HttpStatusCode)422, (await supervisor.Post($"/api/projects/{id}/approve", new { conclusion = "中" })).Status);
        Assert.Equal("returned", (await Act(supervisor, id, "return", new
        {
            comment = "满意度指标值偏低", conclusion = "中",
            comments = new[] { new { rowId = Guid.Parse(doc["form"]!["indicators"]![1]!["id"]!.GetValue<string>()), field = "annualTarget", text = "满意度应不低于95%" } },
        })).GetValue<string>());
        var stored = await app.Db(d => d.ReviewComments.SingleAsync(c => c.ProjectId == id));
        Assert.Equal("annualTarget", stored.Field);
        Assert.Equal("supervisor", stored.Author);

        // The unit fixes and resubmits; the chain runs to approval.
        var (_, current, _) = await preparer.Get($"/api/projects/{id}");
        var fixedForm = current!["form"]!.DeepClone().AsObject();
        fixedForm["indicators"]![1]!["annualTarget"] = new JsonObject { ["raw"] = "≥95%" };
        var version = current["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = fixedForm }, $"\"{version}\"")).Status);
        Assert.Equal("submitted", (await Act(preparer, id, "submit")).GetValue<string>());
        Assert.Equal("unitApproved", (await Act(head, id, "approve")).GetValue<string>());
        Assert.Equal("supervisorApproved", (await Act(supervisor, id, "approve", new { conclusion = "优" })).GetValue<string>());
        var (approvedStatus, approved, _) = await finance.Post($"/api/projects/{id}/approve", new { conclusion = "良", comment = "批复" });
        Assert.Equal(HttpStatusCode.OK, approvedStatus);
        Assert.Equal("approved", approved!["status"]!.GetValue<string>());
        var approvedVersion = approved["approvedVersion"]!.GetValue<int>();
        Assert.Equal(approved["version"]!.GetValue<int>(), approvedVersion);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Post($"/api/projects/{id}/approve")).Status);

        // Approved is locked; an adjustment needs a reason, keeps the approved version in force and goes through review again.
        var (lockedAgain, lockedBody, _) = await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = fixedForm.DeepClone() }, $"\"{approvedVersion}\"");
        Assert.Equal(HttpStatusCode.Conflict, lockedAgain);
        Assert.Contains("已批复", lockedBody!["error"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)422, (await preparer.Post($"/api/projects/{id}/adjust")).Status);
        var (adjustStatus, adjusted, _) = await preparer.Post($"/api/projects/{id}/adjust", new { comment = "年中追加接待任务" });
        Assert.Equal(HttpStatusCode.OK, adjustStatus);
        Assert.Equal("draft", adjusted!["status"]!.GetValue<string>());
        Assert.Equal(approvedVersion, adjusted["approvedVersion"]!.GetValue<int>());
        var (_, draft, _) = await preparer.Get($"/api/projects/{id}");
        var adjustedForm = draft!["form"]!.DeepClone().AsObject();
        adjustedForm["indicators"]![0]!["annualTarget"] = new JsonObject { ["raw"] = "≥3500人次" };
        Assert.Equal(HttpStatusCode.OK, (await preparer.Put($"/api/projects/{id}", new JsonObject { ["form"] = adjustedForm }, $"\"{draft["version"]}\"")).Status);
        await Act(preparer, id, "submit");
        await Act(head, id, "approve");
        await Act(supervisor, id, "approve");
        var (_, reApproved, _) = await finance.Post($"/api/projects/{id}/approve");
        Assert.True(reApproved!["approvedVersion"]!.GetValue<int>() > approvedVersion);

        // Versions: every state kept, in order, with who and why.
        var (versionsStatus, versions, _) = await preparer.Get($"/api/projects/{id}/versions");
        Assert.Equal(HttpStatusCode.OK, versionsStatus);
        var items = versions!.AsArray();
        Assert.Equal(["version", "status", "utc", "userName", "reason"], items[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Contains(items, v => v!["status"]!.GetValue<string>() == "returned" && v["userName"]!.GetValue<string>() == "supervisor");
        Assert.Equal("approved", items[^1]!["status"]!.GetValue<string>());

        // The comparison of the approved version with the re-approved one shows the adjusted row, by its id.
        var last = items[^1]!["version"]!.GetValue<int>();
        var (diffStatus, diff, _) = await preparer.Get($"/api/projects/{id}/versions/{approvedVersion}/diff/{last}");
        Assert.Equal(HttpStatusCode.OK, diffStatus);
        var row = Assert.Single(diff!["rows"]!.AsArray());
        Assert.Equal(rowId, row!["rowId"]!.GetValue<string>());
        Assert.Equal("changed", row["change"]!.GetValue<string>());
        Assert.Equal("≥3500人次", row["fields"]![0]!["after"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.Get($"/api/projects/{id}/versions/{approvedVersion}/diff/999")).Status);

        var (findingsStatus, findings, _) = await preparer.Get($"/api/projects/{id}/findings");
        Assert.Equal(HttpStatusCode.OK, findingsStatus);
        foreach (var f in findings!.AsArray())
            Assert.Equal(["rule", "severity", "rowId", "field", "message", "suggestion", "basis"], f!.AsObject().Select(p => p.Key));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_unit_guessing_another_units_ids_gets_404(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var eastIds = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Code == "101002").Select(p => p.Id).ToListAsync());
        var west = await ApiClient.For(app, "west-preparer");
        var supervisor = await ApiClient.For(app, "supervisor");
        foreach (var id in eastIds.Append(eastIds.Max() + 1000))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await west.Get($"/api/projects/{id}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await west.Put($"/api/projects/{id}", new JsonObject { ["form"] = NewForm("篡改") }, "\"1\"")).Status);
            foreach (var action in new[] { "submit", "approve", "return", "adjust" })
                Assert.Equal(HttpStatusCode.NotFound, (await west.Post($"/api/projects/{id}/{action}", new { comment = "x" })).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await west.Get($"/api/projects/{id}/versions")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await west.Get($"/api/projects/{id}/versions/1/diff/1")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await west.Get($"/api/projects/{id}/findings")).Status);
        }
        var (_, list, _) = await west.Get("/api/projects?year=2026&unit=101002");
        Assert.Empty(list!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await west.Post("/api/projects", new JsonObject { ["unit"] = "101002", ["year"] = 2027, ["form"] = NewForm("冒名申报") })).Status);
        // A reviewer sees the unit but does not declare for it.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Post("/api/projects", new JsonObject { ["unit"] = "101002", ["year"] = 2027, ["form"] = NewForm("代报") })).Status);
        Assert.Equal((HttpStatusCode)422, (await west.Post("/api/projects", new JsonObject { ["unit"] = "101003", ["year"] = 2027, ["form"] = NewForm("") })).Status);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var response = await app.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/auth/token", "/api/projects", "/api/projects/{id}", "/api/projects/{id}/submit", "/api/projects/{id}/approve",
                     "/api/projects/{id}/return", "/api/projects/{id}/adjust", "/api/projects/{id}/versions", "/api/projects/{id}/versions/{a}/diff/{b}", "/api/projects/{id}/findings" })
            Assert.Contains(path, paths);
    }

    static async Task<JsonNode> Act(ApiClient client, int id, string action, object? body = null)
    {
        var (status, response, _) = await client.Post($"/api/projects/{id}/{action}", body);
        Assert.True(status == HttpStatusCode.OK, $"{action}: {(int)status} {response?.ToJsonString()}");
        return response!["status"]!;
    }
}
