using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Library;

// GET /Library/Search?q=…&level1=… → [{ id, level1, level2, name, definition, formula, unit, direction, typicalTarget, basis }]
// for the editor's "pick to add"; any signed-in user.
public sealed class SearchModel(JixiaoDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, string? level1) =>
        new JsonResult(await LibrarySearch.FindAsync(db, q, level1, limit: 50));
}
