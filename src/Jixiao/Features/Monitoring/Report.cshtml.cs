using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// A project's monitoring form (项目支出绩效目标执行监控表): the unit's people save and submit it; the
// supervising department returns it with a comment; a signed-off round shows it locked with the reason.
public sealed class ReportModel(JixiaoDb db) : PageModel
{
    public MonitoringRound Round { get; private set; } = null!;
    public MonitoringRoundUnit Part { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public ProjectForm Form { get; private set; } = null!;
    public MonitoringReport Report { get; private set; } = null!;
    public List<Located> Errors { get; private set; } = [];
    public List<Located> Warnings { get; private set; } = [];
    public string? Lock { get; private set; }
    public bool MayWrite { get; private set; }
    public bool MayReturn { get; private set; }
    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [TempData] public string? Message { get; set; }

    async Task<IActionResult?> Load(int id, int projectId)
    {
        var round = await Monitor.RoundsVisibleTo(db, User).Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        var project = await Monitor.LoadProject(db.Projects.VisibleTo(User).Where(p => p.FiscalYear == round.FiscalYear && p.ApprovedVersion != null), projectId);
        var part = project is null ? null : round.Units.FirstOrDefault(u => u.BudgetUnitId == project.BudgetUnitId);
        if (project is null || part is null) return NotFound();
        (Round, Part, Project) = (round, part, project);
        Form = await Monitor.FormInForce(db, project);
        Report = await db.MonitoringReports.Include(r => r.Rows).FirstOrDefaultAsync(r => r.RoundId == id && r.ProjectId == projectId)
            ?? new MonitoringReport { RoundId = id, ProjectId = projectId, BudgetUnitId = project.BudgetUnitId, Status = ReportStatus.Draft };
        if (Report.Id == 0) Monitor.Evaluate(Report, Form, round);
        Lock = Monitor.LockReason(part)
            ?? (Report.Status == ReportStatus.Submitted ? "本表已提交，等待主管部门审核；如需修改，请主管部门退回。" : null);
        MayWrite = Lock is null && Access.MayDeclare(User, project.BudgetUnitId);
        MayReturn = Monitor.LockReason(part) is null && Report.Status == ReportStatus.Submitted
            && User.IsInRole(Roles.SupervisorReviewer);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int projectId)
    {
        if (await Load(id, projectId) is { } missing) return missing;
        (Errors, Warnings) = Report.Id == 0 ? ([], []) : Monitor.Check(Report, Form, Round);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, int projectId) => Write(id, projectId, submit: false);
    public Task<IActionResult> OnPostSubmitAsync(int id, int projectId) => Write(id, projectId, submit: true);

    async Task<IActionResult> Write(int id, int projectId, bool submit)
    {
        if (await Load(id, projectId) is { } missing) return missing;
        if (!Access.MayDeclare(User, Project.BudgetUnitId)) return Forbid();
        if (Lock is not null) { Message = Lock; return RedirectToPage(new { id, projectId }); }
        if (Report.Id != 0 && Report.Version != Version)
        {
            Message = $"本表已被他人修改（当前第 {Report.Version} 版，您编辑的是第 {Version} 版），您的内容未保存：请查看最新内容后再填。";
            return RedirectToPage(new { id, projectId });
        }
        var parseErrors = Monitor.Apply(Report, Input, Form, Round);
        (Errors, Warnings) = Monitor.Check(Report, Form, Round);
        if (parseErrors.Count > 0 || (submit && Errors.Count > 0))
        {
            Errors = parseErrors.Concat(Errors).ToList();
            ModelState.AddModelError("", submit ? "未提交：请先补全下列内容" : "未保存：请改正下列内容");
            return Page();
        }
        Report.Status = submit ? ReportStatus.Submitted : Report.Status == ReportStatus.Returned ? ReportStatus.Returned : ReportStatus.Draft;
        if (submit) Report.ReturnComment = null;
        Report.UpdatedUtc = DateTime.UtcNow;
        Report.UpdatedBy = User.Identity?.Name;
        if (Report.Id == 0) db.MonitoringReports.Add(Report); else Report.Version++;
        var saved = await Projects.ProjectStore.CommitAsync(db);
        Message = !saved.Saved ? "本表已被他人同时修改，您的内容未保存：请刷新后再填" : submit ? "已提交，等待主管部门审核" : "已保存";
        return RedirectToPage(new { id, projectId });
    }

    // The supervising department sends a submitted form back with the reason.
    public async Task<IActionResult> OnPostReturnAsync(int id, int projectId)
    {
        if (await Load(id, projectId) is { } missing) return missing;
        if (!User.IsInRole(Roles.SupervisorReviewer)) return Forbid();
        if (!MayReturn) { Message = Monitor.LockReason(Part) ?? "只有已提交的表可以退回"; return RedirectToPage(new { id, projectId }); }
        if (string.IsNullOrWhiteSpace(Comment))
        {
            ModelState.AddModelError("", "退回须填写意见");
            (Errors, Warnings) = Monitor.Check(Report, Form, Round);
            return Page();
        }
        Report.Status = ReportStatus.Returned;
        Report.ReturnComment = Comment.Trim();
        Report.Version++;
        Report.UpdatedUtc = DateTime.UtcNow;
        Report.UpdatedBy = User.Identity?.Name;
        await db.SaveChangesAsync();
        Message = "已退回单位修改";
        return RedirectToPage(new { id, projectId });
    }

    public MonitoringRow RowFor(Guid id) => Report.Rows.FirstOrDefault(r => r.IndicatorId == id) ?? new MonitoringRow { IndicatorId = id };
    public IEnumerable<Located> ErrorsAt(Guid? row) => Errors.Where(e => e.RowId == row);
    public IEnumerable<Located> WarningsAt(Guid? row) => Warnings.Where(e => e.RowId == row);
    public string UnitName => Project.BudgetUnit?.Name ?? "";
}
