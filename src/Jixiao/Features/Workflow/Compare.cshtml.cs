using Jixiao.Domain;
using Jixiao.Data;
using Jixiao.Domain.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Workflow;

// Any two versions of a project side by side: fields and rows added, removed or changed, rows matched by id.
public sealed class CompareModel(JixiaoDb db) : PageModel
{
    public Project Project { get; private set; } = null!;
    public List<(int Version, ProjectStatus Status, string Reason)> Versions { get; private set; } = [];
    public int A { get; private set; }
    public int B { get; private set; }
    public FormChanges Changes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? a, int? b)
    {
        var project = await db.Projects.VisibleTo(User).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);
        if (project == null) return NotFound();
        Project = project;
        Versions = (await db.ProjectVersions.Where(v => v.ProjectId == id).OrderBy(v => v.Version)
                .Select(v => new { v.Version, v.Status, v.Reason }).ToListAsync())
            .Select(v => (v.Version, v.Status, v.Reason)).Append((project.Version, project.Status, project.ChangeReason ?? "")).ToList();
        B = b ?? project.Version;
        // By default: what is in force against what is proposed, or, once approved, the approval before.
        var earlierApproval = Versions.Where(v => v.Status == ProjectStatus.Approved && v.Version < B).Select(v => (int?)v.Version).Max();
        A = a ?? (project.ApprovedVersion is int approved && approved != B ? approved : earlierApproval ?? Math.Max(1, B - 1));
        var before = await ReviewChain.FormAtAsync(db, project, A);
        var after = await ReviewChain.FormAtAsync(db, project, B);
        if (before == null || after == null) return NotFound();
        Changes = FormDiff.Compare(before, after);
        return Page();
    }

    public static string Part(string part) => part switch
    {
        "indicators" => "绩效指标",
        "budgetLines" => "预算明细",
        "spendingPlan" => "支出计划",
        "safeguards" => "保障措施",
        "people" => "人员",
        _ => "自评执行情况",
    };

    public static string Change(RowChangeKind kind) => kind switch
    {
        RowChangeKind.Added => "新增",
        RowChangeKind.Removed => "删除",
        _ => "修改",
    };

    public static string Field(string field) => field switch
    {
        "name" => "名称",
        "annualGoal" => "年度目标",
        "longTermGoal" => "总体目标",
        "annualTarget" => "年度指标值",
        "periodTarget" => "中长期指标值",
        "level1" => "一级指标",
        "level2" => "二级指标",
        "weight" => "权重",
        "amount" => "金额",
        "funding.total" => "资金总额",
        "funding.annualRequest" => "年度申请",
        "funding.fiscal" => "财政拨款",
        "startDate" => "开始时间",
        "endDate" => "结束时间",
        _ => field.StartsWith("sections.") ? field["sections.".Length..] : field,
    };
}
