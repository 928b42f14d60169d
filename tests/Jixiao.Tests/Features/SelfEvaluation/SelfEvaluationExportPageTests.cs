using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Domain;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.SelfEvaluations;

// The 自评表 downloads of the 绩效自评 page, on both databases: what was saved comes back through the
// importer with the same actuals and scores; the public copy masks; other units get 404.
public class SelfEvaluationExportPageTests
{
    static string Page(int id) => $"/Projects/{id}/SelfEvaluation";

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_saved_self_evaluation_downloads_as_the_national_form_and_reads_back_the_same(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await SelfEvaluationPageTests.ApprovedSeed(app);
        var version = await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var client = await app.SignedIn("east-preparer");
        var html = await client.GetStringAsync(Page(id));
        Assert.Contains("data-export", html);
        Assert.Contains("value=\"docx\"", html);
        Assert.Contains($"href=\"/Projects/{id}/SelfEvaluation?handler=Print\"", html);
        Assert.Contains("绩效自评已保存", await PageForms.PostText(client, Page(id), Page(id), await SelfEvaluationPageTests.Filled(app, id, version)));

        var saved = await SelfEvaluationPageTests.RowsOf(app, id);
        var folder = Path.Combine(Path.GetTempPath(), "jixiao-selfeval-page-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var format in new[] { "docx", "xlsx" })
        {
            var response = await client.GetAsync($"{Page(id)}?handler=File&to={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("绩效自评表", response.Content.Headers.ContentDisposition!.FileNameStar);
            var path = Path.Combine(folder, "selfeval." + format);
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            var back = DocumentReader.Read(path);
            Assert.Equal("self-evaluation", back.Source.Layout);
            var p = Assert.Single(back.Projects);
            Assert.Equal(saved.Select(r => (r.Name, r.Actual!.Raw, r.Score)), p.Indicators.Select(r => (r.Name, r.Actual!.Raw, r.Score)));
            Assert.Equal((89.33m, EvaluationGrade.Good), (p.SelfEvaluation!.TotalScore!.Value, p.SelfEvaluation.Grade!.Value));
            var total = p.SelfEvaluation.Execution[0];
            Assert.Equal((600000m, 552000m, 92m, 9.2m), (total.AnnualBudget!.Value, total.Executed!.Value, total.BudgetExecutionRate!.Value, total.Score!.Value));
        }

        var privatePath = Path.Combine(folder, "selfeval.docx");
        using (var d = WordprocessingDocument.Open(privatePath, false)) Assert.Contains("王晓西", d.MainDocumentPart!.Document!.Body!.InnerText);
        // The public copy: the names of the signature block masked, the figures kept.
        var open = await client.GetAsync($"{Page(id)}?handler=File&to=docx&public=true");
        Assert.Contains("公开版", open.Content.Headers.ContentDisposition!.FileNameStar);
        var openPath = Path.Combine(folder, "open.docx");
        await File.WriteAllBytesAsync(openPath, await open.Content.ReadAsByteArrayAsync());
        using (var d = WordprocessingDocument.Open(openPath, false))
        {
            var text = d.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("89.33", text);
            Assert.DoesNotContain("王晓西", text);
        }

        // The print view, and the limits: a bad format, another unit, a guessed id.
        var print = await client.GetStringAsync($"{Page(id)}?handler=Print");
        Assert.Contains("项目支出绩效自评表", print);
        Assert.Contains("偏差原因分析及改进措施", print);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Page(id)}?handler=File&to=odt")).StatusCode);
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"{Page(id)}?handler=File&to=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"{Page(id)}?handler=Print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Page(id + 999)}?handler=File&to=docx")).StatusCode);
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Level_weights_that_do_not_add_up_show_on_the_page_with_their_rows()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var id = await SelfEvaluationPageTests.ApprovedSeed(app);
        await app.Db(async d =>
        {
            var p = d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(x => x.Id == id));
            // The first two rows are 产出 rows: give their level 2 points that leave 产出 short of its 50.
            foreach (var r in p.Form.Indicators.Where(r => (r.Level1 ?? "").StartsWith("产出")))
                r.Level2 = (r.Level2 ?? "") + "（10分）";
            await d.SaveChangesAsync();
            return 0;
        });
        var html = await (await app.SignedIn("east-preparer")).GetStringAsync(Page(id));
        Assert.Contains("一级指标“产出指标”下各二级指标分值合计", html);
        Assert.Contains("应等于一级指标分值50", html);
    }
}
