using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Workflow;
using Jixiao.Features.Projects;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Workflow;

// A comment given with a step or on its own: on the whole form, a field, or one row by its id.
public sealed record NewComment(Guid? RowId, string? Field, string Text);

// The review chain applied to stored projects: the rules (Domain/Workflow) decide, this stages what a step
// writes (the state before it kept as a version, the new status as the next version, the step and its
// comments) for ProjectStore.CommitAsync to save in one transaction.
public static class ReviewChain
{
    // In one pass over the claims, as IsInRole and FindFirst would read them (several times a page).
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        bool preparer = false, head = false, supervisor = false, finance = false, administrator = false;
        string? unit = null, department = null;
        foreach (var identity in user.Identities)
            foreach (var claim in identity.Claims)
            {
                if (string.Equals(claim.Type, identity.RoleClaimType, StringComparison.OrdinalIgnoreCase))
                    switch (claim.Value)
                    {
                        case Roles.Preparer: preparer = true; break;
                        case Roles.UnitHead: head = true; break;
                        case Roles.SupervisorReviewer: supervisor = true; break;
                        case Roles.FinanceReviewer: finance = true; break;
                        case Roles.LegacyAdmin: administrator = true; break;
                        case var role when Roles.Administrators.Contains(role): administrator = true; break;
                    }
                else if (string.Equals(claim.Type, UserClaims.Unit, StringComparison.OrdinalIgnoreCase)) unit ??= claim.Value;
                else if (string.Equals(claim.Type, UserClaims.Department, StringComparison.OrdinalIgnoreCase)) department ??= claim.Value;
            }
        return new(preparer, head, supervisor, finance, administrator,
            int.TryParse(unit, out var u) ? u : null, int.TryParse(department, out var d) ? d : null);
    }

    // The project's unit must be loaded.
    public static Stage StageOf(Project project) =>
        new(project.Status, project.BudgetUnitId, project.BudgetUnit?.SupervisingDepartmentId);

    public static IReadOnlyList<WorkflowAction> Available(ClaimsPrincipal user, Project project) =>
        Domain.Workflow.Workflow.Available(ActorOf(user), StageOf(project));

    // The project must be tracked with its unit loaded. Nothing is staged unless the decision allows it.
    public static Decision Act(JixiaoDb db, Project project, ClaimsPrincipal user, WorkflowAction action,
        string? comment, Conclusion? conclusion = null, IReadOnlyList<Rating>? checklist = null, IReadOnlyList<NewComment>? comments = null)
    {
        var decision = Domain.Workflow.Workflow.Decide(ActorOf(user), StageOf(project), action, comment, conclusion);
        if (!decision.Allowed) return decision;
        comments ??= [];
        for (var i = 0; i < comments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(comments[i].Text))
                return new Decision(Verdict.Invalid, project.Status, "意见内容不能为空", $"comments[{i}].text");
            if (comments[i].RowId is Guid row && !RowIdsOf(project.Form).Contains(row))
                return new Decision(Verdict.Invalid, project.Status, "意见所指的行不在此表单中", $"comments[{i}].rowId");
        }

        var userName = user.Identity?.Name;
        var displayName = user.FindFirstValue(UserClaims.DisplayName);
        var now = DateTime.UtcNow;
        var reviewed = project.Version;
        ProjectStore.KeepVersion(db, project);
        var from = project.Status;
        project.Status = decision.Next;
        project.Version = reviewed + 1;
        project.UpdatedUtc = now;
        project.UpdatedBy = userName;
        project.ChangeReason = Reason(action, from, decision.Next, comment);
        if (decision.Next == ProjectStatus.Approved) project.ApprovedVersion = project.Version;
        db.ProjectSteps.Add(new ProjectStep
        {
            ProjectId = project.Id, Version = project.Version, Action = Code(action), From = from, To = decision.Next,
            Utc = now, UserName = userName, DisplayName = displayName, Comment = Blank(comment),
            Conclusion = conclusion?.Chinese(),
            ChecklistJson = checklist is { Count: > 0 } ? JsonSerializer.Serialize(checklist, Interchange.Json) : null,
        });
        foreach (var c in comments)
            db.ReviewComments.Add(new ReviewComment
            {
                ProjectId = project.Id, Version = reviewed, RowId = c.RowId, Field = Blank(c.Field), Text = c.Text.Trim(),
                Author = userName, AuthorName = displayName, Utc = now,
            });
        return decision;
    }

    static string Reason(WorkflowAction action, ProjectStatus from, ProjectStatus to, string? comment)
    {
        var word = action switch
        {
            WorkflowAction.Submit => "提交",
            WorkflowAction.Adjust => "发起调整",
            WorkflowAction.Return => "退回修改",
            _ => to switch
            {
                ProjectStatus.UnitApproved => "单位确认",
                ProjectStatus.SupervisorApproved => "主管部门审核通过",
                _ => "批复",
            },
        };
        return string.IsNullOrWhiteSpace(comment) ? word : $"{word}：{comment.Trim()}";
    }

    public static string Code(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "submit",
        WorkflowAction.Approve => "approve",
        WorkflowAction.Return => "return",
        _ => "adjust",
    };

    public static string Button(WorkflowAction action, ProjectStatus status) => action switch
    {
        WorkflowAction.Submit => "提交",
        WorkflowAction.Adjust => "发起调整",
        WorkflowAction.Return => "退回修改",
        _ => status switch
        {
            ProjectStatus.Submitted => "确认",
            ProjectStatus.UnitApproved => "审核通过",
            _ => "批复",
        },
    };

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static HashSet<Guid> RowIdsOf(ProjectForm form)
    {
        var ids = new HashSet<Guid>();
        void Add(Guid? id) { if (id is Guid g) ids.Add(g); }
        form.Indicators.ForEach(r => Add(r.Id));
        form.BudgetLines.ForEach(r => Add(r.Id));
        form.SpendingPlan.ForEach(r => Add(r.Id));
        form.Safeguards.ForEach(r => Add(r.Id));
        form.People.ForEach(r => Add(r.Id));
        form.SelfEvaluation?.Execution.ForEach(r => Add(r.Id));
        return ids;
    }

    // A stored version's form, or the current one.
    public static async Task<ProjectForm?> FormAtAsync(JixiaoDb db, Project project, int version)
    {
        if (version == project.Version) return db.InFormOrder(project).Form;
        var json = await db.ProjectVersions.Where(v => v.ProjectId == project.Id && v.Version == version)
            .Select(v => v.FormJson).FirstOrDefaultAsync();
        return json == null ? null : JsonSerializer.Deserialize<ProjectForm>(json, Interchange.Json);
    }

    // Who, when: the latest step that brought the project to where it stands, for the lock notice.
    public static Task<ProjectStep?> LastStepAsync(JixiaoDb db, int projectId) =>
        db.ProjectSteps.Where(s => s.ProjectId == projectId).OrderByDescending(s => s.Id).FirstOrDefaultAsync();

    // Projects waiting for this user's decision, as a query: the statuses this user reviews, scoped to what it sees.
    public static IQueryable<Project> WaitingFor(this IQueryable<Project> projects, ClaimsPrincipal user)
    {
        var actor = ActorOf(user);
        if (actor.Administrator) return projects.Where(p => false);
        var statuses = new List<ProjectStatus>();
        if (actor.UnitHead) statuses.Add(ProjectStatus.Submitted);
        if (actor.SupervisorReviewer) statuses.Add(ProjectStatus.UnitApproved);
        if (actor.FinanceReviewer) statuses.Add(ProjectStatus.SupervisorApproved);
        // The statuses as constants in the SQL: an equality the planner answers from the status index (a
        // list parameter made SQLite scan every project), and SQL made once per combination of roles.
        var visible = projects.VisibleTo(user).Where(p => EF.Constant(statuses).Contains(p.Status));
        if (actor.UnitHead && actor.UnitId is int unit) visible = visible.Where(p => p.Status != ProjectStatus.Submitted || p.BudgetUnitId == unit);
        return visible;
    }

    // Projects that came back to this user's unit: returned forms, for the unit's own people.
    public static IQueryable<Project> ReturnedTo(this IQueryable<Project> projects, ClaimsPrincipal user)
    {
        var actor = ActorOf(user);
        if (!(actor.Preparer || actor.UnitHead) || actor.UnitId is not int unit) return projects.Where(p => false);
        return projects.Where(p => p.BudgetUnitId == unit && p.Status == ProjectStatus.Returned);
    }
}
