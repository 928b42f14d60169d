using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using XRow = DocumentFormat.OpenXml.Spreadsheet.Row;

namespace Jixiao.Tests.Forms;

// Small Excel workbooks built in code: text as shared strings, numbers as numbers, optional styles.
public static class Xlsx
{
    // Rows hold text (string), numbers (double), styled numbers (Number) or nothing (null).
    public sealed record Sheet(string Name, object?[][] Rows, string[]? Merges = null);

    public sealed record Number(double Value, uint Style);

    public static Number Percent(double value) => new(value, 1);

    public static Number Date(double serial) => new(serial, 2);

    public static void Write(string path, params Sheet[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 3 });

        var list = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Rows.Length; r++)
            {
                var row = new XRow { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheet.Rows[r].Length; c++)
                    if (sheet.Rows[r][c] is { } value) row.Append(CellOf(shared, Reference(c + 1, r + 1), value));
                data.Append(row);
            }
            var worksheet = new Worksheet(data);
            if (sheet.Merges is { Length: > 0 } merges)
                worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            part.Worksheet = worksheet;
            list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook = new Workbook(list);
    }

    static XCell CellOf(SharedStringTablePart shared, string reference, object value)
    {
        switch (value)
        {
            case double number:
                return new XCell { CellReference = reference, CellValue = new CellValue(number) };
            case Number styled:
                return new XCell { CellReference = reference, CellValue = new CellValue(styled.Value), StyleIndex = styled.Style };
        }
        shared.SharedStringTable.Append(new SharedStringItem(new Text((string)value)));
        var index = shared.SharedStringTable.ChildElements.Count - 1;
        return new XCell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) };
    }

    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row;
    }

    // A sheet of many rows written through the SAX writer, so the test itself stays small in memory.
    public static void WriteManyRows(string path, int rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        var part = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            for (var r = 1; r <= rows; r++)
            {
                writer.WriteStartElement(new XRow(), [new OpenXmlAttribute("r", "", r.ToString())]);
                writer.WriteStartElement(new XCell(), [new OpenXmlAttribute("r", "", "A" + r)]);
                writer.WriteElement(new CellValue(r.ToString()));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(
            new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Sheet1" }));
    }
}

