using System.Globalization;
using Jixiao.Domain;

namespace Jixiao.Tests.Domain.Review;

// Realistic petition-bureau forms in any number, for timing the review: departments of one to
// eight projects drawn from the typical petition projects (domain.md §7), with the defects real
// forms have (seed forms 000–004) mixed in at about the rates seen there. Deterministic: the same
// count and seed always give the same forms.
public static class SampleForms
{
    sealed record Template(string Name, decimal MinBudget, decimal MaxBudget, string Goal, (string L1, string L2, string Name, string Value)[] Rows);

    static readonly Template[] Templates =
    [
        new("信访接待与矛盾排查调处", 5, 60, "做好来访群众接待，开展矛盾纠纷排查调处，按期办结信访事项。",
        [
            ("产出指标", "数量指标", "接待来访群众批次", "≥{n}批次"),
            ("产出指标", "数量指标", "矛盾纠纷排查次数", "≥{m}次"),
            ("产出指标", "质量指标", "信访事项按期办结率", "≥95%"),
            ("产出指标", "时效指标", "信访事项及时受理率", "=100%"),
            ("成本指标", "经济成本指标", "接待中心运行成本", "≤{part}万元"),
            ("效益指标", "社会效益指标", "重复信访件数下降率", "≥5%"),
            ("满意度指标", "服务对象满意度指标", "参评群众满意率", "≥90%"),
        ]),
        new("驻京信访工作组经费", 10, 90, "完成重要节点驻点值班和应急劝返任务，减少越级走访。",
        [
            ("产出指标", "数量指标", "驻点值班天数", "≥{n}天"),
            ("产出指标", "质量指标", "应急处置劝返率", "=100%"),
            ("产出指标", "时效指标", "交办事项反馈及时率", "≥95%"),
            ("成本指标", "经济成本指标", "值班补助标准", "≤180元/人/天"),
            ("效益指标", "社会效益指标", "越级走访人次下降率", "≥10%"),
            ("满意度指标", "服务对象满意度指标", "属地单位满意度", "≥85%"),
        ]),
        new("信访救助资金", 20, 150, "对生活确有困难的信访人实施救助，化解信访积案。",
        [
            ("产出指标", "数量指标", "救助困难信访人人数", "≥{m}人"),
            ("产出指标", "质量指标", "救助对象审核合规率", "=100%"),
            ("产出指标", "时效指标", "救助资金发放及时率", "≥95%"),
            ("成本指标", "经济成本指标", "人均救助标准", "≤{unit}元/人"),
            ("效益指标", "社会效益指标", "信访积案化解率", "≥70%"),
            ("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"),
        ]),
        new("人民调解与律师参与接访", 5, 40, "聘请律师参与接访，提供法律咨询服务，推动诉访分离。",
        [
            ("产出指标", "数量指标", "提供法律咨询服务案件数", "≥{m}宗"),
            ("产出指标", "数量指标", "律师参与接访次数", "≥{n}次"),
            ("产出指标", "质量指标", "法律意见书采纳率", "≥80%"),
            ("产出指标", "时效指标", "法律意见出具及时率", "≥95%"),
            ("成本指标", "经济成本指标", "律师服务费标准", "≤{unit}元/次"),
            ("效益指标", "社会效益指标", "涉法涉诉信访依法分流率", "≥95%"),
            ("满意度指标", "服务对象满意度指标", "来访群众满意率", "≥85%"),
        ]),
        new("网上信访系统运行与维护", 3, 30, "保障网上信访系统和视频接访系统稳定运行，数据多跑路，群众少跑腿。",
        [
            ("产出指标", "数量指标", "维护设备台数", "≥{m}台"),
            ("产出指标", "质量指标", "系统正常运行率", "≥98%"),
            ("产出指标", "时效指标", "故障响应及时率", "≥95%"),
            ("成本指标", "经济成本指标", "年度运维成本", "≤{part}万元"),
            ("效益指标", "可持续影响指标", "网上信访占比", "≥60%"),
            ("满意度指标", "服务对象满意度指标", "使用人员满意度", "≥85%"),
        ]),
        new("信访宣传与业务培训", 2, 20, "开展信访法规宣传和干部业务培训，提高群众依法信访意识。",
        [
            ("产出指标", "数量指标", "开展宣传活动次数", "≥{n}次"),
            ("产出指标", "数量指标", "培训信访干部人次", "≥{m}人次"),
            ("产出指标", "质量指标", "培训考核合格率", "≥95%"),
            ("产出指标", "时效指标", "宣传计划按期完成率", "=100%"),
            ("成本指标", "经济成本指标", "宣传品制作成本", "≤{part}万元"),
            ("效益指标", "社会效益指标", "信访法规知晓率", "≥80%"),
            ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
        ]),
        new("编外人员聘用经费", 20, 120, "聘用编外人员充实接访力量，保障信访业务正常开展。",
        [
            ("产出指标", "数量指标", "聘用编外人员人数", "{m}人"),
            ("产出指标", "质量指标", "年度考核合格率", "≥95%"),
            ("产出指标", "时效指标", "工资按月发放率", "=100%"),
            ("成本指标", "经济成本指标", "人均聘用成本", "≤{unit}元/人"),
            ("效益指标", "社会效益指标", "来访接待等候时长下降率", "≥10%"),
            ("满意度指标", "服务对象满意度指标", "来访群众满意率", "≥85%"),
        ]),
        new("信访接待大厅改造工程", 30, 200, "完成接待大厅改造并通过验收，改善群众来访环境。",
        [
            ("产出指标", "数量指标", "改造面积", "≥{n}平方米"),
            ("产出指标", "质量指标", "工程验收合格率", "=100%"),
            ("产出指标", "时效指标", "工程按期完工率", "=100%"),
            ("成本指标", "经济成本指标", "工程总成本", "≤{budget}万元"),
            ("效益指标", "可持续影响指标", "接待大厅使用年限", "≥10年"),
            ("满意度指标", "服务对象满意度指标", "来访群众满意率", "≥85%"),
        ]),
    ];

    static readonly string[] Districts =
    [
        "松江区", "闵行区", "荔湾区", "巨鹿县", "海勃湾区", "越秀区", "鼓楼区", "江宁区", "武侯区", "雁塔区",
        "历下区", "和平区", "南岗区", "天河区", "思明区", "芙蓉区", "莲湖区", "新城区", "双流区", "滨湖区",
    ];

    static readonly string[] VagueWords = ["提高", "良好", "有效", "显著提升", "下降", "及时", "高"];

    public static IReadOnlyList<FormDocument> Generate(int projects, int seed = 2023)
    {
        var random = new Random(seed);
        var docs = new List<FormDocument>();
        var made = 0;
        while (made < projects)
        {
            var size = Math.Min(projects - made, random.Next(1, 9));
            docs.Add(Document(random, size, docs.Count));
            made += size;
        }
        return docs;
    }

    static FormDocument Document(Random random, int size, int number)
    {
        var year = 2018 + random.Next(8);
        var doc = new FormDocument
        {
            FiscalYear = year,
            Source = new SourceInfo { File = $"sample-{number:D5}.txt" },
            Unit = new UnitInfo { Name = Districts[random.Next(Districts.Length)] + "信访局" },
        };
        // A department runs each kind of project once.
        var kinds = Templates.OrderBy(_ => random.Next()).Take(size).ToList();
        for (var j = 0; j < size; j++)
            doc.Projects.Add(Project(random, kinds[j], year));
        // A table copied from the department's first project, as in seed 003.
        if (size > 1 && Chance(random, 0.15))
            doc.Projects[1].Indicators = doc.Projects[0].Indicators
                .Select(i => new Indicator { Level1 = i.Level1, Level2 = i.Level2, Name = i.Name, AnnualTarget = i.AnnualTarget })
                .ToList();
        var total = doc.Projects.Sum(p => p.Funding.Total!.Value) / 10000;
        var stated = Chance(random, 0.1) ? total + 1 + random.Next(20) : total;
        var count = Chance(random, 0.05) ? size + 1 : size;
        doc.Sections["绩效目标设置情况"] =
            $"本部门编报绩效目标的项目 {count} 个，涉及项目预算资金 {Wan(stated)} 万元。";
        return doc;
    }

    static ProjectForm Project(Random random, Template t, int year)
    {
        var budget = Math.Round(t.MinBudget + (decimal)random.NextDouble() * (t.MaxBudget - t.MinBudget), 2);
        var total = budget * 10000;
        var p = new ProjectForm
        {
            Name = t.Name,
            Category = ProjectCategory.Recurring,
            StartDate = $"{year}-01-01",
            EndDate = $"{year}-12-31",
            Funding = new Funding
            {
                SourceUnit = "万元", Total = total, AnnualRequest = total, Fiscal = total, Appropriation = total,
                CarryOver = 0, Other = 0,
            },
            LongTermGoal = "建立健全信访工作长效机制，" + t.Goal,
            AnnualGoal = t.Goal,
            Sections = new Dictionary<string, string>
            {
                ["项目概述"] = $"{t.Name}是本单位履行信访工作职能的经常性项目。",
                ["年度预算安排"] = $"{t.Name}项目年度预算为{Wan(budget)}万元，预计于年底完成支出。",
            },
        };
        var first = Math.Round(budget * 0.6m, 2);
        p.BudgetLines = [new BudgetLine { Name = "主要支出", Amount = first * 10000 }, new BudgetLine { Name = "其他支出", Amount = (budget - first) * 10000 }];
        decimal[] plan = Chance(random, 0.5) ? [25, 50, 75, 100] : [30, 60, 90, 100];
        p.SpendingPlan = new[] { "3月底", "6月底", "10月底", "12月底" }
            .Select((by, k) => new SpendingMilestone { By = by, CumulativePercent = plan[k] }).ToList();

        foreach (var (l1, l2, name, value) in t.Rows)
        {
            var raw = value
                .Replace("{n}", (50 + random.Next(200)).ToString(CultureInfo.InvariantCulture))
                .Replace("{m}", (3 + random.Next(30)).ToString(CultureInfo.InvariantCulture))
                .Replace("{unit}", (100 + 50 * random.Next(40)).ToString(CultureInfo.InvariantCulture))
                .Replace("{part}", Wan(Math.Round(budget * 0.3m, 2)))
                .Replace("{budget}", Wan(budget));
            p.Indicators.Add(new Indicator { Level1 = l1, Level2 = l2, Name = name, AnnualTarget = TargetValue.Parse(raw) });
        }
        Spoil(random, p, budget);
        return p;
    }

    // The defects of real forms, each at a rate of the order seen in the seeds.
    static void Spoil(Random random, ProjectForm p, decimal budget)
    {
        var rows = p.Indicators;
        foreach (var row in rows.ToList())
        {
            if (Chance(random, 0.12)) row.AnnualTarget = TargetValue.Parse(VagueWords[random.Next(VagueWords.Length)]);
            else if (Chance(random, 0.04)) row.AnnualTarget = TargetValue.Parse(Chance(random, 0.5) ? "" : "无");
            else if (Chance(random, 0.03)) row.AnnualTarget = TargetValue.Parse("≥100%");
        }
        if (Chance(random, 0.1)) rows.Add(Row("产出指标", "数量指标", "年度服务部门数量", "≥95%"));
        if (Chance(random, 0.1)) rows.Add(Row("产出指标", "质量指标", "预算执行率", "=100%"));
        if (Chance(random, 0.1)) rows.Add(Row("效益指标", "社会效益指标", "群众满意率", "≥90%"));
        if (Chance(random, 0.1)) rows.Add(Row(rows[2].Level1!, rows[2].Level2!, rows[2].Name.EndsWith('率') ? rows[2].Name[..^1] + "性" : rows[2].Name, "=100%"));
        if (Chance(random, 0.08)) rows.RemoveAll(r => r.Level1 == "满意度指标");
        if (Chance(random, 0.05)) rows.RemoveAll(r => r.Level1 == "效益指标");
        if (Chance(random, 0.1)) rows.Add(Row("成本指标", "经济成本指标", "项目总成本", $"≥{Wan(budget)}万元"));
        if (Chance(random, 0.15)) rows.Add(Row("效益指标", "社会效益指标", "社会面防控影响力", "提高"));
        if (Chance(random, 0.3)) p.LongTermGoal = p.AnnualGoal;
        if (Chance(random, 0.05)) p.Funding.Fiscal -= 10000 * (1 + random.Next(10));
        if (Chance(random, 0.05)) p.Sections["年度预算安排"] = $"本项目年度预算为{Wan(budget + 5)}万元。";
        if (Chance(random, 0.03)) p.SpendingPlan[2].CumulativePercent = 40;
        if (Chance(random, 0.05)) p.BudgetLines.RemoveAt(1);
    }

    static Indicator Row(string l1, string l2, string name, string raw) =>
        new() { Level1 = l1, Level2 = l2, Name = name, AnnualTarget = TargetValue.Parse(raw) };

    static bool Chance(Random random, double p) => random.NextDouble() < p;

    static string Wan(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
