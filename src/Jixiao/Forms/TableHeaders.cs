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

    // The layout whose traits the stages saw most of; ties go to the one listed first.
    public static string LayoutOf(IReadOnlySet<string> traits)
    {
        var (best, bestScore) = (Profiles.FallbackLayout, 0);
        foreach (var layout in Profiles.Layouts)
        {
            var score = 0;
            for (var k = 0; k < layout.Traits.Count; k++) if (traits.Contains(layout.Traits[k])) score++;   // no boxed enumerator
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
        {
            // Scoring keeps the roles found in a 32-bit mask.
            if (t.Required.Count > 32 || t.AnyOf.Count > 32) throw new InvalidOperationException($"tables.json: table {t.Id} lists too many roles");
            foreach (var role in t.Required.Concat(t.AnyOf).Concat(t.Also))
                if (role != "*" && !LabelSet.IsPath(role) && !data.Patterns.ContainsKey(role))
                    throw new InvalidOperationException($"tables.json: table {t.Id} names an unknown role {role}");
        }
        return data;
    }

    // True when the text matches the named pattern of the data file ("milestone", "percent").
    public static bool Is(string pattern, string text) => Patterns[pattern].IsMatch(FormLabels.Norm(text));

    // The money unit a head names in brackets: "全年执行数（万元）" → 万元.
    public static string? UnitOf(string head)
    {
        var m = Bracket.Match(FormLabels.Norm(head));
        return m.Success && Profiles.Units.Contains(m.Groups[1].Value) ? m.Groups[1].Value : null;
    }

    static readonly Regex Bracket = new(@"[（(]([^）)]*)[)）]", RegexOptions.Compiled);

    // Every row of a form is asked about: the profiles are scored without allocating, and only the
    // winner's roles are written out.
    public static TableHeader? Match(IReadOnlyList<Cell> cells, CachedLabels labels)
    {
        TableProfile? best = null;
        var bestScore = 0;
        foreach (var profile in Profiles.Tables)
            if (Score(profile, cells, labels) is var score && score > bestScore) (best, bestScore) = (profile, score);
        return best == null ? null : Align(best, cells, labels, bestScore);
    }

    // The number of the row's cells the profile knows, or 0 when its conditions do not hold.
    static int Score(TableProfile profile, IReadOnlyList<Cell> cells, CachedLabels labels)
    {
        int filled = 0, known = 0, anyOf = 0;
        uint seen = 0, required = 0;
        for (var c = 0; c < cells.Count; c++)   // an index, not foreach: no boxed enumerator per row and profile
        {
            var text = cells[c].Text;
            if (text.Length == 0) continue;
            filled++;
            if (RoleOf(profile, text, labels) is not { } role) continue;
            var a = IndexOf(profile.AnyOf, role);
            var r = IndexOf(profile.Required, role);
            if (a >= 0 && (!profile.Distinct || (seen & (1u << a)) == 0)) { anyOf++; seen |= 1u << a; }
            if (r >= 0) required |= 1u << r;
            if (a >= 0 || r >= 0 || IsAlso(profile, role)) known++;
        }
        var allRequired = required == (1u << profile.Required.Count) - 1;
        return filled >= profile.MinCells && anyOf >= profile.MinAnyOf && allRequired && (!profile.AllKnown || known == filled) ? known : 0;
    }

    static TableHeader Align(TableProfile profile, IReadOnlyList<Cell> cells, CachedLabels labels, int score)
    {
        var roles = new string?[cells.Count];
        var columns = new Column[cells.Count];
        string? unit = null;
        for (var c = 0; c < cells.Count; c++)
        {
            var text = cells[c].Text;
            if (text.Length == 0) continue;
            columns[c] = labels.MatchColumn(text);
            unit ??= UnitOf(text);
            // Only the profile's own roles align a column; other known heads stay in Columns.
            if (RoleOf(profile, text, labels) is { } role
                && (IndexOf(profile.AnyOf, role) >= 0 || IndexOf(profile.Required, role) >= 0 || IsAlso(profile, role)))
                roles[c] = role;
        }
        return new TableHeader(profile, roles, columns, unit, score);
    }

    static string? RoleOf(TableProfile profile, string text, CachedLabels labels) => profile.Heads switch
    {
        "columns" => labels.MatchColumn(text) is var column and not Column.None ? LabelSet.PathOf(column) : null,
        "fields" => labels.Match(text) is { } f ? LabelSet.PathOf(f.Field) : null,
        _ => PatternRole(text) ?? (labels.Match(text) is { } p ? LabelSet.PathOf(p.Field) : null),
    };

    static bool IsAlso(TableProfile profile, string role) => IndexOf(profile.Also, role) >= 0 || IndexOf(profile.Also, "*") >= 0;

    static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }

    static string? PatternRole(string text)
    {
        var n = FormLabels.Norm(text);   // once, not once per pattern
        foreach (var (name, pattern) in Patterns)
            if (pattern.IsMatch(n)) return name;
        return null;
    }
}
