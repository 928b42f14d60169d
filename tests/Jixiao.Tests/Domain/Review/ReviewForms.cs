using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Tests.Domain.Review;

// Small forms built in code: a well-formed petition project that no rule objects to, and the
// helpers that spoil one thing in it at a time.
internal static class ReviewForms
{
    public static TargetValue? V(string? raw) => raw is null ? null : TargetValue.Parse(raw);

    public static Indicator Row(string level1, string level2, string name, string? annual, string? period = null,
        string? description = null) => new()
    {
        Level1 = level1,
        Level2 = level2,
        Name = name,
        Description = description,
        AnnualTarget = V(annual),
        PeriodTarget = V(period),
    };

    public static List<Indicator> GoodIndicators() =>
    [
        Row("产出指标", "数量指标", "提供法律咨询服务案件数", "≥15宗"),
        Row("产出指标", "数量指标", "进京到非接待场所上访纯人数", "≤10"),
        Row("产出指标", "质量指标", "信访事项按期办结率", "≥95%"),
        Row("产出指标", "时效指标", "信访事项及时受理率", "=100%"),
        Row("成本指标", "经济成本指标", "信访值班补助标准", "≤180元/人/天"),
        Row("效益指标", "社会效益指标", "重复信访件数下降率", "≥5%"),
        Row("满意度指标", "服务对象满意度指标", "群众满意率", "≥90%"),
    ];

    public static ProjectForm GoodProject(string name = "信访事项办理") => new()
    {
        Name = name,
        Category = ProjectCategory.Recurring,
        StartDate = "2023-01-01",
        EndDate = "2023-12-31",
        Funding = new Funding
        {
            SourceUnit = "元", Total = 100000m, AnnualRequest = 100000m, Fiscal = 100000m,
            Appropriation = 100000m, CarryOver = 0m, Other = 0m,
        },
        BudgetLines = [new BudgetLine { Name = "法律咨询服务费", Amount = 60000m }, new BudgetLine { Name = "值班补助", Amount = 40000m }],
        SpendingPlan =
        [
            new SpendingMilestone { By = "3月底", CumulativePercent = 25 }, new SpendingMilestone { By = "6月底", CumulativePercent = 50 },
            new SpendingMilestone { By = "10月底", CumulativePercent = 75 }, new SpendingMilestone { By = "12月底", CumulativePercent = 100 },
        ],
        LongTermGoal = "三年内建立律师参与信访工作的长效机制，群众合理诉求依法及时得到解决。",
        AnnualGoal = "为信访群众提供法律咨询服务，按期办结信访事项，减少重复信访。",
        Indicators = GoodIndicators(),
        Sections = new Dictionary<string, string> { ["年度预算安排"] = "本项目年度预算为10万元，预计于年底完成支出。" },
    };

    // A second good project with its own indicators, so two projects are not copies of each other.
    public static ProjectForm OtherProject(string name = "信访宣传")
    {
        var p = GoodProject(name);
        p.AnnualGoal = "开展信访法规宣传活动，提高群众对信访法规的知晓率。";
        p.LongTermGoal = "形成群众依法有序信访的社会氛围。";
        p.Indicators =
        [
            Row("产出指标", "数量指标", "开展外宣活动次数", "≥12次"),
            Row("产出指标", "质量指标", "行政村宣传覆盖率", "≥95%"),
            Row("产出指标", "时效指标", "宣传活动按计划开展率", "=100%"),
            Row("成本指标", "经济成本指标", "宣传品制作成本", "≤2万元"),
            Row("效益指标", "社会效益指标", "信访法规知晓率", "≥80%"),
            Row("满意度指标", "服务对象满意度指标", "群众满意率", "≥90%"),
        ];
        return p;
    }

    public static FormDocument Doc(params ProjectForm[] projects) => new()
    {
        FiscalYear = 2023,
        Unit = new UnitInfo { Name = "某区信访局" },
        Projects = projects.Length == 0 ? [GoodProject()] : [.. projects],
    };

    // A good document with one change made to its (first) project.
    public static FormDocument With(Action<ProjectForm> change)
    {
        var doc = Doc();
        change(doc.Projects[0]);
        return doc;
    }

    public static Indicator Find(ProjectForm p, string name) => p.Indicators.Single(i => i.Name == name);

    public static void SetTarget(ProjectForm p, string name, string? annual) => Find(p, name).AnnualTarget = V(annual);

    public static List<Finding> Run(FormDocument doc, string rule, ReviewProfile? profile = null) =>
        Reviewer.Review(doc, profile).Findings.Where(f => f.Rule == rule).ToList();
}
