using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Domain.Scoring;

// Level weights that must add up (domain.md §6), where a form states them in its level labels:
// - level 1 ("产出指标（50分）"): the stated level-1 points with 预算执行率 make the total (100 by default);
// - level 2 ("数量指标（20分）"): the level-2 points of a level-1 block make that block's points, once every
//   level-2 group of the block states its points;
// - level 3: the rows' own 分值 under a level-2 group that states points make that group's points.
// Level-3 against level 1 and the rows against 90 are Scorer.Weights' own checks. Lines are the row's place
// among the real indicator rows, 1-based, as the 绩效自评 page numbers them.
public static partial class LevelWeights
{
    public sealed record Group(string Block, string Level1, string Level2, decimal? Points, IReadOnlyList<int> Lines, decimal RowWeights, bool RowsWeighted);

    // The level-2 groups in the order they first appear: rows of the same block and level-2 name belong together.
    // A form read from a file keeps a level's points in its 指标分值 section ("数量指标：20分"), the reader having
    // taken them out of the label; they count where the label itself states none.
    public static List<Group> Groups(IReadOnlyList<Indicator> rows, IReadOnlyList<string> blocks, IReadOnlyDictionary<string, string>? sections = null)
    {
        var fromSection = SectionPoints(sections);
        var groups = new List<Group>();
        for (var k = 0; k < rows.Count; k++)
        {
            var label = DomainText.Compact(rows[k].Level2);
            var name = Suffix().Replace(label, "");
            var points = Points(label) ?? (fromSection.TryGetValue(name, out var stated) ? stated : null);
            var at = groups.FindIndex(g => g.Block == blocks[k] && g.Level2 == name);
            var weight = rows[k].Weight;
            if (at < 0)
            {
                groups.Add(new Group(blocks[k], Suffix().Replace(DomainText.Compact(rows[k].Level1), ""), name, points, [k + 1], weight ?? 0m, weight is not null));
                continue;
            }
            var g = groups[at];
            groups[at] = g with
            {
                Points = g.Points ?? points,
                Lines = [.. g.Lines, k + 1],
                RowWeights = g.RowWeights + (weight ?? 0m),
                RowsWeighted = g.RowsWeighted && weight is not null,
            };
        }
        return groups;
    }

    public static List<ScoreWarning> Check(IReadOnlyList<Indicator> rows, IReadOnlyList<string> blocks,
        IReadOnlyDictionary<string, decimal> statedBlocks, SelfEvaluationSettings settings, IReadOnlyDictionary<string, string>? sections = null)
    {
        var warnings = new List<ScoreWarning>();
        var present = blocks.Distinct().ToList();

        // Level 1 against the total: only when the form states the points of every block it has.
        if (present.Count > 0 && present.All(statedBlocks.ContainsKey))
        {
            var sum = present.Sum(b => statedBlocks[b]);
            if (sum + settings.ExecutionPoints != settings.TotalPoints)
                warnings.Add(new("weights-level1",
                    $"一级指标分值合计{Scorer.Number(sum)}（{string.Join("、", present.Select(b => $"{b}{Scorer.Number(statedBlocks[b])}分"))}），" +
                    $"加预算执行率{Scorer.Number(settings.ExecutionPoints)}分应为总分{Scorer.Number(settings.TotalPoints)}分"));
        }

        var groups = Groups(rows, blocks, sections);
        // Level 2 against level 1.
        foreach (var block in present)
        {
            var inBlock = groups.Where(g => g.Block == block).ToList();
            if (inBlock.Any(g => g.Points is null)) continue;
            decimal? parent = statedBlocks.TryGetValue(block, out var s) ? s : settings.Level1Points.TryGetValue(block, out var d) ? d : null;
            if (parent is not { } p) continue;
            var sum = inBlock.Sum(g => g.Points!.Value);
            if (sum != p)
                warnings.Add(new("weights-level2",
                    $"第{Lines(inBlock.SelectMany(g => g.Lines))}行：一级指标“{inBlock[0].Level1}”下各二级指标分值合计{Scorer.Number(sum)}" +
                    $"（{string.Join("、", inBlock.Select(g => $"{g.Level2}{Scorer.Number(g.Points!.Value)}分"))}），应等于一级指标分值{Scorer.Number(p)}"));
        }

        // Level 3 against level 2: where the group states its points and its rows carry their own.
        foreach (var g in groups)
            if (g is { Points: { } points, RowsWeighted: true } && g.RowWeights != points)
                warnings.Add(new("weights-level3",
                    $"第{Lines(g.Lines)}行：二级指标“{g.Level2}”下各三级指标分值合计{Scorer.Number(g.RowWeights)}，应等于二级指标分值{Scorer.Number(points)}"));
        return warnings;
    }

    // "（20分）" at the end of a label: the points it states.
    public static decimal? Points(string? label) =>
        Suffix().Match(DomainText.Compact(label)) is { Success: true } m
            ? decimal.Parse(m.Groups["points"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : null;

    // "产出指标：50分\n数量指标：20分" → 产出指标 50, 数量指标 20 (names compacted as the labels are).
    public static Dictionary<string, decimal> SectionPoints(IReadOnlyDictionary<string, string>? sections)
    {
        var result = new Dictionary<string, decimal>();
        if (sections is null || !sections.TryGetValue("指标分值", out var text)) return result;
        foreach (Match m in SectionLine().Matches(DomainText.Compact(text)))
            result.TryAdd(m.Groups["name"].Value, decimal.Parse(m.Groups["points"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        return result;
    }

    // 1–2, or 1、3 for rows that are not next to each other.
    static string Lines(IEnumerable<int> lines)
    {
        var l = lines.Order().ToList();
        var consecutive = l[^1] - l[0] == l.Count - 1;
        return l.Count == 1 ? $"{l[0]}" : consecutive ? $"{l[0]}–{l[^1]}" : string.Join("、", l);
    }

    [GeneratedRegex(@"\((?<points>\d+(?:\.\d+)?)分\)$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"(?<name>[^:;，,、\d]+?):(?<points>\d+(?:\.\d+)?)分")]
    private static partial Regex SectionLine();
}
