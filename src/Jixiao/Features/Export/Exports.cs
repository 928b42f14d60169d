using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Export;
using Jixiao.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Export;

// What the export buttons and the public page share: a project or a unit's year as a document,
// composed in a layout, written as Word, Excel, PDF or the print view's HTML. Large books are written
// to a temporary file first and then sent, so the request never holds a 500-project book in memory.
public sealed class Exports(JixiaoDb db, PdfPrinter printer)
{
    public static readonly string[] Formats = ["docx", "xlsx", "pdf"];

    public async Task<(FormDocument Document, Project Project)?> ProjectAsync(IQueryable<Project> scope, int id, CancellationToken ct)
    {
        var project = await scope.AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project == null) return null;
        var doc = ExportSource.DocumentOf(db.InFormOrder(project));
        var declared = await LatestDeclarationAsync(project.BudgetUnitId, project.FiscalYear, ct);
        doc.Source.Layout ??= declared?.Layout;
        if (declared != null) doc.Unit.People = declared.People;
        return (doc, project);
    }

    // A unit's year as one book: the department goals, then every project in the order of the list.
    public async Task<FormDocument?> UnitAsync(IQueryable<Project> scope, IQueryable<BudgetUnit> units, int unitId, int year, CancellationToken ct)
    {
        var unit = await units.Include(u => u.SupervisingDepartment).FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit == null) return null;
        var projects = await scope.AsSplitQuery().Where(p => p.BudgetUnitId == unitId && p.FiscalYear == year)
            .OrderBy(p => p.Form.Name).ThenBy(p => p.Copy).ToListAsync(ct);
        foreach (var p in projects) db.InFormOrder(p);
        var declared = await LatestDeclarationAsync(unitId, year, ct);
        var doc = StoredReview.DocumentOf(unit, year, projects, declared);
        doc.Source.Layout = declared?.Layout;
        doc.DepartmentGoals = await db.DepartmentGoals.Where(g => g.BudgetUnitId == unitId && g.FiscalYear == year).OrderBy(g => g.Order)
            .Select(g => new DepartmentGoal { Title = g.Title, Goal = g.Goal, Indicators = g.Indicators }).ToListAsync(ct);
        return doc;
    }

    Task<DeclarationForm?> LatestDeclarationAsync(int unitId, int year, CancellationToken ct) =>
        db.DeclarationForms.Where(d => d.BudgetUnitId == unitId && d.FiscalYear == year).OrderByDescending(d => d.Utc).FirstOrDefaultAsync(ct);

    public static DocBook Compose(FormDocument doc, string? layout, bool isPublic, bool book) =>
        FormComposer.Compose(doc, ExportLayouts.Choose(layout, doc.Source.Layout), new ComposeOptions { Public = isPublic, Book = book });

    // The file, written to a temporary file that is deleted when the response has sent it.
    public async Task<Stream> WriteAsync(DocBook book, string format, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "jixiao-export-" + Guid.NewGuid().ToString("N"));
        await WriteToAsync(book, format, path, null, ct);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    // The file at `path`; progress (stage, done, total) for a job page that shows how far it is.
    public async Task WriteToAsync(DocBook book, string format, string path, Action<string, int, int>? progress, CancellationToken ct)
    {
        if (format == "pdf")
        {
            // One step in Chromium, with no count to show: the job page shows that it is working.
            progress?.Invoke("正在排版打印 PDF", 0, 0);
            await File.WriteAllBytesAsync(path, await printer.PrintAsync(book, ct), ct);
        }
        else
        {
            await using var file = File.Create(path);
            if (format == "docx") DocxWriter.Write(book, file, (done, total) => progress?.Invoke("正在写入 Word 文档", done, total));
            else
            {
                progress?.Invoke("正在写入 Excel 工作簿", 0, 1);
                XlsxWriter.Write(book, file);
            }
        }
    }

    public static string ContentType(string format) => format switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        // List exports: the file is UTF-8 with a BOM (Excel opens it), served as text.
        "csv" => "text/csv; charset=utf-8",
        _ => "application/pdf",
    };

    public static string FileName(string title, string format, bool isPublic) =>
        string.Concat((title + (isPublic ? "（公开版）" : "")).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' ? '_' : c)) + "." + format;
}
