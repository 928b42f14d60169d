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

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Split: one query per owned collection instead of their cartesian product.
        var project = await db.Projects.VisibleTo(User).AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id);
        // Another unit's project is answered exactly like a missing one.
        if (project == null) return NotFound();
        Project = db.InFormOrder(project);
        Review = StoredReview.Review(project);
        Sheet = new FormSheet(project.Form, project.FiscalYear, project.BudgetUnit!.Name, project.BudgetUnit.SupervisingDepartment?.Name, Review.Findings);
        return Page();
    }
}
