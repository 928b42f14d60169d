using Jixiao.Data;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

public sealed class DetailsModel(JixiaoDb db, ProjectViews views) : PageModel
{
    public Project Project { get; private set; } = null!;
    public FormSheet Sheet { get; private set; } = null!;
    public Workflow.ReviewPanel Panel { get; private set; } = null!;
    public ReviewReport Review { get; private set; } = null!;
    public List<ProjectVersion> Versions { get; private set; } = [];
    public bool MayEdit { get; private set; }
    // The layout the export buttons offer first: the one the form came in.
    public string ExportLayout { get; private set; } = "national";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Another unit's project is answered exactly like a missing one.
        if (await views.GetAsync(db, User, id) is not { } view) return NotFound();
        var project = Project = view.Project;
        Review = view.Review;
        Versions = view.Versions;
        var around = await views.AroundAsync(db, project);
        // The form shows each review comment in place; the panel below lists them and the steps.
        var comments = Workflow.SheetComments.For(User, project, around.Comments);
        Sheet = new FormSheet(project.Form, project.FiscalYear, project.BudgetUnit!.Name, project.BudgetUnit.SupervisingDepartment?.Name, Review.Findings)
            { Comments = comments };
        Panel = Workflow.ReviewPanel.For(User, project, around.Steps, comments, TempData["ReviewError"] as string, TempData["ReviewTyped"] as string);
        MayEdit = Access.MayEdit(User, project);
        // The unit's declaration counts only when the project's own profile does not name a layout.
        var layout = Export.ExportSource.DocumentOf(project).Source.Layout ?? around.DeclaredLayout;
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
