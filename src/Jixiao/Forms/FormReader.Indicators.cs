using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain;

namespace Jixiao.Forms;

// Indicator tables. A header row of 一级/二级/三级指标 sets the columns; each row below is read by
// position where its cells fit those columns, and by content where the conversion damaged it (cells
// lost, a level name in the wrong column, a name broken over two rows). Side-by-side column groups
// (中长期 | 年度) and indicators packed into one cell as coded text are read here too.
public sealed partial class FormReader
{
    sealed class IndicatorTable
    {
        public required Column[] Roles;
        public required string[] Heads;         // the header's words, for columns the reader has no role for
        public readonly Dictionary<int, LabelMatch> RowFields = [];
        public required int[] Group;            // column → group index; -1 for columns all groups share
        public required bool[] GroupIsPeriod;   // a plain 指标值 column in this group is the period target
        public string? Level1;
        public required string?[] Level2;
        public int LastGroup;
        public readonly List<Indicator> Added = [];
        // A row's indicators by group before they are added: one list for the table, emptied for each row.
        public readonly List<(int Group, string Name, TargetValue? Period, TargetValue? Annual, string Where)> Entries = [];

        public int Groups => Level2.Length;
        // Asked for on every row: worked out once per role and group.
        readonly Dictionary<(Column, int), int[]> columns = [];
        readonly Dictionary<int, int[]> targetColumns = [];
        readonly Dictionary<int, (List<int> Period, List<int> Annual, List<int> Parts)> ownTargets = [];

        static readonly Column[] TargetRoles = [Column.Target, Column.AnnualTarget, Column.PeriodTarget, Column.Operator, Column.Number, Column.Unit];

        // Every column that holds a group's target or a part of it, its own or shared.
        public int[] TargetColumns(int g)
        {
            if (targetColumns.TryGetValue(g, out var found)) return found;
            var list = new List<int>();
            foreach (var role in TargetRoles) list.AddRange(Columns(role, g));
            return targetColumns[g] = [.. list];
        }

        // A group's own target columns: period, annual, and operator, number and unit in that order
        // whatever the order of their columns.
        public (List<int> Period, List<int> Annual, List<int> Parts) OwnTargets(int g)
        {
            if (ownTargets.TryGetValue(g, out var found)) return found;
            var parts = Own(g, Column.Operator);
            parts.AddRange(Own(g, Column.Target, Column.Number));
            parts.AddRange(Own(g, Column.Unit));
            return ownTargets[g] = (Own(g, Column.PeriodTarget), Own(g, Column.AnnualTarget), parts);
        }

        // The group's own columns of the roles, in column order.
        List<int> Own(int g, Column role, Column other = Column.None)
        {
            var own = new List<int>();
            for (var c = 0; c < Roles.Length; c++)
                if ((Roles[c] == role || (other != Column.None && Roles[c] == other)) && Group[c] == g) own.Add(c);
            return own;
        }

        // Asked on every row: the lookup has no closure (a query's would be allocated on every call, found or not).
        public int[] Columns(Column role, int group) =>
            columns.TryGetValue((role, group), out var found) ? found : columns[(role, group)] = ColumnsOf(role, group);

        int[] ColumnsOf(Column role, int group)
        {
            var count = 0;
            for (var c = 0; c < Roles.Length; c++) if (Matches(c, role, group)) count++;
            var found = new int[count];
            for (int c = 0, k = 0; c < Roles.Length; c++) if (Matches(c, role, group)) found[k++] = c;
            return found;
        }

        bool Matches(int c, Column role, int group) => Roles[c] == role && (Group[c] == group || Group[c] == -1);
    }

    static readonly HashSet<string> Nil = ["无", "/", "／", "-", "—", "——", "空"];

    enum Kind { Level1, Level2, Level, Level1Part, Level2Part, Value, Operator, Number, Unit, Text }

    static string LevelKey(string text)
    {
        var n = WithoutLevelCode(FormLabels.Norm(text));
        return n.Contains('(') || n.Contains('（') ? ScoreRange().Replace(n, "") : n;
    }

    // "1-产出指标": the code before a level name; asked of many cells, so the pattern runs only after a digit.
    static string WithoutLevelCode(string n) => n.Length > 0 && char.IsDigit(n[0]) ? LevelCode().Replace(n, "") : n;

    static bool IsLevel1(string n) => IndicatorFramework.Level1Words.Contains(n);
    static bool IsLevel2(string n) => IndicatorFramework.Level2Words.Contains(n) || (n.EndsWith("指标") && n.Length is > 2 and <= 12 && !IsLevel1(n));
    static string? Family(string? level1) => level1 == null ? null : Regex.Replace(LevelKey(level1), "(指标|目标)$", "");
    static string? ParentFamily(string level2) => IndicatorFramework.Families.GetValueOrDefault(Regex.Replace(LevelKey(level2), "指标$", ""));

    // The kind of a cell's text, worked out once per text and read: rows are fitted and realigned
    // by the kinds of their cells, asked about many times.
    Kind KindOf(string text) => (Kind)labels.Kind(text, ClassifyByte);

    static readonly Func<string, byte> ClassifyByte = text => (byte)Classify(text);

    static Kind Classify(string text)
    {
        var n = LevelKey(text);
        if (n == "") return Kind.Text;
        var l1 = IsLevel1(n);
        var l2 = IsLevel2(n);
        if (l1 && l2) return Kind.Level;
        if (l1) return Kind.Level1;
        if (l2) return Kind.Level2;
        var raw = FormLabels.Norm(text);
        if (OperatorOnly().IsMatch(raw)) return Kind.Operator;
        if (NumberOnly().IsMatch(raw)) return Kind.Number;
        if (UnitOnly().IsMatch(raw)) return Kind.Unit;
        if (LooksLikeValue(raw)) return Kind.Value;
        if (n.Length >= 2 && StartOfOne(IndicatorFramework.Level1Words, n)) return Kind.Level1Part;
        if (n.Length >= 2 && StartOfOne(IndicatorFramework.Level2Words, n)) return Kind.Level2Part;
        return Kind.Text;
    }

    // The start of a longer word of the list: a loop, since a query's closure over n is an allocation per text.
    static bool StartOfOne(IReadOnlySet<string> words, string n)
    {
        if (words is HashSet<string> set)   // its struct enumerator: no boxing
        {
            foreach (var w in set) if (w.Length > n.Length && w.StartsWith(n)) return true;
            return false;
        }
        foreach (var w in words) if (w.Length > n.Length && w.StartsWith(n)) return true;
        return false;
    }

    static bool IsLevelKind(Kind k) => k is Kind.Level1 or Kind.Level2 or Kind.Level or Kind.Level1Part or Kind.Level2Part;

    // A value as forms write them: a number with an operator or unit, or a grade or trend word.
    static bool LooksLikeValue(string text) =>
        ValueStart().IsMatch(FormLabels.Norm(text)) || TargetValue.IsValue(text);

    // A score range written into a level-1 name ("产出指标(40-50)分") is kept beside the project.
    string MendLevel(string text)
    {
        var n = WithoutLevelCode(FormLabels.Norm(text));
        var score = ScoreRange().Match(n);
        if (!score.Success) return n;
        var name = n[..score.Index];
        if (project != null) AddSection("指标分值", $"{name}：{Regex.Replace(score.Value, "[()（）]", "")}");
        return name;
    }

    static TargetValue Target(string raw) => TargetValue.Parse(raw);

    // ---- the header

    // The columns of an indicator header: each column's role and side-by-side group, the fields a flat
    // export repeats on each row. Worked out from the header alone, once: the block pass asks for it to
    // tell which rows the table owns, the table's reader to read them.
    sealed record IndicatorColumns(Column[] Roles, int[] Group, List<int> FirstGroupColumn, Dictionary<int, LabelMatch> RowFields, bool TargetLevelHeads)
    {
        public int Groups => FirstGroupColumn.Count;
        public bool IsSection(int c) => c >= 0 && c < Roles.Length && Roles[c] == Column.Section;
    }

    readonly Dictionary<Row, IndicatorColumns> indicatorColumns = new(ReferenceEqualityComparer.Instance);

    IndicatorColumns IndicatorColumnsOf(Row row)
    {
        if (indicatorColumns.TryGetValue(row, out var found)) return found;
        var roles = new Column[row.Cells.Count];
        var group = new int[row.Cells.Count];
        var seen = new HashSet<Column>();
        var g = 0;
        var firstGroupColumn = new List<int> { -1 };
        var rowFields = new Dictionary<int, LabelMatch>();
        var targetLevelHeads = false;
        var levelBefore = false;
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var t = row.Text(c);
            var role = labels.MatchColumn(t);
            if (role == Column.None && labels.Match(t) is { } field && IsRowField(field.Field))
            {
                roles[c] = Column.RowField;
                group[c] = -1;
                rowFields[c] = field;
                continue;
            }
            // A target head merged over the cells to its right: 指标值 over "≥" "95" "%".
            if (t == "" && c > 0 && roles[c - 1] is Column.Target or Column.AnnualTarget or Column.PeriodTarget)
            {
                roles[c] = roles[c - 1];
                group[c] = group[c - 1];
                continue;
            }
            if (FormLabels.Norm(t) is "一级目标" or "二级目标" or "三级目标") targetLevelHeads = true;
            if (role == Column.None && !levelBefore) role = Column.Section;
            if (role is Column.Level1 or Column.Level2 or Column.Name) levelBefore = true;
            roles[c] = role;
            group[c] = -1;
            if (role is Column.Level2 or Column.Name or Column.Target or Column.AnnualTarget or Column.PeriodTarget
                or Column.Operator or Column.Number or Column.Unit)
            {
                if (!seen.Add(role))
                {
                    g++;
                    seen.Clear();
                    seen.Add(role);
                    firstGroupColumn.Add(c);
                }
                group[c] = g;
                if (firstGroupColumn[g] < 0) firstGroupColumn[g] = c;
            }
        }
        return indicatorColumns[row] = new IndicatorColumns(roles, group, firstGroupColumn, rowFields, targetLevelHeads);
    }

    // Side-by-side groups: the ones left of the 年度目标 column a header block above placed are the period's,
    // or all but the last where no block placed the goals.
    IndicatorTable StartIndicators(Row row, GoalColumns goals)
    {
        var columns = IndicatorColumnsOf(row);
        if (columns.TargetLevelHeads) traits.Add("target-level-heads");
        var groups = columns.Groups;
        var isPeriod = new bool[groups];
        if (groups > 1)
        {
            traits.Add("side-by-side");
            for (var k = 0; k < groups; k++)
                isPeriod[k] = goals is { Annual: int a, LongTerm: not null } ? columns.FirstGroupColumn[k] < a : k < groups - 1;
        }
        var indicators = new IndicatorTable
        {
            Roles = columns.Roles, Heads = row.Cells.Select(x => FormLabels.Mend(x.Text)).ToArray(), Group = columns.Group,
            GroupIsPeriod = isPeriod, Level2 = new string?[groups], LastGroup = groups - 1,
        };
        foreach (var (c, field) in columns.RowFields) indicators.RowFields[c] = field;
        if (columns.RowFields.Values.Any(f => f.Field == Field.ProjectName)) traits.Add("flat-rows");
        return indicators;
    }

    // Fields a flat export repeats on each indicator row; 项目名称 there starts or selects the row's project.
    static bool IsRowField(Field f) => IsMoney(f) || f is Field.ProjectName or Field.ProjectCode or Field.ImplementingUnit
        or Field.UnitName or Field.SupervisingDepartment or Field.FunctionClass or Field.Category or Field.Attribute or Field.Nature;

    Row ApplyRowFields(IndicatorTable t, Row row)
    {
        var cells = row.Cells.ToList();
        foreach (var (c, label) in t.RowFields.OrderBy(kv => kv.Value.Field == Field.ProjectName ? 0 : 1))
        {
            if (c >= cells.Count || cells[c].Text == "") continue;
            var cell = cells[c];
            Use(cell);
            if (label.Field == Field.ProjectName) SelectProject(t, cell.Text, cell.Where);
            else Apply(label, cell.Text, cell.Where, label.Unit);
            cells[c] = cell with { Text = "" };
        }
        return new Row(row.Where, cells);
    }

    // Rows of several projects may interleave: a name seen before goes back to its project.
    void SelectProject(IndicatorTable t, string name, string where)
    {
        var known = doc.Projects.FirstOrDefault(p => FormLabels.Norm(p.Name) == FormLabels.Norm(FormLabels.Mend(name)));
        if (known == project && known != null) return;
        if (known != null) project = known;
        else StartProject(name, where);
        t.Level1 = null;
        Array.Fill(t.Level2, null);
    }

    // ---- one row

    void IndicatorRow(IndicatorTable t, Row row)
    {
        if (t.RowFields.Count > 0)
        {
            row = ApplyRowFields(t, row);
            if (row.IsBlank) return;
        }
        var first = row.Filled[0];
        if ((labels.Match(first.Text) ?? labels.MatchInline(first.Text)?[0].Label) is { Field: Field.TotalScore } total)
        {
            TotalRow(t, row, first, total);
            return;
        }
        if (project == null)
        {
            Use(row);
            Warn(row.Where, $"指标出现在项目名称之前：{string.Join(" ", row.Filled.Select(c => c.Text))}");
            return;
        }
        if (Continuation(t, row)) { Use(row); return; }
        if (Fits(t, row)) Positional(t, row);
        else Realign(t, row);
    }

    // The rest of a level name broken over two rows: "满意度指" + "标", "服务对象" + "满意度指 标".
    static bool Continuation(IndicatorTable t, Row row)
    {
        var l1 = t.Level1;
        var l2 = t.Level2[t.LastGroup];
        var l1Broken = l1 != null && !IsLevel1(l1) && !IsLevel2(l1);
        var l2Broken = l2 != null && !IsLevel2(l2);
        if (!l1Broken && !l2Broken) return false;
        string? newL1 = null, newL2 = null;
        foreach (var cell in row.Filled)
        {
            var n = FormLabels.Norm(cell.Text);
            if (l1Broken && newL1 == null && IsLevel1(l1 + n)) newL1 = l1 + n;
            else if (l2Broken && newL2 == null && IsLevel2(l2 + n)) newL2 = l2 + n;
            else return false;
        }
        foreach (var indicator in t.Added)
        {
            if (newL1 != null && indicator.Level1 == l1) indicator.Level1 = newL1;
            if (newL2 != null && indicator.Level2 == l2) indicator.Level2 = newL2;
        }
        if (newL1 != null) t.Level1 = newL1;
        if (newL2 != null) t.Level2[t.LastGroup] = newL2;
        return true;
    }

    bool Fits(IndicatorTable t, Row row)
    {
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var text = row.Text(c);
            if (text == "") continue;
            if (c >= t.Roles.Length) return false;
            var kind = KindOf(text);
            var ok = t.Roles[c] switch
            {
                Column.None when t.Heads[c] != "" => kind is not (Kind.Level1 or Kind.Level2),
                Column.Section or Column.None => labels.Match(text) is { Field: Field.Group or Field.AnnualGoal },
                Column.Level1 => kind is Kind.Level1 or Kind.Level or Kind.Level1Part,
                Column.Level2 => kind is Kind.Level2 or Kind.Level or Kind.Level2Part,
                Column.Name => kind is not (Kind.Level1 or Kind.Level2),
                Column.Target or Column.AnnualTarget or Column.PeriodTarget or Column.Operator or Column.Number or Column.Unit
                    => !IsLevelKind(kind),
                _ => kind is not (Kind.Level1 or Kind.Level2),
            };
            if (!ok) return false;
        }
        for (var g = 0; g < t.Groups; g++)
        {
            var hasName = FirstText(row, t.Columns(Column.Name, g)) != null;
            var hasTarget = FirstText(row, t.TargetColumns(g)) != null;
            if (hasTarget && !hasName) return false;
        }
        return true;
    }

    // The first non-empty text of a row in the given columns (of one group only, when given): asked on
    // every row, so a loop rather than a query with its closures.
    static string? FirstText(Row row, int[] columns, int[]? groups = null, int group = 0)
    {
        foreach (var c in columns)
            if ((groups == null || groups[c] == group) && row.Text(c) is { Length: > 0 } text) return text;
        return null;
    }

    void Positional(IndicatorTable t, Row row)
    {
        var l1 = TakeFirst(row, t.Columns(Column.Level1, -1));
        if (l1 != null)
        {
            t.Level1 = MendLevel(l1);
            Array.Fill(t.Level2, null);
        }
        var description = Joined(t, row, Column.Description);
        var basis = Joined(t, row, Column.Basis);
        var remarks = Joined(t, row, Column.Remarks);
        var weight = Joined(t, row, Column.Weight);
        var actual = Joined(t, row, Column.Actual);
        var score = Joined(t, row, Column.Score);
        var deviation = Joined(t, row, Column.DeviationCause);
        var direction = Joined(t, row, Column.Direction);
        for (var c = 0; c < t.Roles.Length; c++)
            if (t.Roles[c] == Column.None && row.Text(c) != "")
            {
                UseColumn(row, c);
                remarks = Append(remarks, $"{t.Heads[c]}：{row.Text(c)}");
            }
            // "绩效目标" heading the table's first column: the table's own label.
            else if (t.Roles[c] == Column.Section) UseColumn(row, c);
        var entries = t.Entries;   // the table's one list, emptied for each row
        entries.Clear();
        for (var g = 0; g < t.Groups; g++)
        {
            var l2 = TakeFirst(row, t.Columns(Column.Level2, g), t.Group, g);
            if (l2 != null) t.Level2[g] = MendLevel(l2);
            var nameColumn = t.Columns(Column.Name, g).FirstOrDefault(-1);
            var name = nameColumn >= 0 ? row.Text(nameColumn) : "";
            UseColumn(row, nameColumn);
            var (period, annual) = Targets(t, row, g);
            if (direction != null && (annual ?? period) is { } directed)
            {
                if (Directed(directed, direction, out var conflict) is { } withOperator)
                {
                    if (annual != null) annual = withOperator;
                    else period = withOperator;
                    direction = null;
                }
                else if (conflict) Warn(row.Where, $"指标“{FormLabels.Mend(name)}”的指标方向“{direction}”与指标值“{directed.Raw}”不一致");
            }
            if (name == "" && (period?.Raw ?? "") == "" && (annual?.Raw ?? "") == "") continue;
            var where = nameColumn >= 0 && nameColumn < row.Cells.Count ? row.Cells[nameColumn].Where : row.Where;
            entries.Add((g, name, period, annual, where));
        }
        for (var k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            if (!IsUnused(e.Name, e.Annual ?? e.Period)) continue;
            Unused(t, e.Group, e.Name, (e.Annual ?? e.Period)?.Raw);
            entries.RemoveAt(k--);
        }
        if (entries.Count == 0) return;
        // Side-by-side groups that name the same indicator (or leave the period name empty) are one indicator.
        var merged = entries.Count == 2 && (entries[0].Name == "" || FormLabels.Norm(entries[0].Name) == FormLabels.Norm(entries[1].Name));
        if (merged)
        {
            entries[1] = entries[1] with { Period = entries[0].Period ?? entries[1].Period };
            entries.RemoveAt(0);
        }
        var groups = entries;
        if (direction != null) remarks = Append(remarks, $"指标方向：{direction}");
        foreach (var e in groups)
        {
            t.LastGroup = e.Group;
            AddIndicator(t, new Indicator
            {
                Level1 = t.Level1, Level2 = t.Level2[e.Group], Name = IndicatorName(e.Name),
                Description = description, PeriodTarget = e.Period, AnnualTarget = e.Annual, Basis = basis,
                Actual = actual == null ? null : Target(actual), DeviationCause = deviation,
            }, remarks, weight, score, e.Where);
        }
    }

    string? Joined(IndicatorTable t, Row row, Column role)
    {
        string? text = null;
        foreach (var c in t.Columns(role, -1))
        {
            if (t.Group[c] != -1 || row.Text(c) is not { Length: > 0 } part) continue;
            UseColumn(row, c);
            text = text == null ? part : text + "\n" + part;
        }
        return text;
    }

    // The period and annual targets of one group: its own target columns, with an operator, number and
    // unit written in three cells joined back into one value ("≥" "95" "%" → "≥95%").
    (TargetValue? Period, TargetValue? Annual) Targets(IndicatorTable t, Row row, int g)
    {
        string Text(List<int> columns)
        {
            var text = "";
            foreach (var c in columns)
            {
                var part = row.Text(c);
                UseColumn(row, c);
                // A unit column repeats what the value may already say ("95%" | "%").
                if (t.Roles[c] == Column.Unit && part != "" && text.EndsWith(part)) continue;
                text += part;
            }
            return text;
        }
        var (periodColumns, annualColumns, parts) = t.OwnTargets(g);
        var period = periodColumns.Count > 0 ? Target(Text(periodColumns)) : null;
        var annual = annualColumns.Count > 0 ? Target(Text(annualColumns)) : null;
        if (parts.Count > 0)
        {
            var value = Target(Text(parts));
            if (t.GroupIsPeriod[g]) period = value;
            else annual = value;
        }
        return (period, annual);
    }

    static bool IsUnused(string name, TargetValue? target) =>
        Nil.Contains(FormLabels.Norm(name)) && (target == null || target.Raw == "" || Nil.Contains(FormLabels.Norm(target.Raw)));

    // "无 无": the form says the category has no indicator. Not an indicator, but not silent either.
    void Unused(IndicatorTable t, int g, string name, string? target)
    {
        var category = string.Join("—", new[] { t.Level1, t.Level2[g] }.Where(x => x != null));
        AddSection("无指标的类别", $"{category}：{string.Join(" ", new[] { name, target }.Where(x => !string.IsNullOrEmpty(x)))}");
    }

    // 指标方向 beside the value: 正向 (more is better) makes a bare number "≥", 反向 "≤"; an operator the value
    // already writes must agree with it. Null where the direction adds something the value does not say
    // (中性, a grade word, "=100%"), or contradicts it.
    static TargetValue? Directed(TargetValue target, string direction, out bool conflict)
    {
        conflict = false;
        TargetOperator? op = FormLabels.Norm(direction) switch
        {
            "正向" or "正向指标" or "越大越好" or "越高越好" => TargetOperator.Ge,
            "反向" or "反向指标" or "越小越好" or "越低越好" => TargetOperator.Le,
            _ => null,
        };
        if (op == null || target.Kind != TargetKind.Quantitative) return null;
        if (char.IsDigit(DomainText.Compact(target.Raw)[0])) return target with { Operator = op };
        var higher = target.Operator is TargetOperator.Ge or TargetOperator.Gt;
        var lower = target.Operator is TargetOperator.Le or TargetOperator.Lt;
        if ((op == TargetOperator.Ge && higher) || (op == TargetOperator.Le && lower)) return target;
        conflict = higher || lower;
        return null;
    }

    void AddIndicator(IndicatorTable t, Indicator indicator, string? remarks, string? weight, string? score, string where)
    {
        if (weight != null)
        {
            if (decimal.TryParse(weight.TrimEnd('%', '％', '分'), NumberStyles.Number, CultureInfo.InvariantCulture, out var w))
                indicator.Weight = w;
            else remarks = Append(remarks, $"权重：{weight}");
        }
        if (score != null)
        {
            if (Number(score) is { } s) indicator.Score = s;
            else remarks = Append(remarks, $"得分：{score}");
        }
        indicator.Remarks = remarks;
        if (indicator.Name == "") Warn(where, "指标有指标值而没有指标名称");
        project!.Indicators.Add(indicator);
        t.Added.Add(indicator);
    }

    // A damaged row read by what its cells say: level names, the indicator's name, its values, in order.
    void Realign(IndicatorTable t, Row row)
    {
        Use(row);   // every cell becomes a level, the name, a value, a text column or a note in the warning
        var notes = new List<string>();
        var cells = row.Filled.Select(c => (c.Text, c.Where)).ToList();
        if (cells.Count == 1 && Whitespace().IsMatch(cells[0].Text) && !IsLevelKind(KindOf(cells[0].Text)))
        {
            cells = Whitespace().Split(cells[0].Text).Where(x => x != "").Select(x => (x, cells[0].Where)).ToList();
            notes.Add("格子连在一起，已按空格拆开");
        }
        var tokens = MergeValueParts(cells.Select(c => (c.Text, Kind: KindOf(c.Text), c.Where)).ToList());

        var levels = tokens.TakeWhile(x => IsLevelKind(x.Kind)).ToList();
        var rest = tokens.Skip(levels.Count).ToList();
        string? l1 = null, l2 = null;
        var ambiguous = new List<string>();
        foreach (var (text, kind, _) in levels)
        {
            var mended = MendLevel(text);
            switch (kind)
            {
                case Kind.Level1 or Kind.Level1Part when l1 == null: l1 = mended; break;
                case Kind.Level2 or Kind.Level2Part when l2 == null || l2 == mended: l2 = mended; break;
                case Kind.Level: ambiguous.Add(mended); break;
                default: rest.Insert(0, (text, Kind.Text, row.Where)); break;
            }
        }
        foreach (var level in ambiguous)
        {
            var isLevel2 = l1 != null || (l2 == null && IsLevel2Under(level, t.Level1));
            if (isLevel2 && l2 == null) l2 = level;
            else if (l1 == null) l1 = level;
        }

        var g = t.LastGroup;
        if (l1 != null)
        {
            t.Level1 = l1;
            Array.Fill(t.Level2, null);
        }
        else if (l2 != null && ParentFamily(l2) is { } parent && Family(t.Level1) is { } current && parent != current
                 && IndicatorFramework.Families.Values.Contains(current))
        {
            t.Level1 = parent + "指标";
            Array.Fill(t.Level2, null);
            notes.Add($"缺少一级指标，按二级指标“{l2}”推定为“{t.Level1}”");
        }
        else if (l2 != null && t.Level1 == null && ParentFamily(l2) is { } first)
        {
            // The table's first rows under a merged level-1 cell whose text a PDF put lower down.
            t.Level1 = first + "指标";
            notes.Add($"缺少一级指标，按二级指标“{l2}”推定为“{t.Level1}”");
        }
        if (l2 != null) t.Level2[g] = l2;

        var name = rest.FirstOrDefault(x => x.Kind != Kind.Value);
        var values = rest.Where(x => x.Kind == Kind.Value).Select(x => x.Text).ToList();
        var texts = rest.Where(x => x.Kind != Kind.Value).Skip(1).Select(x => x.Text).ToList();
        if (name.Text == null && values.Count == 0) return;

        var slots = t.TargetColumns(g).Where(c => t.Roles[c] is Column.Target or Column.AnnualTarget or Column.PeriodTarget).ToList();
        TargetValue? period = null, annual = null;
        var evaluated = new Dictionary<Column, string>();
        void Put(int slot, string raw)
        {
            if (t.Roles[slot] == Column.PeriodTarget || (t.Roles[slot] == Column.Target && t.GroupIsPeriod[g])) period = Target(raw);
            else annual = Target(raw);
        }
        if (values.Count == 0)
        {
            foreach (var slot in slots) Put(slot, "");
            notes.Add("没有指标值");
        }
        else if (values.Count == 1 && slots.Count > 1)
            Put(slots.FirstOrDefault(s => t.Roles[s] == Column.AnnualTarget, slots[^1]), values[0]);
        else
        {
            // A table without a target column takes the first value as the target. Values beyond the targets
            // fill the self-evaluation columns (实际完成值, 分值, 得分) in their order, the rest are remarks.
            if (slots.Count == 0) annual = Target(values[0]);
            var targets = Math.Max(slots.Count, 1);
            var extra = Enumerable.Range(0, t.Roles.Length).Where(c => t.Roles[c] is Column.Actual or Column.Weight or Column.Score).ToList();
            for (var k = 0; k < values.Count; k++)
            {
                if (k < slots.Count) Put(slots[k], values[k]);
                else if (k < targets) continue;
                else if (k - targets < extra.Count) evaluated[t.Roles[extra[k - targets]]] = values[k];
                else texts.Add(values[k]);
            }
        }

        var textColumns = new[] { Column.Description, Column.Basis, Column.Remarks, Column.DeviationCause }
            .Where(r => t.Roles.Contains(r)).ToList();
        string? description = null, basis = null, remarks = null, deviation = null;
        foreach (var text in texts)
        {
            var role = textColumns.Count > 0 ? textColumns[0] : Column.Remarks;
            if (textColumns.Count > 0) textColumns.RemoveAt(0);
            else notes.Add($"多出的文字记入备注：{text}");
            switch (role)
            {
                case Column.Description: description = text; break;
                case Column.Basis: basis = text; break;
                case Column.DeviationCause: deviation = text; break;
                default: remarks = Append(remarks, text); break;
            }
        }

        var indicatorName = name.Text ?? "";
        var where = name.Where ?? row.Where;
        if (notes.Count > 0) Warn(row.Where, $"指标“{FormLabels.Mend(indicatorName)}”所在行格子错位：{string.Join("；", notes)}");
        if (IsUnused(indicatorName, annual ?? period)) { Unused(t, g, indicatorName, (annual ?? period)?.Raw); return; }
        AddIndicator(t, new Indicator
        {
            Level1 = t.Level1, Level2 = t.Level2[g], Name = IndicatorName(indicatorName),
            Description = description, PeriodTarget = period, AnnualTarget = annual, Basis = basis,
            Actual = evaluated.TryGetValue(Column.Actual, out var actual) ? Target(actual) : null, DeviationCause = deviation,
        }, remarks, evaluated.GetValueOrDefault(Column.Weight), evaluated.GetValueOrDefault(Column.Score), where);
    }

    // 成本 under 产出 (the framework before 2021) and 满意度 under 效果/影响力 (Shanghai 2018) are level 2.
    static bool IsLevel2Under(string level, string? currentLevel1)
    {
        var family = Family(currentLevel1);
        var key = Regex.Replace(LevelKey(level), "指标$", "");
        return key switch
        {
            "成本" => family == "产出",
            "满意度" => family is "效果" or "影响力",
            _ => false,
        };
    }

    // "≥" "95" "%" in three cells are one value.
    static List<(string Text, Kind Kind, string Where)> MergeValueParts(List<(string Text, Kind Kind, string Where)> tokens)
    {
        var result = new List<(string Text, Kind Kind, string Where)>();
        foreach (var token in tokens)
        {
            if (result.Count > 0)
            {
                var last = result[^1];
                if ((last.Kind == Kind.Operator && token.Kind is Kind.Number or Kind.Value)
                    || (last.Kind == Kind.Value && token.Kind == Kind.Unit))
                {
                    result[^1] = (last.Text + token.Text, Kind.Value, last.Where);
                    continue;
                }
            }
            result.Add(token.Kind == Kind.Number ? (token.Text, Kind.Value, token.Where) : token);
        }
        return result.Select(x => x.Kind == Kind.Operator ? (x.Text, Kind.Value, x.Where) : x).ToList();
    }

    // ---- indicators packed into one cell as coded, numbered text

    void ProjectIndicatorsCell(string text, string where)
    {
        if (!PackedStart().IsMatch(text))
        {
            AddSection("绩效指标", text);
            return;
        }
        traits.Add("packed-cells");
        var starts = new List<Match>();
        foreach (Match m in PackedItem().Matches(text))
            if (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == starts.Count + 1) starts.Add(m);
        for (var k = 0; k < starts.Count; k++)
        {
            var begin = starts[k].Index + starts[k].Length;
            var end = k + 1 < starts.Count ? starts[k + 1].Index : text.Length;
            var body = text[begin..end].Trim();
            if (body.EndsWith('。')) body = body[..^1];
            var m = PackedFields().Match(body);
            if (!m.Success)
            {
                Warn(where, $"第{k + 1}条指标无法拆分：{body}");
                AddSection("绩效指标", $"{k + 1}、{body}");
                continue;
            }
            var period = m.Groups["period"].Success ? m.Groups["period"].Value.Trim() : null;
            var annual = m.Groups["annual"].Value.Trim();
            // The full stop that ends an item also ends a sentence value: "…程度。；年度指标值:…程度。"
            if (period != null && period.EndsWith('。') && annual + "。" == period) annual = period;
            var indicator = new Indicator
            {
                Level1 = PackedLevel(m.Groups["c1"].Value, m.Groups["l1"].Value),
                Level2 = PackedLevel(m.Groups["c2"].Value, m.Groups["l2"].Value),
                Name = FormLabels.Mend(m.Groups["name"].Value),
                PeriodTarget = period == null ? null : Target(period),
                AnnualTarget = Target(annual),
            };
            project!.Indicators.Add(indicator);
        }
        var prefix = starts.Count > 0 ? text[..starts[0].Index].Trim() : "";
        if (prefix != "") AddSection("绩效指标", prefix);
    }

    static string PackedLevel(string code, string name)
    {
        var n = FormLabels.Norm(name);
        return n != "" ? n : IndicatorFramework.Codes.GetValueOrDefault(code, code);
    }

    [GeneratedRegex(@"^\d+-")]
    private static partial Regex LevelCode();
    [GeneratedRegex(@"[（(]\s*\d+(?:\.\d+)?\s*(?:[-－~～—]+\s*\d+(?:\.\d+)?)?\s*分?\s*[)）]\s*分?$")]
    private static partial Regex ScoreRange();
    [GeneratedRegex(@"^(=|＝|==|≥|≤|>=|<=|>|<|＞|＜|≧|≦)$")]
    private static partial Regex OperatorOnly();
    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex NumberOnly();
    [GeneratedRegex(@"^(%|％|‰|个|次|人|人次|件|宗|批次|元|万元|天|年|月|日|家|项|户|起|份|小时|分钟|场|期|篇|条|台|套|所|元/人/天)$")]
    private static partial Regex UnitOnly();
    [GeneratedRegex(@"^(=|＝|≥|≤|>=|<=|>|<|＞|＜|≧|≦|不低于|不高于|不少于|不超过|不大于|不小于|大于|小于|达到|高于|低于|约)?\d")]
    private static partial Regex ValueStart();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
    [GeneratedRegex(@"^\s*1、\s*\d+-")]
    private static partial Regex PackedStart();
    // "指标1：接入单位数量": the national template numbers its rows; the number is the template's, not the name's.
    static string IndicatorName(string raw) => FormLabels.Mend(raw.Contains("指标", StringComparison.Ordinal) ? NumberedName().Replace(raw, "") : raw);

    [GeneratedRegex(@"^\s*指标\s*\d+\s*[：:]\s*")]
    private static partial Regex NumberedName();
    [GeneratedRegex(@"(?:^|(?<=。))\s*(\d+)、\s*(?=\d+-)")]
    private static partial Regex PackedItem();
    [GeneratedRegex(@"^(?<c1>\d+)-(?<l1>[^；;]*)[；;](?<c2>\d+)-(?<l2>[^；;]*)[；;](?<name>.*?)(?:[；;]实施周期指标值[:：](?<period>.*?))?[；;](?:年度)?指标值[:：](?<annual>.*)$", RegexOptions.Singleline)]
    private static partial Regex PackedFields();
}
