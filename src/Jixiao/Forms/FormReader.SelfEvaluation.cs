using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain;

namespace Jixiao.Forms;

// Year-end self-evaluation forms (绩效自评表): the money block of 年初预算数 / 全年预算数 / 全年执行数 /
// 分值 / 执行率 / 得分 by funding row, the annual goal as reached, the 总分 row and the grade. The
// indicator rows' actuals, scores and deviation causes are read with the indicator table.
public sealed partial class FormReader
{
    sealed class ExecutionTable
    {
        public readonly Dictionary<int, Column> Roles = [];
        public string? Unit;
    }


    // The amount columns; the others (执行率, 分值, 得分) hold rates and scores.
    static bool IsExecutionColumn(Column c) => c is Column.InitialBudget or Column.AnnualBudget or Column.Executed;

    SelfEvaluation Evaluation(ProjectForm p)
    {
        traits.Add("self-evaluation");
        return p.SelfEvaluation ??= new SelfEvaluation();
    }

    ExecutionTable StartExecution(Row row, TableHeader header)
    {
        var execution = new ExecutionTable { Unit = moneyUnit };
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var t = row.Text(c);
            if (t == "") continue;
            if (header.Roles[c] != null) execution.Roles[c] = header.Columns[c];
            // "项目资金（万元）" over the block, or "全年执行数（万元）" on a column.
            if (TableHeaders.UnitOf(t) is { } unit) execution.Unit = unit;
        }
        if (project == null) Warn(row.Where, "预算执行情况出现在项目名称之前");
        else Evaluation(project).SourceUnit ??= execution.Unit;
        return execution;
    }

    // " | 其中：当年财政拨款 | 50 | 45 | 43.5 | — | 96.67% | —": a funding row's label, then its amounts by column.
    void ExecutionRow(ExecutionTable e, Row row)
    {
        Use(row);   // the funding label, amounts by column, the rest to Orphan or the warning below
        LabelMatch? label = null;
        var orphans = new List<Cell>();
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var cell = row.Cells[c];
            if (cell.Text == "" || e.Roles.ContainsKey(c)) continue;
            if (label == null && labels.Match(cell.Text) is { } m && (IsMoney(m.Field) || m.Field == Field.Sum)) label = m;
            else if (labels.Match(cell.Text) is not { Field: Field.Group }) orphans.Add(cell);
        }
        foreach (var cell in orphans) Orphan(cell);
        var values = e.Roles.Where(kv => row.Text(kv.Key) != "").ToList();
        if (values.Count == 0) return;
        if (label == null || project == null)
        {
            Warn(row.Where, $"无法归属的预算执行数：{string.Join(" ", values.Select(kv => row.Text(kv.Key)))}");
            return;
        }
        var line = new BudgetExecution
        {
            Name = label.Label,
            // FundingItem names the same amounts as the money fields.
            Item = label.Field == Field.Sum ? FundingItem.Total : Enum.Parse<FundingItem>(label.Field.ToString()),
        };
        foreach (var (c, role) in values)
        {
            var text = row.Text(c);
            if (Nil.Contains(FormLabels.Norm(text))) continue;
            var where = row.Cells[c].Where;
            decimal? amount = null;
            if (IsExecutionColumn(role))
            {
                if (ParseMoney(text) is var (value, suffix)) amount = ToYuan(value, suffix ?? label.Unit ?? (e.Unit ??= AssumeYuan(where)));
            }
            else amount = role == Column.ExecutionRate ? PercentNumber(text) : Number(text);
            if (amount == null)
            {
                Warn(where, $"“{label.Label}”的{ExecutionHead(role)}无法识别：{text}");
                continue;
            }
            switch (role)
            {
                case Column.InitialBudget: line.InitialBudget = amount; break;
                case Column.AnnualBudget: line.AnnualBudget = amount; break;
                case Column.Executed: line.Executed = amount; break;
                case Column.ExecutionRate: line.BudgetExecutionRate = amount; break;
                case Column.Weight: line.Points = amount; break;
                case Column.Score: line.Score = amount; break;
            }
        }
        var evaluation = Evaluation(project);
        evaluation.SourceUnit ??= label.Unit ?? e.Unit;
        evaluation.Execution.Add(line);
        // The project's funding is the budget the execution is measured against: the full-year one,
        // or the initial one where the form leaves the full-year budget empty.
        if ((line.AnnualBudget ?? line.InitialBudget) is { } budget && label.Field != Field.Sum)
        {
            project.Funding.SourceUnit ??= evaluation.SourceUnit;
            if (GetAmount(project.Funding, label.Field) == null) SetAmount(project.Funding, label.Field, budget);
        }
    }

    string AssumeYuan(string where)
    {
        WarnNoUnit(where);
        return "元";
    }

    static string ExecutionHead(Column role) => role switch
    {
        Column.InitialBudget => "年初预算数",
        Column.AnnualBudget => "全年预算数",
        Column.Executed => "全年执行数",
        Column.ExecutionRate => "执行率",
        Column.Weight => "分值",
        _ => "得分",
    };

    // ---- the goal as reached, 总分 and 自评等级

    void SetGoalActual(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var evaluation = Evaluation(p);
        evaluation.AnnualGoalActual = Append(evaluation.AnnualGoalActual, value);
    }

    // "总分 | 100 | 93.14" outside a table, or "总分：93.14": one number is the score, two are points and score.
    void SetTotalText(LabelMatch label, string value, string where)
    {
        var numbers = NumberInText().Matches(value).Select(m => Number(m.Value)).ToList();
        var rest = NumberInText().Replace(value, "").Replace("分", "").Trim();
        if (numbers.Count is 0 or > 2 || rest != "")
        {
            Warn(where, $"总分无法识别：{value}");
            AddSection(label.Label, value);
            return;
        }
        SetTotal(numbers.Count == 2 ? numbers[0] : null, numbers[^1], label, value, where);
    }

    void SetTotal(decimal? points, decimal? score, LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        var evaluation = Evaluation(p);
        evaluation.TotalPoints ??= points;
        evaluation.TotalScore ??= score;
    }

    void SetGrade(LabelMatch label, string value, string where)
    {
        if (Current(label, value, where) is not { } p) return;
        EvaluationGrade? grade = GradeWord().Match(FormLabels.Norm(value)) is { Success: true } m
            ? m.Groups[1].Value[0] switch
            {
                '优' => EvaluationGrade.Excellent,
                '良' => EvaluationGrade.Good,
                '中' or '一' => EvaluationGrade.Fair,
                _ => EvaluationGrade.Poor,
            }
            : null;
        if (grade == null)
        {
            Warn(where, $"自评等级无法识别：{value}");
            AddSection(label.Label, value);
            return;
        }
        Evaluation(p).Grade ??= grade;
    }

    // The 总分 row of an indicator table: points under 分值, the score under 得分, wherever those columns are;
    // a row whose cells were merged differently gives its numbers in that order.
    void TotalRow(IndicatorTable t, Row row, Cell labelCell, LabelMatch label)
    {
        Use(row);   // points, score, inline labels, extra numbers warned, the rest to Orphan
        decimal? points = null, score = null;
        var numbers = new List<decimal>();
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var cell = row.Cells[c];
            if (cell.Text == "" || cell == labelCell) continue;
            var role = c < t.Roles.Length ? t.Roles[c] : Column.None;
            var number = Number(cell.Text);
            if (number != null && role == Column.Weight) points = number;
            else if (number != null && role == Column.Score) score = number;
            else if (number != null) numbers.Add(number.Value);
            else if (labels.MatchInline(cell.Text) is { } pairs)
                foreach (var pair in pairs) Apply(pair.Label, pair.Value, cell.Where, null);
            else if (!Nil.Contains(FormLabels.Norm(cell.Text))) Orphan(cell);
        }
        if (score == null && numbers.Count > 0)
        {
            score = numbers[^1];
            numbers.RemoveAt(numbers.Count - 1);
        }
        if (points == null && numbers.Count > 0)
        {
            points = numbers[^1];
            numbers.RemoveAt(numbers.Count - 1);
        }
        if (numbers.Count > 0) Warn(row.Where, $"总分行多出的数字：{string.Join(" ", numbers)}");
        var inline = labels.MatchInline(labelCell.Text)?[0].Value;
        if (!string.IsNullOrEmpty(inline)) SetTotalText(label, inline, labelCell.Where);
        else SetTotal(points, score, label, string.Join(" ", row.Filled.Select(x => x.Text)), row.Where);
    }

    static decimal? Number(string text) =>
        decimal.TryParse(FormLabels.Norm(text).TrimEnd('分'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    static decimal? PercentNumber(string text) => Number(FormLabels.Norm(text).TrimEnd('%', '％'));

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex NumberInText();
    [GeneratedRegex(@"^[（(]?(优秀?|良好?|中等?|一般|差|较差)[)）]?(?:[（(].*)?$")]
    private static partial Regex GradeWord();
}
