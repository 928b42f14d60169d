using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Workflow;
using Jixiao.Features.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Workflow;

// The posts of the review panel: a step (submit, approve, return, adjust), a comment, an answer, a resolve.
// Each is one transaction; whatever is refused comes back to the project page with the reason.
public sealed class StepsModel(JixiaoDb db) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/Projects/{id}#review");

    public async Task<IActionResult> OnPostStepAsync(int id, string? action, string? comment)
    {
        var project = await Load(id);
        if (project == null) return NotFound();
        if (!Enum.TryParse<WorkflowAction>(action, ignoreCase: true, out var act)) return Back(id, "未知的操作");
        var ratings = new List<Rating>();
        foreach (var c in Criteria.All)
            if (Enum.TryParse<EvaluationGrade>(Request.Form["grade_" + c], out var grade))
                ratings.Add(new Rating(c, grade, Request.Form["reason_" + c].ToString().Trim() is { Length: > 0 } r ? r : null));
        Conclusion? conclusion = null;
        if (ratings.Count > 0)
        {
            var result = Criteria.Conclude(ratings);
            if (result.Conclusion == null) return Back(id, "四性审核：" + string.Join("；", result.Problems), keepTyped: true);
            conclusion = result.Conclusion;
        }
        var decision = ReviewChain.Act(db, project, User, act, comment, conclusion, ratings);
        if (!decision.Allowed) return Back(id, decision.Reason!, keepTyped: true);
        return await Commit(id);
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, string? target, string? text)
    {
        var project = await Load(id);
        if (project == null) return NotFound();
        if (!Domain.Workflow.Workflow.Reviews(ReviewChain.ActorOf(User), ReviewChain.StageOf(project)))
            return Back(id, "只有当前环节的审核人可以添加审核意见");
        if (string.IsNullOrWhiteSpace(text)) return Back(id, "意见内容不能为空");
        Guid? row = null;
        string? field = null;
        if (target?.StartsWith("row:") == true && Guid.TryParse(target[4..], out var g) && ReviewChain.RowIdsOf(project.Form).Contains(g)) row = g;
        else if (target?.StartsWith("field:") == true) field = target[6..];
        else if (!string.IsNullOrEmpty(target)) return Back(id, "意见对象不在此表单中");
        var added = new ReviewComment
        {
            ProjectId = id, Version = project.Version, RowId = row, Field = field, Text = text.Trim(),
            Author = User.Identity?.Name, AuthorName = User.FindFirst(UserClaims.DisplayName)?.Value, Utc = DateTime.UtcNow,
        };
        db.ReviewComments.Add(added);
        // Back to the comment where it now stands in the form.
        return await Commit(id, () => "comment-" + added.Id);
    }

    // A comment gone from a project the user sees (deleted with its project's rows, or meanwhile): the page or
    // the editor was older than the data. Said as a conflict with what to do, never a bare 404 or a 500.
    public const string CommentGone = "该审核意见已不存在（可能已被删除），您的操作未保存：请刷新页面后查看最新的审核意见。";

    // The editor answers without leaving the form being revised: asked for JSON, it gets the answer or the reason.
    public async Task<IActionResult> OnPostAnswerAsync(int id, int commentId, string? answer)
    {
        var json = WantsJson;
        var (project, comment) = await LoadComment(id, commentId);
        if (project == null) return json ? Refused(StatusCodes.Status404NotFound, "未找到该项目") : NotFound();
        if (comment == null) return Gone(id, json);
        if (!Access.MayDeclare(User, project.BudgetUnitId))
            return json ? Refused(StatusCodes.Status403Forbidden, "只有本单位的人员可以答复审核意见") : Back(id, "只有本单位的人员可以答复审核意见");
        if (string.IsNullOrWhiteSpace(answer))
            return json ? Refused(StatusCodes.Status422UnprocessableEntity, "答复内容不能为空") : Back(id, "答复内容不能为空");
        comment.Answer = answer.Trim();
        comment.AnsweredBy = User.FindFirst(UserClaims.DisplayName)?.Value ?? User.Identity?.Name;
        comment.AnsweredUtc = DateTime.UtcNow;
        var saved = await CommitComment(commentId);
        if (!json) return saved.Saved ? Redirect($"/Projects/{id}#comment-{commentId}") : Back(id, saved.Conflict!);
        return saved.Saved
            ? new JsonResult(new { answer = comment.Answer, answeredBy = comment.AnsweredBy })
            : Refused(StatusCodes.Status409Conflict, saved.Conflict!);
    }

    IActionResult Gone(int id, bool json) => json ? Refused(StatusCodes.Status409Conflict, CommentGone) : Back(id, CommentGone);

    // A save of an answer or a resolve: when it fails because the comment was deleted between the read and the
    // write (the update found no row), the reason says that rather than that the project changed.
    async Task<SaveResult> CommitComment(int commentId)
    {
        var saved = await ProjectStore.CommitAsync(db);
        if (saved.Saved || await db.ReviewComments.AsNoTracking().AnyAsync(c => c.Id == commentId)) return saved;
        return new SaveResult(false, CommentGone);
    }

    bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);

    static JsonResult Refused(int status, string error) => new(new { error }) { StatusCode = status };

    // Also from the editor, which asks for JSON as it does for an answer.
    public async Task<IActionResult> OnPostResolveAsync(int id, int commentId)
    {
        var json = WantsJson;
        var (project, comment) = await LoadComment(id, commentId);
        if (project == null) return json ? Refused(StatusCodes.Status404NotFound, "未找到该项目") : NotFound();
        if (comment == null) return Gone(id, json);
        const string notYours = "只有提出意见的人、当前环节的审核人或本单位人员可以标记已解决";
        if (!Access.MayDeclare(User, project.BudgetUnitId) && comment.Author != User.Identity?.Name
            && !Domain.Workflow.Workflow.Reviews(ReviewChain.ActorOf(User), ReviewChain.StageOf(project)))
            return json ? Refused(StatusCodes.Status403Forbidden, notYours) : Back(id, notYours);
        comment.Resolved = true;
        comment.ResolvedBy = User.FindFirst(UserClaims.DisplayName)?.Value ?? User.Identity?.Name;
        var saved = await CommitComment(commentId);
        if (!json) return saved.Saved ? Redirect($"/Projects/{id}#comment-{commentId}") : Back(id, saved.Conflict!);
        return saved.Saved ? new JsonResult(new { resolvedBy = comment.ResolvedBy }) : Refused(StatusCodes.Status409Conflict, saved.Conflict!);
    }

    Task<Project?> Load(int id) =>
        db.Projects.VisibleTo(User).Include(p => p.BudgetUnit).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);

    async Task<(Project?, ReviewComment?)> LoadComment(int id, int commentId)
    {
        var project = await Load(id);
        if (project == null) return (null, null);
        return (project, await db.ReviewComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ProjectId == id));
    }

    async Task<IActionResult> Commit(int id, Func<string>? anchor = null)
    {
        var saved = await ProjectStore.CommitAsync(db);
        return saved.Saved ? Redirect($"/Projects/{id}#{anchor?.Invoke() ?? "review"}") : Back(id, saved.Conflict!);
    }

    // A refused step gives the reviewer's grades, reasons and comment back to the form (they were lost with the redirect).
    IActionResult Back(int id, string error, bool keepTyped = false)
    {
        TempData["ReviewError"] = error;
        if (keepTyped)
            TempData["ReviewTyped"] = System.Text.Json.JsonSerializer.Serialize(Request.Form
                .Where(f => f.Key.StartsWith("grade_") || f.Key.StartsWith("reason_") || f.Key == "comment")
                .ToDictionary(f => f.Key, f => f.Value.ToString()));
        return Redirect($"/Projects/{id}#review");
    }
}
