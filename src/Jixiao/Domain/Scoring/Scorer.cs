using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Review;

namespace Jixiao.Domain.Scoring;

// Year-end self-evaluation scoring (财预〔2020〕10号《项目支出绩效评价管理办法》, shared/docs/domain.md §6).
// Everything is decimal. Rounding: each row's score and the execution score are rounded to 2 places, half
// away from zero (四舍五入, as the forms print them: 9.325 → 9.33); the total is the sum of those printed
// scores, so the form adds up as shown; the grade is decided on the total rounded to 2 places, so a total
// of 79.995 (only possible from stated scores with 3 places) is 80.00 and graded 良.
public static partial class Scorer
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    // ≥ and >: full points once the actual reaches the target, else actual ÷ target × points.
    public static decimal HigherIsBetter(decimal target, decimal actual, decimal points)
    {
        actual = Math.Max(actual, 0m);
        return actual >= target ? points : actual / target * points;
    }

    // =: as higher-is-better, except that a target of 0 ("=0起") scores full only when nothing happened.
    public static decimal Equal(decimal target, decimal actual, decimal points)
    {
        actual = Math.Max(actual, 0m);
        if (target == 0m) return actual <= 0m ? points : 0m;
        return HigherIsBetter(target, actual, points);
    }

    // ≤ and <: full points up to the target, nothing from zeroMultiple × target on, linear in between
    // ((1 − (actual − target) ÷ target) × points for the usual multiple of 2).
    public static decimal LowerIsBetter(decimal target, decimal actual, decimal points, decimal zeroMultiple = 2m)
    {
        actual = Math.Max(actual, 0m);
        if (actual <= target) return points;
        if (actual >= zeroMultiple * target) return 0m;
        return (1m - (actual - target) / ((zeroMultiple - 1m) * target)) * points;
    }

    public static decimal Quantitative(TargetOperator op, decimal target, decimal actual, decimal points, decimal zeroMultiple = 2m) => op switch
    {
        TargetOperator.Le or TargetOperator.Lt => LowerIsBetter(target, actual, points, zeroMultiple),
        TargetOperator.Eq => Equal(target, actual, points),
        _ => HigherIsBetter(target, actual, points),
    };

    // 全年执行数 ÷ 全年预算数 × points, at most the points; spending below zero counts as none.
    public static decimal Execution(decimal annualBudget, decimal executed, decimal points) =>
        Math.Min(Math.Max(executed, 0m) / annualBudget * points, points);

    // "达成" / "达成年度指标" → Achieved, "部分达成…" → Partly, "未达成…" → NotAchieved; anything else null.
    public static QualitativeTier? Tier(string? text)
    {
        var s = DomainText.Compact(text);
        if (s.StartsWith("未达成", StringComparison.Ordinal)) return QualitativeTier.NotAchieved;
        if (s.StartsWith("部分达成", StringComparison.Ordinal)) return QualitativeTier.Partly;
        if (s.StartsWith("达成", StringComparison.Ordinal)) return QualitativeTier.Achieved;
        return null;
    }

    public static string Chinese(this QualitativeTier tier) => tier switch
    {
        QualitativeTier.Achieved => "达成",
        QualitativeTier.Partly => "部分达成",
        _ => "未达成",
    };

    // An actual value as written: what TargetValue reads, plus a leading minus sign (a fall written as −3%),
    // which targets never carry.
    public static TargetValue ParseActual(string? raw)
    {
        var s = DomainText.Compact(raw).Replace('−', '-');
        if (s.Length > 1 && s[0] == '-' && TargetValue.Parse(s[1..]) is { Kind: TargetKind.Quantitative, Value: { } v } parsed)
            return parsed with { Raw = raw!, Value = -v };
        return TargetValue.Parse(raw);
    }

    // The points each row carries. Rows with their own 分值 keep it; a form without any splits each
    // level-1 block's points evenly in cents, the first rows taking the odd cents (50 over 3 rows:
    // 16.67, 16.67, 16.66), so full marks add up exactly.
    public sealed record WeightPlan(IReadOnlyList<Indicator> Rows, IReadOnlyList<decimal> Points, IReadOnlyList<string> Blocks,
        IReadOnlyList<ScoreWarning> Warnings);

    public static WeightPlan Weights(ProjectForm project, SelfEvaluationSettings settings)
    {
        var rows = RealRows(project);
        var blocks = rows.Select(r => Block(r, settings)).ToList();
        var stated = StatedBlockPoints(project, settings);
        var warnings = new List<ScoreWarning>();
        decimal? Parent(string block) =>
            stated.TryGetValue(block, out var s) ? s : settings.Level1Points.TryGetValue(block, out var d) ? d : null;

        var points = new decimal[rows.Count];
        var ownWeights = rows.Any(r => r.Weight is not null);
        foreach (var block in blocks.Distinct())
        {
            var idx = Enumerable.Range(0, rows.Count).Where(k => blocks[k] == block).ToList();
            var parent = Parent(block);
            if (parent is null)
                warnings.Add(new("block-unknown",
                    $"一级指标“{block}”不在评分规则的分值表中（{string.Join("、", settings.Level1Points.Keys)}），其指标按填写的分值计分"));
            if (ownWeights)
            {
                foreach (var k in idx) points[k] = rows[k].Weight ?? 0m;
                var sum = idx.Sum(k => points[k]);
                if (parent is { } p && sum != p)
                    warnings.Add(new("weights-block", $"“{block}”各三级指标分值合计{Number(sum)}，应等于一级指标分值{Number(p)}"));
            }
            else if (parent is { } p)
            {
                var cents = (long)decimal.Floor(p * 100m);
                var each = cents / idx.Count;
                var odd = cents % idx.Count;
                for (var j = 0; j < idx.Count; j++) points[idx[j]] = (each + (j < odd ? 1 : 0)) / 100m;
            }
        }
        foreach (var (row, k) in rows.Select((r, k) => (r, k)))
            if (ownWeights && row.Weight is null)
                warnings.Add(new("weight-missing", $"“{row.Name}”未填写分值，按0分计"));
        var total = points.Sum();
        if (total != settings.IndicatorPoints)
            warnings.Add(new("weights-total",
                $"各指标分值合计{Number(total)}，应为{Number(settings.IndicatorPoints)}（总分{Number(settings.TotalPoints)}减预算执行率{Number(settings.ExecutionPoints)}分）"));
        // Level 1 against the total, level 2 against level 1, level 3 against level 2, where the form states them.
        warnings.AddRange(LevelWeights.Check(rows, blocks, stated, settings, project.Sections));
        return new WeightPlan(rows, points, blocks, warnings);
    }

    public static ProjectEvaluation Score(ProjectForm project, SelfEvaluationSettings settings)
    {
        var plan = Weights(project, settings);
        var results = plan.Rows.Select((r, k) => Row(r, plan.Points[k], plan.Blocks[k], settings)).ToList();
        var execution = ExecutionOf(project, settings);
        var total = results.Sum(r => r.Score) + execution.Score;
        var grade = settings.Grade(total);
        var warnings = new List<ScoreWarning>(plan.Warnings);
        if (project.SelfEvaluation is { } e)
        {
            if (e.TotalScore is { } statedTotal && Round(statedTotal) != total)
                warnings.Add(new("stated-total-differs", $"表中总分{Number(statedTotal)}，按规则计算为{Number(total)}"));
            if (e.Grade is { } statedGrade && statedGrade != grade)
                warnings.Add(new("stated-grade-differs", $"表中自评等级“{statedGrade.Chinese()}”，按计算总分{Number(total)}应为“{grade.Chinese()}”"));
        }
        return new ProjectEvaluation
        {
            Name = project.Name,
            Indicators = results,
            Execution = execution,
            Total = total,
            Grade = grade,
            Warnings = warnings,
        };
    }

    public static IndicatorResult Row(Indicator row, decimal points, string block, SelfEvaluationSettings settings)
    {
        var warnings = new List<ScoreWarning>();
        var target = TargetOf(row);
        var actualText = row.Actual?.Raw;
        var actual = ParseActual(actualText);
        var tier = Tier(actualText);
        decimal score;
        ScoreMethod method;
        decimal? ratio = null;
        var overshoot = false;

        if (tier is { } t)
        {
            method = ScoreMethod.Qualitative;
            var (low, high) = settings.Band(t, points);
            if (row.Score is not { } given)
            {
                score = low;
                warnings.Add(new("rater-score-missing", $"“{row.Name}”评为“{t.Chinese()}”但未给出得分，按该档下限{Number(Round(low))}分计"));
            }
            else if (given < low || given > high)
            {
                score = Math.Clamp(given, low, high);
                warnings.Add(new("rater-score-outside-band",
                    $"“{row.Name}”评为“{t.Chinese()}”，得分应在{Number(Round(low))}–{Number(Round(high))}分之间（分值{Number(points)}的{Percent(t, settings)}），填了{Number(given)}"));
            }
            else score = given;
        }
        else if (target is { Kind: TargetKind.Quantitative, Value: { } goal, Operator: var op })
        {
            method = op is TargetOperator.Le or TargetOperator.Lt ? ScoreMethod.LowerIsBetter : ScoreMethod.HigherIsBetter;
            if (string.IsNullOrWhiteSpace(actualText))
            {
                score = 0m;
                warnings.Add(new("actual-missing", $"“{row.Name}”未填写实际完成值，按0分计"));
            }
            else if (actual is not { Kind: TargetKind.Quantitative, Value: { } done })
            {
                score = 0m;
                warnings.Add(new("actual-unreadable", $"“{row.Name}”的实际完成值“{DomainText.Squeeze(actualText)}”不是数值，按0分计"));
            }
            else
            {
                if (actual.Unit is { } au && target.Unit is { } tu && au != tu)
                    warnings.Add(new("unit-differs", $"“{row.Name}”实际完成值的单位“{au}”与年度指标值的单位“{tu}”不同，按数值比较"));
                score = Quantitative(op ?? TargetOperator.Eq, goal, done, points, settings.LowerZeroMultiple);
                if (goal > 0m) ratio = done / goal;
                overshoot = method == ScoreMethod.HigherIsBetter && ratio >= settings.OvershootRatio;
                if (row.Score is { } stated && Round(stated) != Round(score))
                    warnings.Add(new("stated-score-differs", $"“{row.Name}”表中得分{Number(stated)}，按规则计算为{Number(Round(score))}"));
            }
        }
        else if (string.IsNullOrWhiteSpace(actualText))
        {
            method = ScoreMethod.None;
            score = 0m;
            warnings.Add(new("actual-missing", $"“{row.Name}”未填写实际完成值，按0分计"));
        }
        else
        {
            // A qualitative target judged in words of its own ("基本健全"): the stated score stands, unchecked.
            method = ScoreMethod.Stated;
            score = Math.Clamp(row.Score ?? 0m, 0m, points);
            warnings.Add(new("tier-missing",
                $"“{row.Name}”为定性指标，实际完成值应选“达成”“部分达成”或“未达成”，填了“{DomainText.Squeeze(actualText)}”，得分无法按档次核对"));
        }

        score = Round(score);
        // A row without an actual is reported as such; its cause is asked for once the actual is in.
        var required = (score < points && !string.IsNullOrWhiteSpace(actualText)) || overshoot;
        if (overshoot)
            warnings.Add(new("overshoot", $"“{row.Name}”实际完成值达到目标的{Number(Round(ratio!.Value * 100m))}%（≥{Number(settings.OvershootRatio * 100m)}%），请说明目标是否偏低"));
        if (required && string.IsNullOrWhiteSpace(row.DeviationCause))
            warnings.Add(new("cause-missing", $"“{row.Name}”{(overshoot ? "超额完成" : "扣分")}，须填写偏差原因分析及改进措施"));
        return new IndicatorResult
        {
            Row = row,
            Name = row.Name,
            Block = block,
            Points = points,
            Score = score,
            Method = method,
            Tier = tier,
            Ratio = ratio,
            CauseRequired = required,
            Warnings = warnings,
        };
    }

    public static ExecutionResult ExecutionOf(ProjectForm project, SelfEvaluationSettings settings)
    {
        var e = project.SelfEvaluation;
        var row = e?.Execution.FirstOrDefault(r => r.Item is FundingItem.Total or FundingItem.AnnualRequest)
                  ?? e?.Execution.FirstOrDefault();
        var points = row?.Points ?? settings.ExecutionPoints;
        var budget = row?.AnnualBudget ?? project.Funding.AnnualRequest ?? project.Funding.Total;
        var executed = row?.Executed;
        if (executed is not { } spent)
            return new ExecutionResult
            {
                AnnualBudget = budget, Points = points, Score = 0m,
                Warnings = [new("execution-missing", "未填写全年执行数，预算执行率按0分计")],
            };
        if (budget is not ({ } b and > 0m))
            return new ExecutionResult
            {
                AnnualBudget = budget, Executed = spent, Points = points, Score = 0m,
                Warnings = [new("budget-missing", "全年预算数为空或为0，无法计算预算执行率，按0分计")],
            };
        var score = Round(Execution(b, spent, points));
        var warnings = new List<ScoreWarning>();
        if (row?.Score is { } stated && Round(stated) != score)
            warnings.Add(new("stated-execution-differs", $"表中预算执行率得分{Number(stated)}，按全年执行数÷全年预算数×{Number(points)}计算为{Number(score)}"));
        return new ExecutionResult
        {
            AnnualBudget = b,
            Executed = spent,
            RatePercent = Round(Math.Max(spent, 0m) / b * 100m),
            Points = points,
            Score = score,
            Warnings = warnings,
        };
    }

    // The annual target, else the period target (forms with one value column).
    public static TargetValue? TargetOf(Indicator row)
    {
        var annual = ReviewText.Parsed(row.AnnualTarget);
        return annual is null || annual.Kind == TargetKind.Empty ? ReviewText.Parsed(row.PeriodTarget) : annual;
    }

    static readonly IReadOnlyList<string> Placeholders = new ReviewProfile { Id = "", Name = "", Framework = "" }.Placeholders;

    // Rows that are indicators, not "无" or blank placeholders.
    public static List<Indicator> RealRows(ProjectForm project) =>
        project.Indicators.Where(i => !ReviewText.IsPlaceholder(i.Name, Placeholders)).ToList();

    // The level-1 block a row counts in: "产出指标（50分）" → "产出"; 成本 → 产出 by the aliases.
    public static string Block(Indicator row, SelfEvaluationSettings settings)
    {
        var key = ReviewText.Category(PointsSuffix().Replace(DomainText.Compact(row.Level1), ""));
        return settings.Level1Aliases.TryGetValue(key, out var alias) ? alias : key;
    }

    // Level-1 points the form states: in the label ("产出指标（50分）") or in a 指标分值 section ("产出指标：50分").
    public static Dictionary<string, decimal> StatedBlockPoints(ProjectForm project, SelfEvaluationSettings settings)
    {
        var result = new Dictionary<string, decimal>();
        if (project.Sections.TryGetValue("指标分值", out var text))
            foreach (Match m in SectionPoints().Matches(DomainText.Compact(text)))
                result[Alias(ReviewText.Category(m.Groups["name"].Value), settings)] = Decimal(m.Groups["points"].Value);
        foreach (var row in project.Indicators)
            if (PointsSuffix().Match(DomainText.Compact(row.Level1)) is { Success: true } m)
                result[Block(row, settings)] = Decimal(m.Groups["points"].Value);
        return result;
    }

    static string Alias(string key, SelfEvaluationSettings settings) =>
        settings.Level1Aliases.TryGetValue(key, out var alias) ? alias : key;

    static decimal Decimal(string s) => decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    static string Percent(QualitativeTier tier, SelfEvaluationSettings s)
    {
        var (low, high) = s.Band(tier, 100m);
        return $"{Number(low)}%–{Number(high)}%";
    }

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\((?<points>\d+(?:\.\d+)?)分\)$")]
    private static partial Regex PointsSuffix();

    [GeneratedRegex(@"(?<name>[^:;，,、\d]+?)[:](?<points>\d+(?:\.\d+)?)分")]
    private static partial Regex SectionPoints();
}
