using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain;

namespace Jixiao.Features.Workflow;

// The review comments of one project, sorted to the place in the form they concern: a row comment under
// its row, a field comment beside its field, a form comment at the top. A comment whose row or field is no
// longer in the form goes to the top too, so that nothing is silently dropped.
public sealed class SheetComments
{
    public required int ProjectId { get; init; }
    public required List<ReviewComment> All { get; init; }
    // The unit's own people answer; the author (or whoever reviews the current step) and the unit resolve.
    public required bool MayAnswer { get; init; }
    public required bool Reviews { get; init; }
    public required string? UserName { get; init; }
    public required HashSet<Guid> RowIds { get; init; }
    // What this user does next on this form, said at its top (the review panel is below the long form).
    public string? Prompt { get; init; }

    // The fields a comment may name, each with the part of the form it sits beside.
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "项目名称", ["funding"] = "资金情况", ["longTermGoal"] = "总体目标", ["annualGoal"] = "年度目标",
    };

    public int Open => All.Count(c => !c.Resolved);

    // A row's comments, sorted to their rows at the first look: a form asks for each of its rows in turn.
    public IReadOnlyList<ReviewComment> OfRow(Guid? rowId) =>
        rowId is Guid g && (byRow ??= All.Where(c => c.RowId != null).GroupBy(c => c.RowId!.Value).ToDictionary(r => r.Key, r => r.ToList()))
            .TryGetValue(g, out var here) ? here : [];
    Dictionary<Guid, List<ReviewComment>>? byRow;

    // A field comment beside its part: "funding.total" (as the API may name it) beside the money block too.
    public IEnumerable<ReviewComment> OfField(string field) => All.Where(c => c.RowId == null && PlaceOf(c.Field) == field);

    // The field of Fields a comment's field stands beside (null: none, so it goes to the top).
    public static string? PlaceOf(string? field) =>
        field == null ? null : Fields.Keys.FirstOrDefault(k => field == k || field.StartsWith(k + ".", StringComparison.Ordinal));

    // Form comments and the ones whose place is gone.
    public IEnumerable<ReviewComment> General => All.Where(c =>
        c.RowId is Guid g ? !RowIds.Contains(g) : PlaceOf(c.Field) == null);

    // Where a comment at the top points: the whole form, or a row or field no longer in the form.
    public string LabelOf(ReviewComment c) =>
        c.RowId is Guid g ? (RowIds.Contains(g) ? "表中的一行" : "已删除的行")
        : c.Field is { } f ? (Fields.TryGetValue(f, out var label) ? label : Domain.Review.ReviewLabels.FieldLabel(f))
        : "整张表";

    public bool MayResolve(ReviewComment c) => !c.Resolved && (MayAnswer || Reviews || c.Author == UserName);

    // all: the project's comments, kept between requests (only read).
    public static SheetComments For(ClaimsPrincipal user, Project project, List<ReviewComment> all)
    {
        var actor = ReviewChain.ActorOf(user);
        var stage = ReviewChain.StageOf(project);
        var reviews = Domain.Workflow.Workflow.Reviews(actor, stage);
        var actions = Domain.Workflow.Workflow.Available(actor, stage);
        return new SheetComments
        {
            ProjectId = project.Id,
            All = all,
            MayAnswer = Access.MayDeclare(user, project.BudgetUnitId),
            Reviews = reviews,
            Prompt = reviews ? "此表等待您审核：可在表中各行旁点“＋意见”提出意见，审核结论在页面下方。"
                : actions.Contains(Domain.Workflow.WorkflowAction.Submit)
                    ? project.Status == ProjectStatus.Returned ? "此表已退回修改：请在表中各条意见处答复，修改后到页面下方重新提交。" : "此表是草稿，尚未提交：填好后到页面下方提交审核。"
                : null,
            UserName = user.Identity?.Name,
            // Only a comment's place asks for them.
            RowIds = all.Count > 0 ? ReviewChain.RowIdsOf(project.Form) : [],
        };
    }
}

// What one place in the form shows: its comments, and for a reviewer a way to add one there.
// Add: offer the reviewer's "add a comment here" link (a row offers it in its own cell instead).
// ShowLabel: name the place on each comment (at the top, where a comment's row or field may be gone).
public sealed record CommentPlace(SheetComments Comments, IReadOnlyList<ReviewComment> Here, string Target, string Label,
    bool Add = true, bool ShowLabel = false)
{
    public static CommentPlace Field(SheetComments comments, string field) =>
        new(comments, comments.OfField(field).ToList(), "field:" + field, SheetComments.Fields[field]);

    // Whether the place shows anything: its comments, or a reviewer's way to add one.
    public bool Shown => Here.Count > 0 || (Add && Comments.Reviews);

    // A comment's summary line when it is folded away.
    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
