using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

// An earlier version of a project's form, as it stood, with the review it had then.
public sealed class VersionModel(JixiaoDb db) : PageModel
{
    public Project Project { get; private set; } = null!;
    public ProjectVersion Version { get; private set; } = null!;
    public FormSheet Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int version)
    {
        var project = await db.Projects.VisibleTo(User).Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);
        var stored = project == null ? null : await db.ProjectVersions.FirstOrDefaultAsync(v => v.ProjectId == id && v.Version == version);
        if (project == null || stored == null) return NotFound();
        Project = project;
        Version = stored;
        var form = JsonSerializer.Deserialize<ProjectForm>(stored.FormJson, Interchange.Json)!;
        var findings = JsonSerializer.Deserialize<List<StoredFinding>>(stored.FindingsJson, Interchange.Json) ?? [];
        Sheet = new FormSheet(form, project.FiscalYear, project.BudgetUnit!.Name, project.BudgetUnit.SupervisingDepartment?.Name,
            findings.Select(f => f.ToFinding(form.Name)));
        return Page();
    }
}
