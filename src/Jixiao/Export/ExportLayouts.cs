using Jixiao.Domain;

namespace Jixiao.Export;

// The parts a layout is built from, in the order the layout lists them.
public enum Part
{
    Header, Statement, Money, BudgetLines, SpendingPlan, Goals, Indicators, Safeguards, Sections, Signature,
    // Parts of the whole document, written once before the projects.
    Cover, DepartmentGoals, BureauTable,
    // The year-end 项目支出绩效自评表 of a project (FormComposer.SelfEvaluation.cs).
    SelfEvaluation,
}

public enum IndicatorStyle { Table, SideBySide, Packed }

// One row of the money block: the form's own label and the amount it stands for.
public sealed record MoneyRow(string Label, FundingItem Item);

// A layout is data: which parts in which order, and the words of its headings and column heads. One
// composer reads it for every layout, and one writer per file format writes what the composer built.
public sealed record ExportLayout
{
    public required string Name { get; init; }
    public required string Label { get; init; }            // shown in the layout choice
    public required string Title { get; init; }            // the form's title
    public string? BookTitle { get; init; }                // the whole document's title where the layout has one
    public required Part[] DocumentParts { get; init; }    // before the projects
    public required Part[] ProjectParts { get; init; }     // per project
    public string? ProjectHeading { get; init; }           // "项目经费情况说明 {0} {1}": number and name
    public required MoneyRow[] Money { get; init; }
    public int MoneyPairsPerRow { get; init; } = 2;
    public string MoneyHeading { get; init; } = "项目资金";
    public string LongTermLabel { get; init; } = "中长期目标";
    public string AnnualLabel { get; init; } = "年度目标";
    public string GoalsHeading { get; init; } = "绩效目标";
    public IndicatorStyle Indicators { get; init; } = IndicatorStyle.Table;
    public string IndicatorsHeading { get; init; } = "绩效指标";
    public string Level1Head { get; init; } = "一级指标";
    public string Level2Head { get; init; } = "二级指标";
    public string NameHead { get; init; } = "三级指标";
    public string? DescriptionHead { get; init; } = "指标解释";
    public string? PeriodHead { get; init; } = "实施周期指标值";
    public string AnnualHead { get; init; } = "年度指标值";
    public string? BasisHead { get; init; } = "指标值确定依据";
    public string? RemarksHead { get; init; } = "备注";
    // 备注 shown even when no row fills it (a form's fixed column); the other optional columns only when used.
    public bool FixedColumns { get; init; }
    public string SafeguardsHeading { get; init; } = "制度保障";
    public string[] SafeguardStages { get; init; } = [];   // checkbox columns; none: one 保障阶段 column
    public bool AlwaysSafeguards { get; init; }
}

public static class ExportLayouts
{
    static readonly MoneyRow[] NationalMoney =
    [
        new("项目资金总额", FundingItem.Total), new("年度资金申请总额", FundingItem.AnnualRequest),
        new("财政资金", FundingItem.Fiscal), new("当年财政拨款", FundingItem.Appropriation),
        new("上级财政拨款", FundingItem.FromHigherLevel), new("本级财政安排", FundingItem.FromSameLevel),
        new("下级财政配套", FundingItem.FromLowerLevel), new("上年结转资金", FundingItem.CarryOver),
        new("财政专户拨款", FundingItem.SpecialAccount), new("其他资金", FundingItem.Other),
    ];

    static readonly Part[] FullForm =
        [Part.Header, Part.Money, Part.BudgetLines, Part.SpendingPlan, Part.Goals, Part.Indicators, Part.Safeguards, Part.Sections, Part.Signature];

    public static readonly ExportLayout National = new()
    {
        Name = "national", Label = "全国通用（财预〔2020〕88号 / 财办预〔2021〕101号 申报表）",
        Title = "项目支出绩效目标申报表", DocumentParts = [Part.Cover], ProjectParts = FullForm, Money = NationalMoney,
    };

    // The year-end 自评表 (财预〔2020〕10号 附件2). Not in All: it is no layout of the declaration form, it is
    // chosen by its own switch (jixiao export --self-evaluation, the buttons on the 绩效自评 page).
    public static readonly ExportLayout SelfEvaluation = new()
    {
        Name = "self-evaluation", Label = "项目支出绩效自评表（财预〔2020〕10号 附件2）",
        Title = "项目支出绩效自评表", BookTitle = "项目支出绩效自评表", DocumentParts = [Part.Cover],
        ProjectParts = [Part.SelfEvaluation, Part.Signature], Money = NationalMoney,
    };

    public static readonly IReadOnlyList<ExportLayout> All =
    [
        National,
        new()
        {
            Name = "shanghai-2018", Label = "上海 2018（项目总体情况、绩效目标、制度保障三部分）",
            Title = "项目支出绩效目标申报表", DocumentParts = [Part.Cover],
            ProjectParts = [Part.Header, Part.Money, Part.BudgetLines, Part.SpendingPlan, Part.Goals, Part.Sections, Part.Indicators, Part.Safeguards, Part.Signature],
            Money =
            [
                new("项目总预算", FundingItem.Total), new("当年预算", FundingItem.AnnualRequest),
                new("财政拨款", FundingItem.Appropriation), new("上级财政拨款", FundingItem.FromHigherLevel),
                new("本级财政安排", FundingItem.FromSameLevel), new("下级财政配套", FundingItem.FromLowerLevel),
                new("其他资金", FundingItem.Other),
            ],
            MoneyPairsPerRow = 1, LongTermLabel = "项目总目标", AnnualLabel = "年度绩效目标",
            IndicatorsHeading = "附件1-2 绩效目标", Level1Head = "一级目标", Level2Head = "二级目标", NameHead = "三级目标",
            DescriptionHead = null, PeriodHead = "实施周期指标值", AnnualHead = "目标值", BasisHead = null, RemarksHead = "备注", FixedColumns = true,
            SafeguardsHeading = "制度保障", SafeguardStages = ["立项和计划", "实施", "收尾和完成"], AlwaysSafeguards = true,
        },
        new()
        {
            Name = "shanghai-2023", Label = "上海 2023（项目经费情况说明 + 申报表）",
            Title = "项目支出绩效目标申报表", DocumentParts = [Part.Cover],
            ProjectParts = [Part.Statement, Part.Header, Part.Money, Part.Goals, Part.Indicators, Part.Safeguards, Part.Signature],
            ProjectHeading = "项目经费情况说明 {0} {1}",
            Money =
            [
                new("项目资金总额", FundingItem.Total), new("年度申请", FundingItem.AnnualRequest),
                new("财政资金", FundingItem.Fiscal), new("当年财政拨款", FundingItem.Appropriation),
                new("上年结转", FundingItem.CarryOver), new("其他资金", FundingItem.Other),
            ],
            LongTermLabel = "项目总目标", AnnualLabel = "年度总目标",
            DescriptionHead = null, BasisHead = null, RemarksHead = null,
        },
        new()
        {
            Name = "guangzhou", Label = "广州（全局一张表，指标编码填在一格）",
            Title = "项目支出绩效目标表（含转移支付项目）", DocumentParts = [Part.BureauTable], ProjectParts = [],
            Money = [new("总计", FundingItem.Total), new("财政拨款", FundingItem.Appropriation), new("财政专户拨款", FundingItem.SpecialAccount), new("其他资金", FundingItem.Other)],
            Indicators = IndicatorStyle.Packed,
        },
        new()
        {
            Name = "hebei", Label = "河北（部门整体绩效目标 + 预算项目绩效目标）",
            Title = "预算项目绩效目标", BookTitle = "部门绩效目标",
            DocumentParts = [Part.DepartmentGoals],
            ProjectParts = [Part.Header, Part.Money, Part.SpendingPlan, Part.BudgetLines, Part.Goals, Part.Indicators, Part.Safeguards, Part.Sections, Part.Signature],
            Money = [new("预算数", FundingItem.Total), new("其中：财政资金", FundingItem.Fiscal), new("其他资金", FundingItem.Other), new("当年财政拨款", FundingItem.Appropriation), new("上年结转", FundingItem.CarryOver)],
            MoneyHeading = "预算规模及资金用途", LongTermLabel = "中长期目标", AnnualLabel = "绩效目标",
            DescriptionHead = "绩效指标描述", PeriodHead = "实施周期指标值", AnnualHead = "指标值", RemarksHead = "备注",
        },
        new()
        {
            Name = "wuhai", Label = "乌海（中长期与年度指标并列）",
            Title = "财政支出预算绩效目标申报表", DocumentParts = [Part.Cover],
            // The goals and the indicators are one table on this form: Indicators writes both.
            ProjectParts = [Part.Header, Part.Money, Part.BudgetLines, Part.SpendingPlan, Part.Indicators, Part.Safeguards, Part.Sections, Part.Signature],
            Money =
            [
                new("资金总额", FundingItem.Total), new("上年结转", FundingItem.CarryOver),
                new("本年申请", FundingItem.AnnualRequest), new("财政资金", FundingItem.Fiscal),
                new("当年财政拨款", FundingItem.Appropriation), new("其他资金", FundingItem.Other),
            ],
            MoneyHeading = "项目资金来源", LongTermLabel = "中长期目标", AnnualLabel = "年度目标", GoalsHeading = "项目总体目标",
            Indicators = IndicatorStyle.SideBySide, AnnualHead = "指标值", PeriodHead = "指标值", DescriptionHead = null, BasisHead = null, RemarksHead = null,
        },
    ];

    // The reader's layout names to the export layouts: the one table the rest of the code goes through.
    // A name the reader may give tomorrow falls back to the national form.
    static readonly Dictionary<string, string> FromReader = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shanghai-2018-three-part"] = "shanghai-2018",
        ["label-value-form"] = "shanghai-2023",
        ["packed-cells-table"] = "guangzhou",
        ["one-cell-per-line"] = "hebei",
        ["side-by-side-groups"] = "wuhai",
        ["self-evaluation"] = "national",
        ["flat-indicator-rows"] = "national",
    };

    public static ExportLayout? Find(string? name) => All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ExportLayout ForSource(string? readerLayout) =>
        readerLayout != null && FromReader.TryGetValue(readerLayout, out var name) ? Find(name)! : National;

    // An export layout stored as the source layout (a project saved from an export) maps to itself.
    public static ExportLayout Choose(string? requested, string? readerLayout) =>
        Find(requested) ?? Find(readerLayout) ?? ForSource(readerLayout);

    public static string Names => string.Join("、", All.Select(l => l.Name));

    public static decimal? Amount(Funding f, FundingItem item) => item switch
    {
        FundingItem.Total => f.Total, FundingItem.AnnualRequest => f.AnnualRequest, FundingItem.Fiscal => f.Fiscal,
        FundingItem.Appropriation => f.Appropriation, FundingItem.FromHigherLevel => f.FromHigherLevel,
        FundingItem.FromSameLevel => f.FromSameLevel, FundingItem.FromLowerLevel => f.FromLowerLevel,
        FundingItem.CarryOver => f.CarryOver, FundingItem.SpecialAccount => f.SpecialAccount, FundingItem.Other => f.Other,
        _ => null,
    };
}
