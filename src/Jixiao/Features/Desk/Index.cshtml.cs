using Jixiao.Domain;
using Jixiao.Data;
using Jixiao.Domain.Review;
using Jixiao.Domain.Workflow;
using Jixiao.Features.Projects;
using Jixiao.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Desk;

// The reviewer's desk and the notices: forms waiting for my step (oldest first, with their automatic
// review), forms that came back to my unit, and batch work (pass clean forms, submit all drafts).
public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    public const int Size = 20;
    public sealed record Row(int Id, string Name, string Unit, int Year, ProjectStatus Status, DateTime Since, int? Score, int Findings, int Errors);

    public List<Row> Waiting { get; private set; } = [];
    public List<Row> Returned { get; private set; } = [];
    public int Drafts { get; private set; }
    public Pager Pager { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    // "p", as the pager's links say: Razor Pages keeps "page" for the page's own path.
    public async Task OnGetAsync([FromQuery(Name = "p")] int page = 1)
    {
        // Kept under the change stamp per user (the roles decide what waits): the page then costs the stamp's
        // one query. The rows are shared by the requests that get them, so the page never changes them.
        var user = "desk:" + User.Identity!.Name;
        // The query is built only when the kept figures are recomputed.
        IQueryable<Project> Queue() => db.Projects.WaitingFor(User);
        var total = await cache.GetAsync(db, "waiting:" + User.Identity!.Name, Area.Projects | Area.Organisation, () => Queue().CountAsync());
        page = Math.Clamp(page, 1, Math.Max(1, (total + Size - 1) / Size));
        Pager = new Pager(page, total, Size, Request.Query);
        Waiting = await cache.GetAsync(db, $"{user}:waiting:{page}", Area.Projects | Area.Organisation,
            () => Rows(Queue().OrderBy(p => p.UpdatedUtc).ThenBy(p => p.Id).Skip((page - 1) * Size).Take(Size)));
        // Only the unit's own people have forms that come back or drafts to submit: nobody else asks.
        if (UnitOf(User) is not int unit) return;
        Returned = await cache.GetAsync(db, $"{user}:returned", Area.Projects | Area.Organisation, () => Rows(db.Projects.VisibleTo(User).ReturnedTo(User).OrderBy(p => p.UpdatedUtc).Take(100)));
        Drafts = await cache.GetAsync(db, $"{user}:drafts:{unit}", Area.Projects, () => DraftsOf(unit).CountAsync());
    }

    // The unit of its own people (preparers and the head), who have drafts to submit.
    static int? UnitOf(System.Security.Claims.ClaimsPrincipal user) =>
        ReviewChain.ActorOf(user) is { UnitId: int unit } actor && (actor.Preparer || actor.UnitHead) ? unit : null;

    IQueryable<Project> DraftsOf(int? unit) =>
        unit is null ? db.Projects.Where(p => false) : db.Projects.Where(p => p.BudgetUnitId == unit && p.Status == ProjectStatus.Draft);

    static Task<List<Row>> Rows(IQueryable<Project> query) =>
        query.Select(p => new Row(p.Id, p.Form.Name, p.BudgetUnit!.Name, p.FiscalYear, p.Status, p.UpdatedUtc, p.QualityScore,
            p.Findings.Count, p.Findings.Count(f => f.Severity == Severity.Error))).ToListAsync();

    // The step's own word for passing the forms waiting here: a unit head confirms (确认), a supervising
    // department passes (审核通过), finance approves (批复); the word of the first row's step when they differ.
    public string PassWord => Waiting.Count == 0 ? "审核通过" : ReviewChain.Button(WorkflowAction.Approve, Waiting[0].Status);

    // Pass the chosen forms at my step; a form with an error finding is not clean and stays for a closer look.
    public async Task<IActionResult> OnPostApproveAsync(int[] ids)
    {
        var projects = await db.Projects.WaitingFor(User).Where(p => ids.Contains(p.Id)).Include(p => p.BudgetUnit).AsSplitQuery().ToListAsync();
        var passed = new List<string>(); var kept = new List<string>();
        foreach (var p in projects)
        {
            var word = ReviewChain.Button(WorkflowAction.Approve, p.Status);
            if (p.Findings.Any(f => f.Severity == Severity.Error)) { kept.Add(p.Form.Name); continue; }
            if (ReviewChain.Act(db, p, User, WorkflowAction.Approve, "批量" + word).Allowed) passed.Add(word);
        }
        var saved = await ProjectStore.CommitAsync(db);
        var done = passed.Count > 0 ? string.Join("，", passed.GroupBy(w => w).Select(g => $"已{g.Key} {g.Count()} 个项目"))
            : projects.Count == 0 ? "未选择项目：请先勾选要通过的表单（有错误的表单不能批量通过）"
            : $"已{ReviewChain.Button(WorkflowAction.Approve, projects[0].Status)} 0 个项目";
        Message = !saved.Saved ? saved.Conflict
            : done + (kept.Count > 0 ? $"；{kept.Count} 个有错误的项目未批量处理，请逐个打开审核：{string.Join("、", kept)}" : "");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSubmitDraftsAsync()
    {
        var drafts = await DraftsOf(UnitOf(User)).Include(p => p.BudgetUnit).AsSplitQuery().ToListAsync();
        var count = drafts.Count(p => ReviewChain.Act(db, p, User, WorkflowAction.Submit, "批量提交").Allowed);
        var saved = await ProjectStore.CommitAsync(db);
        Message = saved.Saved ? $"已提交本单位 {count} 个草稿" : saved.Conflict;
        return RedirectToPage();
    }
}
