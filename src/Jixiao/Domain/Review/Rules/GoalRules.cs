using System.Text.RegularExpressions;
using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Rules on the goals in words: present, distinct, and measured by the indicators.
internal static partial class GoalRules
{
    public static IEnumerable<Finding> GoalEmpty(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
            if (IsPlaceholder(Plain(p.AnnualGoal), c.Profile.Placeholders))
                yield return c.Flag(p, null, "annualGoal", "年度绩效目标未填写",
                    "写明本年度要完成的主要产出和要达到的效果，并与绩效指标对应");
    }

    public static IEnumerable<Finding> GoalSame(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            var longTerm = DomainText.Compact(Plain(p.LongTermGoal));
            if (longTerm.Length == 0 || longTerm != DomainText.Compact(Plain(p.AnnualGoal))) continue;
            yield return c.Flag(p, null, "longTermGoal", "中长期目标与年度目标完全相同",
                "中长期目标写实施周期内的总体目标，年度目标写本年度要完成的部分，两者应有区分");
        }
    }

    // Conservative on purpose: a part of the annual goal is reported only when none of its
    // distinctive word pairs appears in any indicator's name or explanation.
    public static IEnumerable<Finding> GoalNotMeasured(RuleContext c)
    {
        var generic = c.List("genericWords");
        var minPairs = (int)c.Number("minPairs");
        var maxPerProject = (int)c.Number("maxPerProject");
        foreach (var p in c.Document.Projects)
        {
            var rows = FrameworkRules.RealRows(c, p);
            if (rows.Count == 0 || string.IsNullOrWhiteSpace(p.AnnualGoal)) continue;
            var measured = new HashSet<string>(StringComparer.Ordinal);
            // Written targets count too: "推动历史遗留积案的化解" measures a goal about 积案.
            foreach (var i in rows)
                measured.UnionWith(Bigrams(DomainText.Compact(i.Name + "|" + i.Description + "|" + i.AnnualTarget?.Raw + "|" + i.PeriodTarget?.Raw)));
            var reported = 0;
            foreach (var part in Parts(p.AnnualGoal))
            {
                var content = part;
                foreach (var word in generic) content = content.Replace(word, "|", StringComparison.Ordinal);
                var pairs = Bigrams(content);
                if (pairs.Count < minPairs || pairs.Overlaps(measured)) continue;
                yield return c.Flag(p, null, "annualGoal",
                    $"年度目标“{Quote(part, 40)}”没有对应的绩效指标",
                    "为这项目标设置可衡量的指标（数量、质量、时效或效果），或从年度目标中删去不考核的内容");
                if (++reported >= maxPerProject) break;
            }
        }
    }

    // The numbered items or sentences of a goal text; headings ("<p>三、律师、心理咨询师等第三方社会力量</p>")
    // name a part of the project, they are not goals themselves. Parts are quoted back to the user,
    // so they lose only their white space, not their full-width punctuation.
    static IEnumerable<string> Parts(string text) =>
        Separator().Split(Plain(Heading().Replace(text, "。")))
            .Select(DomainText.Squeeze).Where(s => s.Length > 0);

    static string Plain(string? text) => string.IsNullOrEmpty(text) ? "" : Tag().Replace(text, "。");

    [GeneratedRegex(@"(?<=^|\n|>)\s*[一二三四五六七八九十]+、[^。；;！？!?\n<]{1,30}(?=\s*(?:<|\n|$))")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[。；;！!？?\r\n]|\d+\s*[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是、]")]
    private static partial Regex Separator();
}
