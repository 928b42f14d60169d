using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// Proves that nothing of a form was dropped: every piece of text in its cells must appear somewhere in
// the interchange JSON. Allowed differences: white space, words broken over cells and joined again,
// money converted from 万元 to 元, percentages as numbers, the form's own labels and list numbering
// (structure rather than content) with their remarks such as "(签字)", the options of a checkbox nobody
// ticked, and a category, attribute or indicator direction written as its enum value.
public static partial class SourceCoverage
{
    static readonly Regex Labels = new(
        "(?:" + string.Join("|", FormLabels.Words.OrderByDescending(w => w.Length).Select(Regex.Escape)) + @")(?:[（(][^）)0-9]*[)）])?");

    static readonly Dictionary<string, string> EnumWords = new()
    {
        ["一次性项目"] = "oneOff", ["经常性项目"] = "recurring", ["中期预算试点项目"] = "mediumTermPilot",
        ["新增"] = "new", ["延续"] = "continuing", ["正向"] = "ge", ["反向"] = "le",
        ["新增项目"] = "new", ["延续项目"] = "continuing",
        ["经常性"] = "recurring", ["一次性"] = "oneOff", ["阶段性"] = "phased",
        ["人员类"] = "personnel", ["运转类"] = "operation", ["其他运转类"] = "operation", ["公用经费"] = "operation",
        ["特定目标类"] = "specificPurpose",
    };
    static readonly List<string> LabelWords = FormLabels.Words.ToList();

    // The seed's own lines, split at tabs, with only the rendering's markup taken off here (independently
    // of TextGrid, so that a loss in TextGrid is caught too).
    public static List<string> Missing(string path, string json)
    {
        var root = JsonNode.Parse(json)!;
        var strings = new List<string>();
        var numbers = new HashSet<decimal>();
        Collect(root, strings, numbers);
        var corpus = Compact(string.Join("\u0001", strings));
        var missing = new List<string>();
        var lines = File.ReadAllLines(path);
        for (var n = 0; n < lines.Length; n++)
        {
            var cells = lines[n].Split('\t');
            for (var c = 0; c < cells.Length; c++)
                foreach (var chunk in Chunks(WithoutMarkup(cells[c])))
                    if (!Found(chunk, corpus, numbers)) missing.Add($"第{n + 1}行第{c + 1}格: {chunk}");
        }
        return missing;
    }

    // The same check over a file's cell grid, whatever its kind: each non-empty cell's pieces must be
    // in the document (values, sections, warnings) or be the form's own labels.
    public static List<string> MissingCells(CellGrid grid, string json)
    {
        var root = JsonNode.Parse(json)!;
        var strings = new List<string>();
        var numbers = new HashSet<decimal>();
        Collect(root, strings, numbers);
        var corpus = Compact(string.Join("\u0001", strings));
        var missing = new List<string>();
        foreach (var row in grid.Rows)
            foreach (var cell in row.Cells)
                foreach (var chunk in Chunks(cell.Text))
                    if (!Found(chunk, corpus, numbers)) missing.Add($"{cell.Where}: {chunk}");
        return missing;
    }

    static string WithoutMarkup(string cell)
    {
        var text = Bookmark().Replace(cell, "");
        text = Checkbox().Replace(text, m => m.Value.Contains("checked") ? "☑" : "☐");
        text = Paragraph().Replace(text, "\u0001");
        text = MarkdownHeading().Replace(text, "");
        return RuleCell().IsMatch(text.Trim()) ? "" : text.Replace("&amp;", "&");
    }

    static void Collect(JsonNode? node, List<string> strings, HashSet<decimal> numbers)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    strings.Add(key);
                    Collect(value, strings, numbers);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, strings, numbers);
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                numbers.Add(v.GetValue<decimal>());
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                strings.Add(v.GetValue<string>());
                break;
        }
    }

    public static IEnumerable<string> Chunks(string cellText)
    {
        var text = WithoutUntickedOptions(Compact(cellText)).Replace("☑", "");
        text = InnerRemark().Replace(text, "");   // "年度(/项目)指标值": a remark inside a column head
        foreach (var piece in Separators().Split(Labels.Replace(text, "\u0001")))
        {
            var chunk = Numbering().Replace(piece, "");
            if (chunk.Length >= 2) yield return chunk;
        }
    }

    // "☐ 一次性项目 ☐ 经常性项目" (box before the option) and "实施阶段 ☐" (box after it).
    static string WithoutUntickedOptions(string text)
    {
        if (!text.Contains('☐')) return text;
        var options = text[0] is '☐' or '☑' ? BoxFirst().Matches(text) : BoxLast().Matches(text);
        return string.Concat(options.Where(m => m.Groups["box"].Value == "☑").Select(m => m.Groups["text"].Value + "\u0001"));
    }

    static bool Found(string chunk, string corpus, HashSet<decimal> numbers)
    {
        if (corpus.Contains(chunk)) return true;
        if (EnumWords.TryGetValue(chunk, out var name) && corpus.Contains(name)) return true;
        var number = NumberText().Match(chunk);
        if (number.Success && decimal.TryParse(number.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            && (numbers.Contains(d) || numbers.Contains(d * 10000m)))
            return true;
        // The head or tail of a label broken over two cells ("项目 绩效" / "目标").
        return LabelWords.Any(w => w.Length > chunk.Length && (w.StartsWith(chunk) || w.EndsWith(chunk)));
    }

    static string Compact(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
    [GeneratedRegex(@"[（(][^）)0-9]*[)）](?=指标值|目标值)")]
    private static partial Regex InnerRemark();
    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
    [GeneratedRegex(@"<input[^>]*>")]
    private static partial Regex Checkbox();
    [GeneratedRegex(@"</?p>")]
    private static partial Regex Paragraph();
    [GeneratedRegex(@"^\s*#+\s")]
    private static partial Regex MarkdownHeading();
    [GeneratedRegex(@"^-+$")]
    private static partial Regex RuleCell();
    // A dash between a word and a number is a range read into two dates: "2024年1月-2024年12月".
    [GeneratedRegex(@"[\u0001；;。，,：:、（）()《》〈〉“”""「」【】\[\]|]+|(?<=\p{IsCJKUnifiedIdeographs})[-－~～](?=[0-9])|(?<=\p{IsCJKUnifiedIdeographs})(?=[0-9*])|(?<=[0-9*])(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex Separators();
    [GeneratedRegex(@"^(?:(?:\d+|[一二三四五六七八九十]+)[-、.．](?!\d))+")]
    private static partial Regex Numbering();
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(?:%|％|万元|元|年度?)?$")]
    private static partial Regex NumberText();
    [GeneratedRegex(@"(?<box>[☐☑])(?<text>[^☐☑]*)")]
    private static partial Regex BoxFirst();
    [GeneratedRegex(@"(?<text>[^☐☑]*)(?<box>[☐☑])")]
    private static partial Regex BoxLast();
}
