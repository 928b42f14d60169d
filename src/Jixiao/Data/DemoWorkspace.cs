using Jixiao.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// `serve --demo`: a small workspace to show the system with — a district government office over
// two petition bureaus, one user for each role, and a few projects written like real declarations.
public static class DemoWorkspace
{
    // Each part is loaded when missing, so a start killed half-way through the demo completes it next time.
    public static async Task LoadAsync(JixiaoDb db, UserManager<AppUser> users, TextWriter console)
    {
        var dept = await db.SupervisingDepartments.FirstOrDefaultAsync(d => d.Name == DepartmentName);
        if (dept == null)
        {
            dept = new SupervisingDepartment { Name = DepartmentName, Code = "101001" };
            var east = new BudgetUnit { Name = "东城区信访局", Code = "101002", DivisionCode = "110101", SupervisingDepartment = dept, Functions = "受理、交办、转送信访人提出的信访事项；协调处理重要信访问题；督促检查信访事项的处理。" };
            var west = new BudgetUnit { Name = "西城区信访局", Code = "101003", DivisionCode = "110102", SupervisingDepartment = dept, Functions = "负责本区人民来信来访接待；组织信访矛盾排查化解；指导街道信访工作。" };
            db.AddRange(dept, east, west);
            foreach (var (unit, form) in Projects(east, west))
                Features.Projects.ProjectStore.Create(db, unit, Year, form, Domain.Review.ReviewProfiles.National2021, null, "演示数据");
            await db.SaveChangesAsync();
            console.WriteLine("已载入演示数据。");
        }
        await Features.Ledger.LedgerDemo.LoadAsync(db, Year, console);
        await Features.Monitoring.MonitoringDemo.LoadAsync(db, dept.Id, Year);
        var unitIds = await db.BudgetUnits.Where(u => u.SupervisingDepartmentId == dept.Id).ToDictionaryAsync(u => u.Name, u => u.Id);
        var accounts = new (string, string, string, int?, int?)[]
        {
            ("east-preparer", "张敏（东城区信访局）", Roles.Preparer, unitIds["东城区信访局"], null),
            ("east-head", "王建国（东城区信访局）", Roles.UnitHead, unitIds["东城区信访局"], null),
            ("west-preparer", "李娜（西城区信访局）", Roles.Preparer, unitIds["西城区信访局"], null),
            ("supervisor", "赵磊（区政府办公室）", Roles.SupervisorReviewer, null, dept.Id),
            ("finance", "陈静（区财政局）", Roles.FinanceReviewer, null, null),
            ("security", "孙浩（区财政局信息中心）", Roles.SecurityAdmin, null, null),
            ("auditor", "周琳（区审计局）", Roles.Auditor, null, null),
        };
        var header = false;
        foreach (var (name, display, role, unit, department) in accounts)
        {
            if (await users.FindByNameAsync(name) != null) continue;
            if (!header) console.WriteLine("演示账号（密码仅显示这一次）：");
            header = true;
            var password = await Bootstrap.CreateUserAsync(users, name, display, role, mustChange: false, unit, department);
            var created = await users.FindByNameAsync(name);
            await users.AddClaimAsync(created!, new System.Security.Claims.Claim(UserClaims.Demo, "1"));
            console.WriteLine($"  {role}\t{name}\t{password}");
        }
        if (!header) console.WriteLine("演示数据已存在，未重复载入。");
    }

    const string DepartmentName = "区人民政府办公室";

    public const int Year = 2026;

    static IEnumerable<(BudgetUnit, ProjectForm)> Projects(BudgetUnit east, BudgetUnit west)
    {
        (BudgetUnit, ProjectForm) P(BudgetUnit unit, ProjectForm form) => (unit, form);

        yield return P(east, new ProjectForm
        {
            Name = "信访接待与矛盾排查调处经费", Code = "11010126P000101", Category = ProjectCategory.Recurring,
            Attribute = ProjectAttribute.Continuing, FunctionClass = "2010308", StartDate = "2026-01-01", EndDate = "2026-12-31",
            Funding = Money(850000m),
            BudgetLines = [Line("来访接待大厅运行", 320000m), Line("矛盾纠纷排查调处", 380000m), Line("律师参与接访服务", 150000m)],
            SpendingPlan = Plan(20, 45, 75, 100),
            LongTermGoal = "健全来访接待和矛盾纠纷排查调处机制，依法及时就地解决群众合理诉求，信访秩序持续向好。",
            AnnualGoal = "1、全年规范接待来访群众，信访事项及时受理率达到100%；2、开展矛盾纠纷排查调处，化解信访积案；3、群众对信访工作的满意率不低于90%。",
            Indicators =
            [
                I("产出指标", "数量指标", "接待来访群众批次", "≥1200批次", "历史标准", "全年登记接待的来访批次"),
                I("产出指标", "数量指标", "开展矛盾纠纷排查次数", "≥12次", "计划标准", "每月至少组织一次全区排查"),
                I("产出指标", "质量指标", "信访事项及时受理率", "=100%", "文件规定", "15日内告知受理的信访事项数÷登记的信访事项数"),
                I("产出指标", "时效指标", "按期办结率", "≥95%", "文件规定", "60日内办结的信访事项数÷应办结信访事项数"),
                I("成本指标", "经济成本指标", "律师参与接访服务单价", "≤800元/人/天", "计划标准", "律师驻点接访每人每天费用"),
                I("效益指标", "社会效益指标", "信访积案化解率", "≥80%", "历史标准", "已化解积案数÷积案台账总数"),
                I("效益指标", "社会效益指标", "重复信访件数", "较上年下降", "历史标准"),
                I("满意度指标", "服务对象满意度指标", "参评群众满意率", "≥90%", "调查问卷", "“满意”评价数÷收到的评价数"),
            ],
            People = [new Person { Role = "项目负责人", Name = "王建国", Phone = "010-64001234" }, new Person { Role = "联系人", Name = "张敏", Phone = "13810001234" }],
            Safeguards = [new Safeguard { Category = "项目管理制度", Document = "《东城区信访局来访接待工作规程》", Measures = "明确接待、登记、转送、督办流程", Stages = ["实施阶段"] }],
            Sections = { ["立项依据"] = "《信访工作条例》（2022年）第二十二条、第二十三条、第三十四条；区委区政府关于信访工作的年度部署。" },
        });
        yield return P(east, new ProjectForm
        {
            Name = "网上信访系统运维", Code = "11010126P000102", Category = ProjectCategory.Recurring,
            Attribute = ProjectAttribute.Continuing, FunctionClass = "2010308", StartDate = "2026-01-01", EndDate = "2026-12-31",
            Funding = Money(260000m),
            SpendingPlan = Plan(25, 50, 75, 100),
            LongTermGoal = "保障网上信访平台安全稳定运行，让群众反映诉求“最多跑一次”。",
            AnnualGoal = "网上信访平台全年正常运行率不低于99%，网上信访事项按期答复。",
            Indicators =
            [
                I("产出指标", "数量指标", "运维服务覆盖终端数", "≥60台", "计划标准"),
                I("产出指标", "质量指标", "系统正常运行率", "≥99%", "行业标准"),
                I("产出指标", "时效指标", "故障响应时间", "≤2小时", "行业标准"),
                I("成本指标", "经济成本指标", "年度运维费用", "≤26万元", "计划标准"),
                I("效益指标", "社会效益指标", "网上信访占比", "提高", "历史标准"),
                I("满意度指标", "服务对象满意度指标", "网上信访群众满意率", "≥90%", "调查问卷"),
            ],
        });
        yield return P(west, new ProjectForm
        {
            Name = "信访救助资金", Code = "11010226P000201", Category = ProjectCategory.Recurring,
            Attribute = ProjectAttribute.Continuing, FunctionClass = "2010308", StartDate = "2026-01-01", EndDate = "2026-12-31",
            Funding = Money(600000m, carryOver: 100000m),
            BudgetLines = [Line("信访救助", 600000m)],
            SpendingPlan = Plan(10, 35, 70, 100),
            LongTermGoal = "对生活确有困难的信访人依规实施救助，推动信访积案化解。",
            AnnualGoal = "全年依规审批救助事项，救助资金专款专用，受助信访人息诉罢访。",
            Indicators =
            [
                I("产出指标", "数量指标", "救助信访人数", "≥20人", "历史标准"),
                I("产出指标", "质量指标", "救助审批合规率", "=100%", "文件规定"),
                I("产出指标", "时效指标", "救助资金发放及时率", "≥95%", "计划标准"),
                I("成本指标", "经济成本指标", "人均救助金额", "≤3万元", "文件规定"),
                I("效益指标", "社会效益指标", "受助对象息诉罢访率", "≥85%", "历史标准"),
                I("满意度指标", "服务对象满意度指标", "受助对象满意度", "≥90%", "调查问卷"),
            ],
        });
        yield return P(west, new ProjectForm
        {
            Name = "人民调解与律师参与信访服务", Category = ProjectCategory.OneOff, Attribute = ProjectAttribute.New,
            FunctionClass = "2010308", StartDate = "2026-03-01", EndDate = "2026-12-31",
            Funding = Money(300000m),
            SpendingPlan = Plan(0, 40, 70, 100),
            LongTermGoal = "引入律师、调解员等第三方力量参与信访工作。",
            AnnualGoal = "律师参与接访不少于100人次，调解成功率达到70%。",
            Indicators =
            [
                I("产出指标", "数量指标", "律师参与接访人次", "≥100人次", "计划标准"),
                I("产出指标", "质量指标", "调解成功率", "≥70%", "历史标准"),
                I("效益指标", "社会效益指标", "社会矛盾化解效果", "良好", "工作需要"),
                I("满意度指标", "服务对象满意度指标", "当事人满意度", "≥85%", "调查问卷"),
            ],
        });
    }

    static Indicator I(string level1, string level2, string name, string annual, string basis, string? description = null) =>
        new() { Level1 = level1, Level2 = level2, Name = name, AnnualTarget = TargetValue.Parse(annual), Basis = basis, Description = description };

    // All fiscal money: this year's appropriation plus what was carried over from last year.
    static Funding Money(decimal total, decimal carryOver = 0) => new()
    {
        SourceUnit = "元", Total = total, AnnualRequest = total, Fiscal = total, Appropriation = total - carryOver,
        FromSameLevel = total - carryOver, CarryOver = carryOver, Other = 0,
    };

    static BudgetLine Line(string name, decimal amount) => new() { Name = name, Amount = amount, Period = $"{Year}-01~{Year}-12" };

    static List<SpendingMilestone> Plan(params decimal[] cumulative) =>
        new[] { "3月底", "6月底", "9月底", "12月底" }.Zip(cumulative, (by, pct) => new SpendingMilestone { By = by, CumulativePercent = pct }).ToList();
}
