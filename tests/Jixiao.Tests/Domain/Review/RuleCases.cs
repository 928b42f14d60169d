using Jixiao.Domain;
using Jixiao.Domain.Review;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// For every rule: forms it must object to, and near misses it must leave alone.
// Each case changes one thing in the good form of ReviewForms.
internal static class RuleCases
{
    public sealed record Case(string Rule, string Name, Func<FormDocument> Build, ReviewProfile? Profile = null);

    static Case C(string rule, string name, Action<ProjectForm> change, ReviewProfile? profile = null) =>
        new(rule, name, () => With(change), profile);

    static Case D(string rule, string name, Func<FormDocument> build, ReviewProfile? profile = null) =>
        new(rule, name, build, profile);

    static void Add(ProjectForm p, Indicator row) => p.Indicators.Add(row);

    static void Remove(ProjectForm p, Func<Indicator, bool> which) => p.Indicators.RemoveAll(i => which(i));

    static FormDocument Copied()
    {
        var doc = Doc(GoodProject("信访事项办理"), GoodProject("信访接待中心运行"));
        doc.Projects[1].Indicators[0].AnnualTarget = V("≥20宗");
        return doc;
    }

    static FormDocument Summarised(string sentence)
    {
        var doc = Doc();
        doc.Sections["绩效目标设置情况"] = sentence;
        return doc;
    }

    public static readonly IReadOnlyList<Case> Firing =
    [
        C("R01-empty-target", "blank", p => SetTarget(p, "信访事项按期办结率", "")),
        C("R01-empty-target", "无", p => SetTarget(p, "信访事项按期办结率", "无")),
        C("R01-empty-target", "star", p => SetTarget(p, "信访事项按期办结率", "*")),
        C("R01-empty-target", "missing", p => SetTarget(p, "信访事项按期办结率", null)),
        C("R01-empty-target", "period only", p => Swap(Find(p, "提供法律咨询服务案件数"))),
        C("R02-placeholder-row", "无 row", p => Add(p, Row("效益指标", "生态效益指标", "无", "无"))),
        C("R02-placeholder-row", "lost name", p => Add(p, Row("效益指标", "社会效益指标", "", "≥5%"))),
        C("R03-goal-empty", "blank", p => p.AnnualGoal = " "),
        C("R03-goal-empty", "无", p => p.AnnualGoal = "无"),
        C("R04-funding-missing", "all empty", p => { p.Funding = new Funding { SourceUnit = "元" }; p.BudgetLines.Clear(); }),
        C("R05-vague-number", "satisfaction 提高", p => SetTarget(p, "群众满意率", "提高")),
        C("R05-vague-number", "count 下降", p => Add(p, Row("效益指标", "社会效益指标", "信访总量", "下降"))),
        C("R05-vague-number", "rate 及时", p => SetTarget(p, "信访事项及时受理率", "及时")),
        C("R05-vague-number", "rate 良好", p => Add(p, Row("效益指标", "社会效益指标", "信访制度知晓率", "良好"))),
        C("R06-vague-qualitative", "提高", p => Add(p, Row("效益指标", "社会效益指标", "社会面防控影响力", "提高"))),
        C("R06-vague-qualitative", "slogan", p => Add(p, Row("效益指标", "可持续影响指标", "维护社会稳定", "数据多跑路，群众少跑腿"))),
        C("R06-vague-qualitative", "高质量完成", p => Add(p, Row("产出指标", "质量指标", "安保服务质量", "高质量完成"))),
        C("R07-missing-level1", "no benefit", p => Remove(p, i => i.Level1 == "效益指标")),
        C("R07-missing-level1", "no indicators", p => p.Indicators.Clear()),
        C("R07-missing-level1", "only placeholders", p => { p.Indicators.Clear(); Add(p, Row("效益指标", "经济效益指标", "无", "无")); }),
        C("R08-missing-satisfaction", "2021", p => Remove(p, i => i.Level1 == "满意度指标")),
        C("R08-missing-satisfaction", "2018", p => Remove(p, i => i.Level1 == "满意度指标"), ReviewProfiles.National2018),
        C("R09-missing-cost", "工程 project", p => { p.Name = "信访接待大厅改造工程"; Remove(p, i => i.Level1 == "成本指标"); }),
        C("R09-missing-cost", "Shanghai 2025 every project", p => Remove(p, i => i.Level1 == "成本指标"), ReviewProfiles.Shanghai2025),
        C("R10-process-indicator", "预算执行率", p => Add(p, Row("产出指标", "质量指标", "预算执行率", "=100%"))),
        C("R10-process-indicator", "专款专用", p => Add(p, Row("产出指标", "质量指标", "专款专用情况", "按照相关要求专款专用"))),
        C("R10-process-indicator", "资金拨付率 as benefit", p => Add(p, Row("效益指标", "经济效益指标", "资金拨付率", "=100%"))),
        C("R11-cost-not-amount", "良好", p => SetTarget(p, "信访值班补助标准", "良好")),
        C("R11-cost-not-amount", "percent", p => SetTarget(p, "信访值班补助标准", "100%")),
        C("R11-cost-not-amount", "cost under 产出", p => Add(p, Row("产出指标", "成本指标", "控制信访专线运行成本", "有效控制运行成本"))),
        C("R12-cost-lower-bound", "≥", p => SetTarget(p, "信访值班补助标准", "≥180元/人/天")),
        C("R12-cost-lower-bound", ">=万元", p => Add(p, Row("成本指标", "经济成本指标", "宣传品制作成本", ">=2万元"))),
        C("R13-cost-equals-budget", "10万元", p => Add(p, Row("成本指标", "经济成本指标", "项目总成本", "10万元"))),
        C("R13-cost-equals-budget", "≤100000元", p => Add(p, Row("成本指标", "经济成本指标", "项目总成本", "≤100000元"))),
        C("R14-goal-not-measured", "救助", p => p.AnnualGoal = "1、为信访群众提供法律咨询服务；2、对生活确有困难的信访人实施救助。"),
        C("R15-misclassified", "satisfaction under 效益", p => Find(p, "群众满意率").Level1 = "效益指标"),
        C("R15-misclassified", "satisfaction under 社会效益 level 2", p => { var i = Find(p, "群众满意率"); i.Level1 = "效果目标"; i.Level2 = "社会效益"; }),
        C("R15-misclassified", "trend under 满意度", p => Add(p, Row("影响力目标", "满意度", "积案逐年下降", "≥10%"))),
        C("R15-misclassified", "output under 效益", p => Add(p, Row("效益指标", "社会效益指标", "信访事项办结率", "≥95%"))),
        C("R15-misclassified", "quality under 效益", p => Add(p, Row("效益指标", "社会效益指标", "接访服务质量", "达成年度指标"))),
        C("R16-annual-vs-period", "count above period", p => Find(p, "提供法律咨询服务案件数").PeriodTarget = V("≥12宗")),
        C("R16-annual-vs-period", "rate above period", p => Find(p, "信访事项按期办结率").PeriodTarget = V("≥90%")),
        C("R16-annual-vs-period", "upper rate below period", p => { var i = Row("效益指标", "社会效益指标", "重复信访率", "≤3%", "≤5%"); Add(p, i); }),
        C("R17-target-too-low", "double", p => Find(p, "提供法律咨询服务案件数").Actual = V("30宗")),
        C("R18-unit-mismatch", "count in %", p => Add(p, Row("产出指标", "数量指标", "年度服务部门数量", "≥95%"))),
        C("R18-unit-mismatch", "rate in 宗", p => SetTarget(p, "信访事项按期办结率", "≥15宗")),
        C("R18-unit-mismatch", "rate without %", p => SetTarget(p, "信访事项按期办结率", "≥95")),
        C("R18-unit-mismatch", "satisfaction without %", p => SetTarget(p, "群众满意率", "90")),
        C("R19-rate-over-100", "110%", p => SetTarget(p, "信访事项按期办结率", "110%")),
        C("R19-rate-over-100", ">100%", p => SetTarget(p, "信访事项按期办结率", ">100%")),
        C("R20-rate-ge-100", "≥100%", p => SetTarget(p, "信访事项及时受理率", "≥100%")),
        C("R21-funding-parts", "fiscal short", p => p.Funding.Fiscal = 90000m),
        C("R21-funding-parts", "annual parts", p => p.Funding.CarryOver = 5000m),
        C("R21-funding-parts", "levels", p => { p.Funding.FromHigherLevel = 20000m; p.Funding.FromSameLevel = 50000m; }),
        C("R21-funding-parts", "carry-over layout", p =>
        {
            p.Funding = new Funding { SourceUnit = "万元", Total = 600000m, CarryOver = 100000m, AnnualRequest = 600000m };
            p.BudgetLines = [new BudgetLine { Name = "信访储备金", Amount = 600000m }];
        }),
        C("R21-funding-parts", "annual above total", p => { p.Funding.AnnualRequest = 120000m; p.Funding.Appropriation = 120000m; }),
        C("R22-budget-lines", "short", p => p.BudgetLines[1].Amount = 30000m),
        C("R22-budget-lines", "合计 wrong", p => p.BudgetLines.Add(new BudgetLine { Name = "合计", Amount = 90000m })),
        D("R23-summary-mismatch", "count", () => Summarised("编报绩效目标的项目 2 个，涉及项目预算资金 10 万元。")),
        D("R23-summary-mismatch", "amount", () => Summarised("编报绩效目标的项目 1 个，涉及项目预算资金 12.5 万元。")),
        C("R24-narrative-budget", "12 万元", p => p.Sections["年度预算安排"] = "本项目年度预算为12万元。"),
        C("R25-narrative-standard", "人均", p =>
        {
            p.Sections["项目概况"] = "市政府已按人均3元的标准建立信访储备金并列入财政预算。";
            Add(p, Row("成本指标", "经济成本指标", "建立信访储备金标准", "人均1.5元标准"));
        }),
        C("R25-narrative-standard", "元/人/天", p => p.Sections["项目概况"] = "值班补助标准为200元/人/天。"),
        C("R26-spending-plan-order", "goes down", p => p.SpendingPlan[2].CumulativePercent = 40),
        C("R26-spending-plan-order", "above 100", p => p.SpendingPlan[3].CumulativePercent = 120),
        C("R27-spending-plan-short", "ends at 75", p => p.SpendingPlan.RemoveAt(3)),
        C("R28-date-order", "reversed", p => { p.StartDate = "2023-12-01"; p.EndDate = "2023-01-31"; }),
        C("R29-period-outside-year", "next year", p => { p.StartDate = "2024-01-01"; p.EndDate = "2024-12-31"; }),
        C("R29-period-outside-year", "last year", p => { p.StartDate = "2021-01"; p.EndDate = "2022-12"; }),
        C("R30-deadline-after-end", "next year", p => Add(p, Row("产出指标", "时效指标", "系统验收完成时间", "2024年3月底前"))),
        C("R30-deadline-after-end", "month after a short period", p =>
        {
            p.EndDate = "2023-06-30";
            Add(p, Row("产出指标", "时效指标", "设备安装完成时间", "9月底前"));
        }),
        C("R31-weights", "sum 85", p => Weigh(p, 20, 10, 10, 10, 5, 20, 10)),
        C("R31-weights", "some missing", p => Weigh(p, 20, 10, 10, 10, 10, 30)),
        C("R32-self-score", "over", p => { Weigh(p, 20, 10, 10, 10, 10, 20, 10); Find(p, "群众满意率").Score = 12; }),
        C("R39-self-evaluation-arithmetic", "rate", p => Evaluated(p, e => e.Execution[0].BudgetExecutionRate = 95)),
        C("R39-self-evaluation-arithmetic", "execution score", p => Evaluated(p, e => e.Execution[0].Score = 10)),
        C("R39-self-evaluation-arithmetic", "total", p => Evaluated(p, e => e.TotalScore = 96)),
        C("R39-self-evaluation-arithmetic", "grade", p => Evaluated(p, e => e.Grade = EvaluationGrade.Good)),
        // ≥15宗 weighing 20, stated 15: 12 ÷ 15 × 20 = 16.
        C("R41-below-last-year", "≥ below last year", p => Find(p, "信访事项按期办结率").PreviousActual = V("97.2%")),
        C("R41-below-last-year", "≥ just below", p => Find(p, "信访事项按期办结率").PreviousActual = V("95.01%")),
        C("R41-below-last-year", "≤ above last year", p => Find(p, "进京到非接待场所上访纯人数").PreviousActual = V("6")),
        C("R41-below-last-year", "= below last year", p => Find(p, "信访事项及时受理率").PreviousActual = V("100.5%")),
        C("R41-below-last-year", "actual without unit", p => Find(p, "提供法律咨询服务案件数").PreviousActual = V("20")),
        C("R40-self-score-rules", "stated score differs", p => { Evaluated(p); p.Indicators[0].Actual = V("12宗"); }),
        C("R40-self-score-rules", "rater outside band", p => { Evaluated(p); p.Indicators[6].Actual = V("达成"); p.Indicators[6].Score = 7.99m; }),
        C("R33-deviation-unexplained", "lost marks", p => { Weigh(p, 20, 10, 10, 10, 10, 20, 10); Find(p, "群众满意率").Score = 6; }),
        D("R34-copy-project", "same indicators", Copied),
        C("R35-goal-same", "same", p => p.LongTermGoal = p.AnnualGoal),
        C("R35-goal-same", "same but spaced", p => p.LongTermGoal = "为信访群众提供法律咨询服务， 按期办结信访事项，减少重复信访。"),
        C("R36-description-echo", "echo", p => Find(p, "信访事项按期办结率").Description = "信访事项按期办结率"),
        C("R37-duplicate", "及时率/及时性", p =>
        {
            Add(p, Row("产出指标", "时效指标", "维稳工作开展及时率", "=100%"));
            Add(p, Row("产出指标", "时效指标", "维稳工作开展及时性", "=100%"));
        }),
        C("R37-duplicate", "same name twice", p => Add(p, Row("满意度指标", "服务对象满意度指标", "群众满意率", "≥85%"))),
        C("R37-duplicate", "swapped characters", p =>
        {
            Add(p, Row("效益指标", "社会效益指标", "社会面防控影响力", "≥90%"));
            Add(p, Row("效益指标", "社会效益指标", "社会防控面影响力", "≥90%"));
        }),
        C("R37-duplicate", "contained", p => Add(p, Row("效益指标", "社会效益指标", "信访重复信访件数下降率", "≥5%"))),
        C("R38-rate-exact", "=95%", p => SetTarget(p, "信访事项按期办结率", "=95%")),
        C("R38-rate-exact", "no sign", p => SetTarget(p, "群众满意率", "90%")),
        C("R05-vague-number", "value left unparsed by an importer", p => Find(p, "群众满意率").AnnualTarget = new TargetValue { Raw = "提高" }),
        C("R18-unit-mismatch", "value left unparsed by an importer", p =>
            Add(p, new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "年度服务部门数量", AnnualTarget = new TargetValue { Raw = "≥95%" } })),
    ];

    public static readonly IReadOnlyList<Case> Silent =
    [
        C("R01-empty-target", "zero is a value", p => SetTarget(p, "进京到非接待场所上访纯人数", "=0")),
        C("R02-placeholder-row", "empty junk row", p => Add(p, Row("", "", "", null))),
        C("R03-goal-empty", "filled", _ => { }),
        C("R04-funding-missing", "only budget lines", p => p.Funding = new Funding()),
        C("R05-vague-number", "written fraction", p => Add(p, Row("效益指标", "社会效益指标", "到国家信访局走访量", "走访纯人数不超过辖区人口数的十万分之一"))),
        C("R05-vague-number", "quality is not a quantity", p => Add(p, Row("产出指标", "质量指标", "安保服务质量", "高质量完成"))),
        C("R05-vague-number", "sentence with a number", p => SetTarget(p, "群众满意率", "服务对象对项目开展的满意度水平达80%。")),
        C("R06-vague-qualitative", "graded tier", p => Add(p, Row("效益指标", "社会效益指标", "社会秩序", "达成年度指标"))),
        C("R06-vague-qualitative", "rate left to R05", p => SetTarget(p, "群众满意率", "提高")),
        C("R06-vague-qualitative", "process left to R10", p => Add(p, Row("产出指标", "质量指标", "专款专用情况", "按照相关要求专款专用"))),
        C("R07-missing-level1", "cost under 产出 is no level-1 gap", p => Find(p, "信访值班补助标准").Level1 = "产出指标"),
        C("R07-missing-level1", "codes and broken names", p =>
        {
            foreach (var i in p.Indicators) i.Level1 = i.Level1 switch { "产出指标" => "1-产出指标", "效益指标" => "效益指 标", var x => x };
        }),
        C("R08-missing-satisfaction", "satisfaction in level 2 only", p => Find(p, "群众满意率").Level1 = "影响力目标", ReviewProfiles.National2021),
        C("R09-missing-cost", "not a works project", p => Remove(p, i => i.Level1 == "成本指标")),
        C("R09-missing-cost", "off in 2018", p => { p.Name = "信访接待大厅改造工程"; Remove(p, i => i.Level1 == "成本指标"); }, ReviewProfiles.National2018),
        C("R10-process-indicator", "执行 in another sense", p => Add(p, Row("产出指标", "质量指标", "信访事项执行到位率", "≥95%"))),
        C("R11-cost-not-amount", "unit cost", _ => { }),
        C("R11-cost-not-amount", "per-capita standard", p => SetTarget(p, "信访值班补助标准", "人均1.5元标准")),
        C("R12-cost-lower-bound", "≤", p => Add(p, Row("成本指标", "经济成本指标", "宣传品制作成本", "≤2万元"))),
        C("R13-cost-equals-budget", "part of the budget", p => Add(p, Row("成本指标", "经济成本指标", "宣传品制作成本", "≤2万元"))),
        C("R13-cost-equals-budget", "unit cost equal in number", p => { p.Funding.Total = 180m; p.Funding.AnnualRequest = 180m; }),
        C("R14-goal-not-measured", "covered items", p => p.AnnualGoal = "1、提供法律咨询服务不少于15宗；2、按期办结信访事项；3、减少重复信访。"),
        C("R14-goal-not-measured", "generic words only", p => p.AnnualGoal = "进一步加强信访工作，维护社会和谐稳定。"),
        C("R15-misclassified", "参评率 under 满意度", p => Add(p, Row("满意度指标", "服务对象满意度指标", "群众参评率", "≥60%"))),
        C("R15-misclassified", "benefit change under 效益", _ => { }),
        C("R15-misclassified", "Shanghai satisfaction under 影响力—满意度", p => { var i = Find(p, "群众满意率"); i.Level1 = "影响力目标"; i.Level2 = "满意度"; }),
        C("R16-annual-vs-period", "period covers annual", p => Find(p, "提供法律咨询服务案件数").PeriodTarget = V("≥45宗")),
        C("R16-annual-vs-period", "upper count below period", p => Find(p, "进京到非接待场所上访纯人数").PeriodTarget = V("≤30")),
        C("R16-annual-vs-period", "same values", p => Find(p, "信访事项按期办结率").PeriodTarget = V("≥95%")),
        C("R17-target-too-low", "slightly above", p => Find(p, "提供法律咨询服务案件数").Actual = V("17宗")),
        C("R17-target-too-low", "upper limit", p => Find(p, "进京到非接待场所上访纯人数").Actual = V("2")),
        C("R18-unit-mismatch", "rates and counts as they should be", _ => { }),
        C("R18-unit-mismatch", "efficiency in days", p => Add(p, Row("产出指标", "时效指标", "信访事项办理效率", "≤15天"))),
        C("R18-unit-mismatch", "satisfaction in points", p => SetTarget(p, "群众满意率", "≥8分")),
        C("R19-rate-over-100", "growth rate", p => Add(p, Row("效益指标", "经济效益指标", "网上信访量增长率", "≥120%"))),
        C("R19-rate-over-100", "upper bound", p => Add(p, Row("效益指标", "社会效益指标", "信访量同比", "≤110%"))),
        C("R20-rate-ge-100", "=100%", _ => { }),
        C("R21-funding-parts", "within 0.1万元", p => { p.Funding.Fiscal = 99500m; p.Funding.Other = 0m; }),
        C("R21-funding-parts", "carry-over layout balanced", p =>
        {
            p.Funding = new Funding { SourceUnit = "万元", Total = 600000m, CarryOver = 0m, AnnualRequest = 600000m };
            p.BudgetLines = [new BudgetLine { Name = "信访储备金", Amount = 600000m }, new BudgetLine { Name = "合计", Amount = 600000m }];
        }),
        C("R22-budget-lines", "no lines", p => p.BudgetLines.Clear()),
        D("R23-summary-mismatch", "agrees", () => Summarised("编报绩效目标的项目 1 个，涉及项目预算资金 10.04 万元。")),
        C("R24-narrative-budget", "parts that add up", p => p.Sections["年度预算安排"] = "1.法律咨询：预算金额为6万元。2.值班补助：预算金额为4万元。"),
        C("R24-narrative-budget", "other sections", p => p.Sections["项目概况"] = "上年度执行30万元。"),
        C("R25-narrative-standard", "same standard", p => p.Sections["项目概况"] = "值班补助按180元/人/天执行。"),
        C("R26-spending-plan-order", "flat is fine", p => p.SpendingPlan[2].CumulativePercent = 50),
        C("R27-spending-plan-short", "no plan", p => p.SpendingPlan.Clear()),
        C("R28-date-order", "month precision", p => { p.StartDate = "2023-01"; p.EndDate = "2023-01"; }),
        C("R29-period-outside-year", "multi-year covering", p => { p.StartDate = "2022-01-01"; p.EndDate = "2024-12-31"; }),
        C("R30-deadline-after-end", "in time", p => Add(p, Row("产出指标", "时效指标", "系统验收完成时间", "2023年11月底前"))),
        C("R30-deadline-after-end", "not a timeliness row", p => Add(p, Row("效益指标", "社会效益指标", "群众来访量下降率", "2024年1月起≥5%"))),
        C("R31-weights", "90 without execution rate", p => Weigh(p, 20, 10, 10, 10, 0, 30, 10)),
        C("R31-weights", "no weights", _ => { }),
        C("R32-self-score", "full marks", p => { Weigh(p, 20, 10, 10, 10, 10, 20, 10); Find(p, "群众满意率").Score = 10; }),
        C("R39-self-evaluation-arithmetic", "all consistent", p => Evaluated(p)),
        // 11.25 ÷ 15 × 20 = 15, as stated.
        C("R41-below-last-year", "≥ equal to last year", p => Find(p, "信访事项按期办结率").PreviousActual = V("95%")),
        C("R41-below-last-year", "≥ above last year", p => Find(p, "信访事项按期办结率").PreviousActual = V("94.99%")),
        C("R41-below-last-year", "≤ equal to last year", p => Find(p, "进京到非接待场所上访纯人数").PreviousActual = V("10")),
        C("R41-below-last-year", "≤ tighter than last year", p => Find(p, "进京到非接待场所上访纯人数").PreviousActual = V("12")),
        C("R41-below-last-year", "other unit", p => Find(p, "提供法律咨询服务案件数").PreviousActual = V("20件")),
        C("R41-below-last-year", "qualitative actual", p => Find(p, "信访事项按期办结率").PreviousActual = V("达成")),
        C("R41-below-last-year", "qualitative target", p => { SetTarget(p, "信访事项按期办结率", "较上年提高"); Find(p, "信访事项按期办结率").PreviousActual = V("97%"); }),
        C("R41-below-last-year", "no last year", _ => { }),
        C("R40-self-score-rules", "stated score as computed", p => { Evaluated(p); p.Indicators[0].Actual = V("11.25宗"); }),
        C("R40-self-score-rules", "rater at the band's edge", p => { Evaluated(p); p.Indicators[6].Actual = V("达成"); p.Indicators[6].Score = 8m; p.Indicators[6].DeviationCause = "c"; }),
        C("R40-self-score-rules", "no self-evaluation", p => p.Indicators[0].Actual = V("12宗")),
        C("R39-self-evaluation-arithmetic", "overspent budget scores its full points", p => Evaluated(p, e =>
        {
            e.Execution[0].Executed = 110000;
            e.Execution[0].BudgetExecutionRate = 110;
            e.Execution[0].Score = 10;
            e.TotalScore = 95;
        })),
        C("R39-self-evaluation-arithmetic", "rounded rate", p => Evaluated(p, e => e.Execution[0].Executed = 90333)),
        C("R33-deviation-unexplained", "explained", p =>
        {
            Weigh(p, 20, 10, 10, 10, 10, 20, 10);
            var i = Find(p, "群众满意率");
            i.Score = 6;
            i.DeviationCause = "调查样本不足，下年度改为全量回访";
        }),
        D("R34-copy-project", "share only common indicators", () =>
        {
            var doc = Doc(GoodProject("信访事项办理"), GoodProject("信访宣传"));
            doc.Projects[1].Indicators =
            [
                Row("产出指标", "数量指标", "开展外宣活动次数", "≥12次"),
                Row("产出指标", "质量指标", "行政村宣传覆盖率", "≥95%"),
                Row("效益指标", "社会效益指标", "信访法规知晓率", "≥80%"),
                Row("满意度指标", "服务对象满意度指标", "群众满意率", "≥90%"),
            ];
            return doc;
        }),
        C("R35-goal-same", "different", _ => { }),
        C("R36-description-echo", "real explanation", p => Find(p, "信访事项按期办结率").Description = "按期办结件数 ÷ 应办结件数 × 100%"),
        C("R37-duplicate", "different subjects", p =>
        {
            Add(p, Row("效益指标", "社会效益指标", "信访积案化解率", "≥80%"));
            Add(p, Row("效益指标", "社会效益指标", "疑难信访矛盾化解率", "≥70%"));
        }),
        C("R37-duplicate", "different populations", p =>
        {
            Add(p, Row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥85%"));
            Add(p, Row("满意度指标", "服务对象满意度指标", "参与人群满意度", "≥80%"));
        }),
        C("R38-rate-exact", "=100%", _ => { }),
        C("R38-rate-exact", "count with =", p => SetTarget(p, "提供法律咨询服务案件数", "=15宗")),
        C("R14-goal-not-measured", "heading of a part", p => p.AnnualGoal = "<p>二、劝返稳控经费</p><p>为信访群众提供法律咨询服务。</p>"),
        C("R14-goal-not-measured", "measured by a written target", p =>
        {
            p.AnnualGoal = "推动历史遗留积案的化解。";
            Add(p, Row("效益指标", "社会效益指标", "社会稳定贡献", "推动历史遗留积案的化解"));
        }),
    ];

    // Moves the row's annual target into the period column, leaving the annual one blank.
    static void Swap(Indicator i)
    {
        i.PeriodTarget = i.AnnualTarget;
        i.AnnualTarget = null;
    }

    // A self-evaluated project: every indicator scored (90 points, 85 earned) and a budget of 100,000 元
    // spent to 90,000 元, that is 90% and 9 of 10 points: 94 in all, 优.
    internal static void Evaluated(ProjectForm p, Action<SelfEvaluation>? change = null)
    {
        Weigh(p, 20, 10, 10, 10, 10, 20, 10);
        foreach (var i in p.Indicators) i.Score = i.Weight;
        p.Indicators[0].Score = 15;
        p.Indicators[0].DeviationCause = "部分案件当事人失联，下年度加强回访";
        var e = new SelfEvaluation
        {
            SourceUnit = "元",
            Execution = [new BudgetExecution { Name = "年度资金总额", Item = FundingItem.Total, InitialBudget = 100000, AnnualBudget = 100000, Executed = 90000, BudgetExecutionRate = 90, Points = 10, Score = 9 }],
            TotalPoints = 100, TotalScore = 94, Grade = EvaluationGrade.Excellent,
        };
        change?.Invoke(e);
        p.SelfEvaluation = e;
    }

    static void Weigh(ProjectForm p, params decimal[] weights)
    {
        for (var j = 0; j < weights.Length; j++) p.Indicators[j].Weight = weights[j];
    }
}
