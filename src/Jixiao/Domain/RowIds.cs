namespace Jixiao.Domain;

// Row ids: every row of a form keeps one for life. A row typed or pasted in the editor comes with the
// id the page gave it; a row read from a file has none, and takes the id of the row it replaces in the
// form before it (same kind, same words, same occurrence), so that a replacing import keeps the
// findings, comments and actuals that point at its rows.
public static class RowIds
{
    public static void Assign(ProjectForm form, ProjectForm? previous = null)
    {
        Assign(form.Indicators, previous?.Indicators, i => $"{Key(i.Level1)}|{Key(i.Level2)}|{Key(i.Name)}", i => i.Id, (i, id) => i.Id = id);
        Assign(form.BudgetLines, previous?.BudgetLines, l => Key(l.Name), l => l.Id, (l, id) => l.Id = id);
        Assign(form.SpendingPlan, previous?.SpendingPlan, m => Key(m.By), m => m.Id, (m, id) => m.Id = id);
        Assign(form.Safeguards, previous?.Safeguards, g => $"{Key(g.Category)}|{Key(g.Document)}", g => g.Id, (g, id) => g.Id = id);
        Assign(form.People, previous?.People, p => Key(p.Role), p => p.Id, (p, id) => p.Id = id);
        if (form.SelfEvaluation is { } evaluation)
            Assign(evaluation.Execution, previous?.SelfEvaluation?.Execution, e => Key(e.Name), e => e.Id, (e, id) => e.Id = id);
    }

    public static void Assign(List<DepartmentGoal> goals, List<DepartmentGoal>? previous = null) =>
        Assign(goals, previous, g => Key(g.Title), g => g.Id, (g, id) => g.Id = id);

    static void Assign<T>(List<T> rows, List<T>? previous, Func<T, string> key, Func<T, Guid?> get, Action<T, Guid> set)
    {
        var taken = new HashSet<Guid>();
        // Ids the new rows already carry stay theirs, unless two rows claim the same one (a copied row).
        foreach (var row in rows)
            if (get(row) is { } id && !taken.Add(id)) set(row, NewId());
        var inherited = new Dictionary<string, Queue<Guid>>();
        foreach (var old in previous ?? [])
            if (get(old) is { } id && !taken.Contains(id))
            {
                var k = key(old);
                if (!inherited.TryGetValue(k, out var queue)) inherited[k] = queue = new Queue<Guid>();
                queue.Enqueue(id);
            }
        foreach (var row in rows)
        {
            if (get(row) is not null) continue;
            var id = inherited.TryGetValue(key(row), out var queue) && queue.Count > 0 ? queue.Dequeue() : NewId();
            taken.Add(id);
            set(row, id);
        }
    }

    static string Key(string? text) => DomainText.Compact(text);

    // Time-ordered, so ids made one after another sort together in an index.
    public static Guid NewId() => Guid.CreateVersion7();
}

// A project is known in its unit's year by its name, written however the form writes it.
public static class ProjectIdentity
{
    public const int MaxNameKey = 400;

    public static string NameKey(string? name)
    {
        var key = DomainText.Compact(name);
        return key.Length <= MaxNameKey ? key : key[..MaxNameKey];
    }
}
