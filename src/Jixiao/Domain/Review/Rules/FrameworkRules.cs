using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Rules on the indicator system of a project: categories present, indicators in the right place,
// no process figures posing as results, no duplicates, no copies of another project.
internal static class FrameworkRules
{
    public static IEnumerable<Finding> MissingLevel1(RuleContext c)
    {
        var required = c.List("required");
        foreach (var p in c.Document.Projects)
        {
            var rows = RealRows(c, p);
            if (rows.Count == 0)
            {
                yield return c.Flag(p, null, "indicators", "项目未设置绩效指标",
                    $"按{string.Join("、", required.Select(r => Level1Name(c, r)))}设置绩效指标，每项写明指标值");
                continue;
            }
            foreach (var category in required)
                if (!rows.Any(i => InCategory(i, category)))
                    yield return c.Flag(p, null, "indicators", $"缺少一级指标“{Level1Name(c, category)}”", CategoryAdvice(category, p));
        }
    }

    public static IEnumerable<Finding> MissingSatisfaction(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            var rows = RealRows(c, p);
            if (rows.Count == 0 || rows.Any(IsSatisfactionRow)) continue;
            yield return c.Flag(p, null, "indicators", "未设置满意度指标",
                "项目面向群众或服务对象的，补充“服务对象满意度”指标，如“群众满意率≥90%”，并写明调查方式");
        }
    }

    public static IEnumerable<Finding> MissingCost(RuleContext c)
    {
        var keywords = c.List("projectKeywords");
        foreach (var p in c.Document.Projects)
        {
            if (keywords.Count > 0 && !ContainsAny(DomainText.Compact(p.Name), keywords)) continue;
            var rows = RealRows(c, p);
            if (rows.Count == 0 || rows.Any(i => IsCost(i) || i.Name.Contains("成本"))) continue;
            yield return c.Flag(p, null, "indicators", "未设置成本指标", CategoryAdvice("成本", p));
        }
    }

    public static IEnumerable<Finding> ProcessIndicator(RuleContext c)
    {
        var terms = c.List("processTerms");
        foreach (var (p, i) in Rows.Indicators(c))
        {
            var hit = terms.FirstOrDefault(t => DomainText.Compact(i.Name).Contains(t));
            if (hit is null) continue;
            yield return c.Flag(p, i, "name",
                $"“{i.Name}”（{Rows.Place(i)}）反映的是资金管理（{hit}），不是项目的产出或效益",
                "删除该指标，改设反映项目实际产出或效果的指标；预算执行情况由运行监控和绩效自评另行考核");
        }
    }

    public static IEnumerable<Finding> Misclassified(RuleContext c)
    {
        var satisfactionTerms = c.List("satisfactionTerms");
        var outputEndings = c.List("outputEndings");
        var benefitLevel1 = c.List("benefitLevel1");
        foreach (var (p, i) in Rows.Indicators(c))
        {
            var l1 = Level1(i);
            var l2 = Level2(i);
            if (l1.Length == 0 && l2.Length == 0) continue;
            var name = DomainText.Compact(i.Name);
            // A satisfaction level 2 counts only under a level 1 that may hold it (满意度, or 影响力 in Shanghai 2018).
            var inSatisfaction = l1 == "满意度" || (l2.Contains("满意") && l1 != "产出" && !benefitLevel1.Contains(l1));
            var inBenefit = benefitLevel1.Contains(l1) || l2.EndsWith("效益") || l2.Contains("可持续影响") || l2.Contains("长效");
            if (name.Contains("满意") && !inSatisfaction && (inBenefit || l1 == "产出"))
                yield return c.Flag(p, i, "level1",
                    $"满意度指标“{i.Name}”放在了“{Rows.Place(i)}”下",
                    "移到“满意度指标—服务对象满意度指标”下");
            else if (inSatisfaction && !ContainsAny(name, satisfactionTerms))
                yield return c.Flag(p, i, "level1",
                    $"“{i.Name}”不是满意度指标，却放在了“{Rows.Place(i)}”下",
                    "按指标内容移到产出或效益指标下；满意度指标只衡量服务对象的满意程度");
            else if (inBenefit && !inSatisfaction && EndsWithAny(NameKey(i.Name), outputEndings))
                yield return c.Flag(p, i, "level1",
                    $"“{i.Name}”衡量的是产出（数量、质量或时效），却放在了“{Rows.Place(i)}”下",
                    $"移到“产出指标—{OutputLevel2(name)}”下；效益指标应反映项目带来的变化，如“重复信访件数较上年下降≥5%”");
        }
    }

    public static IEnumerable<Finding> Duplicate(RuleContext c)
    {
        var threshold = (double)c.Number("similarity");
        var minLength = (int)c.Number("minLength");
        foreach (var p in c.Document.Projects)
        {
            var rows = RealRows(c, p);
            var keys = rows.Select(i => NameKey(i.Name)).ToList();
            for (var j = 1; j < rows.Count; j++)
                for (var k = 0; k < j; k++)
                {
                    var exact = keys[j] == keys[k];
                    if (!exact && !Near(keys[j], keys[k], threshold, minLength)) continue;
                    var same = DomainText.Compact(rows[j].Name) == DomainText.Compact(rows[k].Name);
                    yield return c.Flag(p, rows[j], "name",
                        same
                            ? $"指标“{rows[j].Name}”重复设置（{Rows.Place(rows[k])}、{Rows.Place(rows[j])}）"
                            : $"指标“{rows[j].Name}”与“{rows[k].Name}”含义相同或高度重叠",
                        "合并为一个指标，保留表述更准确、可衡量的一项");
                    break;
                }
        }
    }

    // Projects of one document whose indicator lists are nearly the same: usually a copied table.
    public static IEnumerable<Finding> CopiedProject(RuleContext c)
    {
        var threshold = c.Number("similarity");
        var minIndicators = (int)c.Number("minIndicators");
        var commonLimit = (int)c.Number("commonNameLimit");
        var projects = c.Document.Projects;
        var keys = projects.Select(p => RealRows(c, p).Select(i => NameKey(i.Name)).ToHashSet()).ToList();
        // Index names to projects so only projects that share names are compared; names found in very
        // many projects (满意度 and the like) say nothing about copying and are left out.
        var index = new Dictionary<string, List<int>>();
        for (var j = 0; j < projects.Count; j++)
            foreach (var key in keys[j])
                (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(j);
        for (var j = 0; j < projects.Count; j++)
        {
            if (keys[j].Count < minIndicators) continue;
            var shared = new Dictionary<int, int>();
            foreach (var key in keys[j])
                if (index[key].Count <= commonLimit)
                    foreach (var k in index[key])
                        if (k < j) shared[k] = shared.GetValueOrDefault(k) + 1;
            foreach (var (k, count) in shared.OrderBy(s => s.Key))
            {
                if (keys[k].Count < minIndicators) continue;
                var union = keys[j].Count + keys[k].Count - count;
                if ((decimal)count / union < threshold) continue;
                yield return c.Flag(projects[j], null, "indicators",
                    $"与项目“{projects[k].Name}”的指标雷同：{union}项指标中{count}项相同",
                    "按本项目的内容和资金用途重新设置指标，不照搬其他项目");
                break;
            }
        }
    }

    // The category as the profile's framework names it: 产出 → 产出指标, or 产出目标 in Shanghai 2018.
    static string Level1Name(RuleContext c, string category) =>
        IndicatorFramework.Find(c.Profile.Framework)?.Level1.FirstOrDefault(l => Category(l.Name) == category)?.Name
        ?? category + "指标";

    internal static List<Indicator> RealRows(RuleContext c, ProjectForm p) =>
        p.Indicators.Where(i => !IsPlaceholder(i.Name, c.Profile.Placeholders)).ToList();

    // A category counts as present when it is the row's level 1, or inside its level 2
    // (成本 under 产出, 满意度 under a Shanghai 影响力目标).
    static bool InCategory(Indicator i, string category) =>
        Level1(i) == category || Level2(i).Contains(category);

    static bool IsSatisfactionRow(Indicator i) =>
        Level1(i) == "满意度" || Level2(i).Contains("满意") || i.Name.Contains("满意");

    static bool Near(string a, string b, double threshold, int minLength)
    {
        if (Math.Min(a.Length, b.Length) < minLength) return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return Similarity(a, b) >= threshold
               || SameCharacters(a, b)
               || (longer.Contains(shorter) && shorter.Length * 4 >= longer.Length * 3);
    }

    static readonly string[] QualityWords = ["质量", "合格", "达标", "准确", "完好", "办结", "报结", "受理"];

    static string OutputLevel2(string name) =>
        name.Contains("及时") ? "时效指标" : QualityWords.Any(name.Contains) ? "质量指标" : "数量指标";

    static string CategoryAdvice(string category, ProjectForm p) => category switch
    {
        "产出" => "补充产出指标（数量、质量、时效），写明项目本年度要完成的工作量和标准",
        "效益" => "补充效益指标（社会效益、经济效益、生态效益或可持续影响），写明项目带来的变化，如“重复信访件数较上年下降≥5%”",
        "满意度" => "补充“服务对象满意度”指标，如“群众满意率≥90%”，并写明调查方式",
        "成本" => Rows.Budget(p) is { } budget
            ? $"补充成本指标（经济成本等），如总成本“≤{Money(budget, p.Funding.SourceUnit)}”或单位成本“≤N元/人·次”"
            : "补充成本指标（经济成本等），如单位成本“≤N元/人·次”",
        "效果" => "补充效果目标（经济效益、社会效益、生态效益），写明项目带来的变化",
        "影响力" => "补充影响力目标（如长效管理、能力建设），写明项目的持续影响",
        _ => $"补充“{category}”类指标",
    };
}
