using System.Text.RegularExpressions;

namespace Jixiao.Forms;

// What a form's label means. The reader is driven by these words, not by the position of a cell
// in one known layout: the same field has many labels (项目资金总额 / 预算数 / 总计).
enum Field
{
    ProjectName, ProjectCode, Category, Attribute, Nature, FunctionClass, ImplementingUnit,
    StartDate, EndDate, Period, Term, Year,
    Total, AnnualRequest, Fiscal, Appropriation, FromHigherLevel, FromSameLevel, FromLowerLevel,
    CarryOver, SpecialAccount, Other,
    LongTermGoal, AnnualGoal, AnnualGoalActual, TotalScore, Grade,
    Person, UnitName, UnitCode, SupervisingDepartment, Functions, MoneyUnit,
    Section, DocumentSection, Group, Sum,
    SpendingPlan, BudgetLines, Safeguards,
}

// Column heads of the tables inside a form.
enum Column
{
    None, Section, Level1, Level2, Name, Description, Target, AnnualTarget, PeriodTarget,
    Operator, Number, Unit, Basis, Remarks, Weight,
    LineName, Amount, LinePeriod,
    Document, Measures, Stage,
    Actual, Score, DeviationCause, Direction,
    InitialBudget, AnnualBudget, Executed, ExecutionRate,
    RowField,   // a form field repeated on every row of a flat export: 项目名称, 资金总额 …
}

sealed record LabelMatch(Field Field, string Label, string? Unit, string? Qualifier);

static partial class FormLabels
{
    static readonly Dictionary<string, Field> Fields = new()
    {
        ["项目名称"] = Field.ProjectName, ["项目编码"] = Field.ProjectCode, ["项目代码"] = Field.ProjectCode,
        ["项目类别"] = Field.Category, ["项目类型"] = Field.Category, ["项目属性"] = Field.Attribute,
        ["项目性质"] = Field.Nature,
        ["预算功能科目"] = Field.FunctionClass, ["功能科目"] = Field.FunctionClass, ["功能分类科目"] = Field.FunctionClass,
        ["实施单位"] = Field.ImplementingUnit, ["项目单位"] = Field.ImplementingUnit, ["项目实施单位"] = Field.ImplementingUnit,
        ["计划开始日期"] = Field.StartDate, ["起始日期"] = Field.StartDate, ["开始日期"] = Field.StartDate, ["开始时间"] = Field.StartDate,
        ["项目开始时间"] = Field.StartDate, ["计划开始时间"] = Field.StartDate,
        ["计划完成日期"] = Field.EndDate, ["结束日期"] = Field.EndDate, ["完成日期"] = Field.EndDate, ["结束时间"] = Field.EndDate,
        ["项目结束时间"] = Field.EndDate, ["计划结束时间"] = Field.EndDate, ["计划完成时间"] = Field.EndDate,
        ["项目实施起止时间"] = Field.Period, ["起止时间"] = Field.Period, ["项目起止时间"] = Field.Period,
        ["实施期限"] = Field.Period, ["项目期限"] = Field.Period, ["实施周期"] = Field.Period,
        ["建设周期"] = Field.Period, ["项目周期"] = Field.Period, ["项目期"] = Field.Term,
        ["预算年度"] = Field.Year, ["申报年度"] = Field.Year, ["项目年度"] = Field.Year,
        ["项目资金总额"] = Field.Total, ["预算数"] = Field.Total, ["总计"] = Field.Total, ["项目总预算"] = Field.Total,
        ["资金总额"] = Field.Total, ["预算金额"] = Field.Total, ["项目预算"] = Field.Total,
        ["中期资金总额"] = Field.Total, ["实施期资金总额"] = Field.Total,
        ["年度资金申请总额"] = Field.AnnualRequest, ["本年度预算申请"] = Field.AnnualRequest, ["当年预算"] = Field.AnnualRequest,
        ["年度预算"] = Field.AnnualRequest, ["年度资金总额"] = Field.AnnualRequest, ["本年申请"] = Field.AnnualRequest,
        ["财政资金"] = Field.Fiscal,
        ["财政拨款"] = Field.Appropriation, ["当年财政拨款"] = Field.Appropriation, ["本年财政拨款"] = Field.Appropriation,
        ["上级财政拨款"] = Field.FromHigherLevel, ["本级财政安排"] = Field.FromSameLevel, ["下级财政配套"] = Field.FromLowerLevel,
        ["上年结转资金"] = Field.CarryOver, ["上年度项目资金结转"] = Field.CarryOver, ["上年结转"] = Field.CarryOver,
        ["财政专户拨款"] = Field.SpecialAccount, ["财政专户管理资金"] = Field.SpecialAccount,
        ["其他资金"] = Field.Other, ["本年度安排其他资金"] = Field.Other,
        ["项目总目标"] = Field.LongTermGoal, ["中长期目标"] = Field.LongTermGoal, ["实施周期目标"] = Field.LongTermGoal,
        ["长期目标"] = Field.LongTermGoal, ["中期目标"] = Field.LongTermGoal, ["实施期目标"] = Field.LongTermGoal,
        ["总体目标"] = Field.Group,
        ["年度总目标"] = Field.AnnualGoal, ["年度绩效目标"] = Field.AnnualGoal, ["年度目标"] = Field.AnnualGoal,
        ["绩效目标"] = Field.AnnualGoal, ["年度总体目标"] = Field.AnnualGoal, ["预期目标"] = Field.AnnualGoal,
        ["年度预期目标"] = Field.AnnualGoal,
        ["实际完成情况"] = Field.AnnualGoalActual, ["目标完成情况"] = Field.AnnualGoalActual,
        ["年度目标完成情况"] = Field.AnnualGoalActual, ["年度总体目标完成情况"] = Field.AnnualGoalActual,
        ["总体目标完成情况"] = Field.AnnualGoalActual,
        ["总分"] = Field.TotalScore, ["自评总分"] = Field.TotalScore, ["总得分"] = Field.TotalScore,
        ["自评等级"] = Field.Grade, ["评价等级"] = Field.Grade, ["自评等次"] = Field.Grade, ["绩效等级"] = Field.Grade,
        ["项目负责人"] = Field.Person, ["联系人"] = Field.Person, ["联系电话"] = Field.Person, ["编报人"] = Field.Person,
        ["填报人"] = Field.Person, ["部门负责人"] = Field.Person, ["单位负责人"] = Field.Person, ["财务负责人"] = Field.Person,
        ["审核人"] = Field.Person, ["主管部门负责人及联系电话"] = Field.Person, ["项目单位负责人及联系电话"] = Field.Person,
        ["项目负责人及联系电话"] = Field.Person, ["单位负责人及联系电话"] = Field.Person,
        ["填表人"] = Field.Person, ["经办人"] = Field.Person,
        ["部门名称"] = Field.UnitName, ["编报部门"] = Field.UnitName, ["填报单位"] = Field.UnitName, ["单位名称"] = Field.UnitName,
        ["预算单位"] = Field.UnitName, ["编报单位"] = Field.UnitName, ["申报单位"] = Field.UnitName,
        ["部门预算代码"] = Field.UnitCode, ["单位编码"] = Field.UnitCode, ["单位代码"] = Field.UnitCode,
        ["预算单位编码"] = Field.UnitCode, ["部门编码"] = Field.UnitCode,
        ["主管部门"] = Field.SupervisingDepartment, ["主管部门及主管部门编码"] = Field.SupervisingDepartment,
        ["主管部门名称"] = Field.SupervisingDepartment, ["主管部门及代码"] = Field.SupervisingDepartment,
        ["主管部门及编码"] = Field.SupervisingDepartment,
        ["部门职能"] = Field.Functions, ["单位职能"] = Field.Functions, ["主要职能"] = Field.Functions,
        ["金额单位"] = Field.MoneyUnit, ["单位"] = Field.MoneyUnit, ["资金单位"] = Field.MoneyUnit,
        ["项目概况"] = Field.Section, ["项目概述"] = Field.Section, ["项目立项情况"] = Field.Section,
        ["项目立项依据"] = Field.Section, ["立项依据"] = Field.Section, ["项目实施必要性及可行性"] = Field.Section,
        ["必要性"] = Field.Section, ["可行性"] = Field.Section, ["项目相关资源投入和制度建设情况"] = Field.Section,
        ["需要说明的其他问题"] = Field.Section, ["项目构成"] = Field.Section, ["资金用途"] = Field.Section,
        ["用途"] = Field.Section, ["实施方案"] = Field.Section, ["实施主体"] = Field.Section, ["项目内容"] = Field.Section,
        ["主要内容"] = Field.Section, ["其他说明"] = Field.Section,
        ["备注"] = Field.Section, ["说明"] = Field.Section,
        ["编报时间"] = Field.DocumentSection, ["编报日期"] = Field.DocumentSection, ["填报日期"] = Field.DocumentSection,
        ["填报时间"] = Field.DocumentSection,
        ["项目资金"] = Field.Group, ["项目绩效目标"] = Field.Group, ["绩效指标"] = Field.Group,
        ["项目绩效指标"] = Field.Group, ["项目基本情况"] = Field.Group, ["项目单位基本情况"] = Field.Group,
        ["项目情况"] = Field.Group, ["资金情况"] = Field.Group, ["资金来源"] = Field.Group, ["项目资金来源"] = Field.Group, ["项目资金构成"] = Field.Group,
        ["项目总体目标"] = Field.Group, ["预算规模及资金用途"] = Field.Group, ["预算规模"] = Field.Group,
        ["合计"] = Field.Sum, ["小计"] = Field.Sum,
        ["资金支出计划"] = Field.SpendingPlan, ["支出计划"] = Field.SpendingPlan, ["资金使用计划"] = Field.SpendingPlan,
        ["项目预算明细"] = Field.BudgetLines, ["预算明细"] = Field.BudgetLines,
        ["制度保障"] = Field.Safeguards,
    };

    static readonly Dictionary<string, Column> Columns = new()
    {
        ["一级指标"] = Column.Level1, ["一级目标"] = Column.Level1,
        ["二级指标"] = Column.Level2, ["二级目标"] = Column.Level2,
        ["三级指标"] = Column.Name, ["三级目标"] = Column.Name, ["指标名称"] = Column.Name, ["绩效指标名称"] = Column.Name,
        ["绩效指标描述"] = Column.Description, ["指标描述"] = Column.Description, ["指标解释"] = Column.Description,
        ["指标说明"] = Column.Description, ["指标内容"] = Column.Description,
        ["指标值"] = Column.Target, ["目标值"] = Column.Target, ["绩效指标值"] = Column.Target,
        ["年度指标值"] = Column.AnnualTarget, ["年度目标值"] = Column.AnnualTarget,
        ["实施周期指标值"] = Column.PeriodTarget, ["中长期指标值"] = Column.PeriodTarget, ["总体指标值"] = Column.PeriodTarget,
        ["中期指标值"] = Column.PeriodTarget, ["实施期指标值"] = Column.PeriodTarget, ["中期目标值"] = Column.PeriodTarget,
        ["符号"] = Column.Operator, ["运算符"] = Column.Operator, ["比较符"] = Column.Operator,
        ["数值"] = Column.Number, ["计量单位"] = Column.Unit, ["度量单位"] = Column.Unit,
        ["指标值确定依据"] = Column.Basis, ["确定依据"] = Column.Basis, ["指标值设定依据"] = Column.Basis,
        ["备注"] = Column.Remarks, ["权重"] = Column.Weight, ["分值"] = Column.Weight,
        ["明细项目名称"] = Column.LineName, ["明细项目"] = Column.LineName, ["支出明细"] = Column.LineName,
        ["金额"] = Column.Amount,
        ["文件名称"] = Column.Document, ["具体措施"] = Column.Measures, ["保障阶段"] = Column.Stage,
        // Year-end self-evaluation (自评表) and monitoring tables.
        ["实际完成值"] = Column.Actual, ["全年实际值"] = Column.Actual, ["实际值"] = Column.Actual,
        ["年度实际完成值"] = Column.Actual, ["实际完成数"] = Column.Actual, ["全年完成值"] = Column.Actual,
        ["得分"] = Column.Score, ["自评得分"] = Column.Score,
        ["偏差原因分析及改进措施"] = Column.DeviationCause, ["未完成原因和改进措施"] = Column.DeviationCause,
        ["未完成原因分析及改进措施"] = Column.DeviationCause, ["偏差原因及改进措施"] = Column.DeviationCause,
        ["原因分析及改进措施"] = Column.DeviationCause, ["偏差原因分析"] = Column.DeviationCause,
        ["偏差原因"] = Column.DeviationCause,
        ["指标方向"] = Column.Direction, ["指标值方向"] = Column.Direction,
        ["年初预算数"] = Column.InitialBudget, ["年初预算"] = Column.InitialBudget,
        ["全年预算数"] = Column.AnnualBudget, ["全年预算"] = Column.AnnualBudget, ["调整后预算数"] = Column.AnnualBudget,
        ["预算数"] = Column.AnnualBudget,
        ["全年执行数"] = Column.Executed, ["执行数"] = Column.Executed, ["实际执行数"] = Column.Executed,
        ["全年实际支出"] = Column.Executed, ["实际支出数"] = Column.Executed,
        ["执行率"] = Column.ExecutionRate, ["预算执行率"] = Column.ExecutionRate,
    };

    // Every label and column head: the words a form uses for its structure rather than its content.
    internal static IEnumerable<string> Words => Fields.Keys.Concat(Columns.Keys)
        .Concat(["其中", "项目经费情况说明"]);

    // The group label that, given years and a text, is the goal of the whole period.
    internal static bool OverallGoal(string label) => label is "项目总体目标" or "总体目标";

    internal static IEnumerable<string> GroupLabels => Fields.Where(kv => kv.Value == Field.Group).Select(kv => kv.Key);

    public static string Norm(string text) => Jixiao.Domain.DomainText.Compact(text);

    // A cell that is a label and nothing else: "项目资金 (元)", "其中：财政    资金", "编报人(签字)：".
    public static LabelMatch? Match(string cellText)
    {
        var t = Norm(cellText).TrimEnd('：', ':');
        if (t.StartsWith("其中")) t = t[2..].TrimStart('：', ':');
        string? unit = null, qualifier = null;
        var bare = Paren().Replace(t, m =>
        {
            var inner = m.Groups[1].Value;
            if (inner is "元" or "万元") unit = inner;
            else if (inner.Any(char.IsDigit)) qualifier = inner;
            return "";
        }).TrimEnd('：', ':');
        return Fields.TryGetValue(bare, out var field) ? new LabelMatch(field, bare, unit, qualifier) : null;
    }

    public static Column MatchColumn(string cellText)
    {
        var t = Norm(cellText).TrimEnd('：', ':');
        var bare = Paren().Replace(t, "");
        return Columns.TryGetValue(bare, out var c) ? c : Column.None;
    }

    public static string? ColumnUnit(string cellText)
    {
        var m = Paren().Match(Norm(cellText));
        return m.Success && m.Groups[1].Value is "元" or "万元" ? m.Groups[1].Value : null;
    }

    // Labels written inside one cell with their values: "金额单位：元", "填报单位（盖章）闵行区信访办公室",
    // "一、项目总预算： 二、当年预算：". A label needs a colon, a bracketed remark or the end of the text
    // after it, so a sentence that merely starts with a label word is not taken apart.
    static readonly Regex InlineLabel = BuildInline();

    static Regex BuildInline()
    {
        var words = Fields.Keys.OrderByDescending(k => k.Length)
            .Select(k => string.Join(@"\s*", k.Select(ch => Regex.Escape(ch.ToString()))));
        var numbering = @"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+\s*[.．、])?\s*";
        var pattern = $@"(?<=^|[\s；;，,。|])(?<num>{numbering})(?:其中\s*[：:]?\s*)?(?<label>{string.Join("|", words)})" +
                      @"\s*(?<paren>[（(][^）)]{0,12}[)）])?\s*(?<colon>[：:])?";
        return new Regex(pattern, RegexOptions.Compiled);
    }

    public sealed record InlinePair(LabelMatch Label, string Value);

    // The pairs of a cell that starts with a label; null when it does not.
    public static List<InlinePair>? MatchInline(string text)
    {
        var matches = InlineLabel.Matches(text).Where(m => m.Groups["colon"].Success || m.Groups["paren"].Success
            || m.Index + m.Length == text.TrimEnd().Length).ToList();
        if (matches.Count == 0)
        {
            // "年度绩效目标 全年化解…": text copied from a PDF keeps a label and its value apart by a space only.
            var parts = text.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && Match(parts[0]) is { Field: not Field.Group } spaced ? [new InlinePair(spaced, parts[1])] : null;
        }
        if (text[..matches[0].Index].Trim() != "") return null;
        var pairs = new List<InlinePair>();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var label = Match(m.Groups["label"].Value + m.Groups["paren"].Value);
            if (label == null) continue;
            pairs.Add(new InlinePair(label, text[(m.Index + m.Length)..end].Trim()));
        }
        return pairs.Count > 0 ? pairs : null;
    }

    // Removes the spaces and line breaks that conversion put inside Chinese words ("产出指 标",
    // "服务对象满 意度指标") while keeping spaces between Latin words and numbers.
    public static string Mend(string text) => CjkGap().Replace(text.Trim(), "");

    [GeneratedRegex(@"[（(]([^）)]*)[)）]")]
    private static partial Regex Paren();
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{P}])\s+|\s+(?=[\p{IsCJKUnifiedIdeographs}\p{P}])")]
    private static partial Regex CjkGap();
}
