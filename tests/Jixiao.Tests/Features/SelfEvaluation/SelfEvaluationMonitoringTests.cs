using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.SelfEvaluations;

// The 绩效自评 page starts from the latest signed-off monitoring round where nothing is entered yet, marks
// each such value with its round, and leaves what was saved alone.
public class SelfEvaluationMonitoringTests
{
    static string Page(int id) => $"/Projects/{id}/SelfEvaluation";

    static async Task AddRound(TestApp app, int projectId, int month, bool signed, decimal? spent, params (int Row, string Value)[] values)
    {
        var rows = await SelfEvaluationPageTests.RowsOf(app, projectId);
        await app.Db(async d =>
        {
            var project = await d.Projects.SingleAsync(p => p.Id == projectId);
            var round = new MonitoringRound
            {
                ProfileId = project.ReviewProfileId ?? "national", FiscalYear = project.FiscalYear, EndMonth = month,
                DueDate = new DateOnly(project.FiscalYear, month, 20), OpenedUtc = DateTime.UtcNow, OpenedBy = "supervisor",
                Units = [new MonitoringRoundUnit { BudgetUnitId = project.BudgetUnitId, SignedOffUtc = signed ? DateTime.UtcNow : null, SignedOffBy = signed ? "主管部门审核" : null }],
            };
            d.MonitoringRounds.Add(round);
            await d.SaveChangesAsync();
            d.MonitoringReports.Add(new MonitoringReport
            {
                RoundId = round.Id, ProjectId = projectId, BudgetUnitId = project.BudgetUnitId, Status = ReportStatus.Submitted,
                Spent = spent, Budget = 600000m, PacePercent = month * 100m / 12m, UpdatedUtc = DateTime.UtcNow, UpdatedBy = "east-preparer",
                Rows = values.Select(v => new MonitoringRow { IndicatorId = rows[v.Row].Id!.Value, Value = v.Value }).ToList(),
            });
            await d.SaveChangesAsync();
            return 0;
        });
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_latest_signed_off_round_fills_what_is_not_entered_yet_marked_and_editable(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await SelfEvaluationPageTests.ApprovedSeed(app);
        await AddRound(app, id, 6, signed: true, spent: 250000m, (0, "1起"), (1, "90%"));
        await AddRound(app, id, 10, signed: true, spent: 412000m, (0, "2起"), (2, "达成年度指标"), (3, "很好"));
        await AddRound(app, id, 12, signed: false, spent: 590000m, (0, "3起"), (1, "99%"));
        var october = new MonitoringRound { FiscalYear = 2021, EndMonth = 10 }.Title;
        var client = await app.SignedIn("east-preparer");

        var html = await client.GetStringAsync(Page(id));
        Assert.Contains("value=\"2起\"", html);                       // October, signed off
        Assert.DoesNotContain("value=\"3起\"", html);                 // December is not signed off
        Assert.DoesNotContain("value=\"90%\"", html);                 // June is not the latest round
        Assert.Contains("<option value=\"达成\" selected=\"selected\">", html);
        Assert.Contains("value=\"412000\"", html);                    // 全年执行数 from the amount spent
        Assert.Equal(3, html.Split($"来自监控：{october}（可修改）").Length - 1);   // two rows and the amount; not "很好"
        // Scored as shown: 2起 of 3起 on 12.5 points → 8.33.
        Assert.Contains("data-score>8.33<", html);

        // Saved values are the user's own: the page offers nothing over them.
        var version = await app.Db(d => d.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        Assert.Contains("绩效自评已保存", await PageForms.PostText(client, Page(id), Page(id), await SelfEvaluationPageTests.Filled(app, id, version)));
        html = await client.GetStringAsync(Page(id));
        Assert.DoesNotContain("来自监控", html);
        Assert.Contains("value=\"552000\"", html);
    }
}
