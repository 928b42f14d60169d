using System.Globalization;
using Jixiao.Domain;

namespace Jixiao.Features.Api;

// What makes a form sent to the API unusable, each problem located by its JSON path.
public static class FormProblems
{
    public static List<Problem> Of(ProjectForm form, string at)
    {
        var problems = new List<Problem>();
        // JSON null for a part is the part left empty.
        form.Funding ??= new();
        form.Indicators ??= [];
        form.BudgetLines ??= [];
        form.SpendingPlan ??= [];
        form.Safeguards ??= [];
        form.People ??= [];
        form.Sections ??= [];
        if (string.IsNullOrWhiteSpace(form.Name)) problems.Add(new($"{at}.name", "项目名称不能为空"));
        Date(problems, form.StartDate, $"{at}.startDate");
        Date(problems, form.EndDate, $"{at}.endDate");
        if (Parse(form.StartDate) is DateOnly s && Parse(form.EndDate) is DateOnly e && s > e)
            problems.Add(new($"{at}.endDate", "项目结束时间早于开始时间"));
        foreach (var p in typeof(Funding).GetProperties().Where(p => p.PropertyType == typeof(decimal?)))
            if (p.GetValue(form.Funding) is decimal d && d < 0)
                problems.Add(new($"{at}.funding.{char.ToLowerInvariant(p.Name[0])}{p.Name[1..]}", "金额不能为负数"));
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            if (string.IsNullOrWhiteSpace(row.Name)) problems.Add(new($"{at}.indicators[{i}].name", "指标名称不能为空"));
            if (row.Weight is decimal w && (w < 0 || w > 100)) problems.Add(new($"{at}.indicators[{i}].weight", "权重应在 0 到 100 之间"));
        }
        for (var i = 0; i < form.BudgetLines.Count; i++)
            if (form.BudgetLines[i].Amount is decimal a && a < 0) problems.Add(new($"{at}.budgetLines[{i}].amount", "金额不能为负数"));
        Duplicates(problems, form.Indicators.Select(r => r.Id).ToList(), $"{at}.indicators");
        Duplicates(problems, form.BudgetLines.Select(r => r.Id).ToList(), $"{at}.budgetLines");
        Duplicates(problems, form.SpendingPlan.Select(r => r.Id).ToList(), $"{at}.spendingPlan");
        Duplicates(problems, form.Safeguards.Select(r => r.Id).ToList(), $"{at}.safeguards");
        Duplicates(problems, form.People.Select(r => r.Id).ToList(), $"{at}.people");
        return problems;
    }

    // The target values are read again from their text, so a caller need send only "raw".
    public static ProjectForm Normalised(ProjectForm form)
    {
        foreach (var i in form.Indicators)
        {
            if (i.PeriodTarget is { } p) i.PeriodTarget = TargetValue.Parse(p.Raw);
            if (i.AnnualTarget is { } a) i.AnnualTarget = TargetValue.Parse(a.Raw);
            if (i.Actual is { } x) i.Actual = TargetValue.Parse(x.Raw);
        }
        form.Name = form.Name.Trim();
        return form;
    }

    static void Date(List<Problem> problems, string? text, string where)
    {
        if (!string.IsNullOrWhiteSpace(text) && Parse(text) is null)
            problems.Add(new(where, "日期应写作 2026-01-01 或 2026-01"));
    }

    static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static void Duplicates(List<Problem> problems, List<Guid?> ids, string where)
    {
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] is Guid g && !seen.Add(g)) problems.Add(new($"{where}[{i}].id", "行编号与前面的行重复"));
    }
}
