using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Features.Projects;

// What the editor posts: one ProjectForm as interchange JSON. Read here, tidied (blank rows dropped,
// targets parsed again on the server) and checked, with every problem told in Chinese at its place.
public static partial class EditorInput
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    // A form, or the located message of what could not be read (a number that is not one …).
    public static (ProjectForm? Form, string? Error) Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return (null, "没有收到表单内容，请刷新页面后重试。");
        try
        {
            var form = JsonSerializer.Deserialize<ProjectForm>(json, Interchange.Json);
            return form == null ? (null, "没有收到表单内容，请刷新页面后重试。") : (form, null);
        }
        catch (JsonException e)
        {
            return (null, $"{Place(e.Path)}：填写的内容无法识别（应为数字的地方请只填数字）。");
        }
    }

    // Whitespace trimmed, rows with nothing in them dropped, targets parsed from the text as typed.
    public static ProjectForm Tidy(ProjectForm form)
    {
        form.Name = form.Name?.Trim() ?? "";
        form.Code = Blank(form.Code);
        form.FunctionClass = Blank(form.FunctionClass);
        form.ImplementingUnit = Blank(form.ImplementingUnit);
        form.StartDate = Blank(form.StartDate);
        form.EndDate = Blank(form.EndDate);
        form.LongTermGoal = Blank(form.LongTermGoal);
        form.AnnualGoal = Blank(form.AnnualGoal);
        form.Funding ??= new Funding();
        form.Funding.SourceUnit = form.Funding.SourceUnit == "万元" ? "万元" : "元";
        form.BudgetLines = (form.BudgetLines ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Name) || l.Amount != null || !string.IsNullOrWhiteSpace(l.Period)).ToList();
        foreach (var l in form.BudgetLines) { l.Name = l.Name?.Trim() ?? ""; l.Period = Blank(l.Period); }
        form.SpendingPlan = (form.SpendingPlan ?? []).Where(s => !string.IsNullOrWhiteSpace(s.By) || s.CumulativePercent != null).ToList();
        foreach (var s in form.SpendingPlan) s.By = s.By?.Trim() ?? "";
        form.Indicators = (form.Indicators ?? []).Where(i => !IsBlank(i)).ToList();
        foreach (var i in form.Indicators)
        {
            i.Level1 = Blank(i.Level1);
            i.Level2 = Blank(i.Level2);
            i.Name = i.Name?.Trim() ?? "";
            i.Description = Blank(i.Description);
            i.Basis = Blank(i.Basis);
            i.Remarks = Blank(i.Remarks);
            i.AnnualTarget = Target(i.AnnualTarget);
            i.PeriodTarget = Target(i.PeriodTarget);
            i.Actual = Target(i.Actual);
        }
        form.Safeguards = (form.Safeguards ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Category) || !string.IsNullOrWhiteSpace(s.Document)
            || !string.IsNullOrWhiteSpace(s.Measures) || s.Stages is { Count: > 0 }).ToList();
        foreach (var s in form.Safeguards) s.Stages = (s.Stages ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        form.People = (form.People ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Role) || !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Phone)).ToList();
        foreach (var p in form.People) { p.Role = p.Role?.Trim() ?? ""; p.Name = Blank(p.Name); p.Phone = Blank(p.Phone); }
        form.Sections = (form.Sections ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Key) && !string.IsNullOrWhiteSpace(s.Value))
            .ToDictionary(s => s.Key.Trim(), s => s.Value.Trim());
        return form;
    }

    // Rows of a new project (a copy, or a form posted for one) get ids afresh when stored.
    public static void ForgetRowIds(ProjectForm form)
    {
        foreach (var i in form.Indicators) i.Id = null;
        foreach (var l in form.BudgetLines) l.Id = null;
        foreach (var m in form.SpendingPlan) m.Id = null;
        foreach (var g in form.Safeguards) g.Id = null;
        foreach (var p in form.People) p.Id = null;
        if (form.SelfEvaluation is { } e) foreach (var x in e.Execution) x.Id = null;
    }

    // What keeps a form from being saved, each with its place on the form.
    public static List<string> Check(ProjectForm form, int? year)
    {
        var errors = new List<string>();
        if (year is not int y) errors.Add("预算年度：必填。");
        else if (y < MinYear || y > MaxYear) errors.Add($"预算年度：{y} 不是有效的年度，应在 {MinYear}—{MaxYear} 之间。");
        if (form.Name.Length == 0) errors.Add("项目名称：必填。");
        else if (form.Name.Length > 200) errors.Add("项目名称：不能超过 200 字。");
        Date(errors, "计划开始日期", form.StartDate);
        Date(errors, "计划完成日期", form.EndDate);
        if (IsDate(form.StartDate) && IsDate(form.EndDate) && string.CompareOrdinal(form.StartDate, form.EndDate) > 0)
            errors.Add("计划完成日期：早于计划开始日期。");
        foreach (var (label, amount) in Amounts(form.Funding))
            if (amount < 0) errors.Add($"{label}：金额不能为负数。");
        for (var n = 0; n < form.BudgetLines.Count; n++)
        {
            var l = form.BudgetLines[n];
            if (l.Name.Length == 0) errors.Add($"项目预算明细第 {n + 1} 行：请填写明细项目名称。");
            if (l.Amount < 0) errors.Add($"项目预算明细第 {n + 1} 行：金额不能为负数。");
        }
        for (var n = 0; n < form.SpendingPlan.Count; n++)
        {
            var s = form.SpendingPlan[n];
            if (s.By.Length == 0) errors.Add($"资金支出计划第 {n + 1} 行：请填写时间节点（如“6月底”）。");
            if (s.CumulativePercent is < 0 or > 100) errors.Add($"资金支出计划第 {n + 1} 行：累计支出比例应在 0—100 之间。");
        }
        for (var n = 0; n < form.Indicators.Count; n++)
        {
            var i = form.Indicators[n];
            if (i.Name.Length == 0) errors.Add($"绩效指标第 {n + 1} 行：请填写三级指标名称。");
            if (i.Weight is < 0) errors.Add($"绩效指标第 {n + 1} 行：分值不能为负数。");
        }
        for (var n = 0; n < form.People.Count; n++)
            if (form.People[n].Role.Length == 0) errors.Add($"人员第 {n + 1} 行：请填写角色（如“项目负责人”）。");
        return errors;
    }

    // The Chinese place of a JSON path the serializer stopped at: "$.budgetLines[2].amount" → "项目预算明细第 3 行 金额".
    public static string Place(string? path)
    {
        var m = PathPattern().Match(path ?? "");
        if (!m.Success) return "表单";
        var head = m.Groups["head"].Value;
        var index = m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : (int?)null;
        var tail = m.Groups["tail"].Success ? m.Groups["tail"].Value : null;
        if (head == "funding" && tail != null) return FundingLabels.GetValueOrDefault(Upper(tail), "项目资金");
        if (Tables.TryGetValue(head, out var table))
        {
            var row = index is int r ? $"第 {r + 1} 行" : "";
            var column = tail != null && table.Columns.TryGetValue(tail, out var c) ? " " + c : "";
            return table.Name + row + column;
        }
        return Fields.GetValueOrDefault(head, "表单");
    }

    [GeneratedRegex(@"^\$\.(?<head>[A-Za-z]+)(?:\[(?<index>\d+)\])?(?:\.(?<tail>[A-Za-z]+))?")]
    private static partial Regex PathPattern();

    static string Upper(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static readonly IReadOnlyDictionary<string, string> FundingLabels = new Dictionary<string, string>
    {
        [nameof(Funding.Total)] = "项目资金总额", [nameof(Funding.AnnualRequest)] = "年度资金申请总额",
        [nameof(Funding.Fiscal)] = "财政资金", [nameof(Funding.Appropriation)] = "当年财政拨款",
        [nameof(Funding.FromHigherLevel)] = "上级财政拨款", [nameof(Funding.FromSameLevel)] = "本级财政安排",
        [nameof(Funding.FromLowerLevel)] = "下级财政配套", [nameof(Funding.CarryOver)] = "上年结转资金",
        [nameof(Funding.SpecialAccount)] = "财政专户拨款", [nameof(Funding.Other)] = "其他资金",
    };

    static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "项目名称", ["code"] = "项目编码", ["category"] = "项目类别", ["attribute"] = "项目属性",
        ["functionClass"] = "预算功能科目", ["implementingUnit"] = "实施单位", ["startDate"] = "计划开始日期",
        ["endDate"] = "计划完成日期", ["longTermGoal"] = "中长期目标", ["annualGoal"] = "年度目标", ["sections"] = "其他内容",
    };

    sealed record Table(string Name, Dictionary<string, string> Columns);

    static readonly Dictionary<string, Table> Tables = new()
    {
        ["budgetLines"] = new("项目预算明细", new() { ["name"] = "明细项目名称", ["amount"] = "金额", ["period"] = "起止时间" }),
        ["spendingPlan"] = new("资金支出计划", new() { ["by"] = "时间节点", ["cumulativePercent"] = "累计支出比例" }),
        ["indicators"] = new("绩效指标", new()
        {
            ["level1"] = "一级指标", ["level2"] = "二级指标", ["name"] = "三级指标", ["annualTarget"] = "年度指标值",
            ["periodTarget"] = "实施周期指标值", ["basis"] = "指标值确定依据", ["description"] = "指标解释",
            ["remarks"] = "备注", ["weight"] = "分值", ["score"] = "得分",
        }),
        ["safeguards"] = new("制度保障", new() { ["category"] = "类别", ["document"] = "文件名称", ["measures"] = "具体措施", ["stages"] = "保障阶段" }),
        ["people"] = new("人员", new() { ["role"] = "角色", ["name"] = "姓名", ["phone"] = "电话" }),
    };

    static IEnumerable<(string Label, decimal? Amount)> Amounts(Funding f) =>
        typeof(Funding).GetProperties().Where(p => p.PropertyType == typeof(decimal?))
            .Select(p => (FundingLabels[p.Name], (decimal?)p.GetValue(f)));

    static void Date(List<string> errors, string label, string? value)
    {
        if (value != null && !IsDate(value)) errors.Add($"{label}：“{value}”不是有效的日期（如 2027-01-01）。");
    }

    // ISO dates; a month alone (2021-01) is what some forms give and stays valid.
    static bool IsDate(string? value) =>
        value != null && (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                          || DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    public static bool IsBlank(Indicator i) =>
        string.IsNullOrWhiteSpace(i.Name) && string.IsNullOrWhiteSpace(i.Description)
        && string.IsNullOrWhiteSpace(i.AnnualTarget?.Raw) && string.IsNullOrWhiteSpace(i.PeriodTarget?.Raw)
        && string.IsNullOrWhiteSpace(i.Basis) && string.IsNullOrWhiteSpace(i.Remarks) && i.Weight == null;

    // Only the text as typed counts: the server parses it, whatever the page sent beside it.
    static TargetValue? Target(TargetValue? t) => string.IsNullOrWhiteSpace(t?.Raw) ? null : TargetValue.Parse(t.Raw.Trim());

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
