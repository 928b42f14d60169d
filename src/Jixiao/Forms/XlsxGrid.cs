using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Jixiao.Forms;

// An Excel workbook as a grid, every sheet in order, one row per sheet row with text ("Sheet1 第4行"),
// cells from column A on ("Sheet1!B4"). Every part is read with the SAX reader, so a large sheet
// costs the memory of its text, not of its XML tree; the row and cell limits stop a huge one early.
// A merged region keeps its value in the top-left cell only.
internal static class XlsxGrid
{
    const int MaxColumn = 16384;

    // Work spent matching merged regions to rows; a form needs a few thousand steps.
    const long MaxMergeWork = 5_000_000;

    internal sealed record SheetRow(int Index, List<(int Column, string Text)> Cells);

    sealed record Format(int Id, string? Code);

    public static CellGrid Read(Stream stream, string file)
    {
        var settings = new OpenSettings { MaxCharactersInPart = GridReader.MaxUnpackedBytes };
        using var doc = SpreadsheetDocument.Open(stream, false, settings);
        var workbook = doc.WorkbookPart ?? throw new FormReadException($"文件“{file}”已损坏：Excel 工作簿没有工作表");

        var (sheets, date1904) = Sheets(workbook);
        var shared = workbook.SharedStringTablePart is { } sst ? SharedStrings(sst) : [];
        var formats = workbook.WorkbookStylesPart is { } styles ? Formats(styles) : [];
        var grid = new GridBuilder(file);
        foreach (var (name, id) in sheets)
        {
            if (workbook.GetPartById(id) is not WorksheetPart part) continue;
            var merges = new List<(int Top, int Left, int Bottom, int Right)>();
            AddSheet(grid, name, ReadSheet(part, name, file, shared, formats, date1904, merges), merges);
        }
        return grid.Grid;
    }

    // Rows of one sheet, in order, with text; cells numbered from 1 (column A).
    // The merged regions keep their shape on the cells: spans on the top-left one, MergedInto on those
    // covered. Regions are swept by their top row, so each row looks only at the regions crossing it.
    internal static void AddSheet(GridBuilder grid, string sheet, List<SheetRow> rows, List<(int Top, int Left, int Bottom, int Right)> merges)
    {
        var byTop = merges.OrderBy(m => m.Top).ToList();
        var next = 0;
        var active = new List<(int Top, int Left, int Bottom, int Right)>();
        foreach (var row in rows)
        {
            while (next < byTop.Count && byTop[next].Top <= row.Index) active.Add(byTop[next++]);
            active.RemoveAll(m => m.Bottom < row.Index);
            var cells = new List<Cell>();
            Cell Place(string text, int column)
            {
                var cell = new Cell(text, Where(sheet, column, row.Index));
                foreach (var m in active)
                {
                    if (column < m.Left || column > m.Right) continue;
                    return m.Top == row.Index && m.Left == column
                        ? cell with { Columns = m.Right - m.Left + 1, Rows = m.Bottom - m.Top + 1 }
                        : cell with { MergedInto = Where(sheet, m.Left, m.Top) };
                }
                return cell;
            }
            foreach (var (column, text) in row.Cells.OrderBy(c => c.Column))
            {
                while (cells.Count < column - 1) cells.Add(Place("", cells.Count + 1));
                cells.Add(Place(Checkboxes.Normalize(text.Trim()), column));
            }
            grid.Add($"{sheet} 第{row.Index}行", cells);
        }
    }

    // Called as rows are collected, so that a huge sheet is refused before the rest of it is parsed.
    internal static void CheckRowCount(List<SheetRow> rows, string file, string sheet)
    {
        if (rows.Count > GridReader.MaxRows)
            throw new FormReadException($"文件“{file}”超过 {GridReader.MaxRows} 行的上限（在工作表“{sheet}”第 {rows[^1].Index} 行处），请删去无关内容后再导入");
    }

    static (List<(string Name, string Id)>, bool Date1904) Sheets(WorkbookPart workbook)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        using var reader = OpenXmlReader.Create(workbook);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Sheet))
            {
                var sheet = (Sheet)reader.LoadCurrentElement()!;
                if (sheet.Id?.Value is { } id) sheets.Add((sheet.Name?.Value ?? $"工作表{sheets.Count + 1}", id));
            }
            else if (reader.ElementType == typeof(WorkbookProperties))
                date1904 = ((WorkbookProperties)reader.LoadCurrentElement()!).Date1904?.Value ?? false;
        }
        return (sheets, date1904);
    }

    static List<string> SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                strings.Add(RichText(reader.LoadCurrentElement()!));
        return strings;
    }

    // Text runs of a shared or inline string, without the phonetic guides some East Asian files add.
    static string RichText(OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var text in item.Descendants<Text>())
            if (text.Ancestors<PhoneticRun>().FirstOrDefault() == null) sb.Append(text.Text);
        return sb.ToString();
    }

    static List<Format> Formats(WorkbookStylesPart part)
    {
        var codes = new Dictionary<int, string>();
        var cellFormats = new List<Format>();
        var inCellFormats = false;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(CellFormats)) inCellFormats = reader.IsStartElement;
            else if (!reader.IsStartElement) continue;
            else if (reader.ElementType == typeof(NumberingFormat))
            {
                var format = (NumberingFormat)reader.LoadCurrentElement()!;
                if (format.NumberFormatId?.Value is { } id) codes[(int)id] = format.FormatCode?.Value ?? "";
            }
            else if (inCellFormats && reader.ElementType == typeof(CellFormat))
            {
                var xf = (CellFormat)reader.LoadCurrentElement()!;
                var id = (int)(xf.NumberFormatId?.Value ?? 0);
                cellFormats.Add(new Format(id, codes.GetValueOrDefault(id)));
            }
        }
        return cellFormats;
    }

    static List<SheetRow> ReadSheet(WorksheetPart part, string sheet, string file, List<string> shared,
        List<Format> formats, bool date1904, List<(int Top, int Left, int Bottom, int Right)> merges)
    {
        var rows = new List<SheetRow>();
        var lastRow = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                var index = row.RowIndex?.Value is { } r ? (int)Math.Min(r, int.MaxValue) : lastRow + 1;
                if (index <= lastRow)
                    throw new FormReadException($"文件“{file}”已损坏：工作表“{sheet}”的第 {index} 行重复或顺序错乱");
                lastRow = index;
                var cells = new List<(int, string)>();
                var lastColumn = 0;
                foreach (var cell in row.Elements<SheetCell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : lastColumn + 1;
                    if (column <= lastColumn || column > MaxColumn)
                        throw new FormReadException($"文件“{file}”已损坏：工作表“{sheet}”第 {index} 行的单元格位置无效");
                    lastColumn = column;
                    var text = CellText(cell, shared, formats, date1904)
                        ?? throw new FormReadException($"文件“{file}”已损坏：单元格 {Where(sheet, column, index)} 引用了不存在的共享字符串");
                    if (text.Length > 0) cells.Add((column, text));
                }
                if (cells.Count == 0) continue;
                rows.Add(new SheetRow(index, cells));
                CheckRowCount(rows, file, sheet);
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var reference = ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value;
                if (reference != null && TryRange(reference, out var range)) merges.Add(range);
            }
        }
        KeepMergedValueTopLeft(rows, merges, file, sheet);
        return rows;
    }

    static string? CellText(SheetCell cell, List<string> shared, List<Format> formats, bool date1904)
    {
        var value = cell.CellValue?.Text ?? "";
        // OpenXml 3 enum values are structs, not constants: compared, not switched on.
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
                ? shared[i]
                : null;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? RichText(inline) : value;
        if (type == CellValues.Boolean) return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return value;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
        var style = (int)(cell.StyleIndex?.Value ?? 0);
        var format = style < formats.Count ? formats[style] : new Format(0, null);
        return CellNumbers.Format(number, format.Id, format.Code, date1904);
    }

    // Excel clears the covered cells of a merge, but other writers leave text there; only the
    // top-left value is what the reader of the form sees.
    internal static void KeepMergedValueTopLeft(List<SheetRow> rows, List<(int Top, int Left, int Bottom, int Right)> merges,
        string file, string sheet)
    {
        long work = 0;
        foreach (var (top, left, bottom, right) in merges)
        {
            var start = rows.BinarySearch(new SheetRow(top, []), Comparer<SheetRow>.Create((a, b) => a.Index.CompareTo(b.Index)));
            if (start < 0) start = ~start;
            for (var r = start; r < rows.Count && rows[r].Index <= bottom; r++)
            {
                if (++work > MaxMergeWork)
                    throw new FormReadException($"文件“{file}”的工作表“{sheet}”合并单元格过多，请取消不必要的合并后再导入");
                var row = rows[r];
                row.Cells.RemoveAll(c => c.Column >= left && c.Column <= right && (row.Index != top || c.Column != left));
            }
        }
        rows.RemoveAll(r => r.Cells.Count == 0);
    }

    static bool TryRange(string reference, out (int, int, int, int) range)
    {
        range = default;
        var parts = reference.Split(':');
        if (parts.Length != 2 || !TryCell(parts[0], out var r1, out var c1) || !TryCell(parts[1], out var r2, out var c2)) return false;
        range = (Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
        return true;
    }

    static bool TryCell(string reference, out int row, out int column)
    {
        column = ColumnOf(reference);
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$").TrimStart('$');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out row) && column > 0 && row > 0;
    }

    static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c == '$') continue;
            var letter = char.ToUpperInvariant(c);
            if (letter is < 'A' or > 'Z') break;
            column = column * 26 + (letter - 'A' + 1);
            if (column > MaxColumn) return MaxColumn + 1;
        }
        return column;
    }

    internal static string Where(string sheet, int column, int row)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return $"{sheet}!{letters}{row}";
    }
}
