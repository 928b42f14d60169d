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
        return Read(zip, file);
    }

    // A package the package check has opened and checked already.
    public static CellGrid Read(ZipArchive zip, string file)
    {
        // The package check leaves a Word package's parts to this pass: a DTD (external entities) and nesting
        // deep enough to overflow the recursive walk are refused here, in the package check's words.
        var part = "_rels/.rels";
        try
        {
            var main = MainPart(zip) ?? throw NoBody(file);
            part = main.FullName;
            using var x = XmlReader.Create(Text(main), Settings);
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
            using var x = XmlReader.Create(Small(rels), Settings);
            while (x.ReadToFollowing("Relationship"))
                if (x.GetAttribute("Type") == OfficeDocument && x.GetAttribute("Target") is { Length: > 0 } t)
                {
                    target = t.TrimStart('/');
                    break;
                }
        }
        return zip.GetEntry(target) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), target, StringComparison.OrdinalIgnoreCase));
    }

    // The main part as text: over a stream, XmlReader keeps 4 KB of bytes beside its 8 KB of characters; a reader
    // of text with a small buffer of its own decodes for it. Package parts are UTF-8 or UTF-16 with a byte order
    // mark (Open Packaging Conventions), which the reader detects; bytes that are not UTF-8 still fail the read.
    static TextReader Text(ZipArchiveEntry entry) =>
        new StreamReader(entry.Open(), StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 256);

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A part of a few hundred bytes read into memory first: over a stream whose length it knows, XmlReader
    // sizes its buffers to the part instead of 12 KB of them (which made this part cost more than the document's text).
    static Stream Small(ZipArchiveEntry entry)
    {
        if (entry.Length is <= 0 or > 16 * 1024) return entry.Open();
        var bytes = new byte[entry.Length];
        using (var stream = entry.Open()) stream.ReadExactly(bytes);
        return new MemoryStream(bytes, writable: false);
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

    // The walk goes through an element's children with a loop, not a callback per child: a delegate and a
    // closure for every paragraph, run and cell were half of what reading a .docx allocated.
    // Enter gives the depth of the element the reader is on, for NextChild; -1 when it is empty. Deep
    // nesting is refused here, before the walk recurses into it.
    static int Enter(XmlReader x)
    {
        if (x.Depth > OfficePackage.MaxXmlDepth) throw new TooDeep();
        return x.IsEmptyElement ? -1 : x.Depth;
    }

    // Moves to the next element child of the element entered at depth; false at its end. Handling a child
    // must leave the reader on that child's end (or on the child itself when it is empty).
    static bool NextChild(XmlReader x, int depth)
    {
        if (depth < 0) return false;
        while (x.Read())
        {
            if (x.NodeType == XmlNodeType.EndElement && x.Depth == depth) return false;
            if (x.NodeType == XmlNodeType.Element) return true;
        }
        return false;
    }

    static string? Val(XmlReader x) => x.GetAttribute("val", W);

    static bool OnOff(string? value, bool absent) => value == null ? absent : value is "1" or "true" or "on";

    sealed class Walker(GridBuilder builder)
    {
        int paragraphs, tables;
        // Rows found inside a paragraph (text boxes) or a table row (nested tables) wait for it while
        // collecting; the list is made only when there is such a row.
        bool collecting;
        List<(string Where, List<Cell> Cells)>? pending;
        // Inside a table cell, paragraphs are lines of the cell. The lists are reused from cell to cell (one
        // per level of nested tables): a list per cell was a tenth of what a .docx grid allocated.
        List<string>? cellLines;
        readonly Stack<List<string>> spareLines = new();
        // Reused for every paragraph's text, and for the text nodes read into it.
        readonly StringBuilder text = new();
        readonly char[] chunk = new char[512];

        public CellGrid Grid => builder.Grid;

        void Emit(string where, List<Cell> cells)
        {
            if (collecting) (pending ??= []).Add((where, cells));
            else builder.Add(where, cells);
        }

        // Starts collecting the rows found inside an element; gives back what was collected before.
        (bool, List<(string, List<Cell>)>?) Collect()
        {
            var outer = (collecting, pending);
            (collecting, pending) = (true, null);
            return outer;
        }

        List<(string Where, List<Cell> Cells)>? EndCollect((bool Collecting, List<(string, List<Cell>)>? Pending) outer)
        {
            var inner = pending;
            (collecting, pending) = outer;
            return inner;
        }

        // The blocks under the element the reader is on: paragraphs and tables, in content controls too.
        public void Blocks(XmlReader x)
        {
            for (var d = Enter(x); NextChild(x, d);) Block(x);
        }

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
            var outer = Collect();
            var line = ParagraphText(x);
            var inner = EndCollect(outer);
            Emit(where, [new Cell(Finish(line), where)]);
            if (inner != null) foreach (var (w, cells) in inner) Emit(w, cells);
        }

        string ParagraphText(XmlReader x)
        {
            var start = text.Length;
            for (var d = Enter(x); NextChild(x, d);) Inline(x, null);
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
                            if (symbolFont == null && x.CanReadValueChunk)
                            {
                                // Straight into the paragraph's text, without a string per text node.
                                int n;
                                while ((n = x.ReadValueChunk(chunk, 0, chunk.Length)) > 0) text.Append(chunk, 0, n);
                            }
                            else if (symbolFont == null) text.Append(x.Value);
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
            for (var d = Enter(x); NextChild(x, d);) Inline(x, symbolFont);
        }

        void Run(XmlReader x)
        {
            string? symbol = null;
            for (var d = Enter(x); NextChild(x, d);)
                if (IsW(x, "rPr")) symbol = RunSymbolFont(x);
                else Inline(x, symbol);
        }

        // A run in a Wingdings font: its characters are symbols (boxes among them).
        static string? RunSymbolFont(XmlReader x)
        {
            string? font = null;
            for (var d = Enter(x); NextChild(x, d);)
            {
                if (IsW(x, "rFonts")) font = x.GetAttribute("ascii", W);
                SkipElement(x);
            }
            return font != null && font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase) ? font : null;
        }

        // A legacy form field: <w:fldChar><w:ffData><w:checkBox><w:default/><w:checked/>.
        void FieldCheckbox(XmlReader x)
        {
            bool? isChecked = null, byDefault = null;
            var box = false;
            CheckboxParts(x, ref isChecked, ref byDefault, ref box);
            if (box) text.Append(isChecked ?? byDefault ?? false ? Checkboxes.Ticked : Checkboxes.Empty);
        }

        static void CheckboxParts(XmlReader x, ref bool? isChecked, ref bool? byDefault, ref bool box)
        {
            for (var d = Enter(x); NextChild(x, d);)
            {
                if (IsW(x, "checkBox")) box = true;
                if (IsW(x, "checked")) isChecked = OnOff(Val(x), true);
                else if (IsW(x, "default")) byDefault = OnOff(Val(x), false);
                CheckboxParts(x, ref isChecked, ref byDefault, ref box);
            }
        }

        // A content control: a checkbox control is its box alone; any other shows its content.
        void Sdt(XmlReader x, string? symbolFont)
        {
            bool? box = null;
            for (var d = Enter(x); NextChild(x, d);)
            {
                if (box != null) { SkipElement(x); continue; }
                if (IsW(x, "sdtPr"))
                {
                    for (var pd = Enter(x); NextChild(x, pd);)
                    {
                        if (x.LocalName == "checkbox" && x.NamespaceURI == W14)
                        {
                            box = false;
                            for (var cd = Enter(x); NextChild(x, cd);)
                            {
                                if (x.LocalName == "checked" && x.NamespaceURI == W14) box = OnOff(x.GetAttribute("val", W14), true);
                                SkipElement(x);
                            }
                        }
                        else SkipElement(x);
                    }
                    if (box is { } on) text.Append(on ? Checkboxes.Ticked : Checkboxes.Empty);
                    continue;
                }
                Inline(x, symbolFont);
            }
        }

        // Per column, the cell a vertical merge started in, to count its rows.
        sealed class TableState(int number)
        {
            public readonly int Number = number;
            public int RowNumber;
            // The columns of the table's grid (w:gridCol): a row's list of cells is made that size at once.
            public int GridColumns;
            public readonly Dictionary<int, Cell> MergeStarts = [];
        }

        void Table(XmlReader x) => TableRows(x, new TableState(++tables));

        void TableRows(XmlReader x, TableState table)
        {
            for (var d = Enter(x); NextChild(x, d);)
            {
                if (IsFallback(x)) { SkipElement(x); continue; }
                if (IsW(x, "tr")) { Row(x, $"表格{table.Number} 第{++table.RowNumber}行", table); continue; }
                if (IsW(x, "tblGrid"))
                {
                    for (var gd = Enter(x); NextChild(x, gd);)
                    {
                        if (IsW(x, "gridCol")) table.GridColumns++;
                        SkipElement(x);
                    }
                    continue;
                }
                if (IsW(x, "tblPr")) { SkipElement(x); continue; }
                TableRows(x, table);
            }
        }

        void Row(XmlReader x, string rowWhere, TableState table)
        {
            var cells = new List<Cell>(Math.Clamp(table.GridColumns, 1, MaxColumns));
            var outer = Collect();
            RowCells(x, cells, rowWhere, table.MergeStarts);
            var nested = EndCollect(outer);
            Emit(rowWhere, cells);
            if (nested != null) foreach (var (w, c) in nested) Emit(w, c);
        }

        void RowCells(XmlReader x, List<Cell> cells, string rowWhere, Dictionary<int, Cell> mergeStarts)
        {
            for (var d = Enter(x); NextChild(x, d);)
            {
                if (IsFallback(x)) { SkipElement(x); continue; }
                if (IsW(x, "trPr"))
                {
                    for (var pd = Enter(x); NextChild(x, pd);)
                    {
                        if (IsW(x, "gridBefore") && int.TryParse(Val(x), out var before))
                            AddEmpty(cells, rowWhere, Math.Clamp(before, 0, MaxColumns));
                        SkipElement(x);
                    }
                    continue;
                }
                if (IsW(x, "tc")) { TableCell(x, cells, rowWhere, mergeStarts); continue; }
                RowCells(x, cells, rowWhere, mergeStarts);
            }
        }

        void TableCell(XmlReader x, List<Cell> cells, string rowWhere, Dictionary<int, Cell> mergeStarts)
        {
            var span = 1;
            string? merge = null;   // null: no vertical merge; "restart" or "continue"
            var outerLines = cellLines;
            var lines = cellLines = spareLines.Count > 0 ? spareLines.Pop() : [];
            for (var d = Enter(x); NextChild(x, d);)
            {
                if (IsW(x, "tcPr"))
                {
                    for (var pd = Enter(x); NextChild(x, pd);)
                    {
                        if (IsW(x, "gridSpan") && int.TryParse(Val(x), out var s)) span = Math.Clamp(s, 1, MaxColumns);
                        else if (IsW(x, "vMerge")) merge = Val(x) ?? "continue";
                        SkipElement(x);
                    }
                    continue;
                }
                if (IsW(x, "tbl"))
                {
                    // A nested table: its rows follow this row, and its paragraphs are no lines of this cell.
                    var saved = cellLines;
                    cellLines = null;
                    Table(x);
                    cellLines = saved;
                    continue;
                }
                Block(x);
            }
            cellLines = outerLines;

            var continues = merge == "continue";
            var value = continues ? "" : Finish(lines.Count == 1 ? lines[0] : string.Join('\n', lines));
            lines.Clear();
            spareLines.Push(lines);
            var column = cells.Count;
            if (continues && mergeStarts.TryGetValue(column, out var origin))
            {
                origin.AddRow();
                cells.Add(new Cell("", rowWhere, column, CellPlace.Table) { MergedInto = origin.Where });
                AddEmpty(cells, rowWhere, span - 1, origin.Where);
            }
            else
            {
                var cell = new Cell(value, rowWhere, column, CellPlace.Table) { Columns = span };
                if (merge != null) mergeStarts[column] = cell;
                else mergeStarts.Remove(column);
                cells.Add(cell);
                if (span > 1) AddEmpty(cells, rowWhere, span - 1, cell.Where);
            }
            if (cells.Count > MaxColumns)
                throw new FormReadException($"文件“{builder.Grid.File}”的{rowWhere}超过 {MaxColumns} 列，不是有效的 Word 表格");
        }

        static void AddEmpty(List<Cell> cells, string rowWhere, int count, string? mergedInto = null)
        {
            for (var i = 0; i < count; i++) cells.Add(new Cell("", rowWhere, cells.Count, CellPlace.Table) { MergedInto = mergedInto });
        }
    }

    static string Finish(string text) => Checkboxes.Normalize(text.Trim());
}
