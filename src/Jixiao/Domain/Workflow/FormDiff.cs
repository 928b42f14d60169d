using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jixiao.Domain.Workflow;

public enum RowChangeKind { Added, Removed, Changed }

// One field that differs: its interchange name (funding.total, sections.立项依据, annualTarget …), before and after as text.
public sealed record FieldChange(string Field, string? Before, string? After);

// One row that differs, found by its row id: a row that moved but kept its words is not a change.
public sealed record RowChange(string Part, Guid? RowId, RowChangeKind Change, string Label, IReadOnlyList<FieldChange> Fields);

public sealed record FormChanges(IReadOnlyList<FieldChange> Fields, IReadOnlyList<RowChange> Rows)
{
    public bool IsEmpty => Fields.Count == 0 && Rows.Count == 0;
}

// Two versions of a form compared field by field and row by row, rows matched by their id, not their place.
public static class FormDiff
{
    public static FormChanges Compare(ProjectForm before, ProjectForm after)
    {
        var fields = new List<FieldChange>();
        Scalars(before, after, "", fields);
        Scalars(before.Funding ?? new(), after.Funding ?? new(), "funding.", fields);
        foreach (var key in (before.Sections ?? []).Keys.Union((after.Sections ?? []).Keys).Order(StringComparer.Ordinal))
            Add(fields, "sections." + key, (before.Sections ?? []).GetValueOrDefault(key), (after.Sections ?? []).GetValueOrDefault(key));
        if (before.SelfEvaluation != null || after.SelfEvaluation != null)
            Scalars(before.SelfEvaluation ?? new(), after.SelfEvaluation ?? new(), "selfEvaluation.", fields);

        var rows = new List<RowChange>();
        Rows(rows, "indicators", before.Indicators, after.Indicators, i => i.Id, i => i.Name);
        Rows(rows, "budgetLines", before.BudgetLines, after.BudgetLines, l => l.Id, l => l.Name);
        Rows(rows, "spendingPlan", before.SpendingPlan, after.SpendingPlan, m => m.Id, m => m.By);
        Rows(rows, "safeguards", before.Safeguards, after.Safeguards, s => s.Id, s => s.Category ?? s.Document ?? "");
        Rows(rows, "people", before.People, after.People, p => p.Id, p => p.Role);
        Rows(rows, "selfEvaluation.execution", before.SelfEvaluation?.Execution ?? [], after.SelfEvaluation?.Execution ?? [], e => e.Id, e => e.Name);
        return new FormChanges(fields, rows);
    }

    static void Rows<T>(List<RowChange> changes, string part, List<T> before, List<T> after, Func<T, Guid?> id, Func<T, string> label)
        where T : class
    {
        var old = new Dictionary<Guid, T>();
        foreach (var row in before)
            if (id(row) is Guid g) old.TryAdd(g, row);
        var matched = new HashSet<T>(ReferenceEqualityComparer.Instance);
        foreach (var row in after)
        {
            if (id(row) is Guid g && old.TryGetValue(g, out var was) && matched.Add(was))
            {
                var fields = new List<FieldChange>();
                Scalars(was, row, "", fields);
                if (fields.Count > 0) changes.Add(new RowChange(part, g, RowChangeKind.Changed, label(row), fields));
            }
            else changes.Add(new RowChange(part, id(row), RowChangeKind.Added, label(row), Values(row, added: true)));
        }
        foreach (var row in before)
            if (!matched.Contains(row))
                changes.Add(new RowChange(part, id(row), RowChangeKind.Removed, label(row), Values(row, added: false)));
    }

    // The filled fields of a row that came or went, so the comparison can show what it held.
    static List<FieldChange> Values<T>(T row, bool added) where T : class
    {
        var fields = new List<FieldChange>();
        foreach (var (name, get) in Properties(typeof(T)))
            if (Text(get(row)) is { } text)
                fields.Add(added ? new FieldChange(name, null, text) : new FieldChange(name, text, null));
        return fields;
    }

    static void Scalars<T>(T before, T after, string prefix, List<FieldChange> changes) where T : class
    {
        foreach (var (name, get) in Properties(typeof(T)))
            Add(changes, prefix + name, Text(get(before)), Text(get(after)));
    }

    static void Add(List<FieldChange> changes, string field, string? before, string? after)
    {
        if (Blank(before) && Blank(after)) return;
        if (before != after) changes.Add(new FieldChange(field, before, after));
    }

    static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    // The fields compared: the row's own values, not its id (a Guid, which IsValue leaves out) nor the nested
    // parts compared on their own.
    static IEnumerable<(string Name, Func<object, object?> Get)> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Where(p => IsValue(p.PropertyType))
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), (Func<object, object?>)p.GetValue));

    static bool IsValue(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(string) || u == typeof(decimal) || u == typeof(int) || u.IsEnum || u == typeof(TargetValue) || u == typeof(List<string>);
    }

    static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString("0.######", CultureInfo.InvariantCulture),
        TargetValue t => t.Raw,
        IEnumerable<string> list => list.Any() ? string.Join("、", list) : null,
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
