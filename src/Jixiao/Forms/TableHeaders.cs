using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Forms;

// One kind of table from Profiles/tables.json and what its header row must hold.
public sealed record TableProfile(string Id, string Heads, IReadOnlyList<string> Required, IReadOnlyList<string> AnyOf,
    int MinAnyOf, bool Distinct, int MinCells, bool AllKnown, IReadOnlyList<string> Also);

// A form's shape as data: the traits of the grid and tables that name it.
public sealed record FormLayout(string Id, IReadOnlyList<string> Traits);

// A header row scored against a table profile: the role of each column (a path of labels.json, a
// pattern's name, or null) and the money unit its heads name.
sealed record TableHeader(TableProfile Profile, string?[] Roles, Column[] Columns, string? Unit, int Score);

// The stage that tells whether a row heads a table and of which kind: each profile of the data file is
// tried on the row's cells, the best score among those whose conditions hold wins.
static class TableHeaders
{
    sealed record Data(List<string> Units, Dictionary<string, string> Patterns, List<TableProfile> Tables,
        string FallbackLayout, List<FormLayout> Layouts);
    // As written in the file, where a condition left out is empty.
    sealed record TableData(string Id, string Heads, string[]? Required, string[]? AnyOf, int MinAnyOf, bool Distinct,
        int MinCells, bool AllKnown, string[]? Also);
    sealed record FileData(List<string> Units, Dictionary<string, string> Patterns, List<TableData> Tables,
        string FallbackLayout, List<FormLayout> Layouts);

    static readonly Data Profiles = Load();
    static readonly Dictionary<string, Regex> Patterns =
        Profiles.Patterns.ToDictionary(kv => kv.Key, kv => new Regex(kv.Value, RegexOptions.Compiled));

    public static IReadOnlyList<TableProfile> Tables => Profiles.Tables;
    public static IReadOnlyList<string> Units => Profiles.Units;
    public static IReadOnlyList<FormLayout> Layouts => Profiles.Layouts;

    // The layout whose traits the stages saw most of; ties go to the one listed first.
    public static string LayoutOf(IReadOnlySet<string> traits)
    {
        var (best, bestScore) = (Profiles.FallbackLayout, 0);
        foreach (var layout in Profiles.Layouts)
        {
            var score = layout.Traits.Count(traits.Contains);
            if (score > bestScore) (best, bestScore) = (layout.Id, score);
        }
        return best;
    }

    static Data Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jixiao.Forms.Profiles.tables.json")
            ?? throw new InvalidOperationException("tables.json is not embedded");
        var file = JsonSerializer.Deserialize<FileData>(stream, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
        })!;
        var data = new Data(file.Units, file.Patterns, file.Tables.Select(t => new TableProfile(t.Id, t.Heads, t.Required ?? [],
            t.AnyOf ?? [], t.MinAnyOf, t.Distinct, t.MinCells, t.AllKnown, t.Also ?? [])).ToList(), file.FallbackLayout, file.Layouts);
        foreach (var t in data.Tables)
            foreach (var role in t.Required.Concat(t.AnyOf).Concat(t.Also))
                if (role != "*" && !LabelSet.IsPath(role) && !data.Patterns.ContainsKey(role))
                    throw new InvalidOperationException($"tables.json: table {t.Id} names an unknown role {role}");
        return data;
    }

    // True when the text matches the named pattern of the data file ("milestone", "percent").
    public static bool Is(string pattern, string text) => Patterns[pattern].IsMatch(FormLabels.Norm(text));

    // The money unit a head names in brackets: "全年执行数（万元）" → 万元.
    public static string? UnitOf(string head) =>
        FormLabels.ColumnUnit(head) is { } u && Profiles.Units.Contains(u) ? u : null;

    public static TableHeader? Match(IReadOnlyList<Cell> cells, CachedLabels labels)
    {
        TableHeader? best = null;
        foreach (var profile in Profiles.Tables)
            if (Score(profile, cells, labels) is { } header && (best == null || header.Score > best.Score)) best = header;
        return best;
    }

    static TableHeader? Score(TableProfile profile, IReadOnlyList<Cell> cells, CachedLabels labels)
    {
        var roles = new string?[cells.Count];
        var columns = new Column[cells.Count];
        int filled = 0, known = 0, anyOf = 0;
        string? unit = null;
        HashSet<string>? seen = profile.Distinct ? [] : null;
        for (var c = 0; c < cells.Count; c++)
        {
            var text = cells[c].Text;
            if (text.Length == 0) continue;
            filled++;
            var column = labels.MatchColumn(text);
            columns[c] = column;
            var role = profile.Heads switch
            {
                "columns" => column == Column.None ? null : LabelSet.PathOf(column),
                "fields" => labels.Match(text) is { } f ? LabelSet.PathOf(f.Field) : null,
                _ => PatternRole(text) ?? (labels.Match(text) is { } p ? LabelSet.PathOf(p.Field) : null),
            };
            unit ??= UnitOf(text);
            if (role == null) continue;
            var isAnyOf = profile.AnyOf.Contains(role);
            if (isAnyOf && (seen == null || seen.Add(role))) anyOf++;
            // Only the profile's own roles align a column; other known heads stay in Columns.
            if (!isAnyOf && !profile.Required.Contains(role) && !profile.Also.Contains(role) && !profile.Also.Contains("*")) continue;
            roles[c] = role;
            known++;
        }
        if (filled < profile.MinCells || anyOf < profile.MinAnyOf || (profile.AllKnown && known < filled)) return null;
        foreach (var required in profile.Required)
            if (Array.IndexOf(roles, required) < 0) return null;
        return new TableHeader(profile, roles, columns, unit, known);
    }

    static string? PatternRole(string text)
    {
        foreach (var (name, pattern) in Patterns)
            if (pattern.IsMatch(FormLabels.Norm(text))) return name;
        return null;
    }
}
