using Jixiao.Data;
using Jixiao.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Export;

// /Projects/{id}/Print?layout=&public=: the project's print view, the very HTML Chromium prints to PDF
// (HtmlWriter), with a toolbar to download it. /Projects/{id}/Print?handler=File&to=docx|xlsx|pdf downloads.
public sealed class PrintModel(JixiaoDb db, Exports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Layout { get; set; }
    [BindProperty(SupportsGet = true)] public bool Public { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await exports.ProjectAsync(db.Projects.VisibleTo(User), id, ct) is not var (doc, _)) return NotFound();
        var book = Exports.Compose(doc, Layout, Public, book: false);
        return Content(HtmlWriter.Write(book, "/css/print.css", Toolbar(id, book.LayoutName), Jixiao.Features.Public.PageNumbersModel.Href(book.Footer)), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, string? to, CancellationToken ct)
    {
        if (to is not ("docx" or "xlsx" or "pdf")) return BadRequest();
        if (await exports.ProjectAsync(db.Projects.VisibleTo(User), id, ct) is not var (doc, _)) return NotFound();
        return await ExportResults.FileAsync(this, exports, Exports.Compose(doc, Layout, Public, book: false), to, Public, ct);
    }

    string Toolbar(int id, string layout)
    {
        string Link(string text, string href) => $"<a href=\"{System.Net.WebUtility.HtmlEncode(href)}\">{text}</a>";
        var q = $"layout={Uri.EscapeDataString(layout)}&public={(Public ? "true" : "false")}";
        return "<nav class=\"print-toolbar\">" + Link("返回项目", $"/Projects/{id}")
            + Link("下载 Word", $"/Projects/{id}/Print?handler=File&to=docx&{q}") + Link("下载 Excel", $"/Projects/{id}/Print?handler=File&to=xlsx&{q}")
            + Link("下载 PDF", $"/Projects/{id}/Print?handler=File&to=pdf&{q}") + "</nav>\n";
    }
}

public static class ExportResults
{
    public static async Task<IActionResult> FileAsync(PageModel page, Exports exports, DocBook book, string format, bool isPublic, CancellationToken ct)
    {
        try
        {
            var stream = await exports.WriteAsync(book, format, ct);
            return page.File(stream, Exports.ContentType(format), Exports.FileName(book.Title, format, isPublic));
        }
        catch (PrinterMissingException e)
        {
            // Chromium or the font missing: the page says what to install.
            return new ContentResult { StatusCode = 503, ContentType = "text/plain; charset=utf-8", Content = e.Message };
        }
    }
}
