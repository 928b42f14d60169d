using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Workflow;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Workflow;

// Review comments shown where they point: a row comment in a row of its own under its indicator (inside the
// merged level cells), a field comment beside its field, a form comment and one whose row is gone at the top.
public class CommentsInPlaceTests
{
    static readonly Guid RowA = Guid.NewGuid(), RowB = Guid.NewGuid(), Gone = Guid.NewGuid();

    static SheetComments Sheet(bool answer, bool reviews, string? user, params ReviewComment[] comments) => new()
    {
        ProjectId = 1, All = [.. comments], MayAnswer = answer, Reviews = reviews, UserName = user, RowIds = [RowA, RowB],
    };

    static ReviewComment C(Guid? row = null, string? field = null, bool resolved = false, string? author = "supervisor") =>
        new() { RowId = row, Field = field, Resolved = resolved, Author = author, Text = "t" };

    [Fact]
    public void Each_comment_goes_to_exactly_one_place()
    {
        var onA = C(RowA);
        var onB = C(RowB, resolved: true);
        var whole = C();
        var gone = C(Gone);
        var funding = C(field: "funding");
        var total = C(field: "funding.total");
        var fundingLike = C(field: "fundingSource");
        var unknown = C(field: "sections.立项依据");
        var sheet = Sheet(false, false, null, onA, onB, whole, gone, funding, total, fundingLike, unknown);

        Assert.Same(onA, Assert.Single(sheet.OfRow(RowA)));
        Assert.Same(onB, Assert.Single(sheet.OfRow(RowB)));
        Assert.Empty(sheet.OfRow(null));
        Assert.Empty(sheet.OfRow(Guid.NewGuid()));
        Assert.Equal([funding, total], sheet.OfField("funding"));
        Assert.Empty(sheet.OfField("annualGoal"));
        Assert.Equal([whole, gone, fundingLike, unknown], sheet.General);
        Assert.Equal(7, sheet.Open);

        Assert.Equal("整张表", sheet.LabelOf(whole));
        Assert.Equal("已删除的行", sheet.LabelOf(gone));
        Assert.Equal("表中的一行", sheet.LabelOf(onA));
        Assert.Equal("资金情况", sheet.LabelOf(funding));
        Assert.Equal("立项依据", sheet.LabelOf(unknown));
        Assert.Equal("项目资金总额", sheet.LabelOf(total));
        Assert.Equal("fundingSource", sheet.LabelOf(fundingLike));
    }

    [Fact]
    public void The_unit_the_reviewer_at_this_step_and_the_author_resolve_an_open_comment()
    {
        var mine = C(RowA, author: "supervisor");
        var done = C(RowA, resolved: true, author: "supervisor");
        Assert.True(Sheet(true, false, "east-preparer", mine).MayResolve(mine));
        Assert.True(Sheet(false, true, "finance", mine).MayResolve(mine));
        Assert.True(Sheet(false, false, "supervisor", mine).MayResolve(mine));
        Assert.False(Sheet(false, false, "finance", mine).MayResolve(mine));
        Assert.False(Sheet(false, false, null, C(author: null)).MayResolve(C(author: "x")));
        Assert.False(Sheet(true, true, "supervisor", done).MayResolve(done));
    }

    [Fact]
    public void A_folded_comment_shows_its_first_forty_characters()
    {
        Assert.Equal(new string('意', 40), CommentPlace.Short(new string('意', 40)));
        Assert.Equal(new string('意', 40) + "…", CommentPlace.Short(new string('意', 41)));
    }

    static async Task<HttpResponseMessage> Post(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await client.GetStringAsync($"/Projects/{id}"));
        return await client.PostAsync($"/Projects/{id}/Steps?handler={handler}", new FormUrlEncodedContent(fields));
    }

    // The columns of every row of the indicator table, merged cells counted where they reach.
    static List<int> RowWidths(string html)
    {
        var table = Regex.Match(html, "<table class=\"form indicators\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(table, "<tr[\\s>](.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var carry = new int[rows.Count + 50];
        var widths = new List<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var width = carry[r];
            foreach (Match cell in Regex.Matches(rows[r], "<t[dh](\\s[^>]*)?>"))
            {
                var attrs = cell.Groups[1].Value;
                var span = Regex.Match(attrs, "colspan=\"(\\d+)\"") is { Success: true } c ? int.Parse(c.Groups[1].Value) : 1;
                var down = Regex.Match(attrs, "rowspan=\"(\\d+)\"") is { Success: true } s ? int.Parse(s.Groups[1].Value) : 1;
                Assert.True(r + down <= rows.Count, $"第 {r} 行的合并单元格超出表格");
                width += span;
                for (var k = 1; k < down; k++) carry[r + k] += span;
            }
            widths.Add(width);
        }
        return widths;
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Comments_stand_beside_their_rows_and_fields_and_are_answered_and_resolved_there(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var project = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery()
            .Where(p => p.BudgetUnit!.Code == "101002").OrderBy(p => p.Id).FirstAsync()));
        var id = project.Id;
        // A row inside a merged level block that is not its first row, and a budget line.
        var indicators = project.Form.Indicators;
        var merged = indicators.Skip(1).First(i => i.Level1 == indicators[indicators.IndexOf(i) - 1].Level1);
        var line = project.Form.BudgetLines[0];

        var preparer = await app.SignedIn("east-preparer");
        await Post(preparer, id, "Step", new() { ["action"] = "submit" });
        await Post(await app.SignedIn("east-head"), id, "Step", new() { ["action"] = "approve" });
        var supervisor = await app.SignedIn("supervisor");
        foreach (var (target, text) in new[]
        {
            ("", "整表意见<b>粗</b>"), ("field:name", "名称意见"), ("field:funding", "资金意见"), ("field:annualGoal", "年度目标意见"),
            ("row:" + merged.Id, "行意见"), ("row:" + line.Id, "明细意见"),
        })
            Assert.Equal(HttpStatusCode.OK, (await Post(supervisor, id, "Comment", new() { ["target"] = target, ["text"] = text })).StatusCode);
        // A comment whose row was deleted since: it stays readable at the top.
        await app.Db(async d =>
        {
            d.ReviewComments.Add(new ReviewComment { ProjectId = id, Version = 1, RowId = Guid.NewGuid(), Text = "旧行意见", Author = "supervisor", Utc = DateTime.UtcNow });
            return await d.SaveChangesAsync();
        });
        var comments = await app.Db(d => d.ReviewComments.Where(c => c.ProjectId == id).ToDictionaryAsync(c => c.Text, c => c.Id));

        // The reviewer sees the "＋意见" of each row and no answer box.
        var reviewerPage = await supervisor.GetStringAsync($"/Projects/{id}");
        Assert.Contains($"data-comment-target=\"row:{merged.Id}\"", reviewerPage);
        Assert.Contains($"data-comment-target=\"row:{line.Id}\"", reviewerPage);
        Assert.DoesNotContain("answer-form", reviewerPage);
        Assert.Contains("此表等待您审核", reviewerPage);
        // Resolved by its author right where it stands.
        await Post(supervisor, id, "Resolve", new() { ["commentId"] = comments["资金意见"].ToString() });
        await Post(supervisor, id, "Step", new() { ["action"] = "return", ["comment"] = "请按意见修改" });

        var page = await preparer.GetStringAsync($"/Projects/{id}");
        int At(string text) => page.IndexOf(text, StringComparison.Ordinal) is >= 0 and var i ? i : throw new Xunit.Sdk.XunitException("页面中没有：" + text);
        var header = At("<table class=\"form\">");
        Assert.Contains("此表已退回修改", page);
        // At the top: the form comment (escaped) and the one whose row is gone.
        Assert.InRange(At("整表意见&lt;b&gt;粗&lt;/b&gt;"), 0, header);
        Assert.DoesNotContain("整表意见<b>", page);
        Assert.InRange(At("旧行意见"), 0, header);
        Assert.InRange(At("已删除的行"), 0, header);
        // Fields beside their parts of the form.
        Assert.InRange(At("名称意见"), header, At("<h2>项目资金"));
        Assert.InRange(At("资金意见"), At("<table class=\"form money\">"), At("<h2>项目预算明细"));
        Assert.InRange(At("年度目标意见"), At("<table class=\"form goals\">"), At("<h2>绩效指标"));
        // The resolved one folds away but stays readable.
        Assert.Matches($"<details class=\"comment resolved\" id=\"comment-{comments["资金意见"]}\">", page);
        // The budget line's comment in the row under it.
        var plan = page.IndexOf("<h2>资金支出计划", StringComparison.Ordinal);
        Assert.InRange(At("明细意见"), At("<h2>项目预算明细"), plan > 0 ? plan : page.Length);
        // The row comment in a row of its own directly under its indicator (after the indicator's findings).
        var rowAt = At($"<tr class=\"comment-row no-print\" data-row-id=\"{merged.Id}\">");
        Assert.InRange(page.IndexOf(">行意见<", rowAt, StringComparison.Ordinal), rowAt, page.IndexOf("</tr>", rowAt, StringComparison.Ordinal));
        var before = page[..rowAt];
        Assert.Contains(">" + merged.Name, before[before.LastIndexOf("<tr>", StringComparison.Ordinal)..]);
        // Merged level cells take the comment row in: every row has the columns of the head.
        var widths = RowWidths(page);
        Assert.True(widths.Count > indicators.Count);
        Assert.All(widths, w => Assert.Equal(widths[0], w));
        // Each open comment has its answer box; every post form carries its anti-forgery token.
        Assert.Equal(6, Regex.Matches(page, "class=\"answer-form\"").Count);
        foreach (Match form in Regex.Matches(page, "<form[^>]*method=\"post\".*?</form>", RegexOptions.Singleline))
            Assert.Contains("__RequestVerificationToken", form.Value);

        // Answered where it stands; another unit cannot answer or resolve it.
        var answered = await Post(preparer, id, "Answer", new() { ["commentId"] = comments["行意见"].ToString(), ["answer"] = "已改<i>好</i>" });
        Assert.Contains("答复（张敏（东城区信访局））：</span><span class=\"text\">已改&lt;i&gt;好&lt;/i&gt;", await answered.Content.ReadAsStringAsync());
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.PostAsync($"/Projects/{id}/Steps?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["commentId"] = comments["行意见"].ToString(), ["answer"] = "x", ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await west.GetStringAsync("/Desk")),
        }))).StatusCode);
        // The finance bureau is not at this step and did not write it: refused with the reason.
        var finance = await app.SignedIn("finance");
        var refused = await Post(finance, id, "Resolve", new() { ["commentId"] = comments["行意见"].ToString() });
        Assert.Contains("只有提出意见的人、当前环节的审核人或本单位人员可以标记已解决", await refused.Content.ReadAsStringAsync());
        Assert.False(await app.Db(d => d.ReviewComments.Where(c => c.Id == comments["行意见"]).Select(c => c.Resolved).SingleAsync()));

        // The version page shows the form without the comments.
        Assert.DoesNotContain("comment-row", await preparer.GetStringAsync($"/Projects/{id}/Versions/1"));
    }
}
