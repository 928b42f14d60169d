using System.Globalization;
using System.Security.Claims;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Export;

// A table written row by row: Excel (SAX, inline strings, one sheet) or CSV (UTF-8 with BOM so that
// Excel opens it). Nothing is kept but the row being written.
public interface IRowWriter : IDisposable
{
    void Row(IReadOnlyList<object?> cells);
}

public sealed class CsvRowWriter(Stream output) : IRowWriter
{
    readonly StreamWriter writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    public void Row(IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Field(cells[i]));
        }
        writer.WriteLine();
    }

    // RFC 4180 quoting; a text that starts like a formula gets a leading apostrophe, so a spreadsheet
    // shows it instead of computing it.
    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            int n => n.ToString(CultureInfo.InvariantCulture),
            string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + s,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public void Dispose() => writer.Dispose();
}

public sealed class XlsxRowWriter : IRowWriter
{
    readonly SpreadsheetDocument doc;
    readonly OpenXmlWriter writer;
    uint row;

    public XlsxRowWriter(Stream output, string sheetName, IReadOnlyList<double> widths)
    {
        doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        // Style 1: the header row in bold.
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        var sheet = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName });
        workbook.Workbook.Save();
        writer = OpenXmlWriter.Create(sheet);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
    }

    public void Row(IReadOnlyList<object?> cells)
    {
        row++;
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = Column(i) + row.ToString(CultureInfo.InvariantCulture);
            switch (cells[i])
            {
                case null: break;
                case decimal d: writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number }); break;
                case int n: writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(n), DataType = CellValues.Number }); break;
                case var v:
                    writer.WriteElement(new Cell(new InlineString(new Text(Clean(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")) { Space = SpaceProcessingModeValues.Preserve }))
                    { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = row == 1 ? 1u : null });
                    break;
            }
        }
        writer.WriteEndElement();
    }

    static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    static string Clean(string s) => s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string(s.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : s;

    public void Dispose()
    {
        writer.WriteEndElement();   // sheetData
        writer.WriteEndElement();   // worksheet
        writer.Close();
        doc.Dispose();
    }
}

// The exports of a filtered list (the review list, the project list): the same conditions as the list,
// read from the database a page at a time by id, so memory stays flat whatever the list's length.
// Contact names and phones are masked unless the user belongs to the project's own unit.
public static class ListExports
{
    public const int PageSize = 500;

    static readonly string[] ReviewHeader =
        ["项目名称", "项目编码", "预算单位", "主管部门", "年度", "状态", "质量分", "等级", "错误", "警告", "提示", "项目资金总额（万元）", "项目负责人", "联系电话"];
    static readonly double[] ReviewWidths = [40, 18, 24, 24, 8, 12, 8, 8, 6, 6, 6, 16, 12, 16];

    // Enqueues a list export for the user, kept as its request so that a restart makes it again.
    public static (ExportJob? Job, string? Refused) Start(ExportJobs jobs, ClaimsPrincipal user, string title, string format,
        ExportRequest request, string? again = null) =>
        jobs.Enqueue(user, title, format, Exports.FileName(title, format, false), request, again);

    // The job that writes the file with `write` in its own scope.
    public static Func<IServiceProvider, ExportJob, string, CancellationToken, Task> Work(string format,
        Func<JixiaoDb, IRowWriter, Action<string, int, int>, CancellationToken, Task> write) => async (services, job, path, ct) =>
        {
            await using var file = File.Create(path);
            using (var output = Writer(format, file, ReviewWidths))
                await write(services.GetRequiredService<JixiaoDb>(), output, job.Report, ct);
        };

    public static IRowWriter Writer(string format, Stream output, IReadOnlyList<double> widths) =>
        format == "csv" ? new CsvRowWriter(output) : new XlsxRowWriter(output, "项目清单", widths);

    sealed record Line(int Id, string Name, string? Code, int UnitId, string Unit, string? Department, int Year, ProjectStatus Status,
        int? Score, string? ProfileId, decimal? Total, int Errors, int Warnings, int Infos, List<Person> People);

    static IQueryable<Line> Lines(IQueryable<Project> projects) => projects.Select(p => new Line(
        p.Id, p.Form.Name, p.Form.Code, p.BudgetUnitId, p.BudgetUnit!.Name, p.BudgetUnit.SupervisingDepartment!.Name, p.FiscalYear, p.Status,
        p.QualityScore, p.ReviewProfileId, p.Form.Funding.Total,
        p.Findings.Count(f => f.Severity == Severity.Error), p.Findings.Count(f => f.Severity == Severity.Warning),
        p.Findings.Count(f => f.Severity == Severity.Info),
        p.Form.People.Select(x => new Person { Role = x.Role, Name = x.Name, Phone = x.Phone }).ToList()));

    // The review list with its filters, every matching row (not only the page on screen).
    public static Task ReviewAsync(JixiaoDb db, ClaimsPrincipal user, ReviewFilter filter, IRowWriter output, Action<string, int, int> progress, CancellationToken ct) =>
        WriteAsync(filter.Apply(db.Projects.VisibleTo(user)), user, output, progress, ct);

    // The project list (/) of a year, narrowed like the list by unit name, code or department.
    public static Task ProjectsAsync(JixiaoDb db, ClaimsPrincipal user, int year, string? q, IRowWriter output, Action<string, int, int> progress, CancellationToken ct)
    {
        var projects = db.Projects.VisibleTo(user).Where(p => p.FiscalYear == year);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            projects = projects.Where(p => p.BudgetUnit!.Name.Contains(text) || p.BudgetUnit.Code == text || p.BudgetUnit.SupervisingDepartment!.Name.Contains(text));
        }
        return WriteAsync(projects, user, output, progress, ct);
    }

    static async Task WriteAsync(IQueryable<Project> projects, ClaimsPrincipal user, IRowWriter output, Action<string, int, int> progress, CancellationToken ct)
    {
        var total = await projects.CountAsync(ct);
        progress("正在导出", 0, total);
        output.Row(ReviewHeader);
        var done = 0;
        var after = 0;
        while (true)
        {
            // Keyset paging by id: each page is an index range, never an ever longer OFFSET.
            var page = await Lines(projects.Where(p => p.Id > after).OrderBy(p => p.Id).Take(PageSize)).AsNoTracking().AsSplitQuery().ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var line in page) output.Row(Cells(line, Access.MayDeclare(user, line.UnitId)));
            after = page[^1].Id;
            done += page.Count;
            progress("正在导出", done, Math.Max(total, done));
        }
    }

    static object?[] Cells(Line l, bool ownUnit)
    {
        var scoring = (l.ProfileId is { } id ? ReviewProfiles.Find(id) : null)?.Scoring ?? ReviewProfiles.National2021.Scoring;
        var lead = l.People.FirstOrDefault(p => p.Role.Contains("负责人")) ?? l.People.FirstOrDefault();
        var name = ownUnit ? lead?.Name : Masking.Name(lead?.Name);
        var phone = ownUnit ? lead?.Phone : Masking.Phone(lead?.Phone);
        return
        [
            l.Name, l.Code, l.Unit, l.Department, l.Year, Labels.Of(l.Status), l.Score, l.Score is int s ? scoring.Grade(s) : null,
            l.Errors, l.Warnings, l.Infos, l.Total is decimal t ? Math.Round(t / 10000m, 2) : null, name, phone,
        ];
    }
}
