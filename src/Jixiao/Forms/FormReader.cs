using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain;

namespace Jixiao.Forms;

// Understands a form from its labels and column heads, whatever the file kind and layout: a label row
// fills fields, a new 项目名称 starts a project, a header row of 一级/二级/三级指标 starts an indicator
// table, numbered headings collect text into sections. Small recognisers that compose, so a layout
// never seen before still reads as far as its labels are known, and the rest is kept in sections or
// reported as a located warning instead of being dropped.
public sealed partial class FormReader
{
    public static FormDocument Read(CellGrid grid) => ReadWithReader(grid).Document;

    sealed record Row(string Where, IReadOnlyList<Cell> Cells)
    {
        public string Text(int i) => i < Cells.Count ? Cells[i].Text : "";
        // Asked for many times per row: worked out once, in an array of its own size.
        public Cell[] Filled { get; } = FilledOf(Cells);
        public bool IsBlank => Filled.Length == 0;
        public int FirstFilled => Filled.Length == 0 ? -1 : IndexOf(Cells, Filled[0]);
        // The table profile the row was scored as (TableHeaders.Match), once asked.
        public TableHeader? Header;
        public bool HeaderKnown;

        static Cell[] FilledOf(IReadOnlyList<Cell> cells)
        {
            var count = 0;
            for (var i = 0; i < cells.Count; i++) if (cells[i].Text.Length > 0) count++;
            if (count == 0) return [];
            var filled = new Cell[count];
            for (int i = 0, k = 0; i < cells.Count; i++) if (cells[i].Text.Length > 0) filled[k++] = cells[i];
            return filled;
        }

        static int IndexOf(IReadOnlyList<Cell> cells, Cell cell)
        {
            for (var i = 0; i < cells.Count; i++) if (ReferenceEquals(cells[i], cell)) return i;
            return -1;
        }
    }

    readonly FormDocument doc;
    readonly CachedLabels labels;
    readonly List<Row> rows;
    readonly HashSet<int> consumed = [];
    // What the stages saw of the form's shape; the layout is named from these by the data (tables.json).
    readonly HashSet<string> traits = [];
    // Rows whose one cell the block pass split into a table's heads (cells run together on one line),
    // with the row's place before the split, for the warning.
    readonly Dictionary<int, string> splitHeaders = [];
    // What the label stages carry forward as they go: the project being read and the money unit stated.
    ProjectForm? project;
    string? moneyUnit;
    // The group label that heads the current block of label rows ("项目资金 (元)", "预算规模及资金用途"):
    // its unit applies to the block's amounts, and a text under it without a label of its own belongs to it.
    LabelGroup? group;
    sealed record LabelGroup(string Label, string? Unit);
    // Numbered headings ("一、项目概述") and the lines under them.
    Heading? heading;
    bool departmentPart;
    // Columns where a header block put 中长期目标 and 年度目标: side-by-side indicator groups follow them.
    // Carried by the walk over the blocks from the label rows to the next indicator table.
    readonly record struct GoalColumns(int? LongTerm, int? Annual);

    FormReader(CellGrid grid)
    {
        // One entry per distinct cell text at most: the cells are an upper bound that is never outgrown.
        var cells = 0;
        foreach (var row in grid.Rows)
            for (var c = 0; c < row.Cells.Count; c++)
                if (row.Cells[c].Text.Length > 0) cells++;
        labels = new CachedLabels(LabelSet.For(grid), cells);
        used = new HashSet<Cell>(cells, ReferenceEqualityComparer.Instance);
        doc = new FormDocument { Source = new SourceInfo { File = grid.File, Profile = labels.Profile?.Id } };
        rows = JoinWrappedLabels(Rebuild(grid.Rows, out var rebuilt));
        if (rebuilt) traits.Add("one-cell-per-line");
    }

    // A label wrapped over two lines in text from a PDF: "年度绩效" alone, then "目标  推进…". The head
    // is no label by itself, head and the next row's first cell are one: they are joined into that cell.
    List<Row> JoinWrappedLabels(List<Row> source)
    {
        for (var i = source.Count - 2; i >= 0; i--)
        {
            if (source[i].Filled is not [var head] || source[i + 1].Filled is not [var tail, ..] || tail != source[i + 1].Cells[source[i + 1].FirstFilled]) continue;
            var h = FormLabels.Norm(head.Text);
            if (h.Length > 8 || !h.All(char.IsLetter) || labels.Match(h) != null || labels.Match(h + FormLabels.Norm(tail.Text)) == null) continue;
            var cells = source[i + 1].Cells.ToList();
            cells[source[i + 1].FirstFilled] = new Cell(h + FormLabels.Norm(tail.Text), head.Where + "、" + tail.Where);
            source[i + 1] = new Row(source[i].Where.TrimEnd('行') + "-" + source[i + 1].Where.TrimStart('第'), cells);
            source.RemoveAt(i);
        }
        return source;
    }

    // The block pass first (Blocks.Split, with the kinds of rows below), then each block to its stage.
    internal List<Block> SplitBlocks() => Blocks.Split(rows.Count, i => rows[i].IsBlank, KindOfRow, Owns);

    // The blocks of a grid as its first text and row count, for tests of the pass on real rows.
    internal static List<(BlockKind Kind, string First, int Rows)> BlocksOf(CellGrid grid)
    {
        var reader = new FormReader(grid);
        return reader.SplitBlocks().Select(b =>
        {
            var first = Enumerable.Range(b.Start, b.End - b.Start).Select(i => reader.rows[i]).First(r => !r.IsBlank);
            return (b.Kind, first.Filled[0].Text, b.End - b.Start);
        }).ToList();
    }

    FormDocument Run()
    {
        var goals = new GoalColumns();
        foreach (var block in SplitBlocks())
        {
            if (block.Kind == BlockKind.Table) { ReadTable(block, goals); continue; }
            if (block.Kind == BlockKind.LabelColumns) { ReadLabelColumns(block, ref goals); continue; }
            for (var i = block.Start; i < block.End; i++)
                if (!consumed.Contains(i) && !rows[i].IsBlank) Handle(block.Kind, i, ref goals);
        }
        FlushHeading();
        Account();
        doc.Source.Layout = TableHeaders.LayoutOf(traits);
        return doc;
    }

    // The kind of a row outside a table, from its own cells: a header row (or one cell whose words are
    // one) is a table; one cell is a title, a label with its value, a heading or text; more cells are labels,
    // or label columns when they are all labels over a row of their values.
    BlockKind KindOfRow(int i)
    {
        var row = rows[i];
        if (row.Filled is [var only] && RunTogether(only) is { } split && IsTableHeader(split))
        {
            splitHeaders[i] = row.Where;
            rows[i] = split;
            return BlockKind.Table;
        }
        if (IsTableHeader(row)) return BlockKind.Table;
        if (row.Filled is not [var cell])
        {
            if (LabelColumnsAt(i) is not { } columns) return BlockKind.Labels;
            labelColumns[i] = columns;
            return BlockKind.LabelColumns;
        }
        var text = cell.Text;
        if (YearLine(text) != null || ProjectHeading(text) != null || IsTitle(text)) return BlockKind.Title;
        if (labels.MatchInline(text) != null) return BlockKind.Labels;
        return HeadingOf(text) != null ? BlockKind.Heading : BlockKind.Text;
    }

    void Handle(BlockKind kind, int i, ref GoalColumns goals)
    {
        var row = rows[i];
        var filled = row.Filled;
        if (kind == BlockKind.Title) { TitleRow(filled[0]); return; }
        if (filled.Length == 1 && SingleText(kind, i, filled[0], row.FirstFilled)) { Use(filled[0]); return; }
        LabelRow(i, ref goals);
    }

    void TitleRow(Cell cell)
    {
        Use(cell);
        if (YearLine(cell.Text) is int year) SetYear(year, cell.Where);
        else if (ProjectHeading(cell.Text) is string name) StartProject(name, cell.Where);
        else AddTitle(cell.Text);
    }

    // Cells that ran together on one line, separated by spaces only.
    static Row? RunTogether(Cell cell)
    {
        if (cell.Text.AsSpan().Trim().IndexOfAny(' ', '\u3000', '\t') < 0) return null;   // most cells: one word, nothing to split
        var parts = cell.Text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? null : new Row(cell.Where, CellsOf(parts, cell.Where));
    }

    // Kept apart from RunTogether: a query's closure there was made for every one-cell row asked about.
    static List<Cell> CellsOf(string[] parts, string where) => parts.Select(p => new Cell(p, where)).ToList();

    // Tables rendered one cell per line: a run of lines that each hold one cell (after an empty first
    // cell) is one table row; the blank lines between runs separate the rows.
    static List<Row> Rebuild(IReadOnlyList<GridRow> source, out bool rebuilt)
    {
        rebuilt = false;
        static bool Stacked(GridRow r)
        {
            if (r.Cells.Count < 2 || r.Cells[0].Text != "") return false;
            var filled = 0;
            for (var c = 1; c < r.Cells.Count; c++) if (r.Cells[c].Text != "" && ++filled > 1) return false;
            return true;
        }
        var result = new List<Row>(source.Count);
        for (var i = 0; i < source.Count;)
        {
            var j = i;
            while (j < source.Count && Stacked(source[j])) j++;
            if (j - i >= 2)
            {
                var cells = source.Skip(i).Take(j - i)
                    .Select(r => r.Cells.FirstOrDefault(c => c.Text != "") ?? r.Cells[1]).ToList();
                var where = $"{source[i].Where.TrimEnd('行')}-{source[j - 1].Where.TrimStart('第')}";
                result.Add(new Row(where, cells));
                rebuilt = true;
                i = j;
                continue;
            }
            result.Add(new Row(source[i].Where, source[i].Cells));
            i++;
        }
        return result;
    }

    // ---- single texts: headings and their paragraphs, labels written with their values

    bool SingleText(BlockKind kind, int i, Cell cell, int column)
    {
        var text = cell.Text;
        if (column > 0 && group != null && heading == null)
        {
            AddSection(group.Label, text);
            return true;
        }
        var headingKey = HeadingOf(text);
        if (departmentPart && heading != null && headingKey == null) { heading.Lines.Add(text); return true; }
        if (kind == BlockKind.Labels)
        {
            var pairs = labels.MatchInline(text)!;
            // "一、项目概述", "项目概况：" alone on a line: a label whose text follows on the next lines.
            if (pairs is [{ Value: "" } only] && only.Label.Field is Field.Section or Field.DocumentSection or Field.Group
                    or Field.LongTermGoal or Field.AnnualGoal or Field.Functions or Field.Period
                && (NumberedHeading().IsMatch(text) || NextFilled(i) is var j && j >= 0 && rows[j].Filled is [var next] && !IsLoneValue(next.Text)))
            {
                OpenHeading(headingKey ?? only.Label.Label, text, cell.Where, isLabel: true);
                return true;
            }
            FlushHeading();
            ApplyInline(i, cell, pairs);
            return true;
        }
        if (kind == BlockKind.Heading) { OpenHeading(headingKey!, text, cell.Where); return true; }
        if (UnitLine(text)) return true;
        if (heading != null) { heading.Lines.Add(text); return true; }
        return false;
    }

    static int? YearLine(string text)
    {
        var m = YearPattern().Match(FormLabels.Norm(text));
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    static string? ProjectHeading(string text)
    {
        var m = ProjectHeadingPattern().Match(text.Trim());
        return m.Success ? FormLabels.Mend(m.Groups[1].Value) : null;
    }

    static bool IsTitle(string text)
    {
        var n = FormLabels.Norm(text);
        return PartPattern().IsMatch(n) || AttachmentPattern().IsMatch(n)
            || (BracketOnly().IsMatch(n) && YearLine(text) == null)
            || (n.Length <= 60 && TitleEnd().IsMatch(n));
    }

    static string? HeadingOf(string text)
    {
        var t = text.Trim();
        var m = NumberedHeading().Match(t);
        if (m.Success && m.Groups[1].Value.Length <= 30 && !SentencePunctuation().IsMatch(m.Groups[1].Value))
            return FormLabels.Mend(m.Groups[1].Value);
        var n = FormLabels.Norm(t);
        if (n.Length <= 20 && !SentencePunctuation().IsMatch(n) && !HasDigit(n))
            return FormLabels.Mend(t);
        return null;
    }

    void OpenHeading(string key, string text, string where, bool isLabel = false)
    {
        if (heading != null && heading.Key == key && heading.Lines.Count == 0) return;   // "（一）总体绩效目标" repeating "一、总体绩效目标"
        FlushHeading();
        group = null;
        if (key.Contains("部门整体"))
        {
            departmentPart = true;
            project = null;   // what follows is about the whole department, not the project before it
        }
        else if (key.Contains("项目")) departmentPart = false;
        heading = new Heading(key, text, where, isLabel);
    }

    // A numbered heading ("一、项目概述") or a label alone on its line, and the lines under it so far.
    sealed class Heading(string key, string text, string where, bool isLabel)
    {
        public string Key { get; } = key;
        public string Text { get; } = text;
        public string Where { get; } = where;
        public bool IsLabel { get; } = isLabel;
        public List<string> Lines { get; } = [];
    }

    void FlushHeading()
    {
        if (heading is not { } open) return;
        heading = null;
        var (key, text, lines) = (open.Key, open.Text, open.Lines);
        if (lines.Count == 0) { if (!open.IsLabel) AddTitle(text); }
        else if (departmentPart && key.Contains("绩效目标")) DepartmentGoals(key, text, lines);
        // "年度总体目标" alone on a line with the goal below it: the goal field, not a loose section.
        else if (open.IsLabel && !NumberedHeading().IsMatch(text) && project != null && labels.Match(key) is { Field: Field.AnnualGoal or Field.LongTermGoal } goal
                 && (goal.Field == Field.AnnualGoal ? project.AnnualGoal : project.LongTermGoal) == null)
            Apply(goal, JoinLines(lines), open.Where, null);
        else AddSection(key, JoinLines(lines));
    }

    // 部门整体绩效目标: either one goal under its heading, or numbered goals each followed by
    // "绩效目标：…" and "绩效指标：…" lines.
    void DepartmentGoals(string key, string headingText, List<string> lines)
    {
        if (!lines.Any(l => GoalLine().IsMatch(l)))
        {
            doc.DepartmentGoals.Add(new DepartmentGoal { Title = key, Goal = JoinLines(lines) });
            return;
        }
        AddTitle(headingText);   // the heading over the numbered goals
        DepartmentGoal? goal = null;
        foreach (var line in lines)
        {
            var m = GoalLine().Match(line);
            if (m.Success)
            {
                if (goal == null) doc.DepartmentGoals.Add(goal = new DepartmentGoal { Title = key });
                var value = line[m.Length..].Trim();
                if (m.Groups[1].Value == "绩效目标") goal.Goal = Append(goal.Goal, value);
                else goal.Indicators = Append(goal.Indicators, value);
            }
            else if (ItemNumber().Match(line) is { Success: true } item)
                doc.DepartmentGoals.Add(goal = new DepartmentGoal { Title = FormLabels.Mend(line[item.Length..]) });
            else if (goal != null) goal.Goal = Append(goal.Goal, line);
            else AddSection(key, line, document: true);
        }
    }

    // Lines of one paragraph broken by the conversion are joined again: a long line that does not end a
    // sentence continues on the next one ("区信" / "访办分管领导").
    static string JoinLines(IEnumerable<string> lines)
    {
        var sb = new System.Text.StringBuilder();
        string? previous = null;
        foreach (var line in lines)
        {
            if (previous != null)
            {
                var continues = previous.Length >= 30 && !SentenceEnd().IsMatch(previous) && !ItemNumber().IsMatch(line);
                if (!continues) sb.Append('\n');
            }
            sb.Append(line);
            previous = line;
        }
        return sb.ToString();
    }

    void AddTitle(string text)
    {
        FlushHeading();
        group = null;
        var title = text.Trim();
        if (doc.Sections.TryGetValue("标题", out var titles))
        {
            if (!titles.Split('\n').Contains(title)) doc.Sections["标题"] = titles + "\n" + title;
        }
        else doc.Sections["标题"] = title;
        if (doc.FiscalYear == null && YearInTitle().Match(title) is { Success: true } m)
            doc.FiscalYear = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    void SetYear(int year, string where)
    {
        if (doc.FiscalYear == null) doc.FiscalYear = year;
        else if (doc.FiscalYear != year) Warn(where, $"预算年度前后不一致：{doc.FiscalYear} 与 {year}");
    }

    // "202001巨鹿县信访局本级": a unit code followed by the unit's name.
    bool UnitLine(string text)
    {
        var m = UnitCodeLine().Match(text.Trim());
        if (!m.Success) return false;
        doc.Unit.Code ??= m.Groups[1].Value;
        doc.Unit.Name ??= FormLabels.Mend(m.Groups[2].Value);
        return true;
    }

    void StartProject(string name, string where)
    {
        FlushHeading();
        name = FormLabels.Mend(name);
        departmentPart = false;
        if (name == "") { Warn(where, "项目名称为空"); return; }
        if (project != null && FormLabels.Norm(project.Name) == FormLabels.Norm(name)) return;
        // A project opened by a blank 项目名称 takes the name written further down.
        if (project is { Name: "", Indicators.Count: 0 }) { project.Name = name; return; }
        project = new ProjectForm { Name = name };
        project.Funding.SourceUnit = moneyUnit;
        doc.Projects.Add(project);
    }

    // ---- label rows

    void ApplyInline(int i, Cell cell, List<LabelSet.InlinePair> pairs)
    {
        // 项目名称 first (it opens the project the others belong to), the rest in their order.
        for (var pass = 0; pass < 2; pass++)
        for (var k = 0; k < pairs.Count; k++)
        {
            var pair = pairs[k];
            if ((pair.Label.Field == Field.ProjectName) != (pass == 0)) continue;
            var value = pair.Value;
            // A signature line: "填报人(签字)：" with the name alone on the next line.
            if (value == "" && k == pairs.Count - 1 && pair.Label.Field != Field.Group && NextFilled(i) is var j && j >= 0
                && rows[j].Filled is [var next] && IsLoneValue(next.Text))
            {
                value = next.Text;
                consumed.Add(j);
                Use(next);
            }
            Apply(pair.Label, value, cell.Where, null);
        }
    }

    bool IsLoneValue(string text) =>
        text.Length <= 30 && labels.Match(text) == null && labels.MatchInline(text) == null
        && !IsTitle(text) && YearLine(text) == null && !SentencePunctuation().IsMatch(text) && !NumberedHeading().IsMatch(text);

    bool IsLabelCell(string text) => labels.Match(text) != null || IsGroupFragment(text);

    // "项目 绩效" whose "目标" went to the next line: the start of a group label.
    bool IsGroupFragment(string text)
    {
        var n = FormLabels.Norm(text);
        if (n.Length < 2) return false;
        var groups = labels.GroupLabels;
        for (var k = 0; k < groups.Count; k++)   // a loop: a query's closure over n was made for every cell asked
            if (groups[k].Length > n.Length && groups[k].StartsWith(n, StringComparison.Ordinal)) return true;
        return false;
    }

    void LabelRow(int i, ref GoalColumns goals)
    {
        FlushHeading();
        var row = rows[i];
        var filled = row.Filled;
        // Every cell of a label row becomes a label, its value, a section or a warning of its own.
        Use(row);

        // The row's labels, each with its values (a range of valueCells, filled in order), and the cells
        // before any label: the reader's own lists, emptied for each label row.
        items.Clear();
        valueCells.Clear();
        orphans.Clear();
        foreach (var cell in filled)
        {
            if (labels.Match(cell.Text) is { } label) { items.Add((label, cell, valueCells.Count, 0)); continue; }
            if (items.Count == 0 && UnitLine(cell.Text)) continue;
            if (labels.MatchInline(cell.Text) is { } pairs)
            {
                foreach (var p in pairs)
                {
                    items.Add((p.Label, cell, valueCells.Count, 1));
                    valueCells.Add(new Cell(p.Value, cell.Where));
                }
                continue;
            }
            if (items.Count > 0)
            {
                items[^1] = items[^1] with { Count = items[^1].Count + 1 };   // the values of the last label are the last cells
                valueCells.Add(cell);
            }
            else orphans.Add(cell);
        }

        // A row that starts in the first column starts a new block; one that leaves it empty continues
        // the block of the merged cell above.
        if (row.FirstFilled == 0)
        {
            // The last group label of the row names the block, the last unit any of them states applies to it.
            string? groupLabel = null, groupUnit = null;
            foreach (var item in items)
                if (item.Label.Field == Field.Group) (groupLabel, groupUnit) = (item.Label.Label, item.Label.Unit ?? groupUnit);
            group = groupLabel != null ? new LabelGroup(groupLabel, groupUnit) : null;
        }

        // The same amount twice in a row ("其中：财政拨款 | 300 | 其中：财政拨款 | 100" under 中期资金总额 and
        // 年度资金总额): the left one is the whole period's, the right one the year's.
        for (var k = 0; k < items.Count; k++)
            if (items[k].Label.Field is Field.Appropriation or Field.AnnualRequest && FieldLater(items, k))
                items[k] = items[k] with { Label = items[k].Label with { Field = items[k].Label.Field == Field.Appropriation ? Field.Fiscal : Field.Total } };
            // Other amounts twice ("其他资金 | 30 | 其他资金 | 10"): the year's is the field, the period's has no
            // field of its own and is kept beside the project under its label.
            else if (IsMoney(items[k].Label.Field) && FieldLater(items, k))
                items[k] = items[k] with { Label = items[k].Label with { Field = Field.Section, Label = items[k].Label.Label + "（实施期）" } };

        List<Cell>? extras = null;
        // 项目名称 first (it opens the project the others belong to), the rest in their order.
        for (var pass = 0; pass < 2; pass++)
        foreach (var (label, at, start, count) in items)
        {
            if ((label.Field == Field.ProjectName) != (pass == 0)) continue;
            // A field that holds one value takes the first cell after its label; the cells after that
            // ("项目期 | 3年" behind "项目属性 | 延续项目") are label and value pairs of their own.
            var taken = count;
            if (TakesOneValue(label.Field) && count > 1)
            {
                (extras ??= []).AddRange(valueCells.GetRange(start + 1, count - 1));
                taken = 1;
            }
            Apply(label, taken switch
            {
                0 => "",
                1 => valueCells[start].Text,
                _ => JoinTexts(valueCells, start, taken),
            }, at.Where, null);
        }
        for (var k = 0; extras != null && k < extras.Count; k++)
        {
            if (k + 1 < extras.Count && IsLabelLike(extras[k].Text)) AddSection(FormLabels.Mend(extras[k].Text), extras[++k].Text);
            else Orphan(extras[k]);
        }

        // A row without a known label: "事项 | 文字" keeps its own first cell as the section's name.
        if (orphans.Count >= 2 && items.Count == 0 && IsLabelLike(orphans[0].Text) && group == null)
        {
            AddSection(FormLabels.Mend(orphans[0].Text), string.Join("\n", orphans.Skip(1).Select(c => c.Text)));
            return;
        }
        foreach (var cell in orphans) Orphan(cell);
    }

    // A label row's labels with the range of their values in valueCells, its values, and its cells before any label.
    readonly List<(LabelMatch Label, Cell At, int Start, int Count)> items = [];
    readonly List<Cell> valueCells = [], orphans = [];

    // The non-empty texts of cells [start, start + count), one a line.
    static string JoinTexts(List<Cell> cells, int start, int count)
    {
        var joined = new System.Text.StringBuilder();
        for (var k = start; k < start + count; k++)
        {
            if (cells[k].Text == "") continue;
            if (joined.Length > 0) joined.Append('\n');
            joined.Append(cells[k].Text);
        }
        return joined.ToString();
    }

    // Whether a later item of the row has the field of item k (a loop: a query's closure was made on every label row).
    static bool FieldLater(List<(LabelMatch Label, Cell At, int Start, int Count)> items, int k)
    {
        for (var later = k + 1; later < items.Count; later++)
            if (items[later].Label.Field == items[k].Label.Field) return true;
        return false;
    }

    static bool TakesOneValue(Field f) => f is not (Field.Person or Field.SupervisingDepartment or Field.LongTermGoal or Field.AnnualGoal
        or Field.AnnualGoalActual or Field.Functions or Field.Section or Field.DocumentSection or Field.Group or Field.Sum
        or Field.SpendingPlan or Field.BudgetLines or Field.Safeguards);

    static bool IsLabelLike(string text)
    {
        var n = FormLabels.Norm(text);
        return n.Length is >= 2 and <= 16 && !SentencePunctuation().IsMatch(n) && !HasDigit(n);
    }

    // A loop, not n.Any(char.IsDigit): asked of many cells, and a string's enumerator is an allocation.
    static bool HasDigit(string n)
    {
        foreach (var c in n) if (char.IsDigit(c)) return true;
        return false;
    }

    void Orphan(Cell cell)
    {
        if (group != null) AddSection(group.Label, cell.Text);
        else Warn(cell.Where, $"无法归位的文字：{cell.Text}");
    }

    // Labels in one or more rows with their values in the row below, column by column:
    // "项目总目标 | 年度总目标" over the two goals, "项目资金总额 | 上年度项目资金结转 | 本年度预算申请" over amounts.
    // Decided by the block pass (LabelColumnsAt, from the rows alone), read here as one block.
    sealed record LabelColumnsBlock(List<int> Heads, int Values, LabelMatch?[] At, string?[] Fragments, string? Unit, string? Group);

    // The label-column blocks the block pass found, by their first row.
    readonly Dictionary<int, LabelColumnsBlock> labelColumns = [];

    // Whether row i (two or more cells, every one a label) heads label columns: rows of labels only, then a
    // row of values without any label, with a value under a label that is not a group's; null when not.
    LabelColumnsBlock? LabelColumnsAt(int i)
    {
        if (rows[i].Filled.Length < 2 || !AllLabels(rows[i])) return null;
        var headers = new List<int> { i };
        var j = NextFilled(i);
        while (j >= 0 && AllLabels(rows[j]) && !StartsTable(j))
        {
            headers.Add(j);
            j = NextFilled(j);
        }
        if (j < 0 || StartsTable(j) || AnyLabel(rows[j])) return null;
        var values = rows[j];
        var width = values.Cells.Count;
        foreach (var h in headers) width = Math.Max(width, rows[h].Cells.Count);
        var at = new LabelMatch?[width];
        var fragments = new string?[width];
        string? unit = null, group = null;
        foreach (var h in headers)
            for (var c = 0; c < rows[h].Cells.Count; c++)
            {
                var t = rows[h].Text(c);
                if (t == "") continue;
                if (labels.Match(t) is { } label)
                {
                    if (label.Field == Field.Group) { unit ??= label.Unit; group ??= label.Label; }
                    if (at[c] == null || at[c]!.Field == Field.Group || label.Field != Field.Group) at[c] = label;
                }
                else fragments[c] = FormLabels.Norm(t);
            }
        var placed = false;
        for (var c = 0; c < values.Cells.Count; c++) placed |= values.Text(c) != "" && at[c] is { Field: not Field.Group };
        return placed ? new LabelColumnsBlock(headers, j, at, fragments, unit, group) : null;
    }

    bool AllLabels(Row row)
    {
        foreach (var cell in row.Filled) if (!IsLabelCell(cell.Text)) return false;
        return row.Filled.Length > 0;
    }

    bool AnyLabel(Row row)
    {
        foreach (var cell in row.Filled) if (IsLabelCell(cell.Text) || labels.MatchInline(cell.Text) != null) return true;
        return false;
    }

    // Whether the block pass makes row i a table: a header row, or one cell whose words run together into one.
    bool StartsTable(int i) =>
        IsTableHeader(rows[i]) || (rows[i].Filled is [var only] && RunTogether(only) is { } split && IsTableHeader(split));

    // The labels' values, column by column; the group a label row names heads what follows.
    void ReadLabelColumns(Block block, ref GoalColumns goals)
    {
        var h = block.Start;
        while (rows[h].IsBlank) h++;
        FlushHeading();
        var (headers, j, at, fragments, blockUnit, groupLabel) = labelColumns[h];
        var values = rows[j];
        foreach (var header in headers) Use(rows[header]);
        Use(values);
        group = groupLabel == null ? null : new LabelGroup(groupLabel, blockUnit);
        // 项目名称 first (it opens the project the others belong to), the rest in their order.
        for (var pass = 0; pass < 2; pass++)
        for (var c = 0; c < at.Length; c++)
        {
            var label = at[c];
            if ((label?.Field == Field.ProjectName) != (pass == 0)) continue;
            var value = values.Text(c);
            var where = c < values.Cells.Count ? values.Cells[c].Where : values.Where;
            if (label is { Field: not Field.Group })
            {
                if (label.Field == Field.LongTermGoal) goals = goals with { LongTerm = c };
                if (label.Field == Field.AnnualGoal) goals = goals with { Annual = c };
                Apply(label, value, where, label.Unit ?? blockUnit);
            }
            else if (value != "")
            {
                var head = label?.Label ?? fragments[c] ?? "";
                if (labels.Match(head + FormLabels.Norm(value)) != null) continue;   // the tail of a broken label
                if (label != null) AddSection(label.Label, value);
                else Orphan(values.Cells[c]);
            }
        }
    }

    int NextFilled(int i)
    {
        for (var j = i + 1; j < rows.Count; j++)
            if (!rows[j].IsBlank && !consumed.Contains(j)) return j;
        return -1;
    }

    // ---- applying one label's value

    void Apply(LabelMatch label, string value, string where, string? unit)
    {
        value = value.Trim();
        if (label.Field == Field.Group)
        {
            // "资金情况（万元）": a group heading that names the unit of the amounts below it.
            if (label.Unit != null) SetMoneyUnit(label, label.Unit);
            if (value == "") return;
            if (labels.MatchInline(value) is { } pairs)
            {
                foreach (var p in pairs) Apply(p.Label, p.Value, where, label.Unit ?? unit);
            }
            // "项目总体目标(2024年-2026年)" beside its text: the goal of the whole period.
            else if (label.Qualifier != null && FormLabels.OverallGoal(label.Label) && project != null)
            {
                project.LongTermGoalYears ??= FormLabels.Mend(label.Qualifier);
                project.LongTermGoal = Append(project.LongTermGoal, value);
            }
            else AddSection(label.Label, value);
            return;
        }
        if (label.Qualifier != null && label.Field == Field.LongTermGoal && project != null)
            project.LongTermGoalYears ??= FormLabels.Mend(label.Qualifier);
        else if (label.Qualifier != null && label.Field is Field.LongTermGoal or Field.AnnualGoal)
            AddSection(label.Label + "期间", FormLabels.Mend(label.Qualifier));
        if (value == "")
        {
            Blank(label, where);
            return;
        }
        switch (label.Field)
        {
            case Field.ProjectName: StartProject(value, where); break;
            case Field.ProjectCode: if (Current(label, value, where) is { } p1) p1.Code = value; break;
            case Field.Category: SetCategory(label, value, where); break;
            case Field.Attribute: SetAttribute(label, value, where); break;
            case Field.Nature: SetNature(label, value, where); break;
            case Field.Term: if (Current(label, value, where) is { } p5) p5.Term = FormLabels.Mend(value); break;
            case Field.Year:
                if (YearValue().Match(FormLabels.Norm(value)) is { Success: true } y) SetYear(int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture), where);
                else { Warn(where, $"预算年度无法识别：{value}"); AddSection(label.Label, value, document: true); }
                break;
            case Field.FunctionClass: if (Current(label, value, where) is { } p2) p2.FunctionClass = value; break;
            case Field.ImplementingUnit:
                doc.Unit.Name ??= FormLabels.Mend(value);
                if (project != null) project.ImplementingUnit = FormLabels.Mend(value);
                break;
            case Field.StartDate or Field.EndDate: SetDate(label, value, where); break;
            case Field.Period: SetPeriod(label, value, where); break;
            case Field.Total or Field.AnnualRequest or Field.Fiscal or Field.Appropriation or Field.FromHigherLevel
                or Field.FromSameLevel or Field.FromLowerLevel or Field.CarryOver or Field.SpecialAccount or Field.Other:
                SetAmount(label, value, where, label.Unit ?? unit ?? group?.Unit);
                break;
            case Field.LongTermGoal: if (Current(label, value, where) is { } p3) p3.LongTermGoal = Append(p3.LongTermGoal, value); break;
            case Field.AnnualGoal: if (Current(label, value, where) is { } p4) p4.AnnualGoal = Append(p4.AnnualGoal, value); break;
            case Field.AnnualGoalActual: SetGoalActual(label, value, where); break;
            case Field.TotalScore: SetTotalText(label, value, where); break;
            case Field.Grade: SetGrade(label, value, where); break;
            case Field.Person: AddPeople(label.Label, value); break;
            case Field.UnitName:
                if (doc.Unit.Name == null) doc.Unit.Name = FormLabels.Mend(value);
                else if (FormLabels.Norm(doc.Unit.Name) != FormLabels.Norm(value)) AddSection(label.Label, value, document: true);
                break;
            case Field.UnitCode: doc.Unit.Code ??= value; break;
            case Field.SupervisingDepartment: SetSupervising(label, value); break;
            case Field.Functions: doc.Unit.Functions = Append(doc.Unit.Functions, value); break;
            case Field.MoneyUnit: SetMoneyUnit(label, value); break;
            case Field.DocumentSection: AddSection(label.Label, value, document: true); break;
            default: AddSection(label.Label, value); break;
        }
    }

    // A form with a field left blank is still read; the fields a project cannot do without are named.
    void Blank(LabelMatch label, string where)
    {
        switch (label.Field)
        {
            case Field.ProjectName:
                Warn(where, "项目名称为空，已按无名项目读取，请补填");
                if (project == null || project.Name != "" || project.Indicators.Count > 0)
                {
                    project = new ProjectForm { Name = "" };
                    project.Funding.SourceUnit = moneyUnit;
                    doc.Projects.Add(project);
                }
                break;
            case Field.SupervisingDepartment when doc.Unit.SupervisingDepartment == null:
                Warn(where, "主管部门为空，请补填");
                break;
            case Field.Year when doc.FiscalYear == null:
                Warn(where, "预算年度为空，请补填");
                break;
        }
    }

    // A project field before any 项目名称 cannot belong to a project: it is kept with the document.
    ProjectForm? Current(LabelMatch label, string value, string where)
    {
        if (project != null) return project;
        Warn(where, $"“{label.Label}”出现在项目名称之前，已记入文档：{value}");
        AddSection(label.Label, value, document: true);
        return null;
    }

    void SetCategory(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var options = value.Contains('☐') || value.Contains('☑')
            ? CheckboxOption().Matches(value).Where(m => m.Groups[1].Value == "☑").Select(m => m.Groups[2].Value.Trim()).ToList()
            : [value];
        if (options.Count == 0) return;   // no box ticked: the form leaves the category open
        if (ClassOf(options[0]) is { } projectClass && options.Count == 1)
        {
            p.Class ??= projectClass;
            return;
        }
        ProjectCategory? category = options[0] switch
        {
            var o when o.Contains("一次性") => ProjectCategory.OneOff,
            var o when o.Contains("经常性") => ProjectCategory.Recurring,
            var o when o.Contains("中期") => ProjectCategory.MediumTermPilot,
            _ => null,
        };
        if (category == null || options.Count > 1)
        {
            Warn(where, $"项目类别无法确定：{value}");
            AddSection(label.Label, value);
        }
        p.Category ??= category;
    }

    // The integrated systems' classes: 人员类, 运转类 with its two kinds, 特定目标类.
    static ProjectClass? ClassOf(string value) => FormLabels.Norm(value) switch
    {
        var n when n.Contains("人员") => ProjectClass.Personnel,
        var n when n.Contains("运转") || n.Contains("公用经费") => ProjectClass.Operation,
        var n when n.Contains("特定目标") => ProjectClass.SpecificPurpose,
        _ => null,
    };

    void SetNature(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var ticked = value.Contains('☐') || value.Contains('☑')
            ? CheckboxOption().Matches(value).Where(m => m.Groups[1].Value == "☑").Select(m => m.Groups[2].Value.Trim()).ToList()
            : [value];
        if (ticked.Count == 0) return;   // no box ticked
        ProjectNature? nature = ticked.Count > 1 ? null : FormLabels.Norm(ticked[0]) switch
        {
            var n when n.Contains("经常") => ProjectNature.Recurring,
            var n when n.Contains("一次") => ProjectNature.OneOff,
            var n when n.Contains("阶段") => ProjectNature.Phased,
            _ => null,
        };
        if (nature == null)
        {
            Warn(where, $"项目性质无法识别：{value}");
            AddSection(label.Label, value);
        }
        else p.Nature ??= nature;
    }

    void SetAttribute(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var n = FormLabels.Norm(value);
        if (n.Contains("新增") || n == "新") p.Attribute = ProjectAttribute.New;
        else if (n.Contains("延续") || n.Contains("持续")) p.Attribute = ProjectAttribute.Continuing;
        else
        {
            Warn(where, $"项目属性无法识别：{value}");
            AddSection(label.Label, value);
        }
    }

    void SetDate(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var date = ParseDate(value);
        if (date == null)
        {
            Warn(where, $"日期无法识别：{value}");
            AddSection(label.Label, value);
        }
        else if (label.Field == Field.StartDate) p.StartDate = date;
        else p.EndDate = date;
    }

    void SetPeriod(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var parts = RangeSeparator().Split(FormLabels.Norm(value));
        var start = parts.Length == 2 ? ParseDate(parts[0]) : null;
        var end = parts.Length == 2 ? ParseDate(parts[1]) : null;
        if (start == null || end == null)
        {
            AddSection(label.Label, value);
            return;
        }
        p.StartDate ??= start;
        p.EndDate ??= end;
    }

    // 2023-01-01, 2023/1/1, 2023年1月1日, 2021-01, 2021年1月 → ISO, month precision kept where the form gives a month.
    internal static string? ParseDate(string text)
    {
        var m = DatePattern().Match(FormLabels.Norm(text));
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        if (!m.Groups[3].Success) return $"{year:D4}-{month:D2}";
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? $"{year:D4}-{month:D2}-{day:D2}" : null;
    }

    void SetAmount(LabelMatch label, string value, string where, string? unit)
    {
        if (Current(label, value, where) is not { } p) return;
        if (ParseMoney(value) is not var (amount, suffix))
        {
            Warn(where, $"“{label.Label}”的金额无法识别：{value}");
            AddSection(label.Label, value);
            return;
        }
        unit = suffix ?? unit ?? moneyUnit;
        if (unit == null)
        {
            unit = "元";
            WarnNoUnit(where);
        }
        var yuan = ToYuan(amount, unit);
        p.Funding.SourceUnit ??= unit;
        var existing = GetAmount(p.Funding, label.Field);
        if (existing == null) SetAmount(p.Funding, label.Field, yuan);
        else if (existing != yuan) Warn(where, $"“{label.Label}”出现两个不同的金额：{existing} 元与 {yuan} 元，保留前者");
    }

    static decimal ToYuan(decimal amount, string unit) => unit == "万元" ? amount * 10000m : amount;

    // "1,200.50", "120万元", "-3元": a plain number and the unit written after it, read by hand (a pattern's
    // match and groups for every amount were a good part of what reading the label rows allocated).
    internal static (decimal Amount, string? Unit)? ParseMoney(string text)
    {
        var n = FormLabels.Norm(text).Replace(",", "").Replace("，", "");
        string? unit = n.EndsWith("万元", StringComparison.Ordinal) ? "万元" : n.EndsWith('元') ? "元" : null;
        var number = n.AsSpan(0, n.Length - (unit?.Length ?? 0));
        return IsPlainNumber(number) ? (decimal.Parse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), unit) : null;
    }

    // An optional minus, digits, and digits after one point: "-12.5", "300".
    static bool IsPlainNumber(ReadOnlySpan<char> s)
    {
        var i = s.StartsWith('-') ? 1 : 0;
        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == digits) return false;
        if (i == s.Length) return true;
        if (s[i] != '.') return false;
        var fraction = ++i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i > fraction && i == s.Length;
    }

    static decimal? GetAmount(Funding f, Field field) => field switch
    {
        Field.Total => f.Total, Field.AnnualRequest => f.AnnualRequest, Field.Fiscal => f.Fiscal,
        Field.Appropriation => f.Appropriation, Field.FromHigherLevel => f.FromHigherLevel,
        Field.FromSameLevel => f.FromSameLevel, Field.FromLowerLevel => f.FromLowerLevel,
        Field.CarryOver => f.CarryOver, Field.SpecialAccount => f.SpecialAccount, Field.Other => f.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    static void SetAmount(Funding f, Field field, decimal value)
    {
        switch (field)
        {
            case Field.Total: f.Total = value; break;
            case Field.AnnualRequest: f.AnnualRequest = value; break;
            case Field.Fiscal: f.Fiscal = value; break;
            case Field.Appropriation: f.Appropriation = value; break;
            case Field.FromHigherLevel: f.FromHigherLevel = value; break;
            case Field.FromSameLevel: f.FromSameLevel = value; break;
            case Field.FromLowerLevel: f.FromLowerLevel = value; break;
            case Field.CarryOver: f.CarryOver = value; break;
            case Field.SpecialAccount: f.SpecialAccount = value; break;
            case Field.Other: f.Other = value; break;
        }
    }

    void SetMoneyUnit(LabelMatch label, string value)
    {
        var n = FormLabels.Norm(value);
        if (n is "元" or "万元")
        {
            moneyUnit = n;
            if (project != null) project.Funding.SourceUnit ??= n;
        }
        else if (label.Label == "单位" && doc.Unit.Name == null) doc.Unit.Name = FormLabels.Mend(value);
        else AddSection(label.Label, value, document: true);
    }

    void SetSupervising(LabelMatch label, string value)
    {
        // The code after the name ("四川省某某厅 101001", "…（101）") or before it ("[101]某省人民政府办公厅").
        var m = TrailingCode().Match(value.Trim());
        var lead = LeadingCode().Match(value.Trim());
        var name = FormLabels.Mend(m.Success ? m.Groups[1].Value : lead.Success ? lead.Groups[2].Value : value);
        if (m.Success) doc.Unit.SupervisingDepartmentCode ??= m.Groups[2].Value;
        else if (lead.Success) doc.Unit.SupervisingDepartmentCode ??= lead.Groups[1].Value;
        if (doc.Unit.SupervisingDepartment == null) doc.Unit.SupervisingDepartment = name;
        else if (FormLabels.Norm(doc.Unit.SupervisingDepartment) != FormLabels.Norm(name)) AddSection(label.Label, value);
    }

    // "姚怡、周志鹏、张卫东、刘海峰", "李业勋 1351473****", "靳兵399****": names with an optional phone.
    // The role is the form's own label; a phone under "联系电话" goes to the contact named before it.
    void AddPeople(string label, string value)
    {
        var role = label.Replace("及联系电话", "");
        var people = project != null && role is "项目负责人" or "联系人" or "联系电话" ? project.People : doc.Unit.People;
        var phone = PhonePattern().Match(value);
        var names = (phone.Success ? value.Remove(phone.Index, phone.Length) : value)
            .Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (role == "联系电话")
        {
            var contact = people.LastOrDefault(x => x.Phone == null && x.Role == "联系人");
            if (contact != null && names.Length == 0) { contact.Phone = value.Trim(); return; }
        }
        if (names.Length == 0) { people.Add(new Person { Role = role, Phone = value.Trim() }); return; }
        for (var k = 0; k < names.Length; k++)
            people.Add(new Person { Role = role, Name = names[k], Phone = k == 0 && phone.Success ? phone.Value : null });
    }

    static readonly char[] NameSeparators = ['、', '，', ',', '；', ';', '/', '／', ' ', '\u3000', '\n'];

    void AddSection(string key, string text, bool document = false)
    {
        text = text.Trim();
        if (text == "") return;
        var sections = document || project == null ? doc.Sections : project.Sections;
        if (!sections.TryGetValue(key, out var existing)) sections[key] = text;
        else if (existing != text && !existing.Split('\n').Contains(text)) sections[key] = existing + "\n" + text;
    }

    static string Append(string? existing, string text) =>
        string.IsNullOrEmpty(existing) ? text : existing == text ? existing : existing + "\n" + text;

    void Warn(string where, string message) => doc.Warnings.Add(new ImportWarning { Where = where, Message = message });

    // Said once per form, at the first amount without a unit.
    const string NoUnit = "表中未注明金额单位，金额按元读取";

    void WarnNoUnit(string where)
    {
        if (!doc.Warnings.Exists(w => w.Message == NoUnit)) Warn(where, NoUnit);
    }

    [GeneratedRegex(@"^[（(](\d{4})年度?[)）]$")]
    private static partial Regex YearPattern();
    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex YearInTitle();
    [GeneratedRegex(@"^(\d{4})(?:年度?)?$")]
    private static partial Regex YearValue();
    [GeneratedRegex(@"^(?:项目经费情况说明|项目情况说明|项目支出情况说明)\s*\d*\s*[：:]?\s*(\S.*)$")]
    private static partial Regex ProjectHeadingPattern();
    [GeneratedRegex(@"^第[一二三四五六七八九十\d]+部分$")]
    private static partial Regex PartPattern();
    [GeneratedRegex(@"^附件[\d\-—－.]*$")]
    private static partial Regex AttachmentPattern();
    [GeneratedRegex(@"^[（(][^）)]{1,12}[)）]$")]
    private static partial Regex BracketOnly();
    [GeneratedRegex(@"表([（(][^）)]*[)）])?$")]
    private static partial Regex TitleEnd();
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*(.+?)[：:]?$")]
    private static partial Regex NumberedHeading();
    [GeneratedRegex(@"[。，；：！？,;:!?]")]
    private static partial Regex SentencePunctuation();
    [GeneratedRegex(@"[。！？；：…”」）)!?;:]$")]
    private static partial Regex SentenceEnd();
    [GeneratedRegex(@"^\s*(?:\d+|[一二三四五六七八九十]+)[、.．]\s*")]
    private static partial Regex ItemNumber();
    [GeneratedRegex(@"^\s*(绩效目标|绩效指标)\s*[：:]")]
    private static partial Regex GoalLine();
    [GeneratedRegex(@"^(\d{6,12})\s*(\S+?(?:局|办|办公室|委员会|委|中心|院|所|厅|处|站|队|会|部|本级))$")]
    private static partial Regex UnitCodeLine();
    [GeneratedRegex(@"([☐☑])\s*([^☐☑]+)")]
    private static partial Regex CheckboxOption();
    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?$")]
    private static partial Regex DatePattern();
    [GeneratedRegex(@"~|～|—+|至|－|(?<=\d)-(?=\d{4})|(?<=[日月])-")]
    private static partial Regex RangeSeparator();
    [GeneratedRegex(@"^(.*?)\s*[（(]?(\d{3,})[)）]?$")]
    private static partial Regex TrailingCode();
    [GeneratedRegex(@"^[\[［【（(](\d{3,})[\]］】）)]\s*(.+)$")]
    private static partial Regex LeadingCode();
    [GeneratedRegex(@"[\d*＊\-－]{5,}")]
    private static partial Regex PhonePattern();
}
