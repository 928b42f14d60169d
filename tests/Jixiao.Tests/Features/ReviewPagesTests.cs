using Jixiao.Domain;
using System.Net;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

public class ReviewPagesTests
{
    static async Task<HttpResponseMessage> Post(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await client.GetStringAsync(page));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Batch_work_notices_and_the_guards_of_the_review_posts(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Code == "101002").OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var preparer = await app.SignedIn("east-preparer");

        // A post without its anti-forgery token is refused and changes nothing.
        var forged = await app.SignedIn("east-preparer");
        var noToken = await forged.PostAsync($"/Projects/{east[0]}/Steps?handler=Step", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "submit" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(ProjectStatus.Draft, await app.Db(d => d.Projects.Where(p => p.Id == east[0]).Select(p => p.Status).SingleAsync()));

        // Another unit guessing the id gets the same 404 as a missing project.
        var west = await app.SignedIn("west-preparer");
        var guessed = await Post(west, "/Desk", $"/Projects/{east[0]}/Steps?handler=Step", new() { ["action"] = "submit" });
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Projects/{east[0]}/Compare")).StatusCode);

        // The unit submits all its drafts at once.
        var desk = await preparer.GetStringAsync("/Desk");
        Assert.Contains($"本单位有 {east.Count} 个草稿", desk);
        var submitted = await Post(preparer, "/Desk", "/Desk?handler=SubmitDrafts", []);
        Assert.Contains($"已提交本单位 {east.Count} 个草稿", await submitted.Content.ReadAsStringAsync());
        Assert.All(await app.Db(d => d.Projects.Where(p => east.Contains(p.Id)).Select(p => p.Status).ToListAsync()), s => Assert.Equal(ProjectStatus.Submitted, s));

        // Out of turn on the page: the supervisor cannot confirm for the unit.
        var supervisor = await app.SignedIn("supervisor");
        var early = await Post(supervisor, "/Desk", $"/Projects/{east[0]}/Steps?handler=Step", new() { ["action"] = "approve" });
        Assert.Contains("应由本单位的单位负责人审核", await early.Content.ReadAsStringAsync());

        // The unit head's notice count, then the supervisor passes the clean ones in one go.
        var head = await app.SignedIn("east-head");
        Assert.Contains($"待办<span class=\"count\">{east.Count}</span>", await head.GetStringAsync("/"));
        foreach (var id in east)
            Assert.Equal(HttpStatusCode.OK, (await Post(head, "/Desk", $"/Projects/{id}/Steps?handler=Step", new() { ["action"] = "approve" })).StatusCode);
        var errors = await app.Db(d => d.Projects.Where(p => east.Contains(p.Id) && p.Findings.Any(f => f.Severity == Jixiao.Domain.Review.Severity.Error)).Select(p => p.Id).ToListAsync());
        var deskHtml = await supervisor.GetStringAsync("/Desk");
        Assert.Contains($"等待我审核（{east.Count}）", deskHtml);
        var fields = new List<KeyValuePair<string, string>>(east.Select(id => new KeyValuePair<string, string>("ids", id.ToString())))
        {
            new("__RequestVerificationToken", TestApp.AntiforgeryToken(deskHtml)),
        };
        var batch = await supervisor.PostAsync("/Desk?handler=Approve", new FormUrlEncodedContent(fields));
        Assert.Contains($"已审核通过 {east.Count - errors.Count} 个项目", await batch.Content.ReadAsStringAsync());
        var statuses = await app.Db(d => d.Projects.Where(p => east.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Status));
        foreach (var id in east)
            Assert.Equal(errors.Contains(id) ? ProjectStatus.UnitApproved : ProjectStatus.SupervisorApproved, statuses[id]);

        // A return needs its words; the reason comes back on the page.
        var target = errors.Count > 0 ? errors[0] : east[0];
        if (statuses[target] == ProjectStatus.UnitApproved)
        {
            var silent = await Post(supervisor, "/Desk", $"/Projects/{target}/Steps?handler=Step", new() { ["action"] = "return", ["comment"] = "" });
            Assert.Contains("退回修改须写明退回意见", await silent.Content.ReadAsStringAsync());
        }
    }
}
