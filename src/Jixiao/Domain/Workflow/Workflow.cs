namespace Jixiao.Domain.Workflow;

public enum WorkflowAction { Submit, Approve, Return, Adjust }

// Who acts, reduced to what the rules look at: the roles held and the unit or department the user belongs to.
public sealed record Actor(
    bool Preparer = false, bool UnitHead = false, bool SupervisorReviewer = false, bool FinanceReviewer = false,
    bool Administrator = false, int? UnitId = null, int? DepartmentId = null);

// The project as the rules see it: where it is, whose it is and which department supervises that unit.
public sealed record Stage(ProjectStatus Status, int UnitId, int? DepartmentId);

public enum Verdict { Allowed, NotYourTurn, Invalid }

public sealed record Decision(Verdict Verdict, ProjectStatus Next, string? Reason = null, string? Field = null)
{
    public bool Allowed => Verdict == Verdict.Allowed;
}

// The review chain (domain.md section 4): the unit declares, its head confirms, the supervising department
// reviews, the finance bureau approves; each reviewer may return the form at its own step. A change after
// approval is an adjustment that starts as a draft again and goes through the same chain.
public static class Workflow
{
    public static Decision Decide(Actor actor, Stage stage, WorkflowAction action, string? comment = null, Conclusion? conclusion = null)
    {
        var next = Target(actor, stage, action);
        if (next is not ProjectStatus to)
            return new Decision(Verdict.NotYourTurn, stage.Status, Refusal(actor, stage, action));
        if (action is WorkflowAction.Return && string.IsNullOrWhiteSpace(comment))
            return new Decision(Verdict.Invalid, stage.Status, "退回修改须写明退回意见", "comment");
        if (action is WorkflowAction.Adjust && string.IsNullOrWhiteSpace(comment))
            return new Decision(Verdict.Invalid, stage.Status, "发起调整须写明调整原因", "comment");
        if (action is WorkflowAction.Approve && conclusion is Conclusion.Return or Conclusion.Refuse)
            return new Decision(Verdict.Invalid, stage.Status,
                $"审核结论为“{conclusion.Value.Chinese()}”的表单不能通过，应退回修改", "conclusion");
        return new Decision(Verdict.Allowed, to);
    }

    // The actions this actor may take on the project now, in the order a page offers them.
    public static IReadOnlyList<WorkflowAction> Available(Actor actor, Stage stage) =>
        Enum.GetValues<WorkflowAction>().Where(a => Target(actor, stage, a) is not null).ToList();

    // Whose turn it is at a status: the statuses a reviewer acts on, and what approving leads to.
    public static ProjectStatus? AfterApproval(ProjectStatus status) => status switch
    {
        ProjectStatus.Submitted => ProjectStatus.UnitApproved,
        ProjectStatus.UnitApproved => ProjectStatus.SupervisorApproved,
        ProjectStatus.SupervisorApproved => ProjectStatus.Approved,
        _ => null,
    };

    public static bool IsReviewStep(ProjectStatus status) => AfterApproval(status) is not null;

    // The form may be written only while it is the unit's own: a draft (a new one or an adjustment) or returned.
    public static bool IsOpen(ProjectStatus status) => status is ProjectStatus.Draft or ProjectStatus.Returned;

    static ProjectStatus? Target(Actor actor, Stage stage, WorkflowAction action)
    {
        var ownUnit = (actor.Preparer || actor.UnitHead) && actor.UnitId == stage.UnitId;
        return action switch
        {
            WorkflowAction.Submit when ownUnit && IsOpen(stage.Status) => ProjectStatus.Submitted,
            WorkflowAction.Adjust when ownUnit && stage.Status == ProjectStatus.Approved => ProjectStatus.Draft,
            WorkflowAction.Approve when Reviews(actor, stage) => AfterApproval(stage.Status),
            WorkflowAction.Return when Reviews(actor, stage) => ProjectStatus.Returned,
            _ => null,
        };
    }

    // Is this actor the reviewer of the step the project stands at. An administrator never reviews,
    // whatever other role it holds: administering the system is kept apart from deciding budgets.
    public static bool Reviews(Actor actor, Stage stage) => !actor.Administrator && stage.Status switch
    {
        ProjectStatus.Submitted => actor.UnitHead && actor.UnitId == stage.UnitId,
        ProjectStatus.UnitApproved => actor.SupervisorReviewer && actor.DepartmentId is int d && d == stage.DepartmentId,
        ProjectStatus.SupervisorApproved => actor.FinanceReviewer,
        _ => false,
    };

    static string Refusal(Actor actor, Stage stage, WorkflowAction action)
    {
        if (actor.Administrator && action is WorkflowAction.Approve or WorkflowAction.Return)
            return "系统管理员不参与审核，不能通过或退回表单";
        return action switch
        {
            WorkflowAction.Submit or WorkflowAction.Adjust when !((actor.Preparer || actor.UnitHead) && actor.UnitId == stage.UnitId) =>
                "只有本单位的填报人或单位负责人可以" + Verb(action),
            WorkflowAction.Submit => $"表单当前为“{Chinese(stage.Status)}”，只有草稿或已退回的表单可以提交",
            WorkflowAction.Adjust => $"表单当前为“{Chinese(stage.Status)}”，只有已批复的表单可以发起调整",
            _ when !IsReviewStep(stage.Status) => $"表单当前为“{Chinese(stage.Status)}”，不在审核环节",
            _ => $"表单当前为“{Chinese(stage.Status)}”，应由{Reviewer(stage.Status)}审核，您不能{Verb(action)}",
        };
    }

    public static string Reviewer(ProjectStatus status) => status switch
    {
        ProjectStatus.Submitted => "本单位的单位负责人",
        ProjectStatus.UnitApproved => "主管部门",
        ProjectStatus.SupervisorApproved => "财政部门",
        _ => "填报单位",
    };

    public static string Verb(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "提交",
        WorkflowAction.Approve => "审核通过",
        WorkflowAction.Return => "退回修改",
        _ => "发起调整",
    };

    public static string Chinese(ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => "草稿",
        ProjectStatus.Submitted => "已提交",
        ProjectStatus.UnitApproved => "单位已确认",
        ProjectStatus.SupervisorApproved => "主管部门已审",
        ProjectStatus.Approved => "已批复",
        _ => "已退回",
    };

    // The API's words for the statuses.
    public static string Code(ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => "draft",
        ProjectStatus.Submitted => "submitted",
        ProjectStatus.UnitApproved => "unitApproved",
        ProjectStatus.SupervisorApproved => "supervisorApproved",
        ProjectStatus.Approved => "approved",
        _ => "returned",
    };
}
