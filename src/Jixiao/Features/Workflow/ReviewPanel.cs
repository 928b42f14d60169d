using Jixiao.Data;
using Jixiao.Domain.Workflow;

namespace Jixiao.Features.Workflow;

// The review chain on the project page: whose step it is, the buttons for the signed-in user, the lock
// notice (why and by whom), the steps taken and the comments with their answers. Made by the page's
// handler, shown by _ReviewPanel.cshtml.
public sealed class ReviewPanel
{
    // A step's 四性 ratings with their reasons, as the unit reads them under the conclusion (they were kept but not
    // shown: a 良 said nothing of what to improve). Null when the step rated nothing or the record cannot be read.
    public static string? Checklist(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var ratings = System.Text.Json.JsonSerializer.Deserialize<List<Rating>>(json, Forms.Interchange.Json);
            return ratings is { Count: > 0 }
                ? string.Join("；", ratings.Select(r => $"{r.Criterion.Chinese()}{Domain.Review.ReviewLabels.Chinese(r.Grade)}"
                    + (string.IsNullOrWhiteSpace(r.Reason) ? "" : $"（{r.Reason.Trim()}）")))
                : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public sealed record Target(string Value, string Label);

    public required Project Project { get; init; }
    public required IReadOnlyList<WorkflowAction> Actions { get; init; }
    public required List<ProjectStep> Steps { get; init; }
    public required SheetComments Comments { get; init; }
    public required bool Reviews { get; init; }
    public required bool UnitOwn { get; init; }
    public required string? UserName { get; init; }
    public ProjectStep? Last => Steps.Count > 0 ? Steps[^1] : null;
    public required List<Target> Targets { get; init; }
    public string? Error { get; init; }
    // What the reviewer had typed when the step was refused (grades, reasons, comment), given back to the form.
    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();
    public string? TypedOf(string name) => Typed.GetValueOrDefault(name);
    // The people's names as the steps recorded them, for the version list below the panel.
    public required IReadOnlyDictionary<string, string> Names { get; init; }

    public string TargetOf(ReviewComment c) =>
        c.RowId is Guid g ? Targets.FirstOrDefault(t => t.Value == "row:" + g)?.Label ?? "（已删除的行）"
        : c.Field is { } f ? Targets.FirstOrDefault(t => t.Value == "field:" + f)?.Label ?? f
        : "整张表";

    // A sign-in name as the person's name where a step of this project recorded it.
    public string? NameOf(string? userName) => userName != null && Names.TryGetValue(userName, out var name) ? name : userName;

    // steps: the project's, kept between requests (only read); error: a refused step's reason, brought back.
    // typed: what the reviewer had typed into a refused step (JSON, brought back with the error).
    public static ReviewPanel For(System.Security.Claims.ClaimsPrincipal user, Project project, List<ProjectStep> steps, SheetComments comments,
        string? error, string? typed)
    {
        var actor = ReviewChain.ActorOf(user);
        // Whether this user reviews the current step: decided once, with the comments the form shows.
        var reviews = comments.Reviews;
        return new ReviewPanel
        {
            Project = project,
            Actions = Domain.Workflow.Workflow.Available(actor, ReviewChain.StageOf(project)),
            Steps = steps,
            Comments = comments,
            Reviews = reviews,
            UnitOwn = (actor.Preparer || actor.UnitHead) && actor.UnitId == project.BudgetUnitId,
            UserName = user.Identity?.Name,
            // Only a reviewer's comment form and the list of comments name them.
            Targets = reviews || comments.All.Count > 0 ? TargetsOf(project) : [],
            Error = error,
            Typed = typed != null ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(typed) ?? [] : [],
            Names = steps.Where(s => s.UserName != null && s.DisplayName != null)
                .GroupBy(s => s.UserName!).ToDictionary(g => g.Key, g => g.Last().DisplayName!),
        };
    }

    public static List<Target> TargetsOf(Project project)
    {
        var form = project.Form;
        var list = new List<Target>
        {
            new("", "整张表"), new("field:name", "项目名称"), new("field:funding", "资金情况"),
            new("field:longTermGoal", "总体目标"), new("field:annualGoal", "年度目标"),
        };
        foreach (var i in form.Indicators.Where(i => i.Id != null))
            list.Add(new("row:" + i.Id, $"指标：{i.Level2 ?? i.Level1} · {i.Name}"));
        foreach (var l in form.BudgetLines.Where(l => l.Id != null))
            list.Add(new("row:" + l.Id, $"预算明细：{l.Name}"));
        return list;
    }
}
