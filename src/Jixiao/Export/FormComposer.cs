using System.Globalization;
using Jixiao.Domain;
using Jixiao.Features;

namespace Jixiao.Export;

public sealed record ComposeOptions
{
    // A unit's book (cover, department summary and totals, then every project) even for one project.
    public bool Book { get; init; }
    public bool Public { get; init; }
    // The date in the signature block; the export date unless the form states one.
    public DateOnly? Date { get; init; }
    // How the 自评表 is scored (the project's region profile); the national defaults when not given.
    public Domain.Scoring.SelfEvaluationSettings? Scoring { get; init; }
}

// A form and a layout to blocks. Every layout goes through this one class: the layout's data decides
// which parts appear, in which order, and with which words.
public sealed partial class FormComposer
{
    readonly FormDocument doc;
    readonly ExportLayout layout;
    readonly ComposeOptions options;
    readonly DocBook book;

    FormComposer(FormDocument document, ExportLayout layout, ComposeOptions options)
    {
        doc = options.Public ? PublicCopy.Of(document) : document;
        this.layout = layout;
        this.options = options;
        var title = doc.Projects.Count == 1 && !options.Book ? doc.Projects[0].Name : BookTitle();
        book = new DocBook
        {
            Title = title, LayoutName = layout.Name,
            Footer = $"{doc.Unit.Name}{(doc.FiscalYear is { } y ? $" {y}年度" : "")}{(options.Public ? " 公开版" : "")}",
        };
    }

    public static DocBook Compose(FormDocument document, ExportLayout layout, ComposeOptions? options = null) =>
        new FormComposer(document, layout, options ?? new ComposeOptions()).Run();

    bool IsBook => options.Book || doc.Projects.Count > 1;

    string BookTitle() =>
        $"{doc.Unit.Name}{(doc.FiscalYear is { } y ? $"{y}年度" : "")}{layout.BookTitle ?? "项目支出绩效目标"}";

    DocBook Run()
    {
        foreach (var part in layout.DocumentParts)
            switch (part)
            {
                case Part.Cover when IsBook: Cover(); break;
                case Part.DepartmentGoals: DepartmentGoals(); break;
                case Part.BureauTable: BureauTable(); break;
            }
        for (var i = 0; i < doc.Projects.Count && layout.ProjectParts.Length > 0; i++)
        {
            if (book.Blocks.Count > 0) book.Blocks.Add(new PageBreakBlock());
            Project(i, doc.Projects[i]);
        }
        if (layout.ProjectParts.Length == 0) Signature(doc.Projects.FirstOrDefault());
        return book;
    }

    string MoneyUnit(Funding? f) =>
        (f?.SourceUnit ?? doc.Projects.Select(p => p.Funding.SourceUnit).FirstOrDefault(u => u != null)) == "万元" ? "万元" : "元";

    string Money(decimal? yuan, string unit) => Labels.Money(yuan, unit);

    string Year => doc.FiscalYear is { } y ? $"（{y}年度）" : "";

    // ---- document parts

    void Cover()
    {
        var unit = MoneyUnit(doc.Unit.Funding);
        book.Blocks.Add(new TitleBlock(BookTitle()));
        book.Blocks.Add(new ParagraphBlock($"编报部门：{doc.Unit.Name}"));
        if (doc.Unit.SupervisingDepartment is { } dept) book.Blocks.Add(new ParagraphBlock($"主管部门：{dept}"));
        if (doc.Unit.Code is { } code) book.Blocks.Add(new ParagraphBlock($"部门预算代码：{code}"));
        foreach (var person in doc.Unit.People)
            book.Blocks.Add(new ParagraphBlock($"{person.Role}：{person.Name}{(string.IsNullOrWhiteSpace(person.Phone) ? "" : "　联系电话：" + person.Phone)}"));
        var total = doc.Projects.Sum(p => p.Funding.Total ?? p.Funding.AnnualRequest ?? 0);
        var annual = doc.Projects.Sum(p => p.Funding.AnnualRequest ?? 0);
        book.Blocks.Add(new HeadingBlock("部门汇总"));
        book.Blocks.Add(new ParagraphBlock(
            $"本部门共 {doc.Projects.Count} 个项目，资金总额 {Money(total, unit)} {unit}，年度申请 {Money(annual, unit)} {unit}，" +
            $"绩效指标 {doc.Projects.Sum(p => p.Indicators.Count)} 个。"));
        // Column heads that are no labels of the form itself, so that the summary is never read as a project.
        var rows = new List<List<DocCell>> { new() { DocCell.H("序号"), DocCell.H("项目"), DocCell.H($"资金（{unit}）"), DocCell.H("指标数") } };
        for (var i = 0; i < doc.Projects.Count; i++)
        {
            var p = doc.Projects[i];
            rows.Add([new((i + 1).ToString(CultureInfo.InvariantCulture)), new(p.Name), new(Money(p.Funding.Total ?? p.Funding.AnnualRequest, unit), Number: true),
                new(p.Indicators.Count.ToString(CultureInfo.InvariantCulture), Number: true)]);
        }
        rows.Add([DocCell.H("合计", 2), new(Money(total, unit), Number: true), new(doc.Projects.Sum(p => p.Indicators.Count).ToString(CultureInfo.InvariantCulture), Number: true)]);
        book.Blocks.Add(new TableBlock([1, 6, 3, 2], rows, HeaderRows: 1));
    }

    void DepartmentGoals()
    {
        book.Blocks.Add(new TitleBlock(BookTitle()));
        if (Year != "") book.Blocks.Add(new TitleBlock(Year, 1));
        book.Blocks.Add(new ParagraphBlock($"部门名称：{doc.Unit.Name}"));
        book.Blocks.Add(new HeadingBlock("第一部分 部门整体绩效目标"));
        var n = 0;
        foreach (var g in doc.DepartmentGoals)
        {
            book.Blocks.Add(new HeadingBlock($"{Chinese(++n)}、{g.Title ?? "总体目标"}"));
            if (!string.IsNullOrWhiteSpace(g.Goal)) book.Blocks.Add(new ParagraphBlock(g.Goal));
            if (!string.IsNullOrWhiteSpace(g.Indicators)) book.Blocks.Add(new ParagraphBlock(g.Indicators));
        }
        foreach (var (title, text) in doc.Sections.Where(s => s.Key != "标题"))
        {
            book.Blocks.Add(new HeadingBlock($"{Chinese(++n)}、{title}"));
            book.Blocks.Add(new ParagraphBlock(text));
        }
        if (doc.DepartmentGoals.Count == 0 && n == 0) book.Blocks.Add(new ParagraphBlock("（本部门未填报整体绩效目标）"));
        book.Blocks.Add(new HeadingBlock("第二部分 预算项目绩效目标"));
    }

    // Guangzhou: the whole bureau in one table, each project's indicators as numbered, coded text in one cell.
    void BureauTable()
    {
        var unit = MoneyUnit(doc.Unit.Funding);
        book.Blocks.Add(new TitleBlock(layout.Title));
        if (Year != "") book.Blocks.Add(new TitleBlock(Year, 1));
        book.Blocks.Add(new TableBlock([1, 1], [[new($"部门名称：{doc.Unit.Name}"), new($"单位：{unit}")]], Borderless: true));
        var head = new List<DocCell> { DocCell.H("项目名称（资金使用单位）") };
        head.AddRange(layout.Money.Select(m => DocCell.H(m.Label)));
        head.Add(DocCell.H("绩效目标"));
        head.Add(DocCell.H("绩效指标"));
        var rows = new List<List<DocCell>> { head };
        // An amount the form leaves open is written as "—", as on the paper table, so the row still reads as a project's.
        List<DocCell> MoneyCells(Func<FundingItem, decimal?> amount) =>
            layout.Money.Select(m => new DocCell(amount(m.Item) is { } v ? Money(v, unit) : "—", Number: true)).ToList();
        decimal? Sum(FundingItem item) =>
            doc.Projects.Select(p => ExportLayouts.Amount(p.Funding, item)).Where(a => a != null).Aggregate((decimal?)null, (a, b) => (a ?? 0) + b);
        rows.Add([new("合计"), .. MoneyCells(Sum), new(""), new("")]);
        rows.Add([new(doc.Unit.Name ?? ""), .. MoneyCells(i => doc.Unit.Funding is { } f ? ExportLayouts.Amount(f, i) : Sum(i)), new(""), new("")]);
        foreach (var p in doc.Projects)
            rows.Add([new(p.Name), .. MoneyCells(i => ExportLayouts.Amount(p.Funding, i)), new(p.AnnualGoal ?? ""), new(Packed(p.Indicators))]);
        book.Blocks.Add(new TableBlock([3.2, 1.7, 1.7, 1.7, 1.7, 4, 7], rows, HeaderRows: 1));
    }

    // "1、1-产出指标；11-数量指标；name；实施周期指标值:x；年度指标值:y。" with codes numbered in order of appearance.
    static string Packed(List<Indicator> indicators)
    {
        var level1Codes = new Dictionary<string, int>();
        var level2Codes = new Dictionary<(string, string), int>();
        var parts = new List<string>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            var l1 = x.Level1 ?? "";
            var l2 = x.Level2 ?? "";
            if (!level1Codes.TryGetValue(l1, out var c1)) level1Codes[l1] = c1 = level1Codes.Count + 1;
            if (!level2Codes.TryGetValue((l1, l2), out var c2))
                level2Codes[(l1, l2)] = c2 = c1 * 10 + level2Codes.Keys.Count(k => k.Item1 == l1) + 1;
            var period = x.PeriodTarget != null ? $"；实施周期指标值:{x.PeriodTarget.Raw}" : "";
            var annual = x.AnnualTarget?.Raw ?? "";
            parts.Add($"{i + 1}、{c1}-{l1}；{c2}-{l2}；{x.Name}{period}；年度指标值:{annual}{(annual.EndsWith('。') ? "" : "。")}");
        }
        return string.Concat(parts);
    }

    // ---- project parts

    void Project(int index, ProjectForm p)
    {
        foreach (var part in layout.ProjectParts)
            switch (part)
            {
                case Part.Statement: Statement(index, p); break;
                case Part.Header: Header(p); break;
                case Part.Money: MoneyPart(p); break;
                case Part.BudgetLines: BudgetLines(p); break;
                case Part.SpendingPlan: SpendingPlan(p); break;
                case Part.Goals: Goals(p); break;
                case Part.Indicators: Indicators(p); break;
                case Part.Safeguards: Safeguards(p); break;
                case Part.Sections: Sections(p); break;
                case Part.Signature: Signature(p); break;
                case Part.SelfEvaluation: SelfEvaluation(p); break;
            }
    }

    void Statement(int index, ProjectForm p)
    {
        book.Blocks.Add(new HeadingBlock(string.Format(CultureInfo.InvariantCulture, layout.ProjectHeading ?? "{1}", index + 1, p.Name)));
        var n = 0;
        foreach (var (title, text) in p.Sections)
        {
            book.Blocks.Add(new HeadingBlock($"{Chinese(++n)}、{title}"));
            book.Blocks.Add(new ParagraphBlock(text));
        }
    }

    void Header(ProjectForm p)
    {
        var unit = MoneyUnit(p.Funding);
        book.Blocks.Add(new TitleBlock(layout.Title));
        if (Year != "") book.Blocks.Add(new TitleBlock(Year, 1));
        book.Blocks.Add(new TableBlock([1, 1], [[new($"填报单位：{doc.Unit.Name}"), new($"金额单位：{unit}")]], Borderless: true));
        var rows = new List<List<DocCell>>
        {
            new() { DocCell.H("项目名称"), new(p.Name, ColSpan: 3) },
            new() { DocCell.H("项目编码"), new(p.Code ?? ""), DocCell.H("项目类别"), new(Labels.Of(p.Category)) },
            new() { DocCell.H("主管部门"), new(doc.Unit.SupervisingDepartment ?? ""), DocCell.H("实施单位"), new(p.ImplementingUnit ?? doc.Unit.Name ?? "") },
            new() { DocCell.H("项目属性"), new(Labels.Of(p.Attribute)), DocCell.H("预算功能科目"), new(p.FunctionClass ?? "") },
            new() { DocCell.H("计划开始日期"), new(p.StartDate ?? ""), DocCell.H("计划完成日期"), new(p.EndDate ?? "") },
        };
        foreach (var person in p.People)
            rows.Add([DocCell.H(person.Role), new(person.Name ?? ""), DocCell.H("联系电话"), new(person.Phone ?? "")]);
        book.Blocks.Add(new TableBlock([1.2, 2.3, 1.2, 2.3], rows));
    }

    void MoneyPart(ProjectForm p)
    {
        var unit = MoneyUnit(p.Funding);
        book.Blocks.Add(new HeadingBlock($"{layout.MoneyHeading}（{unit}）"));
        var rows = new List<List<DocCell>>();
        var per = layout.MoneyPairsPerRow;
        for (var i = 0; i < layout.Money.Length; i += per)
        {
            var row = new List<DocCell>();
            foreach (var m in layout.Money.Skip(i).Take(per))
            {
                row.Add(DocCell.H(m.Label));
                row.Add(new(Money(ExportLayouts.Amount(p.Funding, m.Item), unit), Number: true));
            }
            while (row.Count < per * 2) row.Add(new(""));
            rows.Add(row);
        }
        book.Blocks.Add(new TableBlock(per == 1 ? [3, 2] : [2, 1.5, 2, 1.5], rows));
    }

    void BudgetLines(ProjectForm p)
    {
        if (p.BudgetLines.Count == 0) return;
        var unit = MoneyUnit(p.Funding);
        book.Blocks.Add(new HeadingBlock("项目预算明细"));
        var rows = new List<List<DocCell>> { new() { DocCell.H("明细项目名称"), DocCell.H($"金额（{unit}）"), DocCell.H("起止时间") } };
        foreach (var l in p.BudgetLines) rows.Add([new(l.Name), new(Money(l.Amount, unit), Number: true), new(l.Period ?? "")]);
        book.Blocks.Add(new TableBlock([4, 2, 2], rows, HeaderRows: 1));
    }

    void SpendingPlan(ProjectForm p)
    {
        if (p.SpendingPlan.Count == 0) return;
        book.Blocks.Add(new HeadingBlock("资金支出计划（%）"));
        book.Blocks.Add(new TableBlock(p.SpendingPlan.Select(_ => 1.0).ToList(),
        [
            p.SpendingPlan.Select(s => DocCell.H(s.By)).ToList(),
            p.SpendingPlan.Select(s => new DocCell(s.CumulativePercent is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "", Number: true)).ToList(),
        ], HeaderRows: 1));
    }

    void Goals(ProjectForm p)
    {
        book.Blocks.Add(new HeadingBlock(layout.GoalsHeading));
        book.Blocks.Add(new TableBlock([1, 1],
        [
            [DocCell.H(layout.LongTermLabel), DocCell.H(layout.AnnualLabel)],
            [new(p.LongTermGoal ?? ""), new(p.AnnualGoal ?? "")],
        ], HeaderRows: 1));
    }

    sealed record IndicatorColumn(string Head, Func<Indicator, string> Value, double Width);

    void Indicators(ProjectForm p)
    {
        book.Blocks.Add(new HeadingBlock(layout.Indicators == IndicatorStyle.SideBySide ? layout.GoalsHeading : layout.IndicatorsHeading));
        if (layout.Indicators == IndicatorStyle.SideBySide) { SideBySide(p); return; }
        if (p.Indicators.Count == 0)
        {
            book.Blocks.Add(new ParagraphBlock("（未设置绩效指标）"));
            return;
        }
        bool Show(string? head, Func<Indicator, string?> value) =>
            head != null && ((layout.FixedColumns && head == layout.RemarksHead) || p.Indicators.Any(i => !string.IsNullOrWhiteSpace(value(i))));
        var columns = new List<IndicatorColumn> { new(layout.NameHead, i => i.Name, 3) };
        if (Show(layout.DescriptionHead, i => i.Description)) columns.Add(new(layout.DescriptionHead!, i => i.Description ?? "", 3));
        if (layout.PeriodHead != null && p.Indicators.Any(i => i.PeriodTarget != null)) columns.Add(new(layout.PeriodHead!, i => i.PeriodTarget?.Raw ?? "", 2));
        columns.Add(new(layout.AnnualHead, i => i.AnnualTarget?.Raw ?? "", 2));
        if (Show(layout.BasisHead, i => i.Basis)) columns.Add(new(layout.BasisHead!, i => i.Basis ?? "", 3));
        if (Show(layout.RemarksHead, i => i.Remarks)) columns.Add(new(layout.RemarksHead!, i => i.Remarks ?? "", 3));
        var rows = new List<List<DocCell>> { new[] { DocCell.H(layout.Level1Head), DocCell.H(layout.Level2Head) }.Concat(columns.Select(c => DocCell.H(c.Head))).ToList() };
        foreach (var (x, span1, span2) in Merged(p.Indicators))
        {
            var row = new List<DocCell>();
            if (span1 > 0) row.Add(new(x.Level1 ?? "", RowSpan: span1));
            if (span2 > 0) row.Add(new(x.Level2 ?? "", RowSpan: span2));
            row.AddRange(columns.Select(c => new DocCell(c.Value(x))));
            rows.Add(row);
        }
        book.Blocks.Add(new TableBlock(new[] { 1.5, 1.5 }.Concat(columns.Select(c => c.Width)).ToList(), rows, HeaderRows: 1));
    }

    // Wuhai: goals and indicators in one table. The 中长期 and 年度 groups stand side by side under the goal
    // they belong to, level 1 shared, and the 中长期 group's level 2 repeated as the form does.
    void SideBySide(ProjectForm p)
    {
        var rows = new List<List<DocCell>>
        {
            new() { DocCell.H("项目总体目标", rowSpan: 2), DocCell.H(layout.LongTermLabel, 4), DocCell.H(layout.AnnualLabel, 3) },
            new() { new(p.LongTermGoal ?? "", ColSpan: 4), new(p.AnnualGoal ?? "", ColSpan: 3) },
            new() { DocCell.H("项目绩效指标", rowSpan: p.Indicators.Count + 1), DocCell.H(layout.Level1Head), DocCell.H(layout.Level2Head), DocCell.H(layout.NameHead),
                    DocCell.H(layout.PeriodHead ?? "指标值"), DocCell.H(layout.Level2Head), DocCell.H(layout.NameHead), DocCell.H(layout.AnnualHead) },
        };
        foreach (var (x, span1, _) in Merged(p.Indicators))
        {
            var row = new List<DocCell>();
            if (span1 > 0) row.Add(new(x.Level1 ?? "", RowSpan: span1));
            var hasPeriod = x.PeriodTarget != null;
            row.Add(new(x.Level2 ?? ""));
            row.Add(new(hasPeriod ? x.Name : ""));
            row.Add(new(x.PeriodTarget?.Raw ?? ""));
            row.Add(new(x.Level2 ?? ""));
            row.Add(new(x.Name));
            row.Add(new(x.AnnualTarget?.Raw ?? ""));
            rows.Add(row);
        }
        book.Blocks.Add(new TableBlock([1.3, 1.3, 1.4, 2.2, 1.4, 1.4, 2.2, 1.4], rows, HeaderRows: 0));
    }

    // Level cells merged over the rows that share them, as on the paper form.
    static IEnumerable<(Indicator Row, int Level1Span, int Level2Span)> Merged(List<Indicator> indicators)
    {
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            var level1 = i == 0 || x.Level1 != indicators[i - 1].Level1
                ? indicators.Skip(i).TakeWhile(y => y.Level1 == x.Level1).Count() : 0;
            var level2 = level1 > 0 || x.Level2 != indicators[i - 1].Level2
                ? indicators.Skip(i).TakeWhile(y => y.Level1 == x.Level1 && y.Level2 == x.Level2).Count() : 0;
            yield return (x, level1, level2);
        }
    }

    void Safeguards(ProjectForm p)
    {
        if (p.Safeguards.Count == 0 && !layout.AlwaysSafeguards) return;
        book.Blocks.Add(new HeadingBlock(layout.SafeguardsHeading));
        if (p.Safeguards.Count == 0)
        {
            book.Blocks.Add(new ParagraphBlock("（未填报制度保障）"));
            return;
        }
        var stages = layout.SafeguardStages;
        var head = new List<DocCell> { DocCell.H("类别"), DocCell.H("文件名称"), DocCell.H("具体措施") };
        head.AddRange(stages.Length > 0 ? stages.Select(s => DocCell.H(s)) : [DocCell.H("保障阶段")]);
        var rows = new List<List<DocCell>> { head };
        foreach (var s in p.Safeguards)
        {
            var row = new List<DocCell> { new(s.Category ?? ""), new(s.Document ?? ""), new(s.Measures ?? "") };
            if (stages.Length > 0) row.AddRange(stages.Select(st => new DocCell(s.Stages.Contains(st) ? "☑" : "☐")));
            else row.Add(new(string.Join("、", s.Stages)));
            rows.Add(row);
        }
        book.Blocks.Add(new TableBlock(new double[] { 2, 3, 4 }.Concat(stages.Length > 0 ? stages.Select(_ => 1.2) : [2.0]).ToList(), rows, HeaderRows: 1));
    }

    void Sections(ProjectForm p)
    {
        foreach (var (title, text) in p.Sections)
        {
            book.Blocks.Add(new HeadingBlock(title));
            book.Blocks.Add(new ParagraphBlock(text));
        }
    }

    // 单位负责人、填报人、联系电话、填报日期、单位盖章: names from the form's people where it has them.
    void Signature(ProjectForm? p)
    {
        var people = (p?.People ?? []).Concat(doc.Unit.People).ToList();
        Person? Find(params string[] roles) => people.FirstOrDefault(x => roles.Any(r => x.Role.Contains(r)) && !string.IsNullOrWhiteSpace(x.Name));
        var head = Find("单位负责人", "部门负责人", "项目单位负责人");
        var preparer = Find("填报人", "编报人", "联系人", "经办人");
        var phone = preparer?.Phone ?? people.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x.Phone))?.Phone;
        var date = doc.Sections.GetValueOrDefault("填报日期")
            ?? (options.Date ?? DateOnly.FromDateTime(DateTime.Today)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        book.Blocks.Add(new TableBlock([1, 1, 1],
        [
            [new($"单位负责人：{head?.Name}"), new($"填报人：{preparer?.Name}"), new($"联系电话：{phone}")],
            [new($"填报日期：{date}"), new(""), new("单位（盖章）")],
        ], Borderless: true));
    }

    static string Chinese(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if (n < 10) return digits[n];
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10]);
        return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }
}
