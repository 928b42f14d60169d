using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain;
using Jixiao.Domain.Scoring;
using Jixiao.Forms;

namespace Jixiao.Features.SelfEvaluations;

// One line of ACTUALS.csv, with its place in the file for messages.
public sealed record ActualsLine(string Where, string Project, string Indicator, decimal? Points, string Actual, decimal? Score);

// The file cannot be read as ACTUALS.csv (exit 2), or it names what the form does not hold (exit 3).
// Messages are located: file and line.
public sealed class ActualsUnreadable(string message) : Exception(message);
public sealed class ActualsNotInForm(string message) : Exception(message);

// ACTUALS.csv: 项目名称,指标名称,分值,实际完成值,得分 — UTF-8 with or without BOM, or GB18030.
// 分值 (the row's points) and 得分 (the rater's score for a qualitative row, or a stated score to check)
// may be empty; a row named 全年执行数 gives the amount spent in 元.
public static partial class ActualsCsv
{
    public static readonly string[] Columns = ["项目名称", "指标名称", "分值", "实际完成值", "得分"];
    public const string ExecutedRow = "全年执行数";

    public static List<ActualsLine> Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path)) throw new ActualsUnreadable($"{name}：这是一个文件夹，不是文件");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActualsUnreadable($"{name}：无法读取（{(e is FileNotFoundException or DirectoryNotFoundException ? "文件不存在" : e.Message)}）");
        }
        return Parse(bytes, name);
    }

    public static List<ActualsLine> Parse(byte[] bytes, string name)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new ActualsUnreadable($"{name}：不是文本文件（应为 CSV）");
        var grid = TextGrid.Parse(TextGrid.Decode(bytes), "actuals.csv");
        var rows = grid.Rows.Where(r => r.Cells.Any(c => c.Text != "")).ToList();
        if (rows.Count == 0) throw new ActualsUnreadable($"{name}：文件为空，第1行应为表头“{string.Join(",", Columns)}”");
        var header = rows[0].Cells.Select(c => DomainText.Compact(c.Text)).ToList();
        if (!header.SequenceEqual(Columns))
            throw new ActualsUnreadable($"{name} {rows[0].Where}：表头应为“{string.Join(",", Columns)}”，实际为“{string.Join(",", header)}”");
        var lines = new List<ActualsLine>();
        foreach (var row in rows.Skip(1))
        {
            var where = $"{name} {row.Where}";
            if (row.Cells.Count > Columns.Length && row.Cells.Skip(Columns.Length).Any(c => c.Text != ""))
                throw new ActualsUnreadable($"{where}：有{row.Cells.Count}列，应为{Columns.Length}列（含逗号的内容请加英文双引号）");
            string Cell(int k) => k < row.Cells.Count ? row.Cells[k].Text.Trim() : "";
            var project = Cell(0);
            var indicator = Cell(1);
            if (project == "") throw new ActualsUnreadable($"{where}：项目名称为空");
            if (indicator == "") throw new ActualsUnreadable($"{where}：指标名称为空");
            lines.Add(new ActualsLine(where, project, indicator,
                Number(Cell(2), where, "分值"), Cell(3), Number(Cell(4), where, "得分")));
        }
        return lines;
    }

    static decimal? Number(string text, string where, string column)
    {
        var s = DomainText.Compact(text);
        if (s.Length == 0) return null;
        if (s.EndsWith('分')) s = s[..^1];
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            return v;
        throw new ActualsUnreadable($"{where}：“{column}”应为数字，填的是“{text}”");
    }

    // An amount in 元 ("186500", "186,500.00元"), or in 万元 when it says so.
    public static decimal Amount(string text, string where)
    {
        var m = AmountPattern().Match(DomainText.Compact(text));
        if (!m.Success || !decimal.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var v))
            throw new ActualsUnreadable($"{where}：全年执行数应为金额（元），填的是“{text}”");
        return m.Groups["u"].Value == "万元" ? v * 10000m : v;
    }

    // Writes the lines into the document's projects and returns the projects they name, in form order.
    // Rows the file does not name keep what the form holds (an imported self-evaluation's own actuals).
    public static List<ProjectForm> Apply(FormDocument doc, IReadOnlyList<ActualsLine> lines)
    {
        var named = new HashSet<ProjectForm>();
        var used = new HashSet<Indicator>();
        var spent = new Dictionary<ProjectForm, string>();
        foreach (var line in lines)
        {
            var key = DomainText.Compact(line.Project);
            var project = doc.Projects.FirstOrDefault(p => DomainText.Compact(p.Name) == key)
                          ?? throw new ActualsNotInForm($"{line.Where}：表中没有项目“{line.Project}”（有：{string.Join("、", doc.Projects.Select(p => p.Name))}）");
            named.Add(project);
            if (DomainText.Compact(line.Indicator) == ExecutedRow)
            {
                if (spent.TryGetValue(project, out var first))
                    throw new ActualsUnreadable($"{line.Where}：项目“{project.Name}”的全年执行数重复（{first}已给出）");
                spent[project] = line.Where.Split(' ').Last();
                TotalRow(project).Executed = Amount(line.Actual, line.Where);
                continue;
            }
            var name = DomainText.Compact(line.Indicator);
            // Names repeat within a form: the n-th line of a name fills the n-th row of that name.
            var row = Scorer.RealRows(project).FirstOrDefault(i => DomainText.Compact(i.Name) == name && !used.Contains(i))
                      ?? throw new ActualsNotInForm($"{line.Where}：项目“{project.Name}”中没有指标“{line.Indicator}”");
            used.Add(row);
            row.Actual = line.Actual == "" ? null : Scorer.ParseActual(line.Actual);
            row.Score = line.Score;
            if (line.Points is { } points) row.Weight = points;
        }
        return doc.Projects.Where(named.Contains).ToList();
    }

    // The 年度资金总额 row of the money block, made from the declared funding where the form has none.
    public static BudgetExecution TotalRow(ProjectForm project)
    {
        var e = project.SelfEvaluation ??= new Domain.SelfEvaluation { SourceUnit = project.Funding.SourceUnit };
        var row = e.Execution.FirstOrDefault(r => r.Item is FundingItem.Total or FundingItem.AnnualRequest);
        if (row != null) return row;
        row = new BudgetExecution
        {
            Name = "年度资金总额",
            Item = FundingItem.AnnualRequest,
            AnnualBudget = project.Funding.AnnualRequest ?? project.Funding.Total,
        };
        e.Execution.Insert(0, row);
        return row;
    }

    [GeneratedRegex(@"^(?<n>-?\d[\d,]*(?:\.\d+)?)(?<u>元|万元)?$")]
    private static partial Regex AmountPattern();
}
