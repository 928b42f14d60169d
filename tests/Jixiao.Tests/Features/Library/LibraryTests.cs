using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Features.Library;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Library;

public class LibraryTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_library_is_seeded_once_and_searched_by_words_and_pinyin_initials(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        // A second start adds nothing.
        await Bootstrap.RunAsync(app.App.Services, demo: false, new StringWriter());
        var count = await app.Db(d => d.LibraryIndicators.CountAsync());
        Assert.Equal(LibrarySeed.Rows.Count, count);
        Assert.True(count >= 30);
        Assert.Equal(count, LibrarySeed.Rows.Select(r => (r.Level1, r.Name)).Distinct().Count());

        var client = await app.SignedIn("east-preparer");
        var json = await client.GetStringAsync("/Library/Search?q=xf");
        var hits = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("name").GetString() == "信访事项及时受理率");
        Assert.All(hits, h => Assert.Contains("信访", h.GetProperty("name").GetString()! + h.GetProperty("definition").GetString()));
        var first = hits.First(h => h.GetProperty("name").GetString() == "信访事项及时受理率");
        foreach (var field in new[] { "id", "level1", "level2", "name", "definition", "formula", "unit", "direction", "typicalTarget", "basis" })
            Assert.True(first.TryGetProperty(field, out _), field);
        Assert.Equal("产出指标", first.GetProperty("level1").GetString());
        Assert.Equal("%", first.GetProperty("unit").GetString());
        Assert.Contains("第二十三条", first.GetProperty("basis").GetString());

        // Words, several at once, and a level-1 filter.
        var satisfied = JsonDocument.Parse(await client.GetStringAsync("/Library/Search?q=" + Uri.EscapeDataString("满意") + "&level1=" + Uri.EscapeDataString("满意度指标")))
            .RootElement.EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Contains("参评群众满意率", satisfied);
        Assert.DoesNotContain("信访事项及时受理率", satisfied);
        var two = JsonDocument.Parse(await client.GetStringAsync("/Library/Search?q=" + Uri.EscapeDataString("cfxf 下降")))
            .RootElement.EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Equal(["重复信访下降率"], two);
        var initials = JsonDocument.Parse(await client.GetStringAsync("/Library/Search?q=CFXFJS"))
            .RootElement.EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Equal(["重复信访件数"], initials);
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync("/Library/Search?q=qqqq")).RootElement.EnumerateArray());

        var page = await client.GetStringAsync("/Library?q=myl");
        Assert.Contains("参评群众满意率", page);
        Assert.DoesNotContain("信访事项及时受理率", page);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_proposal_waits_for_an_administrator_who_accepts_or_rejects_it(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var preparer = await app.SignedIn("east-preparer");
        var fields = new Dictionary<string, string>
        {
            ["Input.Level1"] = "产出指标", ["Input.Level2"] = "质量指标", ["Input.Name"] = "来访接待登记规范率",
            ["Input.Definition"] = "按规定完整登记的来访接待所占比例", ["Input.Formula"] = "规范登记批次÷接待批次×100%",
            ["Input.Unit"] = "%", ["Input.Direction"] = "正向", ["Input.TypicalTarget"] = "=100%", ["Input.Reason"] = "各局都在用",
        };
        var response = await PageForms.Post(preparer, "/Library/Propose", "/Library/Propose", fields);
        Assert.EndsWith("/Library", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("待审核", await response.Content.ReadAsStringAsync());
        // Not in the library until accepted.
        Assert.DoesNotContain("来访接待登记规范率", await preparer.GetStringAsync("/Library/Search?q=" + Uri.EscapeDataString("来访接待登记")));
        // The same name again is refused.
        Assert.Contains("已有或已有人提议“来访接待登记规范率”", await PageForms.PostText(preparer, "/Library/Propose", "/Library/Propose", fields));

        // From the editor: JSON in, JSON out.
        var token = TestApp.AntiforgeryToken(await preparer.GetStringAsync("/Library/Propose"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/Library/Propose")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["Input.Name"] = "信访件录入差错率", ["Input.Direction"] = "反向" }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var json = await preparer.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var proposedId = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var bad = new HttpRequestMessage(HttpMethod.Post, "/Library/Propose") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) };
        bad.Headers.Add("RequestVerificationToken", token);
        bad.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var refused = await preparer.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请填写指标名称", await refused.Content.ReadAsStringAsync());

        var admin = await app.SignedIn("boss", await app.CreateUser("boss", Roles.SystemAdmin));
        var list = await admin.GetStringAsync("/Library/Proposals");
        Assert.Contains("来访接待登记规范率", list);
        Assert.Contains("各局都在用", list);
        var acceptedId = await app.Db(d => d.LibraryIndicators.Where(x => x.Name == "来访接待登记规范率").Select(x => x.Id).SingleAsync());
        Assert.Contains("已采纳“来访接待登记规范率”", await PageForms.PostText(admin, "/Library/Proposals", "/Library/Proposals?handler=Accept",
            new Dictionary<string, string> { ["id"] = acceptedId.ToString() }));
        Assert.Contains("时请写明理由", await PageForms.PostText(admin, "/Library/Proposals", "/Library/Proposals?handler=Reject",
            new Dictionary<string, string> { ["id"] = proposedId.ToString() }));
        Assert.Contains("已不采纳", await PageForms.PostText(admin, "/Library/Proposals", "/Library/Proposals?handler=Reject",
            new Dictionary<string, string> { ["id"] = proposedId.ToString(), ["note"] = "与现有指标重复" }));

        var found = JsonDocument.Parse(await preparer.GetStringAsync("/Library/Search?q=lfjd")).RootElement.EnumerateArray().Select(h => h.GetProperty("name").GetString());
        Assert.Contains("来访接待登记规范率", found);
        var mine = await preparer.GetStringAsync("/Library");
        Assert.Contains("已纳入", mine);
        Assert.Contains("未采纳，与现有指标重复", mine);
        var audit = await app.Db(d => d.AuditEntries.Where(a => a.Entity == nameof(LibraryIndicator) && a.UserName == "boss").CountAsync());
        Assert.Equal(2, audit);
    }
}
