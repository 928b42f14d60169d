using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Jixiao.Forms;

// A Word document's body as a grid: each paragraph is a row of one cell ("第5段"), each table row a
// row of cells ("表格2 第3行 第1列"). Merged cells keep the columns aligned: the columns a cell
// spans and the continuation of a vertical merge become empty cells. Nested tables follow the row
// that holds them as tables of their own; text boxes follow the paragraph that holds them. Headers,
// footers and notes are not read.
// The main part is read in one pass with an XmlReader rather than through the Open XML DOM, which
// allocated more than the whole rest of the import (the package was checked by OfficePackage before).
internal static class DocxGrid
{
    // Word allows 63 columns, other editors somewhat more; wider rows only serve to blow up the grid.
    const int MaxColumns = 256;
    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true,
        IgnoreProcessingInstructions = true, IgnoreWhitespace = false, CloseInput = true,
    };

    public static CellGrid Read(Stream stream, string file)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        // The package check leaves a Word package's parts to this pass: a DTD (external entities) and nesting
        // deep enough to overflow the recursive walk are refused here, in the package check's words.
        var part = "_rels/.rels";
        try
        {
            var main = MainPart(zip) ?? throw NoBody(file);
            part = main.FullName;
            using var x = XmlReader.Create(main.Open(), Settings);
            if (!x.ReadToFollowing("body", W)) throw NoBody(file);
            var walker = new Walker(new GridBuilder(file));
            walker.Blocks(x);
            return walker.Grid;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new FormReadException($"文件“{file}”中的“{part}”含有 DTD 声明（可能引用外部文件），拒绝读取", e);
        }
        catch (TooDeep)
        {
            throw new FormReadException($"文件“{file}”中的“{part}”嵌套超过 {OfficePackage.MaxXmlDepth} 层，拒绝读取");
        }
    }

    sealed class TooDeep : Exception;

    static FormReadException NoBody(string file) => new($"文件“{file}”已损坏：Word 文档没有正文");

    // The part the package's relationships name as the document, word/document.xml when they do not.
    static ZipArchiveEntry? MainPart(ZipArchive zip)
    {
        var target = "word/document.xml";
        if (zip.GetEntry("_rels/.rels") is { } rels)
        {
            using var x = XmlReader.Create(rels.Open(), Settings);
            while (x.ReadToFollowing("Relationship"))
                if (x.GetAttribute("Type") == OfficeDocument && x.GetAttribute("Target") is { Length: > 0 } t)
                {
                    target = t.TrimStart('/');
                    break;
                }
        }
        return zip.GetEntry(target) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), target, StringComparison.OrdinalIgnoreCase));
    }

    static bool IsW(XmlReader x, string name) => x.LocalName == name && x.NamespaceURI == W;

    static bool IsFallback(XmlReader x) => x.LocalName == "Fallback" && x.NamespaceURI == MarkupCompatibility;

    // Moves to the end of the element the reader is on (or stays on an empty one).
    static void SkipElement(XmlReader x)
    {
        if (x.IsEmptyElement) return;
        var depth = x.Depth;
        while (x.Read() && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth)) { }
    }

    // Calls child for each element child of the element the reader is on, which must leave the reader
    // on that child's end (or on the child itself when empty).
    static void Children(XmlReader x, Action<XmlReader> child)
    {
        if (x.Depth > OfficePackage.MaxXmlDepth) throw new TooDeep();
        if (x.IsEmptyElement) return;
        var depth = x.Depth;
        while (x.Read())
        {
            if (x.NodeType == XmlNodeType.EndElement && x.Depth == depth) return;
            if (x.NodeType == XmlNodeType.Element) child(x);
        }
    }

    static string? Val(XmlReader x) => x.GetAttribute("val", W);

    static bool OnOff(string? value, bool absent) => value == null ? absent : value is "1" or "true" or "on";

    sealed class Walker(GridBuilder builder)
    {
        int paragraphs, tables;
        // Rows found inside a paragraph (text boxes) or a table row (nested tables) wait for it.
        List<(string Where, List<Cell> Cells)>? pending;
        // Inside a table cell, paragraphs are lines of the cell.
        List<string>? cellLines;
        // Reused for every paragraph's text.
        readonly StringBuilder text = new();

        public CellGrid Grid => builder.Grid;

        void Emit(string where, List<Cell> cells)
        {
            if (pending != null) pending.Add((where, cells));
            else builder.Add(where, cells);
        }

        // The blocks under the element the reader is on: paragraphs and tables, in content controls too.
        public void Blocks(XmlReader x) => Children(x, Block);

        void Block(XmlReader x)
        {
            if (IsFallback(x)) { SkipElement(x); return; }
            if (IsW(x, "tbl")) { Table(x); return; }
            if (IsW(x, "p")) { Paragraph(x); return; }
            Blocks(x);
        }

        void Paragraph(XmlReader x)
        {
            if (cellLines != null)
            {
                // A line of the cell; a text box's paragraphs follow it as lines of their own.
                var slot = cellLines.Count;
                cellLines.Add("");
                cellLines[slot] = ParagraphText(x);
                return;
            }
            var where = $"第{++paragraphs}段";
            var outer = pending;
            pending = [];
            var line = ParagraphText(x);
            var inner = pending;
            pending = outer;
            Emit(where, [new Cell(Finish(line), where)]);
            foreach (var (w, cells) in inner) Emit(w, cells);
        }

        string ParagraphText(XmlReader x)
        {
            var start = text.Length;
            Children(x, e => Inline(e, null));
            var line = text.ToString(start, text.Length - start);
            text.Length = start;
            return line;
        }

        void Inline(XmlReader x, string? symbolFont)
        {
            if (x.NamespaceURI == W)
            {
                switch (x.LocalName)
                {
                    case "t":
                        if (x.IsEmptyElement) return;
                        var depth = x.Depth;
                        while (x.Read() && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
                        {
                            if (x.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
                            if (symbolFont == null) text.Append(x.Value);
                            else foreach (var c in x.Value) text.Append(Checkboxes.FromSymbolFont(symbolFont, c) ?? c);
                        }
                        return;
                    case "tab": text.Append('\t'); SkipElement(x); return;
                    case "br" or "cr": text.Append('\n'); SkipElement(x); return;
                    case "noBreakHyphen": text.Append('-'); SkipElement(x); return;
                    case "sym":
                        if (x.GetAttribute("font", W) is { } font && ushort.TryParse(x.GetAttribute("char", W), NumberStyles.HexNumber, null, out var code)
                            && Checkboxes.FromSymbolFont(font, (char)code) is { } glyph)
                            text.Append(glyph);
                        SkipElement(x);
                        return;
                    case "fldChar": FieldCheckbox(x); return;
                    case "sdt": Sdt(x, symbolFont); return;
                    case "r": Run(x); return;
                    case "txbxContent": Blocks(x); return;   // blocks of their own, after this paragraph
                    // Tables are blocks of their own; the rest is markup, deleted text or field codes.
                    case "tbl" or "pPr" or "rPr" or "delText" or "instrText" or "sdtPr":
                        SkipElement(x);
                        return;
                }
            }
            if (IsFallback(x)) { SkipElement(x); return; }
            Children(x, e => Inline(e, symbolFont));
        }

        void Run(XmlReader x)
        {
            string? symbol = null;
            Children(x, e =>
            {
                if (IsW(e, "rPr"))
                {
                    symbol = RunSymbolFont(e);
                    return;
                }
                Inline(e, symbol);
            });
        }

        // A run in a Wingdings font: its characters are symbols (boxes among them).
        static string? RunSymbolFont(XmlReader x)
        {
            string? font = null;
            Children(x, e =>
            {
                if (IsW(e, "rFonts")) font = e.GetAttribute("ascii", W);
                SkipElement(e);
            });
            return font != null && font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase) ? font : null;
        }

        // A legacy form field: <w:fldChar><w:ffData><w:checkBox><w:default/><w:checked/>.
        void FieldCheckbox(XmlReader x)
        {
            bool? isChecked = null, byDefault = null;
            var box = false;
            void Walk(XmlReader e)
            {
                if (IsW(e, "checkBox")) box = true;
                if (IsW(e, "checked")) isChecked = OnOff(Val(e), true);
                else if (IsW(e, "default")) byDefault = OnOff(Val(e), false);
                Children(e, Walk);
            }
            Children(x, Walk);
            if (box) text.Append(isChecked ?? byDefault ?? false ? Checkboxes.Ticked : Checkboxes.Empty);
        }

        // A content control: a checkbox control is its box alone; any other shows its content.
        void Sdt(XmlReader x, string? symbolFont)
        {
            bool? box = null;
            Children(x, e =>
            {
                if (box != null) { SkipElement(e); return; }
                if (IsW(e, "sdtPr"))
                {
                    Children(e, p =>
                    {
                        if (p.LocalName == "checkbox" && p.NamespaceURI == W14)
                        {
                            box = false;
                            Children(p, c =>
                            {
                                if (c.LocalName == "checked" && c.NamespaceURI == W14) box = OnOff(c.GetAttribute("val", W14), true);
                                SkipElement(c);
                            });
                        }
                        else SkipElement(p);
                    });
                    if (box is { } on) text.Append(on ? Checkboxes.Ticked : Checkboxes.Empty);
                    return;
                }
                Inline(e, symbolFont);
            });
        }

        void Table(XmlReader x)
        {
            var number = ++tables;
            var rowNumber = 0;
            // Per column, the cell a vertical merge started in: its row's list and index, to count its rows.
            var mergeStarts = new Dictionary<int, (List<Cell> Row, int Index)>();
            void Rows(XmlReader e)
            {
                if (IsFallback(e)) { SkipElement(e); return; }
                if (IsW(e, "tr")) { Row(e, $"表格{number} 第{++rowNumber}行", mergeStarts); return; }
                if (IsW(e, "tblPr") || IsW(e, "tblGrid")) { SkipElement(e); return; }
                Children(e, Rows);
            }
            Children(x, Rows);
        }

        void Row(XmlReader x, string rowWhere, Dictionary<int, (List<Cell> Row, int Index)> mergeStarts)
        {
            var cells = new List<Cell>();
            var outer = pending;
            pending = [];
            void Cells(XmlReader e)
            {
                if (IsFallback(e)) { SkipElement(e); return; }
                if (IsW(e, "trPr"))
                {
                    Children(e, p =>
                    {
                        if (IsW(p, "gridBefore") && int.TryParse(Val(p), out var before))
                            AddEmpty(cells, rowWhere, Math.Clamp(before, 0, MaxColumns));
                        SkipElement(p);
                    });
                    return;
                }
                if (IsW(e, "tc")) { TableCell(e, cells, rowWhere, mergeStarts); return; }
                Children(e, Cells);
            }
            Children(x, Cells);
            var nested = pending;
            pending = outer;
            Emit(rowWhere, cells);
            foreach (var (w, c) in nested) Emit(w, c);
        }

        void TableCell(XmlReader x, List<Cell> cells, string rowWhere, Dictionary<int, (List<Cell> Row, int Index)> mergeStarts)
        {
            var span = 1;
            string? merge = null;   // null: no vertical merge; "restart" or "continue"
            var outerLines = cellLines;
            var lines = cellLines = [];
            Children(x, e =>
            {
                if (IsW(e, "tcPr"))
                {
                    Children(e, p =>
                    {
                        if (IsW(p, "gridSpan") && int.TryParse(Val(p), out var s)) span = Math.Clamp(s, 1, MaxColumns);
                        else if (IsW(p, "vMerge")) merge = Val(p) ?? "continue";
                        SkipElement(p);
                    });
                    return;
                }
                if (IsW(e, "tbl"))
                {
                    // A nested table: its rows follow this row, and its paragraphs are no lines of this cell.
                    var saved = cellLines;
                    cellLines = null;
                    Table(e);
                    cellLines = saved;
                    return;
                }
                Block(e);
            });
            cellLines = outerLines;

            var continues = merge == "continue";
            var value = continues ? "" : Finish(string.Join('\n', lines));
            var column = cells.Count;
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
                cells.Add(new Cell(value, where) { Columns = span });
                AddEmpty(cells, rowWhere, span - 1, where);
            }
            if (cells.Count > MaxColumns)
                throw new FormReadException($"文件“{builder.Grid.File}”的{rowWhere}超过 {MaxColumns} 列，不是有效的 Word 表格");
        }

        static void AddEmpty(List<Cell> cells, string rowWhere, int count, string? mergedInto = null)
        {
            for (var i = 0; i < count; i++) cells.Add(new Cell("", $"{rowWhere} 第{cells.Count + 1}列") { MergedInto = mergedInto });
        }
    }

    static string Finish(string text) => Checkboxes.Normalize(text.Trim());
}
