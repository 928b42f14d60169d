using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Domain;

public enum TargetKind { Quantitative, Qualitative, Text, Empty }
public enum TargetOperator { Eq, Ge, Gt, Le, Lt }
public enum TrendDirection { Up, Down }

// A target value (指标值) as the form wrote it, with its parsed parts beside it.
public sealed record TargetValue
{
    public string Raw { get; init; } = "";
    public TargetKind Kind { get; init; }
    public TargetOperator? Operator { get; init; }
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
    public TrendDirection? Direction { get; init; }
    // The upper end of a range ("90%-95%", "10-20人"): Value is the lower end and Operator is Ge.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Upper { get; init; }

    // Reads a value as forms write it. Raw keeps the text exactly as given; only the parsing works
    // on a cleaned copy (half-width, no spaces, no trailing punctuation). Decisions on the forms' vaguer values:
    // - a label before the number is accepted when it has no digits or punctuation and the number has an
    //   operator or unit: "每年接待群众的人数≥30人" is ≥30人, "满意度水平达80%" is ≥80%;
    // - "人均1.5元标准" is =1.5 元/人: the per-capita standard is the target, "人均" moves into the unit;
    // - ratios in words ("不超过辖区人口数的十万分之一") and phrases around a grade or trend word
    //   ("有效控制运行成本", "应急处置集体访的效率提高") stay Text: no number or word alone is the target.
    public static TargetValue Parse(string? raw)
    {
        var text = Clean(raw);
        if (Placeholders.Contains(text)) return new() { Raw = raw ?? "", Kind = TargetKind.Empty };
        if (IsQualitative(text, out var direction))
            return new() { Raw = raw!, Kind = TargetKind.Qualitative, Direction = direction };
        // Every quantity has a digit; a text without one (most indicator names) needs no pattern tried.
        if (!HasDigit(text)) return new() { Raw = raw!, Kind = TargetKind.Text };
        if (Range(text) is { } r)
            return new() { Raw = raw!, Kind = TargetKind.Quantitative, Operator = TargetOperator.Ge, Value = r.Low, Upper = r.High, Unit = r.Unit };
        // "较上年下降5%", "提高≥10%": a change by an amount; the trend word gives the direction.
        var trend = TrendPrefix.Match(text);
        if (trend.Success && Quantity(text[trend.Length..]) is { } change)
            return new()
            {
                Raw = raw!, Kind = TargetKind.Quantitative, Operator = change.Op, Value = change.Value, Unit = change.Unit,
                Direction = trend.Groups["up"].Success ? TrendDirection.Up : TrendDirection.Down,
            };
        return Quantity(text) is { } q
            ? new() { Raw = raw!, Kind = TargetKind.Quantitative, Operator = q.Op, Value = q.Value, Unit = q.Unit }
            : new() { Raw = raw!, Kind = TargetKind.Text };
    }

    // Whether a text is a value, a quantity or a grade or trend word, the same answer as Parse(raw).Kind without
    // making the TargetValue: a form's reader asks it of every cell text, and most are names (no digit, no such word).
    // (A placeholder is neither: none is a grade or trend word, none has a digit.)
    public static bool IsValue(string? raw)
    {
        var text = Clean(raw);
        return IsQualitative(text, out _) || (HasDigit(text) && Parse(raw).Kind == TargetKind.Quantitative);
    }

    // Canonical text: operator symbol, number and unit for quantities ("≥95%", "=100%", "≤10");
    // the word or sentence itself for the other kinds, since there the words are the value.
    public string Format() => Kind switch
    {
        TargetKind.Quantitative when Value is { } v && Upper is { } u => Number(v) + Unit + "-" + Number(u) + Unit,
        TargetKind.Quantitative when Value is { } v && Direction is { } d =>
            (d == TrendDirection.Up ? "提高" : "下降") + (Operator is null or TargetOperator.Eq ? "" : Symbol(Operator.Value)) + Number(v) + Unit,
        TargetKind.Quantitative when Value is { } v => Symbol(Operator ?? TargetOperator.Eq) + Number(v) + Unit,
        TargetKind.Empty => "",
        TargetKind.Qualitative => Clean(Raw),
        _ => Raw.Trim(),
    };

    static string Number(decimal v) => v.ToString("0.############################", CultureInfo.InvariantCulture);

    static string Symbol(TargetOperator op) => op switch
    {
        TargetOperator.Ge => "≥",
        TargetOperator.Gt => ">",
        TargetOperator.Le => "≤",
        TargetOperator.Lt => "<",
        _ => "=",
    };

    static readonly HashSet<string> Placeholders = ["", "无", "暂无", "*", "-", "--", "—", "——", "/"];

    static readonly HashSet<string> Grades =
    [
        "良好", "优", "优秀", "良", "较好", "合格", "达标", "有效", "及时", "高", "较高", "规范",
        "完成", "按时完成", "按期完成", "高质量完成", "有效促进", "有效解决", "及时解决",
    ];
    static readonly string[] UpWords = ["提高", "提升", "增加", "上升", "改善", "增强", "增长"];
    static readonly string[] DownWords = ["下降", "减少", "降低", "减轻", "缩短"];
    // A trend word may carry an adverb of degree ("稳步提升", "逐步下降") or the year it is measured
    // against ("较上年下降", "比上年有所提高") and still be the whole value.
    static readonly Regex Trend = new(
        $"^(?:较上年|比上年|较去年|比去年|同比)?(?:有所|逐步|逐年|稳步|持续|进一步|明显|显著)?(?:(?<up>{string.Join('|', UpWords)})|(?<down>{string.Join('|', DownWords)}))$");

    static bool IsQualitative(string text, out TrendDirection? direction)
    {
        direction = null;
        if (Grades.Contains(text)) return true;
        var m = Trend.Match(text);
        if (m.Success) direction = m.Groups["up"].Success ? TrendDirection.Up : TrendDirection.Down;
        return m.Success;
    }

    static readonly (string Text, TargetOperator Op)[] PrefixOperators =
    [
        (">=", TargetOperator.Ge), ("≥", TargetOperator.Ge), ("不低于", TargetOperator.Ge), ("不少于", TargetOperator.Ge),
        ("不小于", TargetOperator.Ge), ("至少", TargetOperator.Ge), ("达到", TargetOperator.Ge), ("达", TargetOperator.Ge),
        (">", TargetOperator.Gt), ("高于", TargetOperator.Gt), ("超过", TargetOperator.Gt), ("大于", TargetOperator.Gt),
        ("<=", TargetOperator.Le), ("≤", TargetOperator.Le), ("不超过", TargetOperator.Le), ("不高于", TargetOperator.Le),
        ("不多于", TargetOperator.Le), ("不大于", TargetOperator.Le), ("最多", TargetOperator.Le),
        ("<", TargetOperator.Lt), ("低于", TargetOperator.Lt), ("少于", TargetOperator.Lt), ("小于", TargetOperator.Lt),
        ("=", TargetOperator.Eq), ("等于", TargetOperator.Eq),
    ];
    static readonly (string Text, TargetOperator Op)[] SuffixOperators =
    [
        ("及以上", TargetOperator.Ge), ("以上", TargetOperator.Ge),
        ("及以下", TargetOperator.Le), ("以下", TargetOperator.Le), ("以内", TargetOperator.Le),
    ];
    static readonly string[] Units =
    [
        "%", "‰", "次", "人次", "万人次", "批次", "宗", "起", "件", "个", "项", "人", "户", "家", "场", "期", "篇",
        "份", "台", "套", "条", "分", "天", "日", "工作日", "个工作日", "小时", "月", "个月", "年",
        "元", "万元", "亿元", "元/人", "元/次", "元/人/天",
        "米", "千米", "公里", "平方米", "平方公里", "立方米", "吨", "公顷", "亩", "辆", "座", "册", "课时",
    ];
    // A unit may carry its magnitude: 3万人次, ≥1.2万件, 2亿元. The number stays as written.
    static readonly string UnitPattern = $"(?:万|亿)?(?:{Alternation(Units)})";

    static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));

    static readonly Regex QuantityPattern = new(
        "^(?<label>[^0-9.,;:!?。、<>=≥≤+\\-]*?)" +
        $"(?<op>{Alternation(PrefixOperators.Select(o => o.Text))})?" +
        @"(?<num>\d+(?:,\d{3})*(?:\.\d+)?)" +
        // A unit may stand in brackets, as tables write a column's unit: "=100.00(%)".
        $"(?:\\((?<unit>{UnitPattern})\\)|(?<unit>{UnitPattern}))?" +
        $"(?<suffix>{Alternation(SuffixOperators.Select(o => o.Text))})?" +
        "(?<standard>标准)?$");

    static readonly Regex TrendPrefix = new(
        $"^(?:较上年|比上年|较去年|比去年|同比)?(?:(?<up>{string.Join('|', UpWords)})|(?<down>{string.Join('|', DownWords)}))(?=[0-9<>=≥≤])");

    // "90%-95%", "90-95%", "10～20人": both ends, one unit (written once or twice), low below high.
    static readonly Regex RangePattern = new(
        $"^(?<low>\\d+(?:\\.\\d+)?)(?<u1>{UnitPattern})?(?:-|~|—|至|到)(?<high>\\d+(?:\\.\\d+)?)(?<u2>{UnitPattern})?$");

    static (decimal Low, decimal High, string? Unit)? Range(string text)
    {
        var m = RangePattern.Match(text);
        if (!m.Success) return null;
        var u1 = m.Groups["u1"].Success ? m.Groups["u1"].Value : null;
        var u2 = m.Groups["u2"].Success ? m.Groups["u2"].Value : null;
        if (u1 != null && u2 != null && u1 != u2) return null;
        var low = decimal.Parse(m.Groups["low"].Value, CultureInfo.InvariantCulture);
        var high = decimal.Parse(m.Groups["high"].Value, CultureInfo.InvariantCulture);
        return low < high ? (low, high, u2 ?? u1) : null;
    }

    // The operators and units in the order the pattern's alternations try them (longest first).
    static readonly (string Text, TargetOperator Op)[] PrefixOperatorsLongestFirst =
        PrefixOperators.OrderByDescending(o => o.Text.Length).ToArray();
    static readonly Dictionary<string, string> UnitWords = Units.ToDictionary(u => u, StringComparer.Ordinal);

    // The shape nearly every table value has, an operator, a plain number and a unit ("≥95%", "=100%",
    // "≤12个月", "200"), read without the pattern: a match with its groups is most of what reading an
    // indicator row allocated. Gives exactly what QuantityPattern gives for such a text (no label before
    // the number, so the pattern's lazy label is empty), and null for anything else, which the pattern reads.
    static (TargetOperator Op, decimal Value, string? Unit)? PlainQuantity(string text)
    {
        var span = text.AsSpan();
        TargetOperator? op = null;
        foreach (var (word, o) in PrefixOperatorsLongestFirst)
            if (span.StartsWith(word, StringComparison.Ordinal)) { op = o; span = span[word.Length..]; break; }
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits])) digits++;
        if (digits == 0) return null;
        var end = digits;
        if (end < span.Length && span[end] == '.')
        {
            var fraction = end + 1;
            while (fraction < span.Length && char.IsAsciiDigit(span[fraction])) fraction++;
            if (fraction == end + 1) return null;
            end = fraction;
        }
        if (!decimal.TryParse(span[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        var rest = span[end..];
        if (rest.IsEmpty) return (op ?? TargetOperator.Eq, value, null);
        // A unit as the list writes it is that very string; a magnitude before it (万人次) is a new one.
        var lookup = UnitWords.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(rest, out var unit)) return (op ?? TargetOperator.Eq, value, unit);
        if (rest.Length > 1 && rest[0] is '万' or '亿' && lookup.ContainsKey(rest[1..])) return (op ?? TargetOperator.Eq, value, rest.ToString());
        return null;
    }

    static (TargetOperator Op, decimal Value, string? Unit)? Quantity(string text)
    {
        if (PlainQuantity(text) is { } plain) return plain;
        var m = QuantityPattern.Match(text);
        if (!m.Success) return null;
        var label = m.Groups["label"].Value;
        TargetOperator? prefix = m.Groups["op"].Success ? PrefixOperators.First(o => o.Text == m.Groups["op"].Value).Op : null;
        TargetOperator? suffix = m.Groups["suffix"].Success ? SuffixOperators.First(o => o.Text == m.Groups["suffix"].Value).Op : null;
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : null;
        var perCapita = label.EndsWith("人均");

        // After a label, a bare number is not clearly the target ("第3"); nor are two operators that disagree.
        if (label.Length > 0 && prefix is null && unit is null && suffix is null) return null;
        if (prefix is not null && suffix is not null && prefix != suffix) return null;
        if (m.Groups["standard"].Success && !perCapita) return null;
        if (!decimal.TryParse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value)) return null;
        if (perCapita && unit is not null && !unit.Contains('/')) unit += "/人";
        return (prefix ?? suffix ?? TargetOperator.Eq, value, unit);
    }

    static bool HasDigit(string text)
    {
        foreach (var c in text) if (char.IsDigit(c)) return true;   // what \d matches
        return false;
    }

    // Trailing punctuation is the sentence's, not the value's: "100%。" is "100%".
    static string Clean(string? raw) => DomainText.Compact(raw).TrimEnd(SentenceEnds);

    // One array for every value parsed (TrimEnd('。', …) makes a new one per call).
    static readonly char[] SentenceEnds = ['。', '.', ',', ';', '、', '!', '?'];
}
