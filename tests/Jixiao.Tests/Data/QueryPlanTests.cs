using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features;
using Jixiao.Features.Workflow;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Data;

// The main lists and the search reach projects and their rows through indexes, whatever the data size:
// PostgreSQL's plans, with sequential scans priced out, must not scan the projects or their rows.
public class QueryPlanTests
{
    [Fact]
    public async Task The_main_lists_and_the_search_use_indexes_on_PostgreSQL()
    {
        await using var test = await TestDatabase.Create("postgres");
        // Configured as the application configures it.
        await using var db = Database.Create(".", test.ConnectionString);
        await Migrator.MigrateAsync(db);
        var dept = new SupervisingDepartment { Name = "区政府办" };
        var unit = new BudgetUnit { Name = "东城区信访局", Code = "101002", SupervisingDepartment = dept };
        db.Add(unit);
        for (var n = 0; n < 30; n++)
            db.Projects.Add(new Project
            {
                BudgetUnit = unit, FiscalYear = 2026, Status = n % 2 == 0 ? ProjectStatus.Draft : ProjectStatus.SupervisorApproved,
                Form = new ProjectForm { Name = $"信访项目{n}", Indicators = [new Indicator { Level1 = "产出指标", Name = "信访事项及时受理率" }] },
            });
        await db.SaveChangesAsync();
        List<int> shownUnits = [unit.Id];
        // A monitoring round over the unit with one red report with an impossible row (the dashboard's queries).
        var monitored = db.Projects.Local.First();
        monitored.Status = ProjectStatus.Approved;
        monitored.ApprovedVersion = monitored.Version;
        var round = new MonitoringRound
        {
            ProfileId = "national-2021", FiscalYear = 2026, EndMonth = 6, DueDate = new DateOnly(2026, 7, 10),
            Units = [new MonitoringRoundUnit { BudgetUnitId = unit.Id }],
        };
        db.MonitoringRounds.Add(round);
        await db.SaveChangesAsync();
        db.MonitoringReports.Add(new MonitoringReport
        {
            RoundId = round.Id, ProjectId = monitored.Id, BudgetUnitId = unit.Id, Light = Jixiao.Domain.Monitoring.Light.Red,
            Rows = [new MonitoringRow { IndicatorId = Guid.NewGuid(), Likelihood = Jixiao.Domain.Monitoring.Likelihood.Impossible }],
        });
        await db.SaveChangesAsync();
        // As the dashboard asks: the round's units the user sees (here a supervising department), as a subquery.
        var roundUnits = db.BudgetUnits.VisibleTo(User(Roles.SupervisorReviewer, (UserClaims.Department, dept.Id)))
            .Where(u => db.MonitoringRoundUnits.Any(x => x.RoundId == round.Id && x.BudgetUnitId == u.Id)).Select(u => u.Id);
        var reports = db.MonitoringReports.Where(r => r.RoundId == round.Id && roundUnits.Contains(r.BudgetUnitId));

        var finance = User(Roles.FinanceReviewer);
        var supervisor = User(Roles.SupervisorReviewer, (UserClaims.Department, dept.Id));
        var preparer = User(Roles.Preparer, (UserClaims.Unit, unit.Id));
        int[] shown = [unit.Id];
        int[] pageIds = [.. db.Projects.Local.Take(3).Select(p => p.Id)];
        var queries = new Dictionary<string, IQueryable<object>>
        {
            ["单位项目列表"] = db.Projects.VisibleTo(preparer).Where(p => p.FiscalYear == 2026 && shown.Contains(p.BudgetUnitId))
                .OrderBy(p => p.Id).Select(p => (object)new { p.Id, p.Form.Name, Indicators = p.Form.Indicators.Count }),
            ["自动审核（财政）"] = db.Projects.VisibleTo(finance).Where(p => p.FiscalYear == 2026)
                .OrderBy(p => p.QualityScore).ThenBy(p => p.NameKey).Take(20).Select(p => (object)new { p.Id, p.QualityScore }),
            ["自动审核（主管部门）"] = db.Projects.VisibleTo(supervisor).Where(p => p.FiscalYear == 2026)
                .OrderBy(p => p.QualityScore).Take(20).Select(p => (object)p.Id),
            // Keyset pages (ReviewPaging): the page after a row and the page before it, read from the index's range.
            ["自动审核（财政，下一页）"] = Jixiao.Features.Review.ReviewPaging.Scored(db.Projects.VisibleTo(finance).Where(p => p.FiscalYear == 2026),
                new(70, "信访项目10", 11), forward: true).Take(51).Select(p => (object)new { p.Id, p.Form.Name, Unit = p.BudgetUnit!.Name, p.QualityScore }),
            ["自动审核（财政，上一页）"] = Jixiao.Features.Review.ReviewPaging.Scored(db.Projects.VisibleTo(finance).Where(p => p.FiscalYear == 2026),
                new(70, "信访项目10", 11), forward: false).Take(51).Select(p => (object)new { p.Id, p.Form.Name, Unit = p.BudgetUnit!.Name, p.QualityScore }),
            ["自动审核（主管部门，下一页）"] = Jixiao.Features.Review.ReviewPaging.Scored(db.Projects.VisibleTo(supervisor).Where(p => p.FiscalYear == 2026),
                new(70, "信访项目10", 11), forward: true).Take(51).Select(p => (object)p.Id),
            ["自动审核（未评分）"] = Jixiao.Features.Review.ReviewPaging.Unscored(db.Projects.VisibleTo(finance).Where(p => p.FiscalYear == 2026),
                new(null, "信访项目10", 11), forward: true).Take(51).Select(p => (object)p.Id),
            ["自动审核：本页的问题"] = db.Projects.Where(p => pageIds.Contains(p.Id))
                .SelectMany(p => p.Findings, (p, f) => new { p.Id, f.Rule, f.Severity, f.Message }).Select(f => (object)f),
            ["按规则筛选"] = db.Projects.VisibleTo(finance).Where(p => p.FiscalYear == 2026 && p.Findings.Any(f => f.Rule == "R01"))
                .Take(20).Select(p => (object)p.Id),
            ["待办（财政）"] = db.Projects.WaitingFor(finance).OrderBy(p => p.UpdatedUtc).Take(20).Select(p => (object)p.Id),
            ["搜索项目"] = SearchIndex.Find(db, SearchText.Words("信访"), SearchIndex.In.Projects).VisibleTo(finance).Take(8).Select(p => (object)p.Id),
            ["监控看板：计划"] = db.Projects.Where(p => roundUnits.Contains(p.BudgetUnitId) && p.FiscalYear == 2026 && p.ApprovedVersion != null)
                .Select(p => (object)new { p.Id, p.Form.Funding.AnnualRequest, Plan = p.Form.SpendingPlan.Select(m => m.CumulativePercent).ToList() }),
            ["监控看板：各单位灯"] = reports.GroupBy(r => new { r.BudgetUnitId, r.Light }).Select(g => (object)new { g.Key.BudgetUnitId, g.Key.Light, Count = g.Count() }),
            ["监控看板：指标"] = reports.SelectMany(r => r.Rows, (r, w) => new { r.BudgetUnitId, w.Likelihood })
                .GroupBy(x => new { x.BudgetUnitId, x.Likelihood }).Select(g => (object)new { g.Key.BudgetUnitId, g.Key.Likelihood, Count = g.Count() }),
            ["监控看板：红灯清单"] = reports.Where(r => r.Light == Jixiao.Domain.Monitoring.Light.Red)
                .Select(r => new { r.ProjectId, r.Project!.Form.Name, Unit = r.Project.BudgetUnit!.Name }).OrderBy(r => r.Unit).ThenBy(r => r.Name).Take(200).Select(r => (object)r.ProjectId),
            ["监控轮次"] = db.Projects.Where(p => shownUnits.Contains(p.BudgetUnitId) && p.FiscalYear == 2026 && p.ApprovedVersion != null)
                .OrderBy(p => p.Form.Name).Select(p => (object)new { p.Id, p.BudgetUnitId, p.Form.Name }),
            ["搜索指标"] = SearchIndex.Find(db, SearchText.Words("xfsx"), SearchIndex.In.Indicators).VisibleTo(supervisor).Take(8).Select(p => (object)p.Id),
        };

        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        foreach (var (name, query) in queries)
        {
            await using var command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN " + command.CommandText;
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            var text = string.Join("\n", plan);
            Assert.True(UsesIndexes(plan), $"{name} 全表扫描了项目或其行：\n{text}");
        }
    }

    // Every scan of a project table is restricted by an index condition: no sequential scan, and no
    // index read from end to end either (which is what a plan without a usable index falls back to).
    static bool UsesIndexes(List<string> plan)
    {
        string[] tables = ["\"Projects\"", "\"Indicators\"", "\"ProjectFindings\"", "\"MonitoringReports\"", "\"MonitoringRows\"", "\"SpendingMilestones\""];
        for (var i = 0; i < plan.Count; i++)
        {
            var line = plan[i];
            if (!line.Contains(" Scan ") || !tables.Any(t => line.Contains(" on " + t))) continue;
            if (line.Contains("Seq Scan")) return false;
            var indent = line.Length - line.TrimStart().Length;
            var restricted = false;
            for (var j = i + 1; j < plan.Count && plan[j].Length - plan[j].TrimStart().Length > indent && !plan[j].TrimStart().StartsWith("->"); j++)
                restricted |= plan[j].Contains("Index Cond:") || plan[j].Contains("Recheck Cond:");
            if (!restricted) return false;
        }
        return true;
    }

    static ClaimsPrincipal User(string role, params (string Type, int Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value.ToString())).Append(new Claim(ClaimTypes.Role, role)), "test"));
}
