using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace Jixiao.Forms;

// A Word document's body as a grid: each paragraph is a row of one cell ("第5段"), each table row a
// row of cells ("表格2 第3行 第1列"). Merged cells keep the columns aligned: the columns a cell
// spans and the continuation of a vertical merge become empty cells. Nested tables follow the row
// that holds them as tables of their own. Headers, footers and notes are not read.
internal static class DocxGrid
{
    // Word allows 63 columns, other editors somewhat more; wider rows only serve to blow up the grid.
    const int MaxColumns = 256;

    public static CellGrid Read(Stream stream, string file)
    {
        var settings = new OpenSettings { MaxCharactersInPart = GridReader.MaxUnpackedBytes };
        using var doc = WordprocessingDocument.Open(stream, false, settings);
        var body = doc.MainDocumentPart?.Document?.Body
            ?? throw new FormReadException($"文件“{file}”已损坏：Word 文档没有正文");
        var walker = new Walker(new GridBuilder(file));
        walker.Blocks(body);
        return walker.Grid;
    }

    sealed class Walker(GridBuilder builder)
    {
        int paragraphs, tables;

        public CellGrid Grid => builder.Grid;

        public void Blocks(OpenXmlElement container)
        {
            foreach (var block in FindBlocks(container))
            {
                if (block is Table table) { Table(table); continue; }
                var where = $"第{++paragraphs}段";
                builder.Add(where, [new Cell(Finish(ParagraphText(block)), where)]);
            }
        }

        void Table(Table table)
        {
            var number = ++tables;
            var rowNumber = 0;
            // Per column, the cell a vertical merge started in: its row's list and index, to count its rows.
            var mergeStarts = new Dictionary<int, (List<Cell> Row, int Index)>();
            foreach (var row in Find<TableRow>(table))
            {
                var rowWhere = $"表格{number} 第{++rowNumber}行";
                var cells = new List<Cell>();
                var nested = new List<Table>();
                var before = Math.Min(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0, MaxColumns);
                AddEmpty(cells, rowWhere, before);
                foreach (var cell in Find<TableCell>(row))
                {
                    var props = cell.TableCellProperties;
                    var merge = props?.VerticalMerge;
                    var continues = merge != null && (merge.Val == null || merge.Val.Value == MergedCellValues.Continue);
                    var lines = new List<string>();
                    foreach (var block in FindBlocks(cell))
                        if (block is Table inner) nested.Add(inner);
                        else lines.Add(ParagraphText(block));
                    var text = continues ? "" : Finish(string.Join('\n', lines));
                    var column = cells.Count;
                    var span = Math.Clamp(props?.GridSpan?.Val?.Value ?? 1, 1, MaxColumns);
                    var where = $"{rowWhere} 第{column + 1}列";
                    if (continues && mergeStarts.TryGetValue(column, out var start))
                    {
                        var origin = start.Row[start.Index];
                        start.Row[start.Index] = origin with { Rows = origin.Rows + 1 };
                        cells.Add(new Cell("", where) { MergedInto = origin.Where });
                        AddEmpty(cells, rowWhere, span - 1, origin.Where);
                    }
                    else
                    {
                        if (merge != null) mergeStarts[column] = (cells, column);
                        else mergeStarts.Remove(column);
                        cells.Add(new Cell(text, where) { Columns = span });
                        AddEmpty(cells, rowWhere, span - 1, where);
                    }
                    if (cells.Count > MaxColumns)
                        throw new FormReadException($"文件“{builder.Grid.File}”的{rowWhere}超过 {MaxColumns} 列，不是有效的 Word 表格");
                }
                builder.Add(rowWhere, cells);
                foreach (var inner in nested) Table(inner);
            }
        }

        static void AddEmpty(List<Cell> cells, string rowWhere, int count, string? mergedInto = null)
        {
            for (var i = 0; i < count; i++) cells.Add(new Cell("", $"{rowWhere} 第{cells.Count + 1}列") { MergedInto = mergedInto });
        }
    }

    static string Finish(string text) => Checkboxes.Normalize(text.Trim());

    // Paragraphs and tables in document order. A paragraph's text boxes hold paragraphs and tables
    // of their own, found after it; a table's insides are read row by row by its own walk.
    static IEnumerable<OpenXmlElement> FindBlocks(OpenXmlElement root)
    {
        foreach (var child in root.ChildElements)
        {
            if (child is AlternateContentFallback) continue;
            if (child is Table) { yield return child; continue; }
            if (child is Paragraph) yield return child;
            foreach (var inner in FindBlocks(child)) yield return inner;
        }
    }

    // Elements of type T under root, also inside content controls, but not inside one another.
    static IEnumerable<T> Find<T>(OpenXmlElement root) where T : OpenXmlElement
    {
        foreach (var child in root.ChildElements)
        {
            if (child is AlternateContentFallback) continue;
            if (child is T match) { yield return match; continue; }
            foreach (var inner in Find<T>(child)) yield return inner;
        }
    }

    static string ParagraphText(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        foreach (var child in paragraph.ChildElements) AppendText(child, sb, null);
        return sb.ToString();
    }

    static void AppendText(OpenXmlElement e, StringBuilder sb, string? symbolFont)
    {
        switch (e)
        {
            case Text t:
                if (symbolFont == null) sb.Append(t.Text);
                else foreach (var c in t.Text) sb.Append(Checkboxes.FromSymbolFont(symbolFont, c) ?? c);
                return;
            case TabChar:
                sb.Append('\t');
                return;
            case Break or CarriageReturn:
                sb.Append('\n');
                return;
            case NoBreakHyphen:
                sb.Append('-');
                return;
            case SymbolChar sym:
                if (sym.Font?.Value is { } font && ushort.TryParse(sym.Char?.Value, NumberStyles.HexNumber, null, out var code)
                    && Checkboxes.FromSymbolFont(font, (char)code) is { } glyph)
                    sb.Append(glyph);
                return;
            case FieldChar { FormFieldData: { } data } when data.GetFirstChild<CheckBox>() is { } box:
                var ticked = box.GetFirstChild<Checked>() is { } state
                    ? state.Val?.Value ?? true
                    : box.GetFirstChild<DefaultCheckBoxFormFieldState>()?.Val?.Value ?? false;
                sb.Append(ticked ? Checkboxes.Ticked : Checkboxes.Empty);
                return;
            case SdtElement sdt when sdt.SdtProperties?.GetFirstChild<W14.SdtContentCheckBox>() is { } checkbox:
                var on = checkbox.Checked?.Val?.Value is { } v && (v == W14.OnOffValues.True || v == W14.OnOffValues.One);
                sb.Append(on ? Checkboxes.Ticked : Checkboxes.Empty);
                return;
            // Text boxes and tables are blocks of their own; the rest is markup, deleted text or field codes.
            case AlternateContentFallback or Table or TextBoxContent or SdtProperties or DeletedText or FieldCode
                or ParagraphProperties or RunProperties:
                return;
            case Run run:
                var runFont = run.RunProperties?.RunFonts?.Ascii?.Value;
                var symbol = runFont != null && runFont.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase) ? runFont : null;
                foreach (var child in run.ChildElements) AppendText(child, sb, symbol);
                return;
            default:
                foreach (var child in e.ChildElements) AppendText(child, sb, symbolFont);
                return;
        }
    }
}
