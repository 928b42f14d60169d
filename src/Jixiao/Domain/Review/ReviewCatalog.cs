using Jixiao.Domain.Review.Rules;

namespace Jixiao.Domain.Review;

// Every review rule, in the order reports list them. Bases name the document and, where its wording
// was not at hand, say 审核实务 (review practice) rather than invent an article number.
public static class ReviewCatalog
{
    const string Doc88 = "财预〔2015〕88号《中央部门预算绩效目标管理办法》";
    const string Doc101 = "财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》";
    const string Doc10 = "财预〔2020〕10号《项目支出绩效评价管理办法》";

    public static readonly IReadOnlyDictionary<int, string> Families = new Dictionary<int, string>
    {
        [1] = "模糊指标值", [2] = "缺少一级指标", [3] = "过程指标冒充产出", [4] = "成本指标不当",
        [5] = "目标无指标支撑", [6] = "指标归类混乱", [7] = "目标偏低", [8] = "计量单位",
        [9] = "空白与占位", [10] = "资金勾稽", [11] = "日期与时限", [12] = "权重",
        [13] = "自评计算", [14] = "照搬照抄", [15] = "重复指标",
    };

    static RuleSetting Numbers(params (string Key, decimal Value)[] numbers) =>
        new() { Numbers = numbers.ToDictionary(n => n.Key, n => n.Value) };

    static RuleSetting Lists(params (string Key, string[] Values)[] lists) =>
        new() { Lists = lists.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)l.Values) };

    // Names ending like this measure a number (率, 数, 量 …); 质量 and the like only look so.
    static readonly string[] NumericEndings =
        ["率", "数", "量", "次", "满意度", "比例", "占比", "比重", "时长", "天数", "金额", "成绩", "得分"];
    static readonly string[] NotNumericEndings = ["质量", "力量", "效率", "频率"];
    static readonly string[] ProcessTerms =
        ["预算执行率", "资金执行率", "执行进度", "资金拨付率", "拨付率", "结余率", "资金结余", "专款专用", "资金到位率", "支付进度", "支出进度", "资金使用率"];

    public static readonly IReadOnlyList<ReviewRule> Rules =
    [
        new("R01-empty-target", "指标值为空或占位", Severity.Error, Aspect.Completeness, RuleTarget.Field, 9,
            Doc88 + "：绩效指标应细化、量化，指标值须明确", new(), TargetRules.EmptyTarget),
        new("R02-placeholder-row", "指标行为“无”或缺少名称", Severity.Info, Aspect.Completeness, RuleTarget.Indicator, 9,
            "审核实务：不适用的指标行应删除，不以“无”占位", new(), TargetRules.PlaceholderRow),
        new("R03-goal-empty", "年度绩效目标未填写", Severity.Error, Aspect.Completeness, RuleTarget.Goal, 9,
            Doc88 + "：绩效目标应反映预期产出和效果", new(), GoalRules.GoalEmpty),
        new("R04-funding-missing", "项目资金未填写", Severity.Error, Aspect.Completeness, RuleTarget.Money, 9,
            Doc88 + "：绩效目标应与预算资金相匹配", new(), MoneyRules.FundingMissing),
        new("R05-vague-number", "定量指标写成模糊词", Severity.Error, Aspect.Completeness, RuleTarget.Field, 1,
            Doc88 + "：指标应细化量化；" + Doc101 + "：量化易评",
            Lists(("numericEndings", NumericEndings), ("notNumericEndings", NotNumericEndings)),
            TargetRules.VagueNumber),
        new("R06-vague-qualitative", "定性指标值没有评判标准", Severity.Warning, Aspect.Completeness, RuleTarget.Field, 1,
            Doc101 + "：定性指标应分级表述，可评判",
            Lists(("numericEndings", NumericEndings), ("notNumericEndings", NotNumericEndings),
                ("gradedWords", ["达成", "符合", "合格", "通过验收", "达标", "零", "未发生", "无重大"]),
                ("processTerms", ProcessTerms)),
            TargetRules.VagueQualitative),
        new("R07-missing-level1", "缺少必设的一级指标", Severity.Error, Aspect.Completeness, RuleTarget.Project, 2,
            Doc88 + "：绩效指标包括产出、效益和满意度指标",
            Lists(("required", ["产出", "效益", "满意度"])), FrameworkRules.MissingLevel1),
        new("R08-missing-satisfaction", "未设置满意度指标", Severity.Info, Aspect.Completeness, RuleTarget.Project, 2,
            Doc101 + "：满意度指标根据项目实际设置（审核实务：面向群众的项目一般应设置）", new(),
            FrameworkRules.MissingSatisfaction),
        new("R09-missing-cost", "未设置成本指标", Severity.Warning, Aspect.Completeness, RuleTarget.Project, 2,
            Doc101 + "：工程基建类、大型修缮及购置项目应设置成本指标",
            Lists(("projectKeywords", ["工程", "基建", "修缮", "购置", "改造", "装修", "建设"])),
            FrameworkRules.MissingCost),
        new("R10-process-indicator", "预算执行类指标冒充产出或效益", Severity.Warning, Aspect.Relevance, RuleTarget.Indicator, 3,
            Doc101 + "；审核实务：预算执行率、资金拨付率等反映资金管理，不作为产出或效益指标",
            Lists(("processTerms", ProcessTerms)), FrameworkRules.ProcessIndicator),
        new("R11-cost-not-amount", "成本指标未以金额表示", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 4,
            Doc101 + "：成本指标反映预期提供产出所需的成本，以金额计量", new(), CostRules.NotAnAmount),
        new("R12-cost-lower-bound", "成本指标使用“≥”", Severity.Error, Aspect.Appropriateness, RuleTarget.Field, 4,
            "审核实务：成本指标为控制上限，应使用“≤”", new(), CostRules.LowerBound),
        new("R13-cost-equals-budget", "成本指标等于项目预算总额", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 4,
            Doc101 + "；审核实务：成本指标应细化为单位成本或分项成本，不照抄预算总额",
            Numbers(("tolerance", 1000m)), CostRules.EqualsBudget),
        new("R14-goal-not-measured", "年度目标缺少对应指标", Severity.Info, Aspect.Relevance, RuleTarget.Goal, 5,
            Doc88 + "：绩效指标是绩效目标的细化和量化",
            new RuleSetting
            {
                Numbers = new Dictionary<string, decimal> { ["minPairs"] = 4, ["maxPerProject"] = 3 },
                Lists = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["genericWords"] = ["信访", "工作", "群众", "人民", "项目", "进一步", "提高", "提升", "加强", "确保",
                        "保障", "保证", "实现", "通过", "开展", "推进", "推动", "做好", "全面", "有效", "切实", "坚持",
                        "维护", "社会", "和谐", "稳定", "我区", "我县", "我市", "全区", "全县", "全市", "本区", "本县",
                        "本市", "完成", "任务", "实施", "用于", "其他", "其它", "以及", "能力", "水平", "服务", "管理",
                        "促进", "发挥", "作用", "要求", "按照", "相关", "问题", "事项", "方面", "深入"],
                },
            },
            GoalRules.GoalNotMeasured),
        new("R15-misclassified", "指标归类错误", Severity.Warning, Aspect.Relevance, RuleTarget.Indicator, 6,
            Doc101 + "：产出、效益、满意度指标各有含义，不得混放",
            Lists(("satisfactionTerms", ["满意", "参评", "评价", "投诉", "好评", "认可"]),
                ("outputEndings", ["完成率", "办结率", "报结率", "及时率", "受理率", "合格率", "达标率", "准确率", "完好率", "质量", "完成数"]),
                ("benefitLevel1", ["效益", "效果"])),
            FrameworkRules.Misclassified),
        new("R16-annual-vs-period", "年度指标值严于实施周期指标值", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 6,
            "审核实务：年度目标是实施周期目标的分解", new(), TargetRules.AnnualVersusPeriod),
        new("R17-target-too-low", "目标值明显偏低", Severity.Info, Aspect.Appropriateness, RuleTarget.Field, 7,
            Doc10 + "；审核实务：实际完成值远超目标的，应说明目标设定是否偏低",
            Numbers(("overshootRatio", 1.3m)), WeightRules.TargetTooLow),
        new("R18-unit-mismatch", "计量单位与指标不符", Severity.Error, Aspect.Appropriateness, RuleTarget.Field, 8,
            "审核实务：数量指标以件、次、人等计量，比率指标以%计量",
            Lists(("countEndings", ["数", "数量", "次数", "人数", "件数", "个数", "户数", "批次", "人次", "量"]),
                ("notCountEndings", ["质量", "指数", "系数", "分数", "力量"]),
                ("rateEndings", ["率", "比例", "占比", "比重", "满意度"]),
                ("notRateEndings", ["效率", "频率"]),
                ("rateUnits", ["分"])),
            TargetRules.UnitMismatch),
        new("R19-rate-over-100", "比率超过100%", Severity.Error, Aspect.Feasibility, RuleTarget.Field, 8,
            "审核实务：比率类指标不超过100%", Lists(("growthWords", ["增长", "增幅", "增速", "同比", "环比", "倍"])),
            TargetRules.RateOver100),
        new("R20-rate-ge-100", "比率写成“≥100%”", Severity.Warning, Aspect.Feasibility, RuleTarget.Field, 8,
            "审核实务：比率最高为100%，应写“=100%”", new(), TargetRules.RateAtLeast100),
        new("R21-funding-parts", "资金来源合计与总额不符", Severity.Error, Aspect.Appropriateness, RuleTarget.Money, 10,
            Doc88 + "：绩效目标应与预算相匹配；审核实务：允许误差0.1万元",
            Numbers(("tolerance", 1000m)), MoneyRules.FundingParts),
        new("R22-budget-lines", "预算明细合计与资金总额不符", Severity.Error, Aspect.Appropriateness, RuleTarget.Money, 10,
            "审核实务：预算明细合计应等于项目资金总额",
            new RuleSetting
            {
                Numbers = new Dictionary<string, decimal> { ["tolerance"] = 1000m },
                Lists = new Dictionary<string, IReadOnlyList<string>> { ["totalNames"] = ["合计", "小计", "总计"] },
            },
            MoneyRules.BudgetLines),
        new("R23-summary-mismatch", "汇总说明与项目合计不符", Severity.Error, Aspect.Appropriateness, RuleTarget.Money, 10,
            "审核实务：部门汇总说明的项目个数和金额应与所附项目一致",
            Numbers(("tolerance", 1000m)), MoneyRules.SummaryMismatch),
        new("R24-narrative-budget", "文字说明的预算金额与资金表不符", Severity.Warning, Aspect.Appropriateness, RuleTarget.Money, 10,
            "审核实务：项目说明与申报表的金额应一致",
            new RuleSetting
            {
                Numbers = new Dictionary<string, decimal> { ["tolerance"] = 1000m },
                Lists = new Dictionary<string, IReadOnlyList<string>> { ["sectionKeys"] = ["预算安排", "资金安排", "预算金额", "资金预算"] },
            },
            MoneyRules.NarrativeBudget),
        new("R25-narrative-standard", "文字说明的标准与指标值不符", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 10,
            "审核实务：项目概况中的标准应与指标值一致", new(), MoneyRules.NarrativeStandard),
        new("R26-spending-plan-order", "资金支出计划倒退或超过100%", Severity.Error, Aspect.Feasibility, RuleTarget.Money, 10,
            "财预〔2019〕136号《中央部门预算绩效运行监控管理暂行办法》：按支出计划监控执行进度；审核实务：计划为累计进度",
            new(), MoneyRules.SpendingPlanOrder),
        new("R27-spending-plan-short", "资金支出计划未达到100%", Severity.Warning, Aspect.Feasibility, RuleTarget.Money, 10,
            "审核实务：年度预算原则上当年支出完毕", new(), MoneyRules.SpendingPlanShort),
        new("R28-date-order", "开始日期晚于结束日期", Severity.Error, Aspect.Feasibility, RuleTarget.Project, 11,
            "审核实务：实施期起止应合理", new(), DateRules.DateOrder),
        new("R29-period-outside-year", "实施期不含预算年度", Severity.Warning, Aspect.Feasibility, RuleTarget.Project, 11,
            "审核实务：年度申报的项目实施期应覆盖预算年度", new(), DateRules.OutsideFiscalYear),
        new("R30-deadline-after-end", "时效指标期限晚于项目结束", Severity.Warning, Aspect.Feasibility, RuleTarget.Field, 11,
            "审核实务：时效指标的期限应在实施期内",
            Lists(("timelinessMarks", ["时效", "时限", "完成时间", "及时"])), DateRules.DeadlineAfterEnd),
        new("R31-weights", "指标权重合计不符", Severity.Error, Aspect.Appropriateness, RuleTarget.Indicator, 12,
            Doc10 + "：指标权重合计100（产出50、效益30、满意度10、预算执行率10）",
            Numbers(("total", 100m), ("alternativeTotal", 90m)), WeightRules.Weights),
        new("R32-self-score", "自评得分超过分值", Severity.Error, Aspect.Appropriateness, RuleTarget.Field, 13,
            Doc10 + "：各指标得分不超过其分值", new(), WeightRules.SelfScore),
        new("R33-deviation-unexplained", "扣分未说明偏差原因", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 13,
            Doc10 + "：未完成目标的应分析偏差原因并提出改进措施", new(), WeightRules.DeviationUnexplained),
        new("R34-copy-project", "与其他项目指标雷同", Severity.Info, Aspect.Relevance, RuleTarget.Project, 14,
            Doc101 + "：指标应与项目高度关联；审核实务：不照搬其他项目",
            Numbers(("similarity", 0.6m), ("minIndicators", 3m), ("commonNameLimit", 50m)), FrameworkRules.CopiedProject),
        new("R35-goal-same", "中长期目标与年度目标相同", Severity.Info, Aspect.Completeness, RuleTarget.Goal, 14,
            "审核实务：年度目标是中长期目标在本年度的分解", new(), GoalRules.GoalSame),
        new("R36-description-echo", "指标解释照抄指标名称", Severity.Info, Aspect.Completeness, RuleTarget.Field, 14,
            Doc101 + "：指标应明确含义、口径和数据来源", new(), TargetRules.DescriptionEcho),
        new("R37-duplicate", "指标重复或近似重复", Severity.Warning, Aspect.Relevance, RuleTarget.Indicator, 15,
            Doc101 + "：重点突出，同一内容不重复设置指标",
            Numbers(("similarity", 0.75m), ("minLength", 4m)), FrameworkRules.Duplicate),
        new("R38-rate-exact", "比率写成恰好等于某值", Severity.Info, Aspect.Appropriateness, RuleTarget.Field, 8,
            "审核实务：比率目标一般为下限（≥），写“=”或不写比较符号时含义不清",
            Lists(("rateEndings", ["率", "比例", "占比", "比重", "满意度"]), ("notRateEndings", ["效率", "频率"])),
            TargetRules.RateExact),
        new("R39-self-evaluation-arithmetic", "自评表执行率、得分或等级算错", Severity.Error, Aspect.Appropriateness, RuleTarget.Money, 13,
            Doc10 + "：预算执行率得分 = 全年执行数÷全年预算数×分值；总分 = 各指标得分 + 预算执行率得分；优≥90、良80–89、中60–79、差<60",
            Numbers(("ratePoints", 0.5m), ("score", 0.1m), ("excellent", 90m), ("good", 80m), ("fair", 60m)), WeightRules.SelfEvaluationArithmetic),
        new("R40-self-score-rules", "自评得分与评分规则不符", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 13,
            Doc10 + "：定量指标按实际完成值与指标值的比例计分，定性指标按达成（80%–100%）、部分达成（60%–80%）、未达成（0–60%）计分",
            new(), SelfScoreRules.ScoreByRules),
        new("R41-below-last-year", "目标值低于上年实际完成值", Severity.Warning, Aspect.Appropriateness, RuleTarget.Field, 7,
            Doc88 + "：绩效目标应与历史标准相比具有先进性；审核实务：年度目标原则上不低于上年实际完成值",
            new(), LastYearRules.BelowLastYear),
    ];

    public static ReviewRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
