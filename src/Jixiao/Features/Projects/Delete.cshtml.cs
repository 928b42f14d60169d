using Jixiao.Domain;
using Jixiao.Data;
using Jixiao.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

// Deleting a draft: asked first (GET shows what goes), then done in one transaction (POST); only a draft,
// only by its own unit's people. The audit log keeps what was deleted.
public sealed class DeleteModel(JixiaoDb db) : PageModel
{
    public Project Project { get; private set; } = null!;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } project) return NotFound();
        Project = project;
        Refusal = RefusalFor(project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } project) return NotFound();
        Project = project;
        if ((Refusal = RefusalFor(project)) != null) return Page();
        // The draft's earlier versions go with it: a draft never reached anyone else.
        db.ProjectVersions.RemoveRange(await db.ProjectVersions.Where(v => v.ProjectId == id).ToListAsync());
        db.Projects.Remove(project);
        await db.SaveChangesAsync();
        return Redirect($"/Units/Overview?unit={project.BudgetUnitId}&year={project.FiscalYear}&done=deleted");
    }

    // Loaded whole (rows included) so that the delete is recorded row by row.
    Task<Project?> FindAsync(int id) => db.Projects.VisibleTo(User).AsSplitQuery().Include(p => p.BudgetUnit)
        .FirstOrDefaultAsync(p => p.Id == id);

    string? RefusalFor(Project p) =>
        p.Status != ProjectStatus.Draft ? $"只能删除草稿；此项目的状态是“{Labels.Of(p.Status)}”。"
        : !OverviewModel.MayDelete(User, p.BudgetUnitId, p.Status) ? "只有本单位的填报人或单位负责人可以删除本单位的草稿。"
        : null;
}
