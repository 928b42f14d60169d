using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Forms;

// Text renderings of forms (.txt, .tsv, .csv) as a cell grid: one row per line, cells split by tabs,
// by " | " (markdown-like tables), by runs of two or more spaces (text copied from a PDF) or, for .csv,
// by commas with quotes. Empty cells are kept because merged cells leave them empty and their position
// says which column a value belongs to.
public static partial class TextGrid
{
    static TextGrid() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static CellGrid Read(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    public static CellGrid Read(byte[] bytes, string name)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0 && !HasUnicodeBom(bytes))
            throw new InvalidDataException($"{name} 不是文本文件");
        return Parse(Decode(bytes), name);
    }

    // UTF-8 with or without BOM (and UTF-16 with BOM); anything that is not valid UTF-8 is read as GB18030,
    // the encoding of Chinese government files saved by older Windows tools.
    public static string Decode(byte[] bytes)
    {
        if (HasUnicodeBom(bytes))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    static bool HasUnicodeBom(byte[] b) =>
        (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ||
        (b.Length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)));

    public static CellGrid Parse(string text, string file)
    {
        var grid = new CellGrid { File = file };
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var isCsv = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (isCsv)
        {
            foreach (var (line, fields) in CsvRecords(text)) AddRow(grid, line, fields);
            return grid;
        }
        // A table copied from a web page has no tabs; only such a text is split into lines for that reading.
        if (!text.Contains('\t') && MarkedRows(text, text.Split('\n')) is { } marked)
        {
            foreach (var row in marked) grid.Rows.Add(row);
            return grid;
        }
        var number = 0;
        for (var rest = text.AsSpan(); ;)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            number++;
            if (end < 0 && line.IsEmpty) break;   // the text's last line break ends its last line
            // Tab-separated lines (most forms) are cut into cells without a string per line and per field first.
            if (line.Contains('\t')) TabRow(grid, number, line);
            else AddRow(grid, number, SplitLine(line.ToString()));
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        return grid;
    }

    static void AddRow(CellGrid grid, int line, IReadOnlyList<string> fields)
    {
        if (IsRuleLine(fields)) return;   // "---|---": a drawn table border, not a cell
        var where = $"第{line}行";
        var cells = new List<Cell>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
            cells.Add(new Cell(CellText(fields[i]), where, i, CellPlace.Line));
        if (cells.Count == 1 && cells[0].Text == "") cells.Clear();
        grid.Rows.Add(new GridRow(where, cells));
    }

    static void TabRow(CellGrid grid, int line, ReadOnlySpan<char> text)
    {
        var count = text.Count('\t') + 1;
        var cells = new List<Cell>(count);
        var where = $"第{line}行";
        bool rule = true, filled = false;
        for (var i = 0; i < count; i++)
        {
            var tab = text.IndexOf('\t');
            var field = tab < 0 ? text : text[..tab];
            var trimmed = field.Trim();
            rule &= RuleCell().IsMatch(trimmed);
            filled |= !trimmed.IsEmpty;
            // Markup and bookmarks go the long way; a plain field is only trimmed.
            var value = field.Contains('<') || field.Contains("[bookmark:", StringComparison.Ordinal) ? CellText(field.ToString())
                : trimmed.IsEmpty ? "" : trimmed.ToString();
            cells.Add(new Cell(value, where, i, CellPlace.Line));
            text = tab < 0 ? [] : text[(tab + 1)..];
        }
        if (rule && filled) return;   // "---\t---": a drawn table border, not a cell (as IsRuleLine)
        grid.Rows.Add(new GridRow(where, cells));
    }

    // A table copied from a web page: one cell per line, each row closed by a line ending in " |" or by
    // a lone "|". Lines between the marks are one row; lines not closed by a mark (titles, notes) stand
    // alone. Each cell keeps its own line as its place.
    internal static List<GridRow>? MarkedRows(string text) => text.Contains('\t') ? null : MarkedRows(text, text.Split('\n'));

    static List<GridRow>? MarkedRows(string text, string[] lines)
    {
        if (text.Contains('\t')) return null;
        var marks = 0;
        foreach (var line in lines) if (IsRowEnd(line)) marks++;
        if (marks < 3) return null;
        var rows = new List<GridRow>();
        var pending = new List<int>();
        void Singles()
        {
            foreach (var n in pending)
            {
                var where = $"第{n + 1}行";
                rows.Add(new GridRow(where, SplitLine(lines[n]).Select((f, i) => new Cell(CellText(f), where, i, CellPlace.Line)).ToList()));
            }
            pending.Clear();
        }
        void Close()
        {
            if (pending.Count == 0) return;
            var where = pending.Count == 1 ? $"第{pending[0] + 1}行" : $"第{pending[0] + 1}-{pending[^1] + 1}行";
            rows.Add(new GridRow(where, pending.Select(n => new Cell(CellText(WithoutMark(lines[n])), $"第{n + 1}行")).ToList()));
            pending.Clear();
        }
        for (var n = 0; n < lines.Length; n++)
        {
            var t = lines[n].Trim();
            if (t == "") Singles();
            else if (t == "|") Close();
            else
            {
                pending.Add(n);
                if (IsRowEnd(lines[n])) Close();
            }
        }
        Singles();
        return rows;
    }

    static bool IsRowEnd(string line)
    {
        var t = line.AsSpan().Trim();   // asked of every line: no trimmed copy
        return t is "|" || (t.EndsWith(" |", StringComparison.Ordinal) && t.IndexOf('|') == t.Length - 1);
    }

    static string WithoutMark(string line) => IsRowEnd(line) ? line.Trim()[..^1] : line;

    static IReadOnlyList<string> SplitLine(string line)
    {
        if (line.Contains('\t')) return line.Split('\t');
        if (line.Contains(" | ") || (line.TrimStart().StartsWith('|') && line.TrimEnd().EndsWith('|') && line.Trim().Length > 1))
        {
            var inner = line.Trim();
            if (inner.StartsWith('|')) inner = inner[1..];
            if (inner.EndsWith('|')) inner = inner[..^1];
            return [.. inner.Split('|')];
        }
        // Text copied from a PDF keeps table columns apart by runs of spaces, as pdftotext does (PdfGrid).
        var trimmed = line.Trim();
        if (SpaceColumns().IsMatch(trimmed)) return [.. SpaceColumns().Split(trimmed)];
        return [MarkdownHeading().Replace(line, "")];
    }

    // RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes and line breaks.
    static IEnumerable<(int Line, IReadOnlyList<string> Fields)> CsvRecords(string text)
    {
        var line = 1;
        var pos = 0;
        while (pos < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (; pos < text.Length; pos++)
            {
                var c = text[pos];
                if (quoted)
                {
                    if (c == '"' && pos + 1 < text.Length && text[pos + 1] == '"') { field.Append('"'); pos++; }
                    else if (c == '"') quoted = false;
                    else { if (c == '\n') line++; field.Append(c); }
                }
                else if (c == '"' && field.Length == 0) quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '\n') { pos++; line++; break; }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    static bool IsRuleLine(IReadOnlyList<string> fields)
    {
        // A loop: asked of every line, and the first cell of almost every line answers it.
        var any = false;
        for (var i = 0; i < fields.Count; i++)
        {
            var t = fields[i].AsSpan().Trim();
            if (!RuleCell().IsMatch(t)) return false;
            any |= t.Length > 0;
        }
        return any;
    }

    // One cell's text: HTML paragraphs become lines, checkboxes become ☐/☑, other markup goes.
    public static string CellText(string raw)
    {
        var text = raw.Contains("[bookmark:", StringComparison.Ordinal) ? Bookmark().Replace(raw, "") : raw;
        if (text.Contains('<') && Tag().IsMatch(text))
        {
            text = Checkbox().Replace(text, m => m.Value.Contains("checked", StringComparison.OrdinalIgnoreCase) ? "☑" : "☐");
            text = ParagraphBreak().Replace(text, "\n");
            text = Tag().Replace(text, "");
            text = WebUtility.HtmlDecode(text);
        }
        // Most cells are one line: trimmed, without splitting and joining again.
        if (!text.Contains('\n')) return text.Trim();
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l != "");
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
    [GeneratedRegex(@"<input\b[^>]*type\s*=\s*""?checkbox""?[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Checkbox();
    [GeneratedRegex(@"</p>\s*<p[^>]*>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();
    // Only real markup: "<p>", "</p>", "<input … />"; "沪综治办<2018>2号" is text.
    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")]
    private static partial Regex Tag();
    [GeneratedRegex(@"^\s*#{1,6}\s+")]
    private static partial Regex MarkdownHeading();
    [GeneratedRegex(@"[ \u3000]{2,}")]
    private static partial Regex SpaceColumns();
    [GeneratedRegex(@"^(:?-{2,}:?|)$")]
    private static partial Regex RuleCell();
}
