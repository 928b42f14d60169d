using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Library;

// The library's first rows: petition indicators (time limits from 《信访工作条例》 2022) and indicators
// common to most projects. Added at every start where missing (by level 1 and name), so it is idempotent
// and never overwrites what an administrator changed.
public static class LibrarySeed
{
    const string Regulation = "《信访工作条例》（2022年）";
    const string Framework = "national-2021";

    static LibraryIndicator R(string level1, string level2, string name, string definition, string? formula, string? unit,
        string direction, string typical, string basis) => new()
    {
        Level1 = level1, Level2 = level2, Name = name, Definition = definition, Formula = formula, Unit = unit,
        Direction = direction, TypicalTarget = typical, Basis = basis, Framework = Framework, Status = LibraryStatus.Accepted,
    };

    const string Output = "产出指标", Outcome = "效益指标", Satisfaction = "满意度指标", Cost = "成本指标";
    const string Quantity = "数量指标", Quality = "质量指标", Timeliness = "时效指标", Social = "社会效益指标",
        Sustainability = "可持续影响指标", Recipient = "服务对象满意度指标", Economic = "经济成本指标";

    public static IReadOnlyList<LibraryIndicator> Rows { get; } =
    [
        // Petition: time limits set by the regulation.
        R(Output, Timeliness, "信访事项及时受理率", "自收到信访事项之日起15日内书面告知信访人是否受理的信访事项，占登记信访事项的比例",
            "15日内告知受理的信访事项数÷登记的信访事项数×100%", "%", "正向", "=100%", Regulation + "第二十三条"),
        R(Output, Timeliness, "信访事项按期转送交办率", "自收到信访事项之日起15日内转送、交办有权处理机关的信访事项所占比例",
            "15日内转送交办的信访事项数÷应转送交办的信访事项数×100%", "%", "正向", "=100%", Regulation + "第二十二条"),
        R(Output, Timeliness, "信访事项按期办结率", "自受理之日起60日内办结（经批准延长的不超过30日）的信访事项所占比例",
            "按期办结的信访事项数÷应办结的信访事项数×100%", "%", "正向", "≥95%", Regulation + "第三十四条"),
        R(Output, Timeliness, "信访事项按期答复率", "在规定期限内出具处理意见并答复信访人的信访事项所占比例",
            "按期答复的信访事项数÷应答复的信访事项数×100%", "%", "正向", "≥95%", Regulation + "第三十四条"),
        R(Output, Timeliness, "复查复核按期答复率", "收到复查、复核请求之日起30日内提出意见并答复的所占比例",
            "30日内答复的复查复核事项数÷受理的复查复核事项数×100%", "%", "正向", "=100%", Regulation + "第三十五条、第三十六条"),
        R(Satisfaction, Recipient, "参评群众满意率", "信访人对信访事项办理作出“满意”评价的比例",
            "“满意”评价数÷收到的评价数×100%", "%", "正向", "≥90%", "国信发〔2022〕11号；满意度口径按当地做法"),
        R(Satisfaction, Recipient, "群众参评率", "信访人对办结的信访事项作出评价的比例",
            "已评价的信访事项数÷可评价的信访事项数×100%", "%", "正向", "≥80%", "当地信访工作考核口径"),
        R(Outcome, Social, "重复信访件数", "同一信访人就同一事项再次提出的信访件数，与上年相比",
            "本年重复信访件数（与上年比较）", "件", "反向", "较上年下降", "历史标准：上年信访事项台账"),
        R(Outcome, Social, "重复信访下降率", "重复信访件数比上年减少的比例",
            "（上年重复信访件数−本年重复信访件数）÷上年重复信访件数×100%", "%", "正向", "较上年下降", "历史标准：上年信访事项台账"),
        R(Outcome, Social, "信访积案化解率", "列入积案台账的信访事项中已化解的比例",
            "已化解积案数÷积案台账总数×100%", "%", "正向", "≥80%", "积案化解工作台账"),
        R(Outcome, Social, "包案化解率", "领导包案的信访事项中已化解的比例",
            "已化解的包案信访事项数÷包案信访事项总数×100%", "%", "正向", "≥80%", "领导包案工作台账"),
        R(Outcome, Social, "初次信访一次性化解率", "初次信访事项经一次办理即化解、信访人不再重复反映的比例",
            "一次性化解的初次信访事项数÷初次信访事项数×100%", "%", "正向", "≥85%", "信访事项台账"),
        // Petition: outputs of the typical projects.
        R(Output, Quantity, "接待来访群众批次", "全年登记接待的来访群众批次", "登记接待的来访批次之和", "批次", "正向", "≥上年实际", "历史标准：上年接待登记"),
        R(Output, Quantity, "开展矛盾纠纷排查次数", "组织开展矛盾纠纷排查化解的次数", "全年组织排查的次数", "次", "正向", "≥12次", "计划标准：每月至少一次"),
        R(Output, Quantity, "律师参与接访人次", "律师参与来访接待、提供法律咨询的人次", "律师参与接访的人次之和", "人次", "正向", "≥100人次", "计划标准"),
        R(Output, Quality, "人民调解成功率", "调解的矛盾纠纷中达成调解协议的比例", "调解成功件数÷调解件数×100%", "%", "正向", "≥70%", "历史标准"),
        R(Output, Quantity, "信访救助人数", "依规获得信访救助的信访人数", "获批救助的人数", "人", "正向", "按救助计划确定", "计划标准：救助资金管理办法"),
        R(Output, Quality, "救助审批合规率", "按规定程序和标准审批的救助事项所占比例", "合规审批的救助事项数÷救助事项总数×100%", "%", "正向", "=100%", "文件规定：信访救助资金管理办法"),
        R(Output, Timeliness, "救助资金发放及时率", "审批后按期发放到位的救助资金所占比例", "按期发放的救助事项数÷获批救助事项数×100%", "%", "正向", "≥95%", "计划标准"),
        R(Output, Quality, "网上信访系统正常运行率", "网上信访系统可正常使用的时间占全年应运行时间的比例", "正常运行时长÷应运行时长×100%", "%", "正向", "≥99%", "行业标准：运维服务合同"),
        R(Output, Timeliness, "系统故障响应时间", "接到系统故障报告至运维人员响应的时间", "单次故障响应时长（取最长或平均）", "小时", "反向", "≤2小时", "行业标准：运维服务合同"),
        R(Output, Quantity, "信访业务培训人次", "参加信访业务和法规培训的人次", "参训人次之和", "人次", "正向", "按培训计划确定", "计划标准"),
        R(Output, Quantity, "信访法治宣传活动次数", "开展《信访工作条例》等法治宣传活动的次数", "开展活动次数之和", "次", "正向", "按宣传计划确定", "计划标准"),
        R(Output, Quality, "编外人员到岗率", "聘用的编外人员实际到岗人数占计划人数的比例", "实际到岗人数÷计划聘用人数×100%", "%", "正向", "≥95%", "计划标准"),
        // Common to most projects.
        R(Output, Timeliness, "项目按期完成率", "按计划时间完成的工作任务所占比例", "按期完成的任务数÷计划任务数×100%", "%", "正向", "=100%", "计划标准"),
        R(Output, Quality, "验收合格率", "通过验收的项目成果（设备、工程、服务）所占比例", "验收合格数÷验收总数×100%", "%", "正向", "=100%", "行业标准"),
        R(Output, Quality, "培训合格率", "培训考核合格的人数所占比例", "考核合格人数÷参训人数×100%", "%", "正向", "≥95%", "计划标准"),
        R(Output, Quality, "设备完好率", "处于完好可用状态的设备所占比例", "完好设备台数÷设备总台数×100%", "%", "正向", "≥98%", "行业标准"),
        R(Output, Quality, "问题整改完成率", "检查、审计、评价发现的问题中已整改完成的比例", "已整改问题数÷发现问题数×100%", "%", "正向", "=100%", "文件规定"),
        R(Cost, Economic, "项目总成本", "完成项目全部产出所需的成本，不应简单等同于预算总额", "各项成本之和", "万元", "反向", "≤核定预算", "财预〔2021〕101号；计划标准"),
        R(Cost, Economic, "单位成本", "单位产出（每人、每次、每件）的成本", "总成本÷产出数量", "元/人", "反向", "≤同类标准", "财预〔2021〕101号；行业标准或历史标准"),
        R(Cost, Economic, "律师参与接访服务单价", "律师驻点接访每人每天的费用", "服务费用÷（人数×天数）", "元/人/天", "反向", "≤合同约定标准", "计划标准：政府采购合同"),
        R(Outcome, Social, "社会公众知晓率", "被调查对象中知晓项目相关政策或服务的比例", "知晓人数÷被调查人数×100%", "%", "正向", "≥80%", "调查问卷"),
        R(Outcome, Sustainability, "长效管理制度健全性", "项目管理、资金管理等制度是否建立健全并得到执行", null, null, "定性", "健全", "文件规定"),
        R(Satisfaction, Recipient, "服务对象满意度", "服务对象对项目实施和服务的满意程度", "满意及基本满意的人数÷调查人数×100%", "%", "正向", "≥90%", "调查问卷"),
    ];

    public static async Task RunAsync(JixiaoDb db)
    {
        var present = (await db.LibraryIndicators.Select(x => new { x.Level1, x.Name }).ToListAsync())
            .Select(x => (x.Level1, x.Name)).ToHashSet();
        var now = DateTime.UtcNow;
        var missing = Rows.Where(r => !present.Contains((r.Level1, r.Name))).ToList();
        if (missing.Count == 0) return;
        foreach (var r in missing)
            db.LibraryIndicators.Add(new LibraryIndicator
            {
                Level1 = r.Level1, Level2 = r.Level2, Name = r.Name, Definition = r.Definition, Formula = r.Formula, Unit = r.Unit,
                Direction = r.Direction, TypicalTarget = r.TypicalTarget, Basis = r.Basis, Framework = r.Framework,
                Status = LibraryStatus.Accepted, ProposedBy = "系统预置", CreatedUtc = now,
            });
        await db.SaveChangesAsync();
    }
}
