using Jixiao.Data;
using Jixiao.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Export;

// /Units/Book?unit=&year=: a unit's year as one document (cover, department summary and totals, then
// every project), as the print view or, with handler=File&to=docx|xlsx|pdf, as a file. Only the units
// and projects the user may see.
public sealed class BookModel(JixiaoDb db, Exports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Layout { get; set; }
    [BindProperty(SupportsGet = true)] public bool Public { get; set; }

    async Task<DocBook?> BookAsync(CancellationToken ct) =>
        await exports.UnitAsync(db.Projects.VisibleTo(User), db.BudgetUnits.VisibleTo(User), Unit, Year, ct) is { } doc
            ? Exports.Compose(doc, Layout, Public, book: true) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await BookAsync(ct) is { } book ? Content(HtmlWriter.Write(book, "/css/print.css"), "text/html; charset=utf-8") : NotFound();

    public async Task<IActionResult> OnGetFileAsync(string? to, CancellationToken ct)
    {
        if (to is not ("docx" or "xlsx" or "pdf")) return BadRequest();
        return await BookAsync(ct) is { } book ? await ExportResults.FileAsync(this, exports, book, to, Public, ct) : NotFound();
    }
}
