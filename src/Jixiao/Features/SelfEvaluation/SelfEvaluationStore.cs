using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Projects;
using Jixiao.Features.Review;

namespace Jixiao.Features.SelfEvaluations;

// What the 绩效自评 page (or any other source of actuals) writes for one row: the actual value, the rater's
// score (qualitative rows) and 偏差原因分析及改进措施.
public sealed record RowEntry(TargetValue? Actual, decimal? Score, string? Cause);

// One money row of the 自评表 as typed: 年初预算数, 全年预算数, 全年执行数, in 元.
public sealed record MoneyEntry(FundingItem Item, string Name, decimal? InitialBudget, decimal? AnnualBudget, decimal? Executed);

public sealed record SelfEvaluationEntry
{
    public IReadOnlyDictionary<Guid, RowEntry> Rows { get; init; } = new Dictionary<Guid, RowEntry>();
    // Null: the money block stays as it is.
    public IReadOnlyList<MoneyEntry>? Money { get; init; }
    public string? AnnualGoalActual { get; init; }
    public bool SetsGoalActual { get; init; }
}

// The one write path of a year-end self-evaluation. It touches only the self-evaluation fields of the form
// (Indicator.Actual/Score/DeviationCause and ProjectForm.SelfEvaluation): the approved targets, weights and
// texts stay as approved. It keeps the previous state as a version and stages the change; the caller commits
// through ProjectStore.CommitAsync (one transaction per request).
public static class SelfEvaluationStore
{
    // The unit's own 填报人 and 单位负责人 write the self-evaluation of an approved project.
    public static bool MayWrite(ClaimsPrincipal user, Project project) =>
        project.Status == ProjectStatus.Approved && Access.MayDeclare(user, project.BudgetUnitId);

    // Actuals from elsewhere (the petition ledger): rows by id, other rows and the rater's scores untouched.
    public static void ApplyActuals(JixiaoDb db, Project project, IReadOnlyDictionary<Guid, TargetValue> actualsByRowId, string userName, string reason)
    {
        var rows = project.Form.Indicators.Where(i => i.Id is { } id && actualsByRowId.ContainsKey(id))
            .ToDictionary(i => i.Id!.Value, i => new RowEntry(actualsByRowId[i.Id!.Value], i.Score, i.DeviationCause));
        Apply(db, project, new SelfEvaluationEntry { Rows = rows }, userName, reason);
    }

    public static void Apply(JixiaoDb db, Project project, SelfEvaluationEntry entry, string userName, string reason)
    {
        ProjectStore.KeepVersion(db, project);
        var form = project.Form;
        foreach (var row in form.Indicators)
            if (row.Id is { } id && entry.Rows.TryGetValue(id, out var e))
            {
                row.Actual = e.Actual;
                row.Score = e.Score;
                row.DeviationCause = string.IsNullOrWhiteSpace(e.Cause) ? null : e.Cause.Trim();
            }
        var evaluation = form.SelfEvaluation ??= new Domain.SelfEvaluation { SourceUnit = "元" };
        if (entry.Money is { } money)
            foreach (var m in money)
            {
                var line = evaluation.Execution.FirstOrDefault(x => Same(x.Item, m.Item));
                if (line == null)
                {
                    line = new BudgetExecution { Id = Guid.NewGuid(), Name = m.Name, Item = m.Item };
                    evaluation.Execution.Add(line);
                }
                line.InitialBudget = m.InitialBudget;
                line.AnnualBudget = m.AnnualBudget;
                line.Executed = m.Executed;
                line.BudgetExecutionRate = m is { AnnualBudget: > 0, Executed: { } spent }
                    ? Scorer.Round(Math.Max(spent, 0m) / m.AnnualBudget.Value * 100m) : null;
            }
        if (entry.SetsGoalActual)
            evaluation.AnnualGoalActual = string.IsNullOrWhiteSpace(entry.AnnualGoalActual) ? null : entry.AnnualGoalActual.Trim();
        Record(form, StoredReview.ProfileOf(project).SelfEvaluation);

        project.Version++;
        project.UpdatedUtc = DateTime.UtcNow;
        project.UpdatedBy = userName;
        project.ChangeReason = reason;
        var report = StoredReview.Review(project);
        project.QualityScore = report.Score;
        project.Findings = report.Findings.Select(StoredFinding.From).ToList();
    }

    // 年度资金总额 is read as Total by some forms and as AnnualRequest by others.
    public static bool Same(FundingItem? a, FundingItem b) =>
        a == b || (IsTotal(a) && IsTotal(b));

    static bool IsTotal(FundingItem? item) => item is FundingItem.Total or FundingItem.AnnualRequest;

    // The computed scores written where the 自评表 shows them: each row with an actual, the execution row,
    // the total and the grade. Rows still without an actual keep no score.
    static void Record(ProjectForm form, SelfEvaluationSettings settings)
    {
        var result = Scorer.Score(form, settings);
        foreach (var r in result.Indicators)
            r.Row.Score = string.IsNullOrWhiteSpace(r.Row.Actual?.Raw) ? null : r.Score;
        var e = form.SelfEvaluation!;
        var total = e.Execution.FirstOrDefault(x => x.Item is FundingItem.Total or FundingItem.AnnualRequest);
        if (total != null)
        {
            total.Points = result.Execution.Points;
            total.Score = total.Executed is null ? null : result.Execution.Score;
        }
        e.TotalPoints = settings.TotalPoints;
        e.TotalScore = result.Total;
        e.Grade = result.Grade;
    }
}
