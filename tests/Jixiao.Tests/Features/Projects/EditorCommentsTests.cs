using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Projects;

// The editor of a returned project carries the review comments (data-comments, placed by editor-comments.js):
// each row comment with the id of its row, a field comment with the field it stands beside, a form comment
// and one whose row is gone for the top; and the unit answers there without leaving the editor.
public class EditorCommentsTests
{
    static async Task<HttpResponseMessage> Post(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await client.GetStringAsync($"/Projects/{id}"));
        return await client.PostAsync($"/Projects/{id}/Steps?handler={handler}", new FormUrlEncodedContent(fields));
    }

    static string Attribute(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"{name}=\"([^\"]*)\"").Groups[1].Value);

    // The editor's answer and resolve: the form's own anti-forgery token, asking for JSON as editor-comments.js does.
    static async Task<HttpResponseMessage> FromEditor(HttpClient client, int id, string handler, int commentId, string token, string? answer = null)
    {
        var fields = new Dictionary<string, string> { ["commentId"] = commentId.ToString(), ["__RequestVerificationToken"] = token };
        if (answer != null) fields["answer"] = answer;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Projects/{id}/Steps?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    static Task<HttpResponseMessage> Answer(HttpClient client, int id, int commentId, string answer, string token) =>
        FromEditor(client, id, "Answer", commentId, token, answer);

    static async Task<string> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_returned_projects_editor_carries_every_comment_with_its_place_and_takes_answers(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var project = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery()
            .Where(p => p.BudgetUnit!.Code == "101002").OrderBy(p => p.Id).FirstAsync()));
        var id = project.Id;
        var row = project.Form.Indicators[1];
        var line = project.Form.BudgetLines[0];

        var preparer = await app.SignedIn("east-preparer");
        await Post(preparer, id, "Step", new() { ["action"] = "submit" });
        await Post(await app.SignedIn("east-head"), id, "Step", new() { ["action"] = "approve" });
        var supervisor = await app.SignedIn("supervisor");
        foreach (var (target, text) in new[]
        {
            ("", "整表意见"), ("field:annualGoal", "年度目标意见"), ("field:funding", "资金意见"),
            ("row:" + row.Id, "行意见<script>alert(1)</script>"), ("row:" + line.Id, "明细意见"),
        })
            Assert.Equal(HttpStatusCode.OK, (await Post(supervisor, id, "Comment", new() { ["target"] = target, ["text"] = text })).StatusCode);
        var ids = await app.Db(d => d.ReviewComments.Where(c => c.ProjectId == id).ToDictionaryAsync(c => c.Text, c => c.Id));
        await Post(supervisor, id, "Resolve", new() { ["commentId"] = ids["资金意见"].ToString() });
        await Post(supervisor, id, "Step", new() { ["action"] = "return", ["comment"] = "请按意见修改" });
        // A comment on a row deleted since.
        var gone = Guid.NewGuid();
        await app.Db(async d =>
        {
            d.ReviewComments.Add(new ReviewComment { ProjectId = id, Version = 1, RowId = gone, Text = "旧行意见", Author = "supervisor", Utc = DateTime.UtcNow });
            return await d.SaveChangesAsync();
        });

        var page = await preparer.GetStringAsync($"/Projects/Edit/{id}");
        // The script that places them, and the user's text never as markup.
        Assert.Contains("/js/editor-comments.js", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("data-comments-panel", page);
        using var json = JsonDocument.Parse(Attribute(page, "data-comments"));
        var data = json.RootElement;
        Assert.True(data.GetProperty("mayAnswer").GetBoolean());
        Assert.Equal($"/Projects/{id}/Steps?handler=Answer", data.GetProperty("answerUrl").GetString());
        Assert.Equal(5, data.GetProperty("open").GetInt32());
        var comments = data.GetProperty("comments").EnumerateArray().ToDictionary(c => c.GetProperty("text").GetString()!);
        Assert.Equal(6, comments.Count);

        var onRow = comments["行意见<script>alert(1)</script>"];
        Assert.Equal(row.Id.ToString(), onRow.GetProperty("rowId").GetString());
        Assert.Equal("赵磊（区政府办公室）", onRow.GetProperty("author").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", onRow.GetProperty("time").GetString());
        Assert.Equal($"/Projects/{id}#comment-{ids[onRow.GetProperty("text").GetString()!]}", onRow.GetProperty("link").GetString());
        Assert.False(onRow.GetProperty("resolved").GetBoolean());
        Assert.Equal(line.Id.ToString(), comments["明细意见"].GetProperty("rowId").GetString());
        // The rows in the editor's form carry the same ids, so each comment finds its row there.
        var form = Attribute(page, "data-form");
        Assert.Contains($"\"id\": \"{row.Id}\"", form);
        Assert.Contains($"\"id\": \"{line.Id}\"", form);

        Assert.Equal("annualGoal", comments["年度目标意见"].GetProperty("place").GetString());
        Assert.Equal("年度目标", comments["年度目标意见"].GetProperty("label").GetString());
        Assert.Equal("funding", comments["资金意见"].GetProperty("place").GetString());
        Assert.True(comments["资金意见"].GetProperty("resolved").GetBoolean());
        Assert.False(comments["整表意见"].TryGetProperty("place", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Equal("整张表", comments["整表意见"].GetProperty("label").GetString());
        Assert.Equal(gone.ToString(), comments["旧行意见"].GetProperty("rowId").GetString());

        // Answered from the editor: JSON back, stored; empty is refused with the reason; another unit gets 404.
        var token = TestApp.AntiforgeryToken(page);
        var answered = await Answer(preparer, id, ids["行意见<script>alert(1)</script>"], " 已改为≥95% ", token);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using (var body = JsonDocument.Parse(await answered.Content.ReadAsStringAsync()))
        {
            Assert.Equal("已改为≥95%", body.RootElement.GetProperty("answer").GetString());
            Assert.Equal("张敏（东城区信访局）", body.RootElement.GetProperty("answeredBy").GetString());
        }
        var empty = await Answer(preparer, id, ids["整表意见"], "  ", token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("答复内容不能为空", await Error(empty));
        var west = await app.SignedIn("west-preparer");
        var westToken = TestApp.AntiforgeryToken(await west.GetStringAsync("/Desk"));
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(west, id, ids["整表意见"], "x", westToken)).StatusCode);
        // The finance bureau sees the project but is not of the unit: refused, with the reason.
        var finance = await app.SignedIn("finance");
        var refused = await Answer(finance, id, ids["整表意见"], "x", TestApp.AntiforgeryToken(await finance.GetStringAsync($"/Projects/{id}")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("只有本单位的人员可以答复审核意见", await Error(refused));
        var stored = await app.Db(d => d.ReviewComments.Where(c => c.ProjectId == id).ToDictionaryAsync(c => c.Id, c => c.Answer));
        Assert.Equal("已改为≥95%", stored[ids["行意见<script>alert(1)</script>"]]);
        Assert.Null(stored[ids["整表意见"]]);

        // Resolved from the editor by the unit: JSON back with who; another unit gets 404; the finance
        // bureau, neither of the unit nor the author nor at its step, is refused with the reason.
        Assert.True(comments["整表意见"].GetProperty("mayResolve").GetBoolean());
        Assert.False(comments["资金意见"].GetProperty("mayResolve").GetBoolean());
        Assert.Equal($"/Projects/{id}/Steps?handler=Resolve", data.GetProperty("resolveUrl").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await FromEditor(west, id, "Resolve", ids["整表意见"], westToken)).StatusCode);
        var notHers = await FromEditor(finance, id, "Resolve", ids["整表意见"], TestApp.AntiforgeryToken(await finance.GetStringAsync($"/Projects/{id}")));
        Assert.Equal(HttpStatusCode.Forbidden, notHers.StatusCode);
        Assert.Equal("只有提出意见的人、当前环节的审核人或本单位人员可以标记已解决", await Error(notHers));
        Assert.False(await app.Db(d => d.ReviewComments.Where(c => c.Id == ids["整表意见"]).Select(c => c.Resolved).SingleAsync()));
        var resolved = await FromEditor(preparer, id, "Resolve", ids["整表意见"], token);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("张敏（东城区信访局）", JsonDocument.Parse(await resolved.Content.ReadAsStringAsync()).RootElement.GetProperty("resolvedBy").GetString());
        Assert.True(await app.Db(d => d.ReviewComments.Where(c => c.Id == ids["整表意见"]).Select(c => c.Resolved).SingleAsync()));

        // The editor shows the answer next time.
        using var again = JsonDocument.Parse(Attribute(await preparer.GetStringAsync($"/Projects/Edit/{id}"), "data-comments"));
        var reloaded = again.RootElement.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("rowId").GetString() == row.Id.ToString());
        Assert.Equal("已改为≥95%", reloaded.GetProperty("answer").GetString());

        // A new project has none, and no comment script.
        var unit = await app.Db(d => d.BudgetUnits.Where(u => u.Code == "101002").Select(u => u.Id).SingleAsync());
        var fresh = await preparer.GetStringAsync($"/Projects/Edit?unit={unit}&year=2027");
        Assert.Contains("data-comments=\"\"", fresh);
        Assert.DoesNotContain("data-comments-panel", fresh);
        Assert.DoesNotContain("editor-comments.js", fresh);
    }
}
