using System.Net;
using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Features.Projects;
using Jixiao.Features.SelfEvaluations;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.SelfEvaluations;

// Next year builds on this one: the copy shows last year's target, actual and score beside each row, keeps
// last year's actual with the row, and the review flags a target set below it (R41).
public class NextYearTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_copy_shows_last_years_actuals_and_flags_targets_below_them(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await SelfEvaluationPageTests.ApprovedSeed(app);
        var rows = await SelfEvaluationPageTests.RowsOf(app, id);
        // 信访问题解决完成率 (target 98%) reached 99%; 信访人员满意度 (target 95%) reached 96.5%.
        var saved = await app.Db(async d =>
        {
            var p = d.InFormOrder(await d.Projects.AsSplitQuery().Include(x => x.BudgetUnit).SingleAsync(x => x.Id == id));
            SelfEvaluationStore.ApplyActuals(d, p, new Dictionary<Guid, TargetValue>
            {
                [rows[1].Id!.Value] = TargetValue.Parse("99%"),
                [rows[7].Id!.Value] = TargetValue.Parse("96.5%"),
            }, "east-preparer", "绩效自评");
            return await ProjectStore.CommitAsync(d);
        });
        Assert.True(saved.Saved, saved.Conflict);
        var client = await app.SignedIn("east-preparer");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Projects/Edit?copyFrom={id}"));
        Assert.Contains("上年目标 · 实际 · 得分（2021）", page);
        Assert.Contains("\"信访人员满意度\": \"95% · 实际 96.5% · 得分 10\"", page);
        Assert.Contains("\"信访问题解决完成率\": \"98% · 实际 99% · 得分 12.5\"", page);
        Assert.Contains("\"全年解决信访问题数量\": \"3起\"", page);   // not evaluated: the target alone

        // The copy keeps last year's targets (98% and 95%, now below what was reached) and raises one.
        var form = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)).Form);
        form.SelfEvaluation = null;
        foreach (var i in form.Indicators) (i.Id, i.Actual, i.Score) = (null, null, null);
        form.Indicators[7].AnnualTarget = TargetValue.Parse("≥97%");
        form.StartDate = "2022-01-01";
        form.EndDate = "2022-12-31";
        var unit = await app.Db(d => d.BudgetUnits.Where(u => u.Name == SelfEvaluationPageTests.EastUnit).Select(u => u.Id).SingleAsync());
        var response = await PageForms.Post(client, $"/Projects/Edit?copyFrom={id}", "/Projects/Edit", new Dictionary<string, string>
        {
            ["formJson"] = JsonSerializer.Serialize(form, Interchange.Json), ["unitId"] = unit.ToString(), ["year"] = "2022", ["copyFrom"] = id.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var copy = await app.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.FiscalYear == 2022 && p.Form.Name == "信访储备金")));
        Assert.Equal("99%", copy.Form.Indicators[1].PreviousActual!.Raw);
        Assert.Equal("96.5%", copy.Form.Indicators[7].PreviousActual!.Raw);
        Assert.Null(copy.Form.Indicators[0].PreviousActual);
        var low = copy.Findings.Where(f => f.Rule == "R41-below-last-year").ToList();
        var finding = Assert.Single(low);
        Assert.Equal(copy.Form.Indicators[1].Id, finding.RowId);
        Assert.Equal("“信访问题解决完成率”年度指标值“98%”低于上年实际完成值“99%”", finding.Message);

        // The live review of the editor says the same.
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync($"/Projects/Edit/{copy.Id}"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Projects/Edit/{copy.Id}?handler=Check")
        {
            Content = new StringContent(JsonSerializer.Serialize(copy.Form, Interchange.Json), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var live = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(live.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("message").GetString() == "“信访问题解决完成率”年度指标值“98%”低于上年实际完成值“99%”");
    }
}
