using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;

namespace Jixiao.Export;

// The year-end 项目支出绩效自评表 in the national shape (财预〔2020〕10号 附件2): one nine-column table of
// 项目名称 / 主管部门 / 实施单位, the money block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 by
// 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金), 年度总体目标 (预期目标 beside 实际完成情况), the
// indicator rows with 年度指标值, 实际完成值, 分值, 得分 and 偏差原因分析及改进措施, then 总分 and 自评等级.
// Points and scores are those of Domain/Scoring, so the printed form adds up as the page shows it.
public sealed partial class FormComposer
{
    // The money rows of the 自评表 and where each reads its planned amount when no execution row is stored.
    static readonly (FundingItem Item, string Label)[] EvaluationMoney =
    [
        (FundingItem.AnnualRequest, "年度资金总额"),
        (FundingItem.Appropriation, "当年财政拨款"),
        (FundingItem.CarryOver, "上年结转资金"),
        (FundingItem.Other, "其他资金"),
    ];

    const int EvaluationColumns = 9;

    void SelfEvaluation(ProjectForm p)
    {
        var settings = options.Scoring ?? new SelfEvaluationSettings();
        var result = Scorer.Score(p, settings);
        var e = p.SelfEvaluation;
        var unit = (e?.SourceUnit ?? p.Funding.SourceUnit) == "万元" ? "万元" : "元";
        string Text(string? s) => (options.Public ? PublicCopy.Text(s) : s) ?? "";

        book.Blocks.Add(new TitleBlock(layout.Title));
        if (Year != "") book.Blocks.Add(new TitleBlock(Year, 1));
        var rows = new List<List<DocCell>>
        {
            new() { DocCell.H("项目名称"), new(p.Name, ColSpan: 8) },
            new() { DocCell.H("主管部门"), new(doc.Unit.SupervisingDepartment ?? "", ColSpan: 4), DocCell.H("实施单位"), new(p.ImplementingUnit ?? doc.Unit.Name ?? "", ColSpan: 3) },
            new()
            {
                DocCell.H($"项目资金（{unit}）", rowSpan: EvaluationMoney.Length + 1), DocCell.H(""), DocCell.H("年初预算数"), DocCell.H("全年预算数"),
                DocCell.H("全年执行数"), DocCell.H("分值"), DocCell.H("执行率"), DocCell.H("得分", 2),
            },
        };
        for (var k = 0; k < EvaluationMoney.Length; k++)
        {
            var (item, label) = EvaluationMoney[k];
            var first = k == 0;
            var line = e?.Execution.FirstOrDefault(x => x.Item == item || (first && x.Item is FundingItem.Total or FundingItem.AnnualRequest));
            var planned = PlannedAmount(p.Funding, item);
            var initial = line is null ? planned : line.InitialBudget;
            var annual = line is null ? planned : line.AnnualBudget;
            var rate = annual is > 0m && line?.Executed is { } spent ? Scorer.Round(Math.Max(spent, 0m) / annual.Value * 100m) : line?.BudgetExecutionRate;
            rows.Add(
            [
                new(first ? label : "其中：" + label),
                new(Money(initial, unit), Number: true),
                new(Money(annual, unit), Number: true),
                new(Money(line?.Executed, unit), Number: true),
                new(first ? Scorer.Number(result.Execution.Points) : "—", Number: true),
                new(rate is { } r ? Scorer.Number(r) + "%" : "—", Number: true),
                new(!first ? "—" : result.Execution.Executed is null ? "" : Scorer.Number(result.Execution.Score), ColSpan: 2, Number: true),
            ]);
        }
        rows.Add([DocCell.H("年度总体目标", rowSpan: 2), DocCell.H("预期目标", 4), DocCell.H("实际完成情况", 4)]);
        rows.Add([new(Text(p.AnnualGoal), ColSpan: 4), new(Text(e?.AnnualGoalActual), ColSpan: 4)]);

        var indicators = p.Indicators;
        var merged = Merged(indicators).ToList();
        // The 绩效指标 cell spans the head and the first level-1 group; each later group starts an empty cell
        // of its own in that column. One cell over every row would make the whole table one block that
        // a printed page can never break (rows are kept whole), so long tables would start on a new page.
        var firstGroup = merged.Count == 0 ? 1 : merged[0].Level1Span;
        rows.Add(
        [
            DocCell.H("绩效指标", rowSpan: firstGroup + 1), DocCell.H("一级指标"), DocCell.H("二级指标"), DocCell.H("三级指标"),
            DocCell.H("年度指标值"), DocCell.H("实际完成值"), DocCell.H("分值"), DocCell.H("得分"), DocCell.H("偏差原因分析及改进措施"),
        ]);
        if (indicators.Count == 0) rows.Add([new("（未设置绩效指标）", ColSpan: 8)]);
        for (var k = 0; k < merged.Count; k++)
        {
            var (x, span1, span2) = merged[k];
            var scored = result.Indicators.FirstOrDefault(r => ReferenceEquals(r.Row, x));
            var hasActual = !string.IsNullOrWhiteSpace(x.Actual?.Raw);
            var row = new List<DocCell>();
            if (span1 > 0 && k > 0) row.Add(new("", RowSpan: span1));
            if (span1 > 0) row.Add(new(x.Level1 ?? "", RowSpan: span1));
            if (span2 > 0) row.Add(new(x.Level2 ?? "", RowSpan: span2));
            row.Add(new(x.Name));
            row.Add(new(Scorer.TargetOf(x)?.Raw ?? ""));
            row.Add(new(x.Actual?.Raw ?? ""));
            row.Add(new(scored is null ? "" : Scorer.Number(scored.Points), Number: true));
            row.Add(new(scored is null || !hasActual ? "" : Scorer.Number(scored.Score), Number: true));
            row.Add(new(Text(x.DeviationCause)));
            rows.Add(row);
        }
        // A form nobody has filled in yet carries no total and no grade: 0 分 and 差 would read as a verdict.
        var started = result.Execution.Executed is not null || indicators.Any(i => !string.IsNullOrWhiteSpace(i.Actual?.Raw));
        rows.Add([DocCell.H("总分", 6), new(Scorer.Number(settings.TotalPoints), Number: true), new(started ? Scorer.Number(result.Total) : "", Number: true), new("")]);
        rows.Add([DocCell.H("自评等级"), new(started ? result.Grade.Chinese() : "", ColSpan: 8)]);
        book.Blocks.Add(new TableBlock([1.2, 1.4, 1.6, 2.2, 1.6, 1.5, 1.3, 1.0, 2.8], rows));
    }

    static decimal? PlannedAmount(Funding f, FundingItem item) => item switch
    {
        FundingItem.AnnualRequest => f.AnnualRequest ?? f.Total,
        FundingItem.Appropriation => f.Appropriation ?? f.Fiscal,
        FundingItem.CarryOver => f.CarryOver,
        _ => f.Other,
    };
}
