using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Workflow;
using Flow = Jixiao.Domain.Workflow.Workflow;

namespace Jixiao.Tests.Domain.Workflow;

public class WorkflowTests
{
    const int Unit = 7, OtherUnit = 8, Dept = 3, OtherDept = 4;
    static readonly Actor Preparer = new(Preparer: true, UnitId: Unit);
    static readonly Actor Head = new(UnitHead: true, UnitId: Unit);
    static readonly Actor OtherPreparer = new(Preparer: true, UnitId: OtherUnit);
    static readonly Actor OtherHead = new(UnitHead: true, UnitId: OtherUnit);
    static readonly Actor Supervisor = new(SupervisorReviewer: true, DepartmentId: Dept);
    static readonly Actor OtherSupervisor = new(SupervisorReviewer: true, DepartmentId: OtherDept);
    static readonly Actor Finance = new(FinanceReviewer: true);
    static readonly Actor Admin = new(Administrator: true);
    static readonly Actor AdminWithFinance = new(FinanceReviewer: true, Administrator: true);
    static readonly Actor Nobody = new();

    static Stage At(ProjectStatus s) => new(s, Unit, Dept);

    public static TheoryData<string, ProjectStatus, WorkflowAction, ProjectStatus> Allowed => new()
    {
        { "preparer", ProjectStatus.Draft, WorkflowAction.Submit, ProjectStatus.Submitted },
        { "preparer", ProjectStatus.Returned, WorkflowAction.Submit, ProjectStatus.Submitted },
        { "head", ProjectStatus.Draft, WorkflowAction.Submit, ProjectStatus.Submitted },
        { "head", ProjectStatus.Returned, WorkflowAction.Submit, ProjectStatus.Submitted },
        { "head", ProjectStatus.Submitted, WorkflowAction.Approve, ProjectStatus.UnitApproved },
        { "head", ProjectStatus.Submitted, WorkflowAction.Return, ProjectStatus.Returned },
        { "supervisor", ProjectStatus.UnitApproved, WorkflowAction.Approve, ProjectStatus.SupervisorApproved },
        { "supervisor", ProjectStatus.UnitApproved, WorkflowAction.Return, ProjectStatus.Returned },
        { "finance", ProjectStatus.SupervisorApproved, WorkflowAction.Approve, ProjectStatus.Approved },
        { "finance", ProjectStatus.SupervisorApproved, WorkflowAction.Return, ProjectStatus.Returned },
        { "preparer", ProjectStatus.Approved, WorkflowAction.Adjust, ProjectStatus.Draft },
        { "head", ProjectStatus.Approved, WorkflowAction.Adjust, ProjectStatus.Draft },
    };

    static Actor Named(string name) => name switch
    {
        "preparer" => Preparer, "head" => Head, "supervisor" => Supervisor, "finance" => Finance,
        "otherPreparer" => OtherPreparer, "otherHead" => OtherHead, "otherSupervisor" => OtherSupervisor,
        "admin" => Admin, "adminWithFinance" => AdminWithFinance, _ => Nobody,
    };

    [Theory, MemberData(nameof(Allowed))]
    public void The_one_whose_step_it_is_moves_the_form_on(string actor, ProjectStatus from, WorkflowAction action, ProjectStatus to)
    {
        var decision = Flow.Decide(Named(actor), At(from), action, "意见");
        Assert.True(decision.Allowed, decision.Reason);
        Assert.Equal(Verdict.Allowed, decision.Verdict);
        Assert.Equal(to, decision.Next);
        Assert.Null(decision.Reason);
        Assert.Contains(action, Flow.Available(Named(actor), At(from)));
    }

    // Every other combination of actor, status and action is refused as out of turn.
    [Fact]
    public void Everyone_else_is_out_of_turn()
    {
        var actors = new[] { "preparer", "head", "supervisor", "finance", "otherPreparer", "otherHead", "otherSupervisor", "admin", "adminWithFinance", "nobody" };
        var allowed = Allowed.Select(r => ((string)r[0], (ProjectStatus)r[1], (WorkflowAction)r[2])).ToHashSet();
        foreach (var actor in actors)
        foreach (var status in Enum.GetValues<ProjectStatus>())
        foreach (var action in Enum.GetValues<WorkflowAction>())
        {
            if (allowed.Contains((actor, status, action))) continue;
            var decision = Flow.Decide(Named(actor), At(status), action, "意见");
            Assert.True(decision.Verdict == Verdict.NotYourTurn, $"{actor} {status} {action}");
            Assert.Equal(status, decision.Next);
            Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
            Assert.DoesNotContain(action, Flow.Available(Named(actor), At(status)));
        }
    }

    [Fact]
    public void A_department_reviews_only_its_own_units()
    {
        Assert.False(Flow.Decide(Supervisor, new Stage(ProjectStatus.UnitApproved, Unit, OtherDept), WorkflowAction.Approve).Allowed);
        Assert.False(Flow.Decide(Supervisor, new Stage(ProjectStatus.UnitApproved, Unit, null), WorkflowAction.Approve).Allowed);
        Assert.False(Flow.Decide(new Actor(SupervisorReviewer: true), new Stage(ProjectStatus.UnitApproved, Unit, null), WorkflowAction.Approve).Allowed);
        Assert.True(Flow.Decide(Supervisor, new Stage(ProjectStatus.UnitApproved, OtherUnit, Dept), WorkflowAction.Approve).Allowed);
    }

    [Fact]
    public void An_administrator_never_approves_and_is_told_so()
    {
        var decision = Flow.Decide(AdminWithFinance, At(ProjectStatus.SupervisorApproved), WorkflowAction.Approve);
        Assert.Equal(Verdict.NotYourTurn, decision.Verdict);
        Assert.Contains("管理员", decision.Reason);
        Assert.Empty(Flow.Available(AdminWithFinance, At(ProjectStatus.SupervisorApproved)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_return_and_an_adjustment_need_their_words(string? comment)
    {
        var back = Flow.Decide(Supervisor, At(ProjectStatus.UnitApproved), WorkflowAction.Return, comment);
        Assert.Equal(Verdict.Invalid, back.Verdict);
        Assert.Equal("comment", back.Field);
        Assert.Equal(ProjectStatus.UnitApproved, back.Next);
        Assert.Contains("退回", back.Reason);
        var adjust = Flow.Decide(Preparer, At(ProjectStatus.Approved), WorkflowAction.Adjust, comment);
        Assert.Equal(Verdict.Invalid, adjust.Verdict);
        Assert.Equal("comment", adjust.Field);
        Assert.Contains("调整原因", adjust.Reason);
        // Submitting and approving need no words.
        Assert.True(Flow.Decide(Preparer, At(ProjectStatus.Draft), WorkflowAction.Submit, comment).Allowed);
        Assert.True(Flow.Decide(Finance, At(ProjectStatus.SupervisorApproved), WorkflowAction.Approve, comment).Allowed);
    }

    [Theory]
    [InlineData(Conclusion.Pass, true)]
    [InlineData(Conclusion.PassAfterConsultation, true)]
    [InlineData(Conclusion.Return, false)]
    [InlineData(Conclusion.Refuse, false)]
    public void Only_a_passing_conclusion_approves(Conclusion conclusion, bool passes)
    {
        var decision = Flow.Decide(Finance, At(ProjectStatus.SupervisorApproved), WorkflowAction.Approve, null, conclusion);
        Assert.Equal(passes, decision.Allowed);
        if (!passes)
        {
            Assert.Equal(Verdict.Invalid, decision.Verdict);
            Assert.Equal("conclusion", decision.Field);
            Assert.Contains(conclusion.Chinese(), decision.Reason);
        }
        // A return may carry any conclusion.
        Assert.True(Flow.Decide(Finance, At(ProjectStatus.SupervisorApproved), WorkflowAction.Return, "改", conclusion).Allowed);
    }

    [Fact]
    public void Refusals_say_why_in_chinese()
    {
        Assert.Contains("本单位", Flow.Decide(OtherPreparer, At(ProjectStatus.Draft), WorkflowAction.Submit).Reason);
        Assert.Contains("只有草稿或已退回", Flow.Decide(Preparer, At(ProjectStatus.Submitted), WorkflowAction.Submit).Reason);
        Assert.Contains("只有已批复", Flow.Decide(Preparer, At(ProjectStatus.Draft), WorkflowAction.Adjust).Reason);
        Assert.Contains("主管部门", Flow.Decide(Finance, At(ProjectStatus.UnitApproved), WorkflowAction.Approve).Reason);
        Assert.Contains("不在审核环节", Flow.Decide(Finance, At(ProjectStatus.Draft), WorkflowAction.Approve).Reason);
        Assert.Contains("本单位的单位负责人", Flow.Decide(Supervisor, At(ProjectStatus.Submitted), WorkflowAction.Return, "x").Reason);
        Assert.Contains("财政部门", Flow.Decide(Supervisor, At(ProjectStatus.SupervisorApproved), WorkflowAction.Approve).Reason);
    }

    // Each refusal and each invalid decision word for word, with the status it leaves the form at.
    public static TheoryData<string, ProjectStatus, WorkflowAction, string> Refusals => new()
    {
        { "admin", ProjectStatus.SupervisorApproved, WorkflowAction.Approve, "系统管理员不参与审核，不能通过或退回表单" },
        { "adminWithFinance", ProjectStatus.SupervisorApproved, WorkflowAction.Return, "系统管理员不参与审核，不能通过或退回表单" },
        { "admin", ProjectStatus.Draft, WorkflowAction.Submit, "只有本单位的填报人或单位负责人可以提交" },
        { "otherHead", ProjectStatus.Approved, WorkflowAction.Adjust, "只有本单位的填报人或单位负责人可以发起调整" },
        { "supervisor", ProjectStatus.Draft, WorkflowAction.Submit, "只有本单位的填报人或单位负责人可以提交" },
        { "preparer", ProjectStatus.Submitted, WorkflowAction.Submit, "表单当前为“已提交”，只有草稿或已退回的表单可以提交" },
        { "head", ProjectStatus.Returned, WorkflowAction.Adjust, "表单当前为“已退回”，只有已批复的表单可以发起调整" },
        { "finance", ProjectStatus.Draft, WorkflowAction.Approve, "表单当前为“草稿”，不在审核环节" },
        { "head", ProjectStatus.Approved, WorkflowAction.Return, "表单当前为“已批复”，不在审核环节" },
        { "preparer", ProjectStatus.Submitted, WorkflowAction.Approve, "表单当前为“已提交”，应由本单位的单位负责人审核，您不能审核通过" },
        { "finance", ProjectStatus.UnitApproved, WorkflowAction.Return, "表单当前为“单位已确认”，应由主管部门审核，您不能退回修改" },
        { "supervisor", ProjectStatus.SupervisorApproved, WorkflowAction.Approve, "表单当前为“主管部门已审”，应由财政部门审核，您不能审核通过" },
    };

    [Theory, MemberData(nameof(Refusals))]
    public void Refusals_word_for_word(string actor, ProjectStatus status, WorkflowAction action, string reason)
    {
        var decision = Flow.Decide(Named(actor), At(status), action, "意见");
        Assert.Equal(new Decision(Verdict.NotYourTurn, status, reason), decision);
    }

    [Fact]
    public void Invalid_decisions_word_for_word_and_the_form_stays()
    {
        Assert.Equal(new Decision(Verdict.Invalid, ProjectStatus.Submitted, "退回修改须写明退回意见", "comment"),
            Flow.Decide(Head, At(ProjectStatus.Submitted), WorkflowAction.Return, " "));
        Assert.Equal(new Decision(Verdict.Invalid, ProjectStatus.Approved, "发起调整须写明调整原因", "comment"),
            Flow.Decide(Head, At(ProjectStatus.Approved), WorkflowAction.Adjust, ""));
        Assert.Equal(new Decision(Verdict.Invalid, ProjectStatus.UnitApproved, "审核结论为“中”的表单不能通过，应退回修改", "conclusion"),
            Flow.Decide(Supervisor, At(ProjectStatus.UnitApproved), WorkflowAction.Approve, null, Conclusion.Return));
        Assert.Equal(new Decision(Verdict.Invalid, ProjectStatus.Submitted, "审核结论为“差”的表单不能通过，应退回修改", "conclusion"),
            Flow.Decide(Head, At(ProjectStatus.Submitted), WorkflowAction.Approve, null, Conclusion.Refuse));
        // Out of turn is said before missing words.
        Assert.Equal(Verdict.NotYourTurn, Flow.Decide(Preparer, At(ProjectStatus.Submitted), WorkflowAction.Return, null).Verdict);
        Assert.Equal(Verdict.NotYourTurn, Flow.Decide(Finance, At(ProjectStatus.Submitted), WorkflowAction.Approve, null, Conclusion.Refuse).Verdict);
        // A draft submitted with a failing conclusion still goes: only approving reads the conclusion.
        Assert.True(Flow.Decide(Preparer, At(ProjectStatus.Draft), WorkflowAction.Submit, null, Conclusion.Refuse).Allowed);
        Assert.True(Flow.Decide(Preparer, At(ProjectStatus.Approved), WorkflowAction.Adjust, "调整", Conclusion.Return).Allowed);
    }

    [Fact]
    public void Reviewers_of_each_status()
    {
        Assert.Equal(["填报单位", "本单位的单位负责人", "主管部门", "财政部门", "填报单位", "填报单位"],
            Enum.GetValues<ProjectStatus>().Select(Flow.Reviewer));
        Assert.Equal([null, ProjectStatus.UnitApproved, ProjectStatus.SupervisorApproved, ProjectStatus.Approved, null, null],
            Enum.GetValues<ProjectStatus>().Select(Flow.AfterApproval));
        Assert.True(Flow.Reviews(Head, At(ProjectStatus.Submitted)));
        Assert.False(Flow.Reviews(OtherHead, At(ProjectStatus.Submitted)));
        Assert.False(Flow.Reviews(new Actor(UnitHead: true, Administrator: true, UnitId: Unit), At(ProjectStatus.Submitted)));
        Assert.False(Flow.Reviews(Head, At(ProjectStatus.UnitApproved)));
        Assert.False(Flow.Reviews(Finance, At(ProjectStatus.Approved)));
        Assert.True(Flow.Reviews(Finance, new Stage(ProjectStatus.SupervisorApproved, OtherUnit, null)));
    }

    [Fact]
    public void Words_and_codes_of_the_statuses()
    {
        Assert.Equal(["draft", "submitted", "unitApproved", "supervisorApproved", "approved", "returned"],
            Enum.GetValues<ProjectStatus>().Select(Flow.Code));
        Assert.Equal(["草稿", "已提交", "单位已确认", "主管部门已审", "已批复", "已退回"], Enum.GetValues<ProjectStatus>().Select(Flow.Chinese));
        Assert.True(Flow.IsOpen(ProjectStatus.Draft));
        Assert.True(Flow.IsOpen(ProjectStatus.Returned));
        Assert.All(new[] { ProjectStatus.Submitted, ProjectStatus.UnitApproved, ProjectStatus.SupervisorApproved, ProjectStatus.Approved }, s => Assert.False(Flow.IsOpen(s)));
        Assert.Equal([ProjectStatus.Submitted, ProjectStatus.UnitApproved, ProjectStatus.SupervisorApproved],
            Enum.GetValues<ProjectStatus>().Where(Flow.IsReviewStep));
        Assert.Equal(["提交", "审核通过", "退回修改", "发起调整"], Enum.GetValues<WorkflowAction>().Select(Flow.Verb));
    }
}

public class CriteriaTests
{
    static IEnumerable<Rating> All(EvaluationGrade grade, string? reason = "理由") =>
        Criteria.All.Select(c => new Rating(c, grade, reason));

    [Theory]
    [InlineData(EvaluationGrade.Excellent, Conclusion.Pass)]
    [InlineData(EvaluationGrade.Good, Conclusion.PassAfterConsultation)]
    [InlineData(EvaluationGrade.Fair, Conclusion.Return)]
    [InlineData(EvaluationGrade.Poor, Conclusion.Refuse)]
    public void All_four_alike_conclude_by_their_grade(EvaluationGrade grade, Conclusion expected)
    {
        var result = Criteria.Conclude(All(grade));
        Assert.Equal(expected, result.Conclusion);
        Assert.Empty(result.Problems);
        Assert.Equal(expected, Criteria.Of(grade));
    }

    [Fact]
    public void The_weakest_criterion_decides()
    {
        var ratings = All(EvaluationGrade.Excellent).ToList();
        ratings[2] = new Rating(Criterion.Appropriateness, EvaluationGrade.Fair, "资金与目标不匹配");
        Assert.Equal(Conclusion.Return, Criteria.Conclude(ratings).Conclusion);
        ratings[0] = new Rating(Criterion.Completeness, EvaluationGrade.Poor, "缺少效益指标");
        Assert.Equal(Conclusion.Refuse, Criteria.Conclude(ratings).Conclusion);
        ratings[0] = new Rating(Criterion.Completeness, EvaluationGrade.Good, "基本完整");
        ratings[2] = new Rating(Criterion.Appropriateness, EvaluationGrade.Excellent, null);
        Assert.Equal(Conclusion.PassAfterConsultation, Criteria.Conclude(ratings).Conclusion);
    }

    [Fact]
    public void An_excellent_rating_needs_no_reason_but_a_lower_one_does()
    {
        Assert.Equal(Conclusion.Pass, Criteria.Conclude(All(EvaluationGrade.Excellent, null)).Conclusion);
        var result = Criteria.Conclude(All(EvaluationGrade.Good, " "));
        Assert.Null(result.Conclusion);
        Assert.Equal(4, result.Problems.Count);
        Assert.Contains("完整性评为“良”，请写明理由", result.Problems);
    }

    [Fact]
    public void Every_criterion_is_rated_once()
    {
        var missing = Criteria.Conclude(All(EvaluationGrade.Excellent).Take(3));
        Assert.Null(missing.Conclusion);
        Assert.Equal(["请评定可行性"], missing.Problems);
        var twice = Criteria.Conclude(All(EvaluationGrade.Excellent).Append(new Rating(Criterion.Relevance, EvaluationGrade.Poor, "x")));
        Assert.Null(twice.Conclusion);
        Assert.Equal(["相关性评了不止一次"], twice.Problems);
    }

    [Fact]
    public void Words_of_the_checklist()
    {
        Assert.Equal(["完整性", "相关性", "适当性", "可行性"], Criteria.All.Select(c => c.Chinese()));
        Assert.Equal(["优", "良", "中", "差"], Enum.GetValues<Conclusion>().Select(c => c.Chinese()));
        Assert.Equal(["通过，纳入预算", "经沟通修改后通过", "退回修改后重新申报", "不予安排"], Enum.GetValues<Conclusion>().Select(c => c.Meaning()));
        Assert.Equal(Conclusion.Pass, Criteria.Parse(" 优 "));
        Assert.Equal(Conclusion.PassAfterConsultation, Criteria.Parse("passAfterConsultation"));
        Assert.Equal(Conclusion.Return, Criteria.Parse("中"));
        Assert.Equal(Conclusion.Refuse, Criteria.Parse("refuse"));
        Assert.Equal(Conclusion.Pass, Criteria.Parse("pass"));
        Assert.Equal(Conclusion.PassAfterConsultation, Criteria.Parse("良"));
        Assert.Equal(Conclusion.Return, Criteria.Parse("return"));
        Assert.Equal(Conclusion.Refuse, Criteria.Parse("差"));
        Assert.Null(Criteria.Parse("很好"));
        Assert.Null(Criteria.Parse(null));
    }
}
