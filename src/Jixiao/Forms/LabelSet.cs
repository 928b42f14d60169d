using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Forms;

// One layout profile from Profiles/labels.json: the labels it adds to the generic ones, and the marks
// (words only its forms carry) that choose it.
public sealed record LayoutProfile(string Id, string Name, IReadOnlyList<string> Marks, int MinScore,
    IReadOnlyDictionary<string, string[]> Fields, IReadOnlyDictionary<string, string[]> Columns);

// The labels a form is read with: the generic ones from the data file, plus those of the layout
// profile that scores best on the form. Label → field comes from data; only the field path → Field
// table below is code, since each Field has its own handling in the reader.
sealed partial class LabelSet
{
    static readonly Dictionary<string, Field> FieldPaths = new()
    {
        ["project.name"] = Field.ProjectName,
        ["project.code"] = Field.ProjectCode,
        ["project.category"] = Field.Category,
        ["project.attribute"] = Field.Attribute,
        ["project.nature"] = Field.Nature,
        ["project.functionClass"] = Field.FunctionClass,
        ["project.implementingUnit"] = Field.ImplementingUnit,
        ["project.startDate"] = Field.StartDate,
        ["project.endDate"] = Field.EndDate,
        ["project.period"] = Field.Period,
        ["project.term"] = Field.Term,
        ["document.fiscalYear"] = Field.Year,
        ["funding.total"] = Field.Total,
        ["funding.annualRequest"] = Field.AnnualRequest,
        ["funding.fiscal"] = Field.Fiscal,
        ["funding.appropriation"] = Field.Appropriation,
        ["funding.fromHigherLevel"] = Field.FromHigherLevel,
        ["funding.fromSameLevel"] = Field.FromSameLevel,
        ["funding.fromLowerLevel"] = Field.FromLowerLevel,
        ["funding.carryOver"] = Field.CarryOver,
        ["funding.specialAccount"] = Field.SpecialAccount,
        ["funding.other"] = Field.Other,
        ["project.longTermGoal"] = Field.LongTermGoal,
        ["group"] = Field.Group,
        ["project.annualGoal"] = Field.AnnualGoal,
        ["selfEvaluation.annualGoalActual"] = Field.AnnualGoalActual,
        ["selfEvaluation.totalScore"] = Field.TotalScore,
        ["selfEvaluation.grade"] = Field.Grade,
        ["people"] = Field.Person,
        ["unit.name"] = Field.UnitName,
        ["unit.code"] = Field.UnitCode,
        ["unit.supervisingDepartment"] = Field.SupervisingDepartment,
        ["unit.functions"] = Field.Functions,
        ["funding.sourceUnit"] = Field.MoneyUnit,
        ["project.sections"] = Field.Section,
        ["document.sections"] = Field.DocumentSection,
        ["sum"] = Field.Sum,
        ["project.spendingPlan"] = Field.SpendingPlan,
        ["project.budgetLines"] = Field.BudgetLines,
        ["project.safeguards"] = Field.Safeguards,
    };

    static readonly Dictionary<string, Column> ColumnPaths = new()
    {
        ["indicator.level1"] = Column.Level1,
        ["indicator.level2"] = Column.Level2,
        ["indicator.name"] = Column.Name,
        ["indicator.description"] = Column.Description,
        ["indicator.target"] = Column.Target,
        ["indicator.annualTarget"] = Column.AnnualTarget,
        ["indicator.periodTarget"] = Column.PeriodTarget,
        ["target.operator"] = Column.Operator,
        ["target.number"] = Column.Number,
        ["target.unit"] = Column.Unit,
        ["indicator.basis"] = Column.Basis,
        ["indicator.remarks"] = Column.Remarks,
        ["indicator.weight"] = Column.Weight,
        ["budgetLine.name"] = Column.LineName,
        ["budgetLine.amount"] = Column.Amount,
        ["safeguard.document"] = Column.Document,
        ["safeguard.measures"] = Column.Measures,
        ["safeguard.stages"] = Column.Stage,
        ["indicator.actual"] = Column.Actual,
        ["indicator.score"] = Column.Score,
        ["indicator.deviationCause"] = Column.DeviationCause,
        ["target.direction"] = Column.Direction,
        ["execution.initialBudget"] = Column.InitialBudget,
        ["execution.annualBudget"] = Column.AnnualBudget,
        ["execution.executed"] = Column.Executed,
        ["execution.executionRate"] = Column.ExecutionRate,
    };

    static readonly Dictionary<Field, string> FieldPathOf = FieldPaths.ToDictionary(kv => kv.Value, kv => kv.Key);
    static readonly Dictionary<Column, string> ColumnPathOf = ColumnPaths.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static bool IsPath(string path) => FieldPaths.ContainsKey(path) || ColumnPaths.ContainsKey(path);
    public static string PathOf(Field field) => FieldPathOf[field];
    public static string PathOf(Column column) => ColumnPathOf[column];

    readonly Dictionary<string, Field> fields = [];
    readonly Dictionary<string, Column> columns = [];
    readonly Regex inline;

    public LayoutProfile? Profile { get; }

    LabelSet(LabelData data, LayoutProfile? profile)
    {
        Profile = profile;
        Add(data.Fields, data.Columns);
        if (profile != null) Add(profile.Fields, profile.Columns);
        inline = BuildInline(fields.Keys);
    }

    void Add(IReadOnlyDictionary<string, string[]> fieldLabels, IReadOnlyDictionary<string, string[]> columnLabels)
    {
        foreach (var (path, labels) in fieldLabels)
        {
            if (!FieldPaths.TryGetValue(path, out var field))
                throw new InvalidOperationException($"labels.json: unknown field path {path}");
            foreach (var label in labels) fields[label] = field;   // a profile's label overrides the generic one
        }
        foreach (var (path, labels) in columnLabels)
        {
            if (!ColumnPaths.TryGetValue(path, out var column))
                throw new InvalidOperationException($"labels.json: unknown column path {path}");
            foreach (var label in labels) columns[label] = column;
        }
    }

    sealed record LabelData(Dictionary<string, string[]> Fields, Dictionary<string, string[]> Columns, List<ProfileData> Profiles);
    sealed record ProfileData(string Id, string Name, string[] Marks, int MinScore,
        Dictionary<string, string[]>? Fields, Dictionary<string, string[]>? Columns);

    static readonly LabelData Data = Load();

    static LabelData Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jixiao.Forms.Profiles.labels.json")
            ?? throw new InvalidOperationException("labels.json is not embedded");
        return JsonSerializer.Deserialize<LabelData>(stream, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
        })!;
    }

    public static IReadOnlyList<LayoutProfile> Profiles { get; } = Data.Profiles
        .Select(p => new LayoutProfile(p.Id, p.Name, p.Marks, p.MinScore,
            p.Fields ?? [], p.Columns ?? [])).ToList();

    public static LabelSet Generic { get; } = new(Data, null);

    // Built once per profile: the inline pattern is compiled.
    static readonly Dictionary<string, LabelSet> ByProfile = Profiles.ToDictionary(p => p.Id, p => new LabelSet(Data, p));

    // Every label and column head of every profile: the words a form uses for its structure.
    public static IEnumerable<string> Words => Data.Fields.Values.Concat(Data.Columns.Values)
        .Concat(Profiles.SelectMany(p => p.Fields.Values.Concat(p.Columns.Values))).SelectMany(x => x).Distinct();

    // A profile's score is the number of its marks found in the form's cells; the best one at or above
    // its minimum wins, ties going to the one listed first; none: the generic labels.
    public static LabelSet For(CellGrid grid) => Choose(grid) is { } p ? ByProfile[p.Id] : Generic;

    public static LayoutProfile? Choose(CellGrid grid)
    {
        // Marks are looked for in the cells as written (no copy of every cell): they choose, they do not read.
        bool Present(string mark)
        {
            foreach (var row in grid.Rows)
                for (var c = 0; c < row.Cells.Count; c++)   // an index: no boxed enumerator per row
                    if (row.Cells[c].Text.Contains(mark, StringComparison.Ordinal)) return true;
            return false;
        }
        LayoutProfile? best = null;
        var bestScore = 0;
        foreach (var profile in Profiles)
        {
            var score = 0;
            foreach (var mark in profile.Marks) if (Present(mark)) score++;
            if (score >= profile.MinScore && score > bestScore) (best, bestScore) = (profile, score);
        }
        return best;
    }

    // Worked out once per label set (the sets are built once per profile and never change).
    public IReadOnlyList<string> GroupLabels => groupLabels ??= fields.Where(kv => kv.Value == Field.Group).Select(kv => kv.Key).ToList();
    List<string>? groupLabels;

    // Trim('：', ':') would make a new array of the two on every call (asked of every cell text).
    static readonly char[] Colons = ['：', ':'];

    // A cell that is a label and nothing else: "项目资金 (元)", "其中：财政    资金", "编报人(签字)：".
    public LabelMatch? Match(string cellText)
    {
        var t = FormLabels.Norm(cellText).TrimEnd(Colons);
        if (t.StartsWith("其中", StringComparison.Ordinal)) t = t[2..].TrimStart(Colons);
        string? unit = null, qualifier = null;
        // Norm made brackets half-width; only a text with one is taken apart (most are not).
        var bare = t.Contains('(') ? WithoutRemarks(t, out unit, out qualifier) : t;
        return fields.TryGetValue(bare, out var field) ? new LabelMatch(field, bare, unit, qualifier) : null;
    }

    // "项目资金(万元)" → 项目资金 with its unit; "项目总体目标(2024年-2026年)" → the years as qualifier.
    // The text outside the brackets is gathered in a buffer on the stack, the matches enumerated without Match objects.
    static string WithoutRemarks(string t, out string? unit, out string? qualifier)
    {
        unit = qualifier = null;
        Span<char> kept = t.Length <= 256 ? stackalloc char[t.Length] : new char[t.Length];
        int n = 0, last = 0;
        foreach (var m in Paren().EnumerateMatches(t))
        {
            t.AsSpan(last, m.Index - last).CopyTo(kept[n..]);
            n += m.Index - last;
            last = m.Index + m.Length;
            var inner = t.AsSpan(m.Index + 1, m.Length - 2);   // one bracket on each side
            if (inner is "元") unit = "元";
            else if (inner is "万元") unit = "万元";
            else if (HasDigit(inner)) qualifier = inner.ToString();
        }
        t.AsSpan(last).CopyTo(kept[n..]);
        n += t.Length - last;
        return new string(kept[..n].TrimEnd("：:"));
    }

    static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (char.IsDigit(c)) return true;
        return false;
    }

    public Column MatchColumn(string cellText)
    {
        var t = FormLabels.Norm(cellText).TrimEnd(Colons);
        var bare = t.Contains('(') ? Paren().Replace(t, "") : t;   // Norm made brackets half-width
        return columns.TryGetValue(bare, out var c) ? c : Column.None;
    }

    // Labels written inside one cell with their values: "金额单位：元", "填报单位（盖章）闵行区信访办公室",
    // "一、项目总预算： 二、当年预算：". A label needs a colon, a bracketed remark or the end of the text
    // after it, so a sentence that merely starts with a label word is not taken apart.
    static Regex BuildInline(IEnumerable<string> labels)
    {
        var words = labels.OrderByDescending(k => k.Length)
            .Select(k => string.Join(@"\s*", k.Select(ch => Regex.Escape(ch.ToString()))));
        var numbering = @"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+\s*[.．、])?\s*";
        var pattern = $@"(?<=^|[\s；;，,。|])(?<num>{numbering})(?:其中\s*[：:]?\s*)?(?<label>{string.Join("|", words)})" +
                      @"\s*(?<paren>[（(][^）)]{0,12}[)）])?\s*(?<colon>[：:])?";
        return new Regex(pattern, RegexOptions.Compiled);
    }

    public sealed record InlinePair(LabelMatch Label, string Value);

    // The pairs of a cell that starts with a label; null when it does not.
    public List<InlinePair>? MatchInline(string text)
    {
        // Most cells hold no label: the matches are collected only once one is found.
        List<Match>? matches = null;
        var textEnd = text.AsSpan().TrimEnd().Length;
        for (var m = inline.Match(text); m.Success; m = m.NextMatch())
            if (m.Groups["colon"].Success || m.Groups["paren"].Success || m.Index + m.Length == textEnd) (matches ??= []).Add(m);
        if (matches == null)
        {
            // "年度绩效目标 全年化解…": text copied from a PDF keeps a label and its value apart by a space only.
            var trimmed = text.AsSpan().Trim();
            var gap = false;
            foreach (var c in trimmed) if (char.IsWhiteSpace(c)) { gap = true; break; }
            if (!gap) return null;
            var parts = text.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && Match(parts[0]) is { Field: not Field.Group } spaced ? [new InlinePair(spaced, parts[1])] : null;
        }
        if (!text.AsSpan(0, matches[0].Index).IsWhiteSpace()) return null;
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

    [GeneratedRegex(@"[（(]([^）)]*)[)）]")]
    private static partial Regex Paren();
}

// One read's view of a LabelSet: the reader asks about the same cell text many times (is it a label, a
// column head, a label with its value, what kind of indicator cell?), so each answer is worked out once
// per text. All answers about one text sit in one entry of one table, sized once for the form's cells:
// four tables growing entry by entry were most of what the block pass allocated. Not shared between
// reads, so it needs no locking.
sealed class CachedLabels(LabelSet set, int texts = 0)
{
    struct Facts
    {
        public LabelMatch? Match;
        public List<LabelSet.InlinePair>? Inline;
        public Column Column;
        public byte Kind;
        public Known Known;
    }

    [Flags]
    enum Known : byte { Match = 1, Inline = 2, Column = 4, Kind = 8 }

    readonly Dictionary<string, Facts> facts = new(texts);

    public LayoutProfile? Profile => set.Profile;

    public IReadOnlyList<string> GroupLabels => set.GroupLabels;

    // The answers are computed before the entry is taken: a reference into the table stays valid only
    // while nothing is added to it.
    public LabelMatch? Match(string text)
    {
        if (facts.TryGetValue(text, out var f) && (f.Known & Known.Match) != 0) return f.Match;
        var m = set.Match(text);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(facts, text, out _);
        entry.Match = m;
        entry.Known |= Known.Match;
        return m;
    }

    public Column MatchColumn(string text)
    {
        if (facts.TryGetValue(text, out var f) && (f.Known & Known.Column) != 0) return f.Column;
        var c = set.MatchColumn(text);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(facts, text, out _);
        entry.Column = c;
        entry.Known |= Known.Column;
        return c;
    }

    // The pairs are only read by the reader, never changed, so one list serves every asking.
    public List<LabelSet.InlinePair>? MatchInline(string text)
    {
        if (facts.TryGetValue(text, out var f) && (f.Known & Known.Inline) != 0) return f.Inline;
        var pairs = set.MatchInline(text);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(facts, text, out _);
        entry.Inline = pairs;
        entry.Known |= Known.Inline;
        return pairs;
    }

    // The reader's own classification of a cell's text (its kind as an indicator cell), kept with the rest.
    public byte Kind(string text, Func<string, byte> classify)
    {
        if (facts.TryGetValue(text, out var f) && (f.Known & Known.Kind) != 0) return f.Kind;
        var k = classify(text);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(facts, text, out _);
        entry.Kind = k;
        entry.Known |= Known.Kind;
        return k;
    }
}
