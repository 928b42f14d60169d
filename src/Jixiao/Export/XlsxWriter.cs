using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Export;

// Blocks to an Excel workbook: one sheet that prints on A4, one page wide, page numbers in the footer,
// a page break before each project, merged level cells and titles merged across the table's width.
public static class XlsxWriter
{
    // Cell formats in the stylesheet below.
    const uint Plain = 0, Boxed = 1, Head = 2, Number = 3, Title = 4, Subtitle = 5, Heading = 6, Text = 7;

    public static void Write(DocBook book, Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        doc.PackageProperties.Title = book.Title;
        doc.PackageProperties.Creator = "Jixiao 绩效";

        var columns = Math.Max(2, book.Blocks.OfType<TableBlock>().Select(t => t.Widths.Count).DefaultIfEmpty(4).Max());
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var merges = new List<string>();
        var breaks = new List<uint>();
        uint r = 0;

        Row NewRow(double? height = null)
        {
            var row = new Row { RowIndex = ++r };
            if (height != null) { row.Height = height; row.CustomHeight = true; }
            data.Append(row);
            return row;
        }
        void Merge(uint row, int from, uint toRow, int to)
        {
            if (row != toRow || from != to) merges.Add($"{Column(from)}{row}:{Column(to)}{toRow}");
        }

        foreach (var block in book.Blocks)
        {
            switch (block)
            {
                case TitleBlock t:
                    NewRow(t.Level == 0 ? 30 : null).Append(Cell(t.Text, 0, r, t.Level == 0 ? Title : Subtitle));
                    Merge(r, 0, r, columns - 1);
                    break;
                case HeadingBlock h:
                    NewRow().Append(Cell(h.Text, 0, r, Heading));
                    Merge(r, 0, r, columns - 1);
                    break;
                case ParagraphBlock p:
                    NewRow(RowHeight(p.Text, columns * 14)).Append(Cell(p.Text, 0, r, Text));
                    Merge(r, 0, r, columns - 1);
                    break;
                case PageBreakBlock:
                    if (r > 0) breaks.Add(r);
                    break;
                case TableBlock t:
                    var grid = TableGrid.Place(t);
                    for (var i = 0; i < grid.Length; i++)
                    {
                        var row = NewRow();
                        for (var c = 0; c < grid[i].Length; c++)
                        {
                            var slot = grid[i][c];
                            var style = t.Borderless ? Plain : slot == null ? Boxed : slot.Cell.Head ? Head : slot.Cell.Number ? Number : Boxed;
                            row.Append(Cell(slot is { IsOrigin: true } ? slot.Cell.Text : "", c, r, style));
                            if (slot is { IsOrigin: true } && (slot.Cell.RowSpan > 1 || slot.Cell.ColSpan > 1))
                                Merge(r, c, r + (uint)Math.Min(slot.Cell.RowSpan, grid.Length - i) - 1, Math.Min(c + slot.Cell.ColSpan, t.Widths.Count) - 1);
                        }
                        // The last table column takes what is left of the sheet's width.
                        if (t.Widths.Count < columns && !t.Borderless)
                        {
                            var last = grid[i][^1];
                            if (last is { IsOrigin: true } && last.Cell.RowSpan == 1)
                                for (var c = t.Widths.Count; c < columns; c++) row.Append(Cell("", c, r, style: last.Cell.Head ? Head : Boxed));
                            if (last is { IsOrigin: true } && last.Cell.RowSpan == 1) Merge(r, t.Widths.Count - 1, r, columns - 1);
                        }
                        var tallest = grid[i].Where(s => s is { IsOrigin: true, Cell.RowSpan: 1 }).Select(s => RowHeight(s!.Cell.Text, 16 * s.Cell.ColSpan)).Max();
                        if (tallest is double h && h > 15) { row.Height = h; row.CustomHeight = true; }
                    }
                    NewRow();
                    break;
            }
        }

        var ws = new Worksheet();
        ws.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        ws.Append(new Columns(Enumerable.Range(1, columns).Select(i => new DocumentFormat.OpenXml.Spreadsheet.Column
            { Min = (uint)i, Max = (uint)i, Width = 16, CustomWidth = true })));
        ws.Append(data);
        if (merges.Count > 0) ws.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        ws.Append(new PageMargins { Left = 0.6, Right = 0.6, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        // A4 (paper size 9), portrait, one page wide and as many pages long as needed.
        ws.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 });
        ws.Append(new HeaderFooter(new OddFooter($"&C{Escape(book.Footer)}  第 &P 页 共 &N 页")));
        if (breaks.Count > 0)
            ws.Append(new RowBreaks(breaks.Select(b => new Break { Id = b, Max = 16383, ManualPageBreak = true })) { Count = (uint)breaks.Count, ManualBreakCount = (uint)breaks.Count });
        sheetPart.Worksheet = ws;

        workbook.Workbook.Append(new Sheets(new Sheet { Name = "申报表", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        workbook.Workbook.Save();
    }

    // Excel keeps the height it is given; wrapped text needs room for its lines (about 16 characters per column).
    static double? RowHeight(string text, int charsPerLine)
    {
        var lines = text.Split('\n').Sum(l => Math.Max(1, (int)Math.Ceiling(l.Length / (double)Math.Max(8, charsPerLine))));
        return lines <= 1 ? null : Math.Min(409, lines * 15.0);
    }

    static string Escape(string? text) => (text ?? "").Replace("&", "&&");

    static Cell Cell(string text, int column, uint row, uint style) => new()
    {
        CellReference = $"{Column(column)}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    static string Clean(string s) => s.Any(c => c < 0x20 && c is not ('\t' or '\n')) ? new string(s.Where(c => c >= 0x20 || c is '\t' or '\n').ToArray()) : s;

    static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "黑体" }),
            new Font(new FontSize { Val = 12 }, new FontName { Val = "宋体" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid }));
        static BorderPropertiesType Thin<T>() where T : BorderPropertiesType, new() => new T { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()));
        static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues? h, bool wrap = true) => new(
            new Alignment { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
            { FontId = font, FillId = fill, BorderId = border, ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0, ApplyAlignment = true };
        var formats = new CellFormats(
            Format(0, 0, 0, null),                                    // Plain
            Format(0, 0, 1, null),                                    // Boxed
            Format(1, 2, 1, HorizontalAlignmentValues.Center),        // Head
            Format(0, 0, 1, HorizontalAlignmentValues.Right),         // Number
            Format(2, 0, 0, HorizontalAlignmentValues.Center),        // Title
            Format(3, 0, 0, HorizontalAlignmentValues.Center),        // Subtitle
            Format(1, 0, 0, HorizontalAlignmentValues.Left, false),   // Heading
            Format(0, 0, 0, HorizontalAlignmentValues.Left));         // Text
        return new Stylesheet(fonts, fills, borders, new CellStyleFormats(new CellFormat()), formats);
    }
}
