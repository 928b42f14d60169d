using Jixiao.Data;
using Jixiao.Export;
using Jixiao.Features.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Public;

// /Public/{id}: a public target's print view, always the public version; ?handler=Pdf prints it.
// Anything not public answers 404, exactly like a project that does not exist.
public sealed class TargetModel(JixiaoDb db, Exports exports) : PageModel
{
    // Anyone may ask for a PDF here: one at a time, so the public page cannot tie up the printer.
    static readonly SemaphoreSlim OnePdf = new(1, 1);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await exports.ProjectAsync(PublicTargets.Of(db), id, ct) is not var (doc, _)) return NotFound();
        var book = Exports.Compose(doc, null, isPublic: true, book: false);
        var toolbar = $"<nav class=\"print-toolbar\"><a href=\"/Public\">返回公开目录</a><a href=\"/Public/{id}?handler=Pdf\">下载 PDF</a></nav>\n";
        return Content(HtmlWriter.Write(book, "/css/print.css", toolbar, PageNumbersModel.Href(book.Footer)), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (await exports.ProjectAsync(PublicTargets.Of(db), id, ct) is not var (doc, _)) return NotFound();
        await OnePdf.WaitAsync(ct);
        try { return await ExportResults.FileAsync(this, exports, Exports.Compose(doc, null, isPublic: true, book: false), "pdf", true, ct); }
        finally { OnePdf.Release(); }
    }
}
