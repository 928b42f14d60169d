using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Rules on the indicator values themselves: blanks, vague words, units, impossible rates.
internal static class TargetRules
{
    public static IEnumerable<Finding> EmptyTarget(RuleContext c)
    {
        var placeholders = c.Profile.Placeholders;
        foreach (var (p, i) in Rows.Indicators(c))
        {
            if (!IsEmpty(i.AnnualTarget, placeholders)) continue;
            var written = DomainText.Compact(i.AnnualTarget?.Raw);
            var shown = written.Length > 0 ? $"（填写为“{written}”）" : "";
            if (!IsEmpty(i.PeriodTarget, placeholders))
                yield return c.Flag(p, i, "annualTarget",
                    $"“{i.Name}”的年度指标值为空{shown}，实施周期指标值为“{DomainText.Compact(i.PeriodTarget!.Raw)}”",
                    $"按年度分解实施周期目标，填写本年度应达到的值（如“{DomainText.Compact(i.PeriodTarget.Raw)}”中本年度完成的部分）");
            else
                yield return c.Flag(p, i, "annualTarget",
                    $"“{i.Name}”未填写指标值{shown}",
                    Advice.Target(i.Name) is { } t
                        ? $"填写可衡量的指标值，如“{t}”，并注明指标值确定依据"
                        : "填写可衡量、可核验的指标值，并注明指标值确定依据");
        }
    }

    // A row whose name is "无" or lost: harmless when the category does not apply, but it must not stay as is.
    public static IEnumerable<Finding> PlaceholderRow(RuleContext c)
    {
        var placeholders = c.Profile.Placeholders;
        foreach (var p in c.Document.Projects)
            foreach (var i in p.Indicators)
            {
                if (!IsPlaceholder(i.Name, placeholders)) continue;
                var name = DomainText.Compact(i.Name);
                var value = IsEmpty(i.AnnualTarget, placeholders) ? null : DomainText.Compact(i.AnnualTarget!.Raw);
                if (name.Length == 0 && value is null) continue;
                yield return name.Length == 0
                    ? c.Flag(p, i, "name", $"“{Rows.Place(i)}”下有一行没有指标名称（指标值“{value}”）",
                        "补填三级指标名称")
                    : c.Flag(p, i, "name", $"“{Rows.Place(i)}”下的指标行填写为“{name}”",
                        "该二级指标不适用时删除此行；适用时填写具体指标和指标值");
            }
    }

    public static IEnumerable<Finding> VagueNumber(RuleContext c)
    {
        var endings = c.List("numericEndings");
        var exceptions = c.List("notNumericEndings");
        foreach (var (p, i, field, t) in Rows.Targets(c))
        {
            if (HasNumber(t) || IsCost(i)) continue;
            var name = Advice.Trim(i.Name);
            if (!EndsWithAny(name, endings) || EndsWithAny(name, exceptions)) continue;
            var advice = Advice.Target(i.Name, t.Raw) ?? "具体数值";
            yield return c.Flag(p, i, field,
                $"“{DomainText.Compact(t.Raw)}”无法衡量：“{i.Name}”是定量指标，应填写数值",
                $"写成“{advice}”，并注明指标值确定依据（计划标准、行业标准或历史标准）");
        }
    }

    public static IEnumerable<Finding> VagueQualitative(RuleContext c)
    {
        var numeric = c.List("numericEndings");
        var exceptions = c.List("notNumericEndings");
        var graded = c.List("gradedWords");
        var process = c.List("processTerms");
        foreach (var (p, i, field, t) in Rows.Targets(c))
        {
            if (HasNumber(t) || IsCost(i) || ContainsAny(DomainText.Compact(i.Name), process)) continue;
            var name = Advice.Trim(i.Name);
            if (EndsWithAny(name, numeric) && !EndsWithAny(name, exceptions)) continue;
            var raw = DomainText.Compact(t.Raw);
            if (ContainsAny(raw, graded)) continue;
            yield return c.Flag(p, i, field,
                $"“{Quote(t.Raw)}”没有评判标准，年底无法判断“{i.Name}”是否达成",
                Advice.Target(i.Name, raw) is { } advice
                    ? $"改为可量化的指标值，如“{advice}”；确需定性的，写明“达成/部分达成/未达成”各自的判断条件"
                    : "改为可量化、可核验的指标值；确需定性的，写明“达成/部分达成/未达成”各自的判断条件");
        }
    }

    public static IEnumerable<Finding> UnitMismatch(RuleContext c)
    {
        var counts = c.List("countEndings");
        var rates = c.List("rateEndings");
        var notRates = c.List("notRateEndings");
        var notCounts = c.List("notCountEndings");
        var rateUnits = c.List("rateUnits");
        foreach (var (p, i, field, t) in Rows.Targets(c))
        {
            if (t.Kind != TargetKind.Quantitative || t.Value is null || IsCost(i)) continue;
            var name = Advice.Trim(i.Name);
            var raw = DomainText.Compact(t.Raw);
            var percent = t.Unit?.Contains('%') == true || raw.Contains('%');
            if (EndsWithAny(name, counts) && !EndsWithAny(name, notCounts) && percent)
                yield return c.Flag(p, i, field,
                    $"“{i.Name}”是数量，指标值“{raw}”却用了%",
                    $"写成数量，如“{Advice.Target(i.Name) ?? "≥N个"}”；若要考核比例，把指标改为“…率”并写明分子和分母");
            else if (EndsWithAny(name, rates) && !EndsWithAny(name, notRates) && !percent
                     && (t.Unit is null || !rateUnits.Contains(t.Unit)))
                yield return c.Flag(p, i, field,
                    t.Unit is null
                        ? $"比率指标“{i.Name}”的指标值“{raw}”缺少%"
                        : $"比率指标“{i.Name}”的指标值“{raw}”用了“{t.Unit}”，比率应以%表示",
                    t.Unit is null
                        ? $"写成“{OperatorText(t.Operator)}{Number(t.Value.Value)}%”"
                        : $"写成百分比，如“≥95%”；若要考核数量，把指标改为“…数”，如“{name.TrimEnd('率')}数{OperatorText(t.Operator)}{Number(t.Value.Value)}{t.Unit}”");
        }
    }

    public static IEnumerable<Finding> RateOver100(RuleContext c)
    {
        var growth = c.List("growthWords");
        foreach (var (p, i, field, t) in Rows.Targets(c))
        {
            if (!IsPercent(t) || t.Operator is TargetOperator.Le or TargetOperator.Lt) continue;
            if (ContainsAny(DomainText.Compact(i.Name), growth)) continue;
            if (t.Value > 100 || (t.Value == 100 && t.Operator == TargetOperator.Gt))
                yield return c.Flag(p, i, field,
                    $"“{i.Name}”的指标值“{DomainText.Compact(t.Raw)}”超过100%，比率不可能达到",
                    "比率最高为100%：写成“=100%”或实际可达到的值（如“≥95%”）");
        }
    }

    public static IEnumerable<Finding> RateAtLeast100(RuleContext c)
    {
        foreach (var (p, i, field, t) in Rows.Targets(c))
            if (IsPercent(t) && t.Value == 100 && t.Operator == TargetOperator.Ge)
                yield return c.Flag(p, i, field,
                    $"“{i.Name}”写成“{DomainText.Compact(t.Raw)}”：比率不能超过100%，“≥”没有意义",
                    "写成“=100%”");
    }

    // "=95%" promises exactly 95%; "95%" with no sign leaves the reader to guess.
    public static IEnumerable<Finding> RateExact(RuleContext c)
    {
        var rates = c.List("rateEndings");
        var notRates = c.List("notRateEndings");
        foreach (var (p, i, field, t) in Rows.Targets(c))
        {
            if (!IsPercent(t) || t.Operator != TargetOperator.Eq || t.Value >= 100) continue;
            var name = Advice.Trim(i.Name);
            if (!EndsWithAny(name, rates) || EndsWithAny(name, notRates)) continue;
            var raw = DomainText.Compact(t.Raw);
            // raw is compacted: a full-width ＝ already reads as =.
            var explicitSign = raw.StartsWith('=') || raw.StartsWith("等于");
            yield return c.Flag(p, i, field,
                explicitSign
                    ? $"“{i.Name}”写成“{raw}”，要求恰好达到{Number(t.Value!.Value)}%，超过也不算达标"
                    : $"“{i.Name}”的指标值“{raw}”没有比较符号，按“={Number(t.Value!.Value)}%”理解",
                $"写成“≥{Number(t.Value.Value)}%”");
        }
    }

    public static IEnumerable<Finding> DescriptionEcho(RuleContext c)
    {
        foreach (var (p, i) in Rows.Indicators(c))
        {
            if (string.IsNullOrWhiteSpace(i.Description) || NameKey(i.Description) != NameKey(i.Name)) continue;
            yield return c.Flag(p, i, "description",
                $"指标解释“{Quote(i.Description)}”只重复了指标名称",
                Advice.Trim(i.Name).EndsWith('率')
                    ? "写明计算口径和数据来源，如“分子 ÷ 分母 × 100%”各指什么"
                    : "写明指标的含义、统计口径和数据来源");
        }
    }

    public static IEnumerable<Finding> AnnualVersusPeriod(RuleContext c)
    {
        foreach (var (p, i) in Rows.Indicators(c))
        {
            if (Parsed(i.AnnualTarget) is not { Kind: TargetKind.Quantitative, Value: { } a } annual) continue;
            if (Parsed(i.PeriodTarget) is not { Kind: TargetKind.Quantitative, Value: { } b } period) continue;
            if (!SameUnit(annual.Unit, period.Unit)) continue;
            var higherIsBetter = annual.Operator is null or TargetOperator.Ge or TargetOperator.Gt or TargetOperator.Eq;
            var percent = IsPercent(annual);
            // Counts add up over the period, so only a larger annual count is wrong; for rates and
            // upper limits a stricter annual value than the whole period's is the contradiction.
            var stricter = higherIsBetter ? a > b : percent && a < b;
            if (!stricter) continue;
            yield return c.Flag(p, i, "annualTarget",
                $"年度指标值“{DomainText.Compact(annual.Raw)}”比实施周期指标值“{DomainText.Compact(period.Raw)}”要求更高",
                "实施周期指标值应涵盖各年度目标：核对两列数值，年度值不应严于实施周期值");
        }
    }

    static bool IsPercent(TargetValue t) =>
        t.Kind == TargetKind.Quantitative && t.Value is not null
        && (t.Unit?.Contains('%') == true || (t.Unit is null && t.Raw.Contains('%')));

    static bool SameUnit(string? a, string? b) => DomainText.Compact(a) == DomainText.Compact(b);

    public static string OperatorText(TargetOperator? op) => op switch
    {
        TargetOperator.Ge => "≥",
        TargetOperator.Gt => "＞",
        TargetOperator.Le => "≤",
        TargetOperator.Lt => "＜",
        TargetOperator.Eq => "=",
        _ => "",
    };
}
