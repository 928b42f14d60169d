using System.Globalization;
using System.Text.RegularExpressions;
using static Jixiao.Domain.Review.ReviewText;

namespace Jixiao.Domain.Review.Rules;

// Money arithmetic: sources against totals, details against totals, text against tables,
// the summary sentence against the projects, and the spending plan.
internal static partial class MoneyRules
{
    public static IEnumerable<Finding> FundingMissing(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            var f = p.Funding;
            var any = new[] { f.Total, f.AnnualRequest, f.Fiscal, f.Appropriation, f.Other, f.CarryOver,
                    f.SpecialAccount, f.FromHigherLevel, f.FromSameLevel, f.FromLowerLevel }.Any(v => v is not null)
                || p.BudgetLines.Any(l => l.Amount is not null);
            if (!any)
                yield return c.Flag(p, null, "funding.total", "项目资金未填写（资金总额及各项来源均为空）",
                    "填写项目资金总额和资金来源（财政拨款、其他资金等），与预算明细一致");
        }
    }

    public static IEnumerable<Finding> FundingParts(RuleContext c)
    {
        var tolerance = c.Number("tolerance");
        foreach (var p in c.Document.Projects)
        {
            var f = p.Funding;
            var unit = f.SourceUnit;
            var checks = new List<(decimal? Whole, string Label, string Field, (decimal? Value, string Label)[] Parts)>();
            if (f.Fiscal is not null)
                checks.Add((f.Total, "项目资金总额", "funding.total",
                    [(f.Fiscal, "财政资金"), (f.SpecialAccount, "财政专户拨款"), (f.Other, "其他资金")]));
            else if (f.Appropriation is not null && f.AnnualRequest is null)
                checks.Add((f.Total, "项目资金总额", "funding.total",
                    [(f.Appropriation, "财政拨款"), (f.SpecialAccount, "财政专户拨款"), (f.CarryOver, "上年结转资金"), (f.Other, "其他资金")]));
            else if (f.Appropriation is null && f.AnnualRequest is not null)
                checks.Add((f.Total, "项目资金总额", "funding.total",
                    [(f.CarryOver, "上年结转资金"), (f.AnnualRequest, "本年度预算申请"), (f.Other, "其他资金")]));
            if (f.AnnualRequest is not null && f.Appropriation is not null)
                checks.Add((f.AnnualRequest, "年度资金申请总额", "funding.annualRequest",
                    [(f.Appropriation, "当年财政拨款"), (f.CarryOver, "上年结转资金"), (f.Other, "其他资金")]));
            if (f.FromHigherLevel is not null || f.FromSameLevel is not null || f.FromLowerLevel is not null)
                checks.Add((f.Appropriation ?? f.Fiscal, "财政拨款", "funding.appropriation",
                    [(f.FromHigherLevel, "上级财政拨款"), (f.FromSameLevel, "本级财政安排"), (f.FromLowerLevel, "下级财政配套")]));

            foreach (var (whole, label, field, parts) in checks)
            {
                if (whole is null) continue;
                var sum = parts.Sum(x => x.Value ?? 0);
                if (Math.Abs(whole.Value - sum) <= tolerance) continue;
                var terms = string.Join(" + ", parts.Where(x => x.Value is not null).Select(x => $"{x.Label}{Money(x.Value!.Value, unit)}"));
                yield return c.Flag(p, null, field,
                    $"{label}{Money(whole.Value, unit)}与{terms}之和{Money(sum, unit)}不符（相差{Money(Math.Abs(whole.Value - sum), unit)}）",
                    $"核对资金来源各项金额，使其合计等于{label}（允许误差{Money(tolerance, "万元")}）");
            }
            if (f.Total is { } total && f.AnnualRequest is { } annual && annual - total > tolerance)
                yield return c.Flag(p, null, "funding.annualRequest",
                    $"年度资金申请总额{Money(annual, unit)}大于项目资金总额{Money(total, unit)}",
                    "年度申请数不能超过项目资金总额：核对两项金额");
        }
    }

    public static IEnumerable<Finding> BudgetLines(RuleContext c)
    {
        var tolerance = c.Number("tolerance");
        var totalNames = c.List("totalNames");
        foreach (var p in c.Document.Projects)
        {
            var unit = p.Funding.SourceUnit;
            var lines = p.BudgetLines.Where(l => l.Amount is not null).ToList();
            var details = lines.Where(l => !totalNames.Contains(DomainText.Compact(l.Name))).ToList();
            if (details.Count == 0) continue;
            var sum = details.Sum(l => l.Amount!.Value);
            foreach (var line in lines.Where(l => totalNames.Contains(DomainText.Compact(l.Name))))
                if (Math.Abs(line.Amount!.Value - sum) > tolerance)
                    yield return c.Flag(p, null, "budgetLines",
                        $"预算明细“{DomainText.Compact(line.Name)}”{Money(line.Amount.Value, unit)}与各明细之和{Money(sum, unit)}不符",
                        "核对预算明细各项金额与合计数");
            if (Rows.Budget(p) is { } budget && Math.Abs(budget - sum) > tolerance)
                yield return c.Flag(p, null, "budgetLines",
                    $"预算明细合计{Money(sum, unit)}与项目资金总额{Money(budget, unit)}不符（相差{Money(Math.Abs(budget - sum), unit)}）",
                    "预算明细应覆盖全部项目资金：补齐或核减明细，使合计等于资金总额");
        }
    }

    // The department's summary sentence ("编报绩效目标的项目 5 个，涉及项目预算资金 291.42 万元") and the
    // unit's own total row (合计) against the projects of the document.
    public static IEnumerable<Finding> SummaryMismatch(RuleContext c)
    {
        var tolerance = c.Number("tolerance");
        var doc = c.Document;
        var projectBudgets = doc.Projects.Select(Rows.Budget).ToList();
        if (doc.Unit.Funding?.Total is { } unitTotal && projectBudgets.Count > 0 && projectBudgets.All(b => b is not null))
        {
            var sum = projectBudgets.Sum(b => b!.Value);
            var unit = doc.Unit.Funding.SourceUnit;
            if (Math.Abs(unitTotal - sum) > tolerance)
                yield return c.Flag(null, null, "unit.funding.total",
                    $"单位合计{Money(unitTotal, unit)}与各项目资金之和{Money(sum, unit)}不符（相差{Money(Math.Abs(unitTotal - sum), unit)}）",
                    "核对合计行与各项目金额，补齐漏列的项目或更正合计数");
        }
        foreach (var (label, text) in doc.Sections)
        {
            var count = ProjectCount().Match(text);
            if (count.Success && int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture) is var n
                && n != doc.Projects.Count)
                yield return c.Flag(null, null, $"sections.{label}",
                    $"“{label}”写明项目{n}个，表中实有项目{doc.Projects.Count}个",
                    "核对汇总说明与所附项目表，补齐缺漏的项目或更正项目个数");

            var total = SummaryTotal().Match(text);
            var budgets = doc.Projects.Select(Rows.Budget).ToList();
            if (!total.Success || budgets.Count == 0 || budgets.Any(b => b is null)) continue;
            var stated = Amounts(total.Value).FirstOrDefault();
            if (stated is null) continue;
            var sum = budgets.Sum(b => b!.Value);
            if (Math.Abs(stated.Yuan - sum) <= tolerance) continue;
            yield return c.Flag(null, null, $"sections.{label}",
                $"“{label}”写明项目资金{stated.Text}，各项目资金合计{Money(sum, "万元")}（相差{Money(Math.Abs(stated.Yuan - sum), "万元")}）",
                "核对汇总说明与各项目资金表，以批复口径统一金额");
        }
    }

    // Amounts in a project's budget section ("年度预算为 10 万元") against its funding table.
    public static IEnumerable<Finding> NarrativeBudget(RuleContext c)
    {
        var tolerance = c.Number("tolerance");
        var keys = c.List("sectionKeys");
        foreach (var p in c.Document.Projects)
        {
            var f = p.Funding;
            // In the order of Rows.Budget (total, else annual request), so table[0] is the budget where there is one.
            var table = new[] { f.Total, f.AnnualRequest, f.Fiscal, f.Appropriation }.OfType<decimal>().ToList();
            if (table.Count == 0) continue;
            foreach (var (label, text) in p.Sections)
            {
                if (!ContainsAny(label, keys)) continue;
                var amounts = Amounts(text);
                if (amounts.Count == 0) continue;
                var sum = amounts.Sum(a => a.Yuan);
                if (table.Any(t => Math.Abs(t - sum) <= tolerance
                                   || amounts.Any(a => Math.Abs(t - a.Yuan) <= tolerance))) continue;
                yield return c.Flag(p, null, $"sections.{label}",
                    $"“{label}”写明预算{string.Join("、", amounts.Select(a => a.Text))}，资金表中项目资金为{Money(table[0], f.SourceUnit)}",
                    "统一文字说明与资金表的金额，以申报的资金数为准");
            }
        }
    }

    // Standards written in the text ("人均3元") against the same standard in the indicators ("人均1.5元标准").
    public static IEnumerable<Finding> NarrativeStandard(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            var texts = p.Sections.Select(s => (s.Key, s.Value))
                .Append(("中长期目标", p.LongTermGoal ?? ""))
                .Append(("年度目标", p.AnnualGoal ?? ""));
            var written = new List<(string Label, Standard S)>();
            foreach (var (label, text) in texts)
                written.AddRange(Standards(text).Select(s => (label, s)));
            if (written.Count == 0) continue;

            foreach (var (_, i) in Rows.Indicators(c).Where(r => r.Project == p))
            {
                var inRow = Standards(i.Name + " " + i.Description + " " + i.AnnualTarget?.Raw + " " + i.PeriodTarget?.Raw).ToList();
                foreach (var s in inRow)
                {
                    var sameKind = written.Where(w => w.S.Kind == s.Kind).ToList();
                    if (sameKind.Count == 0 || sameKind.Any(w => w.S.Value == s.Value)) continue;
                    var (label, other) = sameKind[0];
                    var annual = DomainText.Compact(i.AnnualTarget?.Raw);
                    yield return c.Flag(p, i, "annualTarget",
                        $"“{label}”写明“{other.Text}”，指标“{i.Name}”却为“{(annual.Contains(s.Text) ? annual : s.Text)}”",
                        "核实实际执行的标准，统一文字说明与指标值");
                    break;
                }
            }
        }
    }

    public static IEnumerable<Finding> SpendingPlanOrder(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            var plan = p.SpendingPlan.Where(m => m.CumulativePercent is not null).ToList();
            for (var j = 0; j < plan.Count; j++)
            {
                var value = plan[j].CumulativePercent!.Value;
                if (value > 100)
                {
                    yield return c.Flag(p, null, "spendingPlan",
                        $"资金支出计划“{plan[j].By}”累计{Number(value)}%，超过100%",
                        "支出计划是累计进度，最高为100%");
                    break;
                }
                if (j > 0 && value < plan[j - 1].CumulativePercent!.Value)
                {
                    yield return c.Flag(p, null, "spendingPlan",
                        $"资金支出计划从“{plan[j - 1].By}”{Number(plan[j - 1].CumulativePercent!.Value)}%降到“{plan[j].By}”{Number(value)}%",
                        "支出计划填写累计进度，应逐期不减，如 3月底25%、6月底50%、10月底75%、12月底100%");
                    break;
                }
            }
        }
    }

    public static IEnumerable<Finding> SpendingPlanShort(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            var last = p.SpendingPlan.LastOrDefault(m => m.CumulativePercent is not null);
            if (last is null || last.CumulativePercent >= 100) continue;
            yield return c.Flag(p, null, "spendingPlan",
                $"资金支出计划到“{last.By}”累计{Number(last.CumulativePercent!.Value)}%，未达到100%",
                "年底（12月底）累计支出进度应为100%；确需跨年支出的，说明原因和结转安排");
        }
    }

    sealed record Standard(string Kind, decimal Value, string Text);

    static IEnumerable<Standard> Standards(string text)
    {
        foreach (Match m in PerHead().Matches(text))
            yield return new Standard("元/人", Parse(m.Groups[1].Value), DomainText.Compact(m.Value));
        foreach (Match m in PerUnit().Matches(text))
            yield return new Standard("元/人" + DomainText.Compact(m.Groups[2].Value), Parse(m.Groups[1].Value), DomainText.Compact(m.Value));
    }

    static decimal Parse(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"项目\s*(\d+)\s*个")]
    private static partial Regex ProjectCount();

    [GeneratedRegex(@"资金\s*(?:总额|合计|共计|总计|共|为|：|:)?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|元)")]
    private static partial Regex SummaryTotal();

    [GeneratedRegex(@"(?:人均|每人)\s*(\d+(?:\.\d+)?)\s*元")]
    private static partial Regex PerHead();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*元\s*/\s*人((?:\s*/\s*[天次年月日])?)")]
    private static partial Regex PerUnit();
}
