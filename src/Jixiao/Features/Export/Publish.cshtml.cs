using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Export;

// POST /Projects/{id}/Publish (public=true|false): a 财政审核 user shows a form on the public page before
// it is approved, or takes it off again. The change is audited like every other (AuditInterceptor).
public sealed class PublishModel(JixiaoDb db) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/Projects/{id}");

    public async Task<IActionResult> OnPostAsync(int id, bool @public)
    {
        if (!User.IsInRole(Roles.FinanceReviewer)) return Forbid();
        var project = await db.Projects.VisibleTo(User).FirstOrDefaultAsync(p => p.Id == id);
        if (project == null) return NotFound();
        project.MadePublic = @public;
        await db.SaveChangesAsync();
        return Redirect($"/Projects/{id}");
    }
}
