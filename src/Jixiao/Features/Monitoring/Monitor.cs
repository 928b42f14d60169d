using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Review;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// What a unit enters for one project, from the page or from the Excel template, before it is checked.
public sealed class ReportInput
{
    public decimal? Spent { get; set; }
    public string? Cause { get; set; }
    public string? CauseText { get; set; }
    public string? Measures { get; set; }
    public List<RowInput> Rows { get; set; } = [];
}

public sealed class RowInput
{
    public Guid IndicatorId { get; set; }
    public string? Value { get; set; }
    public string? Expected { get; set; }
    public string? Likelihood { get; set; }
    public string? Cause { get; set; }
    public string? CauseText { get; set; }
    public string? Measures { get; set; }
}

// A problem or a warning with the place it concerns: the row (null for the budget row) and the field.
public sealed record Located(Guid? RowId, string Field, string Where, string Message)
{
    public override string ToString() => $"{Where}：{Message}";
}

// The monitoring slice's shared queries and rules: which rounds and projects a user sees, the form in
// force for a project, applying an entry to a report and checking it.
public static class Monitor
{
    public static ReviewProfile Profile(MonitoringRound round) => ReviewProfiles.Find(round.ProfileId) ?? ReviewProfiles.National2021;

    // Rounds the user sees: finance and the system administrator all; a supervisor those with one of its
    // units; a unit's people those that include their unit.
    public static IQueryable<MonitoringRound> RoundsVisibleTo(JixiaoDb db, ClaimsPrincipal user)
    {
        if (Access.SeesAll(user)) return db.MonitoringRounds;
        var units = db.BudgetUnits.VisibleTo(user).Select(u => u.Id);
        return db.MonitoringRounds.Where(r => r.Units.Any(u => units.Contains(u.BudgetUnitId)));
    }

    // Monitored are the projects of the round's year that have an approved version in force. A project
    // never approved (draft, in review) is not monitored: its targets are not yet agreed.
    public static IQueryable<Project> Monitored(JixiaoDb db, MonitoringRound round, int unitId) =>
        db.Projects.Where(p => p.BudgetUnitId == unitId && p.FiscalYear == round.FiscalYear && p.ApprovedVersion != null);

    // The form in force: the current one when approved; during an adjustment (调整) the approved version.
    public static async Task<ProjectForm> FormInForce(JixiaoDb db, Project project)
    {
        if (project.Status == ProjectStatus.Approved || project.ApprovedVersion is not int approved)
            return db.InFormOrder(project).Form;
        var json = await db.ProjectVersions.Where(v => v.ProjectId == project.Id && v.Version == approved)
            .Select(v => v.FormJson).FirstOrDefaultAsync();
        return json is null ? db.InFormOrder(project).Form
            : JsonSerializer.Deserialize<ProjectForm>(json, Forms.Interchange.Json) ?? project.Form;
    }

    public static Task<Project?> LoadProject(IQueryable<Project> projects, int id) =>
        projects.Where(p => p.Id == id).Include(p => p.BudgetUnit).ThenInclude(u => u!.SupervisingDepartment).AsSplitQuery().FirstOrDefaultAsync();

    public static string RowLabel(ProjectForm form, Guid id)
    {
        var i = form.Indicators.FindIndex(x => x.Id == id);
        return i < 0 ? "未知行" : $"第{i + 1}行“{form.Indicators[i].Name}”";
    }

    // Puts an entry into the report (unknown row ids are the caller's to report) and recomputes the light.
    public static List<Located> Apply(MonitoringReport report, ReportInput input, ProjectForm form, MonitoringRound round)
    {
        var errors = new List<Located>();
        report.Spent = input.Spent;
        report.Cause = Cause(input.Cause, null, "资金执行", errors);
        report.CauseText = Trim(input.CauseText);
        report.Measures = Trim(input.Measures);
        if (input.Spent is < 0) errors.Add(new(null, "Spent", "资金执行", "已支出金额不能为负数"));
        var byId = input.Rows.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key, g => g.Last());
        var rows = new List<MonitoringRow>();
        foreach (var indicator in form.Indicators.Where(i => i.Id is not null))
        {
            var id = indicator.Id!.Value;
            var old = report.Rows.FirstOrDefault(r => r.IndicatorId == id);
            var row = old ?? new MonitoringRow { IndicatorId = id };
            if (byId.TryGetValue(id, out var entry))
            {
                var where = RowLabel(form, id);
                row.Value = Trim(entry.Value);
                row.Expected = Trim(entry.Expected);
                row.Likelihood = Likelihood(entry.Likelihood, id, where, errors);
                row.Cause = Cause(entry.Cause, id, where, errors);
                row.CauseText = Trim(entry.CauseText);
                row.Measures = Trim(entry.Measures);
            }
            rows.Add(row);
        }
        report.Rows.RemoveAll(r => !rows.Contains(r));
        foreach (var row in rows.Where(r => !report.Rows.Contains(r))) report.Rows.Add(row);
        Evaluate(report, form, round);
        return errors;
    }

    public static void Evaluate(MonitoringReport report, ProjectForm form, MonitoringRound round)
    {
        var settings = Profile(round).Monitoring;
        report.Budget = BudgetLight.Budget(form);
        report.PacePercent = PlannedPace.At(form.SpendingPlan, round.EndMonth).Percent;
        report.SpentPercent = report.Spent is decimal spent ? BudgetLight.SpentPercent(spent, report.Budget) : null;
        report.Light = report.SpentPercent is decimal pct ? BudgetLight.For(pct, report.PacePercent, settings) : null;
    }

    // What keeps a report from being submitted (errors) and what it should answer (overshoot warnings).
    public static (List<Located> Errors, List<Located> Warnings) Check(MonitoringReport report, ProjectForm form, MonitoringRound round)
    {
        var settings = Profile(round).Monitoring;
        var errors = new List<Located>();
        var warnings = new List<Located>();
        if (report.Spent is null) errors.Add(new(null, "Spent", "资金执行", "请填写截至本期末的累计支出金额（元）"));
        foreach (var p in MonitoringRules.Check(new(null, report.Cause, report.CauseText, report.Measures), report.Light, indicatorRow: false))
            errors.Add(new(null, p.Field, "资金执行", p.Message));
        foreach (var indicator in form.Indicators.Where(i => i.Id is not null))
        {
            var row = report.Rows.FirstOrDefault(r => r.IndicatorId == indicator.Id);
            var where = RowLabel(form, indicator.Id!.Value);
            if (string.IsNullOrWhiteSpace(row?.Value)) errors.Add(new(indicator.Id, "Value", where, "请填写当前实际完成值"));
            foreach (var p in MonitoringRules.Check(new(row?.Likelihood, row?.Cause, row?.CauseText, row?.Measures), null, indicatorRow: true))
                errors.Add(new(indicator.Id, p.Field, where, p.Message));
            if (Overshoot.Warning(indicator.AnnualTarget ?? indicator.PeriodTarget, row?.Value, settings) is { } w
                && string.IsNullOrWhiteSpace(row?.CauseText))
                warnings.Add(new(indicator.Id, "Value", where, w));
        }
        return (errors, warnings);
    }

    static Likelihood? Likelihood(string? text, Guid id, string where, List<Located> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = MonitoringText.ParseLikelihood(text);
        if (value is null) errors.Add(new(id, "Likelihood", where, $"完成可能性“{text.Trim()}”无法识别，只能填确定能、有可能或完全不可能"));
        return value;
    }

    static CauseCategory? Cause(string? text, Guid? id, string where, List<Located> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = MonitoringText.ParseCause(text);
        if (value is null) errors.Add(new(id, "Cause", where, $"偏差原因类别“{text.Trim()}”无法识别，只能填人员、制度、经费、硬件或其他"));
        return value;
    }

    static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Why a unit's part of a round cannot be changed, or null while it can. Only the sign-off locks:
    // a unit past the due date may still enter (the round shows it as overdue).
    public static string? LockReason(MonitoringRoundUnit part) =>
        part.SignedOffUtc is DateTime at
            ? $"本轮监控已于 {Labels.Time(at)} 由 {part.SignedOffBy} 签发确认，已锁定，不能再修改。"
            : null;

    // Today in Beijing time: due dates are calendar days there.
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Status(ReportStatus? s) => s switch
    {
        ReportStatus.Submitted => "已提交",
        ReportStatus.Returned => "已退回",
        ReportStatus.Draft => "填报中",
        _ => "未填报",
    };

    public static string Money(decimal? v) => v is decimal d ? d.ToString("#,0.00") : "";
    public static string Percent(decimal? v) => v is decimal d ? d.ToString("0.##") + "%" : "";
    public static string LightLabel(Light? l) => l is Light light ? MonitoringText.Label(light) : "—";
    public static string LightClass(Light? l) => l switch { Light.Green => "light green", Light.Yellow => "light yellow", Light.Red => "light red", _ => "light none" };
}
