using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Jixiao.Forms;

// A web page, or an Excel or Word file saved as HTML, as a grid: each table row becomes a row of
// cells ("表格1 第2行 第3列"), with empty cells where colspan and rowspan cover columns so that
// the columns stay aligned; other text becomes one-cell rows per block ("第4段"). Nested tables
// follow the row that holds them. Nothing is fetched: the parser loads no scripts or resources.
internal static class HtmlGrid
{
    // HTML caps colspan at 1000; no form needs a row wider than that.
    const int MaxColumns = 1000;

    public static CellGrid Read(byte[] bytes, string file, TimeSpan timeout)
    {
        using var doc = Parse(bytes, file, timeout);
        var walker = new Walker(new GridBuilder(file), file);
        if (doc.Body != null) walker.Blocks(doc.Body);
        walker.Flush();
        return walker.Grid;
    }

    // The parser honours a BOM and <meta charset>, e.g. the gb2312 of pages saved by Chinese Office.
    // It caps the tree at about 512 levels, as browsers do, so the recursive walks below cannot
    // overflow the stack; but its time grows with the square of the nesting, so it runs against a deadline.
    static IHtmlDocument Parse(byte[] bytes, string file, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return new HtmlParser().ParseDocumentAsync(new MemoryStream(bytes, writable: false), deadline.Token)
                .GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            throw new FormReadException($"读取网页文件“{file}”超时（超过 {timeout.TotalSeconds:0} 秒），请检查文件或另存为 .docx", e);
        }
    }

    sealed class Walker(GridBuilder builder, string file)
    {
        readonly StringBuilder line = new();
        int paragraphs, tables;

        public CellGrid Grid => builder.Grid;

        public void Blocks(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        AppendText(line, text);
                        break;
                    case IHtmlTableElement table:
                        Flush();
                        Table(table);
                        break;
                    case IElement e when Skipped(e):
                        break;
                    case IElement e when IsBlock(e):
                        Flush();
                        Blocks(e);
                        Flush();
                        break;
                    case IElement e when !AppendSpecial(line, e):
                        Blocks(e);
                        break;
                }
            }
        }

        public void Flush()
        {
            var text = Finish(line.ToString());
            line.Clear();
            if (text.Length == 0) return;
            var where = $"第{++paragraphs}段";
            builder.Add(where, [new Cell(text, where)]);
        }

        void Table(IHtmlTableElement table)
        {
            var number = ++tables;
            var rowNumber = 0;
            // Rows still covered by a rowspan from above, per column, and the cell that covers them.
            var covered = new List<int>();
            var coveredBy = new List<string?>();
            foreach (var row in table.Rows)
            {
                var rowWhere = $"表格{number} 第{++rowNumber}行";
                var cells = new List<Cell>();
                var nested = new List<IHtmlTableElement>();
                foreach (var cell in row.Cells)
                {
                    SkipCovered(cells, covered, coveredBy, rowWhere);
                    var sb = new StringBuilder();
                    CellText(cell, sb, nested);
                    var span = Math.Clamp(cell.ColumnSpan, 1, MaxColumns);
                    var down = Math.Clamp(cell.RowSpan, 1, 65534) - 1;
                    var origin = $"{rowWhere} 第{cells.Count + 1}列";
                    for (var i = 0; i < span; i++)
                    {
                        var column = cells.Count;
                        if (column >= MaxColumns)
                            throw new FormReadException($"文件“{file}”的{rowWhere}超过 {MaxColumns} 列，请检查表格");
                        while (covered.Count <= column) { covered.Add(0); coveredBy.Add(null); }
                        covered[column] = down;
                        coveredBy[column] = down > 0 ? origin : null;
                        cells.Add(i == 0
                            ? new Cell(Finish(sb.ToString()), origin) { Columns = span, Rows = down + 1 }
                            : new Cell("", $"{rowWhere} 第{column + 1}列") { MergedInto = origin });
                    }
                }
                SkipCovered(cells, covered, coveredBy, rowWhere, toEnd: true);
                builder.Add(rowWhere, cells);
                foreach (var inner in nested) Table(inner);
            }
        }

        static void CellText(INode node, StringBuilder sb, List<IHtmlTableElement> nested)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        AppendText(sb, text);
                        break;
                    case IHtmlTableElement table:
                        nested.Add(table);
                        break;
                    case IElement e when Skipped(e):
                        break;
                    case IElement e when IsBlock(e):
                        sb.Append('\n');
                        CellText(e, sb, nested);
                        sb.Append('\n');
                        break;
                    case IElement e when !AppendSpecial(sb, e):
                        CellText(e, sb, nested);
                        break;
                }
            }
        }

        // Columns that a rowspan from an earlier row still covers become empty cells: those just
        // before the next cell, or at the end of the row all that remain.
        static void SkipCovered(List<Cell> cells, List<int> covered, List<string?> coveredBy, string rowWhere, bool toEnd = false)
        {
            var last = toEnd ? covered.FindLastIndex(c => c > 0) : -1;
            while (cells.Count < covered.Count && (covered[cells.Count] > 0 || cells.Count <= last))
            {
                var by = covered[cells.Count] > 0 ? coveredBy[cells.Count] : null;
                if (covered[cells.Count] > 0) covered[cells.Count]--;
                cells.Add(new Cell("", $"{rowWhere} 第{cells.Count + 1}列") { MergedInto = by });
            }
        }
    }

    static void AppendText(StringBuilder sb, IText text)
    {
        if (text.ParentElement?.Closest("pre") != null)
        {
            sb.Append(text.Data.Replace("\r\n", "\n"));
            return;
        }
        foreach (var c in text.Data)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0')
            {
                if (sb.Length > 0 && sb[^1] is not (' ' or '\n')) sb.Append(' ');
            }
            else sb.Append(c);
        }
    }

    // Line breaks and form controls; returns false for any other element.
    static bool AppendSpecial(StringBuilder sb, IElement e)
    {
        switch (e)
        {
            case IHtmlBreakRowElement:
                sb.Append('\n');
                return true;
            case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                sb.Append(box.IsDefaultChecked ? Checkboxes.Ticked : Checkboxes.Empty);
                return true;
            case IHtmlInputElement { Type: "text" } input:
                sb.Append(input.DefaultValue);
                return true;
            case IHtmlSelectElement select:
                sb.Append(select.Options.FirstOrDefault(o => o.IsDefaultSelected)?.Text ?? "");
                return true;
            default:
                return false;
        }
    }

    static bool Skipped(IElement e) => e.LocalName is "script" or "style" or "template" or "head" or "noscript" or "title";

    static bool IsBlock(IElement e) => e.LocalName is "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "li" or "ul" or "ol" or "dl" or "dt" or "dd" or "pre" or "blockquote" or "section" or "article" or "header"
        or "footer" or "main" or "nav" or "aside" or "form" or "fieldset" or "legend" or "address" or "figure"
        or "figcaption" or "hr" or "caption" or "center";

    // Lines trimmed, empty lines (left by nested blocks) dropped, checkbox glyphs unified.
    static string Finish(string text) =>
        Checkboxes.Normalize(string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));
}
