using Jixiao.Data;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

public sealed class DetailsModel(JixiaoDb db) : PageModel
{
    public Project Project { get; private set; } = null!;
    public FormSheet Sheet { get; private set; } = null!;
    public ReviewReport Review { get; private set; } = null!;
    public List<ProjectVersion> Versions { get; private set; } = [];
    public bool MayEdit { get; private set; }
    // The layout the export buttons offer first: the one the form came in.
    public string ExportLayout { get; private set; } = "national";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Read only: without automatic change detection, putting the rows in form order (one Entry()
        // per row) does not scan the whole tracked form each time — that was a tenth of the page's CPU.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Split: one query per owned collection instead of their cartesian product.
        var project = await db.Projects.VisibleTo(User).AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id);
        // Another unit's project is answered exactly like a missing one.
        if (project == null) return NotFound();
        Project = db.InFormOrder(project);
        Review = StoredReview.Review(project);
        Sheet = new FormSheet(project.Form, project.FiscalYear, project.BudgetUnit!.Name, project.BudgetUnit.SupervisingDepartment?.Name, Review.Findings);
        // The history without the forms themselves: each is read only when opened.
        Versions = await db.ProjectVersions.Where(v => v.ProjectId == id).OrderByDescending(v => v.Version)
            .Select(v => new ProjectVersion { Version = v.Version, Utc = v.Utc, UserName = v.UserName, Reason = v.Reason, Status = v.Status, QualityScore = v.QualityScore })
            .ToListAsync();
        MayEdit = Access.MayEdit(User, project);
        // The unit's declaration is asked only when the project's own profile does not name a layout.
        var layout = Export.ExportSource.DocumentOf(project).Source.Layout
            ?? await db.DeclarationForms.Where(d => d.BudgetUnitId == project.BudgetUnitId && d.FiscalYear == project.FiscalYear)
                .OrderByDescending(d => d.Utc).Select(d => d.Layout).FirstOrDefaultAsync();
        ExportLayout = Jixiao.Export.ExportLayouts.Choose(null, layout).Name;
        return Page();
    }

    // The file the current form was imported from, for whoever may see the project.
    public async Task<IActionResult> OnGetSourceAsync(int id)
    {
        var source = await db.Projects.VisibleTo(User).Where(p => p.Id == id && p.SourceImport != null)
            .Select(p => new { p.SourceImport!.FileName, p.SourceImport.Content }).FirstOrDefaultAsync();
        if (source == null || source.Content.Length == 0) return NotFound();
        return File(source.Content, "application/octet-stream", source.FileName);
    }
}
