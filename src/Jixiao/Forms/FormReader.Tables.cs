using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain;

namespace Jixiao.Forms;

// The tables inside a form: project lists, budget lines, spending plans and 制度保障. Indicator
// tables are in FormReader.Indicators.cs.
public sealed partial class FormReader
{
    sealed class ProjectList
    {
        public int NameColumn;
        public readonly Dictionary<int, LabelMatch> Labels = [];
        public string? Unit;
        public string? CurrentUnit;
    }

    sealed class BudgetTable
    {
        public int NameColumn, AmountColumn, PeriodColumn = -1;
        public string? Unit;
        public ProjectForm? Project;
    }

    sealed class SafeguardTable
    {
        public int CategoryColumn, DocumentColumn, MeasuresColumn, StageColumn;
        public string? Category;
    }

    // Each row is scored against the table profiles once, however often it is asked about; the row keeps the answer.
    TableHeader? HeaderOf(Row row)
    {
        if (!row.HeaderKnown) (row.Header, row.HeaderKnown) = (TableHeaders.Match(row.Cells, labels), true);
        return row.Header;
    }

    bool IsTableHeader(Row row) => HeaderOf(row) != null;

    // A table block: its header row starts the table of its kind (a local value, handed to each row's
    // reader), the rows the block pass gave the table are read as its rows.
    void ReadTable(Block block, GoalColumns goals)
    {
        var h = block.Start;
        while (rows[h].IsBlank) h++;
        var row = rows[h];
        var header = HeaderOf(row)!;
        if (splitHeaders.TryGetValue(h, out var before)) Warn(before, "表头的格子连在一起，已按空格拆开");
        FlushHeading();
        traits.Add("table:" + header.Profile.Id);
        Use(row);   // the column heads
        object? table = header.Profile.Id switch
        {
            "indicators" => StartIndicators(row, goals),
            "project-list" => StartProjectList(row),
            "budget-lines" => StartBudget(row, header),
            "safeguards" => StartSafeguards(row, header),
            "spending-plan" => ReadSpendingPlan(h, header),
            "execution" => StartExecution(row, header),
            _ => throw new InvalidOperationException($"tables.json: no reader for table {header.Profile.Id}"),
        };
        for (var i = h + 1; i < block.End; i++)
        {
            if (consumed.Contains(i) || rows[i].IsBlank) continue;
            switch (table)
            {
                case IndicatorTable t: IndicatorRow(t, rows[i]); break;
                case ProjectList l: ProjectListRow(l, rows[i]); break;
                case BudgetTable b: BudgetRow(b, rows[i]); break;
                case SafeguardTable s: SafeguardRow(s, rows[i]); break;
                case ExecutionTable e: ExecutionRow(e, rows[i]); break;
            }
        }
    }

    // For the block pass: whether the block started by row h owns row i. Label columns own their label rows and
    // the row of their values. The spending plan reads the one row of percentages it needs by itself and owns no rows.
    bool Owns(int h, int i)
    {
        if (labelColumns.TryGetValue(h, out var columns)) return i <= columns.Values;
        var header = rows[h];
        var id = HeaderOf(header)!.Profile.Id;
        return id != "spending-plan" && !EndsTable(rows[i], id, header);
    }

    // A table goes on until a row that starts something else: a title, a heading, a new header row,
    // or a label the table does not own.
    bool EndsTable(Row row, string table, Row header)
    {
        var indicators = table == "indicators";
        if (IsTableHeader(row)) return true;
        var filled = row.Filled;
        var first = filled[0];
        if (filled.Length == 1)
        {
            var t = first.Text;
            if (YearLine(t) != null || ProjectHeading(t) != null || IsTitle(t) || labels.MatchInline(t) != null) return true;
            if (indicators) return t.Length > 40 || SentencePunctuation().IsMatch(t) && !LooksLikeValue(t);
        }
        var label = labels.Match(first.Text) ?? labels.MatchInline(first.Text)?[0].Label;
        if (label == null) return false;
        if (label.Field == Field.Sum) return indicators;
        if (indicators)
            // "绩效目标" heading the table's first column belongs to it; other labels start something else.
            return !(label.Field is Field.Group or Field.TotalScore
                     || (label.Field == Field.AnnualGoal && IndicatorColumnsOf(header).IsSection(row.FirstFilled)));
        if (table == "execution") return !IsMoney(label.Field);
        return true;
    }

    // ---- a department's list of projects, one row each (项目名称 | 总计 | 财政拨款 | … | 绩效目标 | 绩效指标)

    static bool IsMoney(Field f) => f is Field.Total or Field.AnnualRequest or Field.Fiscal or Field.Appropriation
        or Field.FromHigherLevel or Field.FromSameLevel or Field.FromLowerLevel or Field.CarryOver
        or Field.SpecialAccount or Field.Other;

    ProjectList StartProjectList(Row row)
    {
        var list = new ProjectList { Unit = moneyUnit };
        for (var c = 0; c < row.Cells.Count; c++)
            if (labels.Match(row.Text(c)) is { } label)
            {
                if (label.Field == Field.ProjectName) list.NameColumn = c;
                else list.Labels[c] = label;
                list.Unit = label.Unit ?? list.Unit;
            }
        return list;
    }

    void ProjectListRow(ProjectList l, Row row)
    {
        Use(row);   // name, labelled columns, the rest to Orphan
        var name = FormLabels.Mend(row.Text(l.NameColumn));
        var texts = l.Labels.ToDictionary(kv => kv.Key, kv => row.Text(kv.Key));
        if (name == "")
        {
            foreach (var cell in row.Filled) Orphan(cell);
            return;
        }
        var where = row.Cells[l.NameColumn].Where;
        var money = l.Labels.Where(kv => IsMoney(kv.Value.Field)).ToList();
        var hasGoals = l.Labels.Any(kv => !IsMoney(kv.Value.Field) && texts[kv.Key] != "");
        if (labels.Match(name)?.Field == Field.Sum || (!hasGoals && IsUnitName(name)))
        {
            if (labels.Match(name)?.Field != Field.Sum)
            {
                doc.Unit.Name ??= name;
                l.CurrentUnit = name;
            }
            var funding = new Funding();
            foreach (var (c, label) in money)
                if (ParseMoney(texts[c]) is var (amount, suffix))
                {
                    funding.SourceUnit ??= suffix ?? l.Unit ?? moneyUnit;
                    SetAmount(funding, label.Field, ToYuan(amount, suffix ?? l.Unit ?? moneyUnit ?? "元"));
                }
                else if (texts[c] != "") Warn(row.Cells[c].Where, $"“{label.Label}”的金额无法识别：{texts[c]}");
            UnitTotals(funding, where);
            return;
        }
        StartProject(name, where);
        project!.ImplementingUnit ??= l.CurrentUnit;
        foreach (var (c, label) in l.Labels)
        {
            var text = texts[c];
            if (text == "") continue;
            var cellWhere = row.Cells[c].Where;
            if (label.Field == Field.Group && label.Label == "绩效指标") ProjectIndicatorsCell(text, cellWhere);
            else Apply(label, text, cellWhere, label.Unit ?? l.Unit);
        }
        for (var c = 0; c < row.Cells.Count; c++)
            if (c != l.NameColumn && !l.Labels.ContainsKey(c) && row.Text(c) != "") Orphan(row.Cells[c]);
    }

    static bool IsUnitName(string name) => UnitSuffix().IsMatch(name);

    // The 合计 row and the unit's own row state the same totals; a difference is reported.
    void UnitTotals(Funding funding, string where)
    {
        if (doc.Unit.Funding == null) { doc.Unit.Funding = funding; return; }
        foreach (var field in new[] { Field.Total, Field.AnnualRequest, Field.Fiscal, Field.Appropriation, Field.CarryOver, Field.SpecialAccount, Field.Other })
        {
            var a = GetAmount(doc.Unit.Funding, field);
            var b = GetAmount(funding, field);
            if (a != null && b != null && a != b) Warn(where, $"单位合计与单位行的金额不一致：{a} 元与 {b} 元");
            else if (a == null && b != null) SetAmount(doc.Unit.Funding, field, b.Value);
        }
    }

    // ---- 项目预算明细: item, amount, period

    BudgetTable StartBudget(Row row, TableHeader header)
    {
        var budget = new BudgetTable { Project = project, Unit = moneyUnit };
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var t = row.Text(c);
            if (t == "") continue;
            switch (header.Columns[c])
            {
                case Column.LineName: budget.NameColumn = c; break;
                case Column.Amount: budget.AmountColumn = c; budget.Unit = TableHeaders.UnitOf(t) ?? budget.Unit; break;
                default:
                    if (labels.Match(t) is { Field: Field.Period }) budget.PeriodColumn = c;
                    else if (labels.Match(t) is { Unit: { } u }) budget.Unit ??= u;
                    break;
            }
        }
        if (budget.Project == null) Warn(row.Where, "项目预算明细出现在项目名称之前");
        return budget;
    }

    void BudgetRow(BudgetTable b, Row row)
    {
        Use(row);   // name, amount, period, the rest to Orphan
        var name = FormLabels.Mend(row.Text(b.NameColumn));
        var amountText = row.Text(b.AmountColumn);
        var period = b.PeriodColumn >= 0 ? row.Text(b.PeriodColumn) : "";
        var known = new[] { b.NameColumn, b.AmountColumn, b.PeriodColumn };
        for (var c = 0; c < row.Cells.Count; c++)
            if (!known.Contains(c) && row.Text(c) != "") Orphan(row.Cells[c]);
        if (name == "" && amountText == "" && period == "") return;
        var where = row.Cells.Count > b.NameColumn ? row.Cells[b.NameColumn].Where : row.Where;
        decimal? amount = null;
        if (amountText != "")
        {
            if (ParseMoney(amountText) is var (value, suffix)) amount = ToYuan(value, suffix ?? b.Unit ?? "元");
            else Warn(where, $"预算明细“{name}”的金额无法识别：{amountText}");
        }
        if (b.Project == null) { Warn(where, $"无法归属的预算明细：{name} {amountText} {period}".Trim()); return; }
        if (labels.Match(name)?.Field == Field.Sum)
        {
            var sum = b.Project.BudgetLines.Sum(x => x.Amount ?? 0);
            if (amount != null && amount != sum) Warn(where, $"预算明细合计 {amount} 元与各项之和 {sum} 元不一致");
            return;
        }
        b.Project.Funding.SourceUnit ??= b.Unit;
        b.Project.BudgetLines.Add(new BudgetLine { Name = name, Amount = amount, Period = period == "" ? null : period });
    }

    // ---- 制度保障: category, document, measures and the stages ticked

    SafeguardTable StartSafeguards(Row row, TableHeader header)
    {
        var safeguards = new SafeguardTable { StageColumn = -1 };
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var t = row.Text(c);
            switch (header.Columns[c])
            {
                case Column.Document: safeguards.DocumentColumn = c; break;
                case Column.Measures: safeguards.MeasuresColumn = c; break;
                case Column.Stage: if (safeguards.StageColumn < 0) safeguards.StageColumn = c; break;
                default: if (labels.Match(t) is { Field: Field.Safeguards }) safeguards.CategoryColumn = c; break;
            }
        }
        if (safeguards.StageColumn < 0) safeguards.StageColumn = Math.Max(safeguards.DocumentColumn, safeguards.MeasuresColumn) + 1;
        return safeguards;
    }

    void SafeguardRow(SafeguardTable s, Row row)
    {
        var category = FormLabels.Mend(row.Text(s.CategoryColumn));
        var isNew = category != "";
        if (isNew) s.Category = category;
        var document = row.Text(s.DocumentColumn);
        var measures = row.Text(s.MeasuresColumn);
        UseColumn(row, s.CategoryColumn);
        UseColumn(row, s.DocumentColumn);
        UseColumn(row, s.MeasuresColumn);
        for (var c = s.StageColumn; c < row.Cells.Count; c++) UseColumn(row, c);   // ticked stages, and the options not ticked
        var stages = new List<string>();
        for (var c = s.StageColumn; c < row.Cells.Count; c++)
        {
            var t = row.Text(c);
            if (t == "" || t.Contains('☐')) continue;
            stages.Add(FormLabels.Mend(t.Replace("☑", "")));
        }
        if (document == "" && measures == "" && stages.Count == 0 && !isNew) return;
        if (project == null) { Warn(row.Where, $"无法归属的制度保障：{string.Join(" ", row.Filled.Select(x => x.Text))}"); return; }
        project.Safeguards.Add(new Safeguard
        {
            Category = s.Category,
            Document = document == "" ? null : document,
            Measures = measures == "" ? null : measures,
            Stages = stages,
        });
    }

    // ---- 资金支出计划: milestones with cumulative percentages, in the row below or beside them.
    // Read whole from its header (taking the row of percentages below it itself): no table is left to hand rows to.

    object? ReadSpendingPlan(int i, TableHeader header)
    {
        var row = rows[i];
        if (project == null) Warn(row.Where, "资金支出计划出现在项目名称之前");
        var columns = Enumerable.Range(0, row.Cells.Count).Where(c => header.Roles[c] == "milestone").ToList();
        var beside = columns.All(c => PercentValue(row.Text(c + 1)) != null);
        Row values = row;
        var offset = 1;
        if (!beside)
        {
            var j = NextFilled(i);
            if (j < 0) { Warn(row.Where, "资金支出计划缺少百分比行"); return null; }
            values = rows[j];
            consumed.Add(j);
            offset = 0;
        }
        foreach (var c in columns)
        {
            var text = values.Text(c + offset);
            var by = FormLabels.Norm(row.Text(c));
            if (text == "") continue;
            var percent = PercentValue(text);
            var where = c + offset < values.Cells.Count ? values.Cells[c + offset].Where : values.Where;
            UseColumn(values, c + offset);
            if (percent == null) Warn(where, $"资金支出计划“{by}”的比例无法识别：{text}");
            if (project == null) continue;
            project.SpendingPlan.Add(new SpendingMilestone { By = by, CumulativePercent = percent });
        }
        return null;
    }

    static decimal? PercentValue(string text) =>
        TableHeaders.Is("percent", text) ? decimal.Parse(FormLabels.Norm(text).TrimEnd('%', '％'), CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(局|办|办公室|委员会|委|中心|院|所|厅|处|站|队|本级|单位)$")]
    private static partial Regex UnitSuffix();
}
