using Jixiao.Data;
using Jixiao.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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
        Year is < Jixiao.Features.Projects.EditorInput.MinYear or > Jixiao.Features.Projects.EditorInput.MaxYear ? null
        : await exports.UnitAsync(db.Projects.VisibleTo(User), db.BudgetUnits.VisibleTo(User), Unit, Year, ct) is { } doc
            ? Exports.Compose(doc, Layout, Public, book: true) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await BookAsync(ct) is { } book ? Content(HtmlWriter.Write(book, "/css/print.css", pageStylesheetHref: Jixiao.Features.Public.PageNumbersModel.Href(book.Footer)), "text/html; charset=utf-8") : NotFound();

    // The book as a background job: the user goes to the job's page, which shows progress and then the file.
    public async Task<IActionResult> OnPostJobAsync(string? to, [FromServices] ExportJobs jobs, CancellationToken ct)
    {
        if (to is not ("docx" or "xlsx" or "pdf")) return BadRequest();
        if (Year is < Jixiao.Features.Projects.EditorInput.MinYear or > Jixiao.Features.Projects.EditorInput.MaxYear) return NotFound();
        var unitName = await db.BudgetUnits.VisibleTo(User).Where(u => u.Id == Unit).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName == null) return NotFound();
        var title = $"{unitName}{Year}年度项目支出绩效目标";
        var request = ExportRequest.Of(ExportRequest.Book, new ExportRequest.BookArgs(Unit, Year, Layout, Public, to));
        var (job, refused) = jobs.Enqueue(User, title, to, Exports.FileName(title, to, Public), request, again: $"/Units/Overview?unit={Unit}&year={Year}");
        if (job == null) return RedirectToPage("/Export/Jobs", new { refused });
        return Redirect($"/Exports/Jobs/{job.Id}");
    }

    // The book's job: read with what the user may see when the job runs, written to `path`.
    public static async Task WriteAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, ExportRequest.BookArgs book,
        ExportJob job, string path, CancellationToken ct)
    {
        job.Report("正在读取项目", 0, 0);
        var scoped = services.GetRequiredService<JixiaoDb>();
        var exporter = services.GetRequiredService<Exports>();
        var doc = await exporter.UnitAsync(scoped.Projects.VisibleTo(user), scoped.BudgetUnits.VisibleTo(user), book.Unit, book.Year, ct)
            ?? throw new ExportRefusedException("该单位已不在您可查看的范围内，未能导出。");
        job.Report($"正在排版（{doc.Projects.Count} 个项目）", 0, 0);
        await exporter.WriteToAsync(Exports.Compose(doc, book.Layout, book.Public, book: true), book.To, path, job.Report, ct);
    }

    public async Task<IActionResult> OnGetFileAsync(string? to, CancellationToken ct)
    {
        if (to is not ("docx" or "xlsx" or "pdf")) return BadRequest();
        return await BookAsync(ct) is { } book ? await ExportResults.FileAsync(this, exports, book, to, Public, ct) : NotFound();
    }
}
