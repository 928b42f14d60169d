using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Domain.Review;

// Reading the words of a form the way a reviewer does: category names without their decorations,
// indicator names by what they measure, amounts and dates inside free text.
public static partial class ReviewText
{
    // "1-产出指标" / "产出指 标" / "产出目标" / a bare code "12" → "产出", "质量"; "服务对象满意度指标" → "服务对象满意度".
    public static string Category(string? name)
    {
        var s = IndicatorFramework.NormalizeLevelName(name);
        foreach (var suffix in new[] { "类指标", "指标", "目标", "指" })
            if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal))
                return s[..^suffix.Length];
        return s;
    }

    public static string Level1(Indicator indicator) => Category(indicator.Level1);

    public static string Level2(Indicator indicator) => Category(indicator.Level2);

    public static bool IsCost(Indicator indicator) =>
        Level1(indicator) == "成本" || Level2(indicator).Contains("成本");

    public static bool IsPlaceholder(string? text, IReadOnlyList<string> placeholders)
    {
        var s = DomainText.Compact(text);
        return s.Length == 0 || placeholders.Contains(s);
    }

    // A value handed over with only its raw text (Kind left at its default, no number) is read again,
    // so the rules always see the parsed parts.
    public static TargetValue? Parsed(TargetValue? target) =>
        target is { Kind: TargetKind.Quantitative, Value: null } ? TargetValue.Parse(target.Raw) : target;

    public static bool IsEmpty(TargetValue? target, IReadOnlyList<string> placeholders) =>
        target is null || target.Kind == TargetKind.Empty || IsPlaceholder(target.Raw, placeholders);

    // A value that states a magnitude: a parsed number, digits in the text, or a written fraction (十万分之一).
    public static bool HasNumber(TargetValue target) =>
        target.Value is not null || target.Raw.Any(char.IsAsciiDigit) || target.Raw.Contains("分之");

    public static bool EndsWithAny(string text, IReadOnlyList<string> endings) =>
        endings.Any(e => text.EndsWith(e, StringComparison.Ordinal));

    public static bool ContainsAny(string text, IReadOnlyList<string> parts) =>
        parts.Any(p => text.Contains(p, StringComparison.Ordinal));

    // The name an indicator is compared by when looking for duplicates: no spaces, punctuation,
    // leading verbs or "的", and "…性" read as "…率" (及时性 and 及时率 measure the same thing).
    public static string NameKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
            if (char.IsLetterOrDigit(ch) && ch != '的') sb.Append(ch);
        var s = sb.ToString();
        foreach (var verb in new[] { "提高", "提升", "保持", "确保" })
            if (s.Length > verb.Length + 2 && s.StartsWith(verb, StringComparison.Ordinal)) s = s[verb.Length..];
        if (s.EndsWith("情况", StringComparison.Ordinal) && s.Length > 4) s = s[..^2];
        if (s.EndsWith('性') && s.Length > 2) s = s[..^1] + "率";
        return s;
    }

    public static HashSet<string> Bigrams(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i + 1]))
                set.Add(text.Substring(i, 2));
        return set;
    }

    // Dice coefficient on character bigrams: 1 for the same text, 0 for nothing in common.
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count + y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    public static bool SameCharacters(string a, string b) =>
        a.Length == b.Length && a.Order().SequenceEqual(b.Order());

    public sealed record Amount(decimal Yuan, string Text);

    // Money amounts written in text: "10 万元", "2,371,500元". Unit costs (180元/人/天) are not amounts.
    public static List<Amount> Amounts(string? text)
    {
        var result = new List<Amount>();
        if (string.IsNullOrEmpty(text)) return result;
        foreach (Match m in AmountPattern().Matches(text))
        {
            if (!decimal.TryParse(m.Groups[1].Value.Replace(",", ""), NumberStyles.Number,
                    CultureInfo.InvariantCulture, out var number)) continue;
            var yuan = m.Groups[2].Value == "万元" ? number * 10000 : number;
            result.Add(new Amount(yuan, DomainText.Compact(m.Value)));
        }
        return result;
    }

    // A money amount held by a target value, in 元; null for unit costs and values without money.
    public static decimal? MoneyOf(TargetValue target)
    {
        if (target.Value is { } v && target.Unit is { } unit)
        {
            if (unit == "万元") return v * 10000;
            if (unit == "元") return v;
            if (unit.Contains('元')) return null;
        }
        var amounts = Amounts(target.Raw);
        return amounts.Count == 1 ? amounts[0].Yuan : null;
    }

    public static bool MentionsMoney(TargetValue target) =>
        (target.Unit?.Contains('元') ?? false) || target.Raw.Contains('元');

    // "2023-01-01" / "2021-01" as written in the interchange; a month alone means its first day,
    // or its last day when it ends a period.
    public static DateOnly? ParseDate(string? text, bool endOfMonth = false)
    {
        var m = IsoDate().Match(DomainText.Compact(text));
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        if (m.Groups[3].Success)
        {
            var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }
        return new DateOnly(year, month, endOfMonth ? DateTime.DaysInMonth(year, month) : 1);
    }

    // Deadlines written inside a target: "2023年6月底前", "2023-06-30", or "6月底" within the fiscal year.
    public static IEnumerable<(DateOnly Date, string Text)> Deadlines(string text, int? fiscalYear)
    {
        foreach (var m in ChineseDate().Matches(text).Concat(IsoDeadline().Matches(text)))
        {
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : fiscalYear;
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (year is null || month is < 1 or > 12) continue;
            var last = DateTime.DaysInMonth(year.Value, month);
            var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : last;
            if (day < 1 || day > last) continue;
            yield return (new DateOnly(year.Value, month, day), m.Value);
        }
    }

    public static string Money(decimal yuan, string? sourceUnit) =>
        sourceUnit == "万元"
            ? (yuan / 10000).ToString("0.####", CultureInfo.InvariantCulture) + "万元"
            : yuan.ToString("#,##0.##", CultureInfo.InvariantCulture) + "元";

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    // Quoted text cut to a length a message can carry.
    public static string Quote(string? text, int max = 30)
    {
        var s = DomainText.Squeeze(text);
        return s.Length <= max ? s : s[..max] + "…";
    }

    [GeneratedRegex(@"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)(?!\s*[/／每])")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日|底|末)?")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})")]
    private static partial Regex IsoDeadline();
}
