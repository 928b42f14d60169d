using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain;

namespace Jixiao.Bench;

// Deterministic petition-bureau forms for the benchmarks, as documents in memory and as files shaped
// like the seed forms: the Shanghai 申报表 of seed 001 (label/value rows, amounts in 元, indicators
// 一级/二级/三级/年度指标值) and the Hebei project table of seed 003 (amounts in 万元, indicators with
// 绩效指标描述/指标值/指标值确定依据). The same seed always gives the same forms.
public static class Corpus
{
    static readonly string[] ProjectNames =
    [
        "信访接待与矛盾排查调处", "驻京信访工作组经费", "信访救助资金", "人民调解与律师参与接访", "网上信访系统运行与维护",
        "信访宣传与业务培训", "编外人员聘用经费", "信访接待大厅改造工程", "课题与规划", "维稳工作", "宣传与推广",
        "信访专线租赁及网络维护更新费", "协调信访问题及值班专项经费", "接待中心及群众工作中心运行费",
    ];

    static readonly string[] Districts =
    [
        "松江区", "闵行区", "荔湾区", "巨鹿县", "海勃湾区", "越秀区", "鼓楼区", "江宁区", "武侯区", "雁塔区",
        "历下区", "和平区", "南岗区", "天河区", "思明区", "芙蓉区", "莲湖区", "新城区", "双流区", "滨湖区",
    ];

    // Indicator rows in table order; {n} and {m} become counts. Words such as 提高 and 良好 are as common
    // in the seeds as numbers.
    static readonly (string L1, string L2, string Name, string Value)[] Rows =
    [
        ("产出指标", "数量指标", "接待来访群众批次", "≥{n}批次"),
        ("产出指标", "数量指标", "各敏感节点信访值班完成数", "≥{n}次"),
        ("产出指标", "数量指标", "开展宣传活动次数", "≥{m}次"),
        ("产出指标", "数量指标", "维护设备台数", "{m}台"),
        ("产出指标", "数量指标", "信访课题研究完成率", "=100%"),
        ("产出指标", "质量指标", "信访事项按期办结率", "≥95%"),
        ("产出指标", "质量指标", "突发信访问题上报率", "≥95%"),
        ("产出指标", "质量指标", "系统正常运行率", ">=98%"),
        ("产出指标", "质量指标", "信访信息化水平", "提高"),
        ("产出指标", "时效指标", "信访事项及时受理率", "=100%"),
        ("产出指标", "时效指标", "宣传活动开展及时率", ">=95%"),
        ("产出指标", "时效指标", "故障响应及时率", "≥95%"),
        ("产出指标", "成本指标", "人均财政投入水平", "180元/人/天"),
        ("产出指标", "成本指标", "年度运维成本", "≤{m}万元"),
        ("产出指标", "成本指标", "成本控制", "良好"),
        ("效益指标", "经济效益指标", "专业人员业务提升度", "提高"),
        ("效益指标", "社会效益指标", "信访积案化解率", "≥70%"),
        ("效益指标", "社会效益指标", "社会面防控影响力", "提高"),
        ("效益指标", "社会效益指标", "越级信访量", "下降"),
        ("效益指标", "社会效益指标", "信访制度知晓率", "≥80%"),
        ("效益指标", "可持续影响指标", "网上信访占比", "≥60%"),
        ("效益指标", "可持续影响指标", "投入使用率", "=100%"),
        ("效益指标", "可持续影响指标", "社会稳定水平", "≥95%"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥85%"),
        ("满意度指标", "服务对象满意度指标", "受益对象满意度", ">=80%"),
        ("满意度指标", "服务对象满意度指标", "参与人群满意度", "≥90%"),
    ];

    static readonly string[] Goals =
    [
        "做好来访群众接待，开展矛盾纠纷排查调处，按期办结信访事项。",
        "完成重要节点值班和应急劝返任务，减少越级走访。",
        "保障网上信访系统和视频接访系统稳定运行，数据多跑路，群众少跑腿。",
        "开展信访法规宣传和干部业务培训，提高群众依法信访意识。",
        "对生活确有困难的信访人实施救助，化解信访积案。",
    ];

    // A department's document of the given number of projects (at most ProjectNames.Length, all distinct).
    public static FormDocument Document(Random random, int projects)
    {
        var year = 2018 + random.Next(8);
        var unit = Districts[random.Next(Districts.Length)] + "信访局";
        var doc = new FormDocument { FiscalYear = year, Unit = new UnitInfo { Name = unit } };
        foreach (var name in ProjectNames.OrderBy(_ => random.Next()).Take(projects))
            doc.Projects.Add(Project(random, name, unit, year));
        return doc;
    }

    static ProjectForm Project(Random random, string name, string unit, int year)
    {
        var total = 10_000m * random.Next(2, 300) + 100 * random.Next(100);
        var goal = Goals[random.Next(Goals.Length)];
        var p = new ProjectForm
        {
            Name = name,
            Code = $"1305292{random.Next(10)}P{random.Next(100_000_000, 999_999_999)}{(char)('A' + random.Next(26))}",
            Category = random.Next(4) == 0 ? ProjectCategory.OneOff : ProjectCategory.Recurring,
            ImplementingUnit = unit,
            StartDate = $"{year}-01-01",
            EndDate = $"{year}-12-31",
            Funding = new Funding { Total = total, AnnualRequest = total, Fiscal = total, Appropriation = total, CarryOver = 0, Other = 0 },
            LongTermGoal = "建立健全信访工作长效机制，" + goal,
            AnnualGoal = goal,
        };
        var picked = Enumerable.Range(0, Rows.Length).OrderBy(_ => random.Next()).Take(random.Next(5, 21)).Order();
        foreach (var (l1, l2, indicator, value) in picked.Select(i => Rows[i]))
        {
            var raw = value.Replace("{n}", random.Next(50, 300).ToString(CultureInfo.InvariantCulture))
                .Replace("{m}", random.Next(3, 40).ToString(CultureInfo.InvariantCulture));
            p.Indicators.Add(new Indicator { Level1 = l1, Level2 = l2, Name = indicator, AnnualTarget = TargetValue.Parse(raw) });
        }
        return p;
    }

    // ---- files: a form is a few text lines and one table; each writer renders the same rows.

    // null in a table row: merged with the cell above (left empty in text, a vertical merge in Word).
    public sealed record Form(IReadOnlyList<string> Lines, IReadOnlyList<string?[]> Table, bool OneCellPerLine);

    // Even numbers the seed 001 layout, odd numbers the seed 003 layout.
    public static Form Layout(FormDocument doc, int layout) => layout % 2 == 0 ? Shanghai(doc) : Hebei(doc);

    static Form Shanghai(FormDocument doc)
    {
        var p = doc.Projects[0];
        var y = doc.FiscalYear;
        string Yuan(decimal? v) => v?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
        var lines = new List<string>
        {
            $"{doc.Unit.Name} {y} 年 财政支出项目绩效目标申报表", "", $"项目经费情况说明 1 {p.Name}", "", "一、项目概述", "",
            $"{p.Name}是本单位履行信访工作职能的{Category(p)}。", "", "二、年度预算安排", "",
            $"{p.Name}项目年度预算为{p.Funding.Total / 10000:0.##}万元，预计于年底完成支出。", "", "财政项目支出绩效目标申报表", $"({y}年度)",
        };
        var table = new List<string?[]>
        {
            new[] { "项目名称", p.Name, "项目类别", Category(p), "" },
            new[] { "主管部门", doc.Unit.Name, "实施单位", p.ImplementingUnit, "" },
            new[] { "计划开始日期", p.StartDate, "计划完成日期", p.EndDate, "" },
            new[] { "项目资金 (元)", "项目资金总额", Yuan(p.Funding.Total), "年度资金申请总额", Yuan(p.Funding.AnnualRequest) },
            new[] { null, "其中：财政资金", Yuan(p.Funding.Fiscal), "其中：当年财政拨款", Yuan(p.Funding.Appropriation) },
            new[] { null, "", "", "上年结转资金", "0" },
            new[] { null, "其他资金", "0", "其他资金", "0" },
            new[] { "项目 绩效 目标", $"项目总目标 ({y}年-{y}年)", "", "年度总目标", "" },
            new[] { null, p.LongTermGoal, "", p.AnnualGoal, "" },
            new[] { "绩效 指标", "一级指标", "二级指标", "三级指标", "年度指标值" },
        };
        foreach (var (i, first1, first2) in Grouped(p.Indicators))
            table.Add([null, first1 ? i.Level1 : null, first2 ? i.Level2 : null, i.Name, i.AnnualTarget!.Raw]);
        return new Form(lines, table, OneCellPerLine: false);
    }

    static Form Hebei(FormDocument doc)
    {
        var p = doc.Projects[0];
        string Wan(decimal? v) => (v / 10000)?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
        var lines = new List<string> { "第二部分", "预算项目绩效目标", $"1.{p.Name}绩效目标表", $"{doc.Unit.Name}本级", "单位：万元" };
        var table = new List<string?[]>
        {
            new[] { "项目编码", p.Code, "项目名称", p.Name, "", "" },
            new[] { "预算规模及资金用途", "预算数", Wan(p.Funding.Total), "其中：财政资金", Wan(p.Funding.Fiscal), "其他资金" },
            new[] { null, p.AnnualGoal, "", "", "", "" },
            new[] { "资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", "" },
            new[] { null, "25%", "50%", "75%", "100%", "" },
            new[] { "绩效目标", "1." + p.AnnualGoal, "", "", "", "" },
            new[] { "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据" },
        };
        foreach (var (i, first1, first2) in Grouped(p.Indicators))
            table.Add([first1 ? i.Level1 : null, first2 ? i.Level2 : null, i.Name, "反映" + i.Name + "情况", i.AnnualTarget!.Raw, "工作需要"]);
        return new Form(lines, table, OneCellPerLine: true);
    }

    static string Category(ProjectForm p) => p.Category == ProjectCategory.OneOff ? "一次性项目" : "经常性项目";

    // Each indicator with whether it opens a new level-1 and level-2 group (the cells a merge would span).
    static IEnumerable<(Indicator, bool, bool)> Grouped(List<Indicator> rows) => rows.Select((r, k) =>
        (r, k == 0 || rows[k - 1].Level1 != r.Level1, k == 0 || rows[k - 1].Level1 != r.Level1 || rows[k - 1].Level2 != r.Level2));

    // Tab-separated rows as in seed 001, or, as in seed 003, each table cell on a line of its own after
    // a tab with a blank line between table rows.
    public static string Text(Form form)
    {
        var sb = new StringBuilder();
        foreach (var line in form.Lines) sb.Append(line).Append('\n');
        foreach (var row in form.Table)
        {
            if (!form.OneCellPerLine) { sb.AppendJoin('\t', row.Select(c => Flat(c ?? ""))).Append('\n'); continue; }
            foreach (var cell in row) sb.Append('\t').Append(Flat(cell ?? "")).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static string Flat(string cell) => cell.Replace('\n', ' ');

    // The text lines as paragraphs, then the table with its merges.
    public static void WriteDocx(Form form, string path)
    {
        using var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var body = new Body(form.Lines.Where(l => l != "").Select(Paragraph));
        var columns = form.Table.Max(r => r.Length);
        var table = new Table(new TableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single }, new LeftBorder { Val = BorderValues.Single },
            new BottomBorder { Val = BorderValues.Single }, new RightBorder { Val = BorderValues.Single },
            new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "1600" })));
        for (var r = 0; r < form.Table.Count; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < columns; c++)
            {
                var text = c < form.Table[r].Length ? form.Table[r][c] : "";
                var mergesBelow = r + 1 < form.Table.Count && c < form.Table[r + 1].Length && form.Table[r + 1][c] == null;
                var cell = new TableCell(Paragraph(text ?? ""));
                if (text == null || mergesBelow)
                    cell.PrependChild(new TableCellProperties(new VerticalMerge { Val = text == null ? MergedCellValues.Continue : MergedCellValues.Restart }));
                row.Append(cell);
            }
            table.Append(row);
        }
        body.Append(table, new Paragraph());
        var main = word.AddMainDocumentPart();
        main.Document = new Document(body);
        // Word always writes a styles part besides the body; one default style (宋体, 五号) stands for it.
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(new Style(
            new StyleName { Val = "Normal" },
            new StyleRunProperties(new RunFonts { Ascii = "宋体", EastAsia = "宋体" }, new FontSize { Val = "21" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
