using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Domain;
using Jixiao.Domain.Petition;

namespace Jixiao.Forms;

// A cell or row of a ledger that could not be taken, with its place (Sheet1!C7, 第7行“办结日期”列).
public sealed record LedgerError(string Where, string Message);

public sealed record LedgerReading(
    string File,
    IReadOnlyList<PetitionCase> Cases,
    IReadOnlyList<LedgerError> Errors,
    IReadOnlyList<string> Columns,          // the columns recognised, in the ledger's words
    IReadOnlyList<string> IgnoredColumns,   // headers present but not used
    int RowsNotCounted);

// Reads a petition ledger (信访事项台账): one row per case under a header row, from any file the grid
// readers take (.xlsx, .xls, .csv in UTF-8 with or without BOM or GB18030, tab-separated text).
// Columns are found by their header's words (LedgerColumns). A row with a cell that cannot be read is
// not counted and is listed with the cell's place; nothing is dropped without a word.
// The petitioner's name and phone, when the ledger has them, only serve to find repeat petitions
// in memory (a hash of name, phone and matter); they never leave this reader.
public static partial class LedgerReader
{
    public enum Column
    {
        Number, Registered, Accepted, AcceptanceResult, Notified, Due, ExtensionDays, ExtensionApproved,
        Closed, Evaluated, Evaluation, Repeat, Petitioner, Phone, Matter,
    }

    // Header words per column, compared after removing white space and bracketed notes ("登记日期（必填）").
    // Order matters where one name contains another: the longer, more specific names come first.
    public static readonly IReadOnlyList<(Column Column, string[] Names)> Synonyms =
    [
        (Column.Number, ["信访件编号", "信访件号", "信访编号", "事项编号", "登记编号", "案件编号", "件号", "编号"]),
        (Column.Registered, ["登记日期", "登记时间", "信访日期", "来信来访日期", "来访日期", "来信日期", "收到日期", "收件日期", "收信日期"]),
        (Column.Notified, ["告知日期", "告知受理日期", "受理告知日期", "书面告知日期", "告知时间", "告知受理情况日期"]),
        (Column.Accepted, ["受理日期", "受理时间"]),
        (Column.AcceptanceResult, ["受理情况", "受理结果", "是否受理", "受理意见"]),
        (Column.Due, ["应办结日期", "办理期限", "办结期限", "到期日期", "应答复日期", "截止日期"]),
        (Column.ExtensionDays, ["延期天数", "延长天数", "延期日数", "延期", "延长期限"]),
        (Column.ExtensionApproved, ["延期审批", "延期是否批准", "是否批准延期", "延期批准", "延期审批情况"]),
        (Column.Closed, ["办结日期", "答复日期", "办结时间", "答复时间", "出具处理意见日期", "处理意见书日期"]),
        (Column.Evaluated, ["是否评价", "是否参评", "已评价", "参评情况"]),
        (Column.Evaluation, ["评价结果", "满意度评价", "群众评价", "评价", "满意度"]),
        (Column.Repeat, ["是否重复信访", "重复信访", "是否重复"]),
        (Column.Petitioner, ["信访人姓名", "信访人", "反映人", "姓名"]),
        (Column.Phone, ["联系电话", "电话", "手机号码", "手机"]),
        (Column.Matter, ["问题类别", "事项类别", "信访事项类别", "问题分类", "内容分类", "信访问题类别"]),
    ];

    static readonly Dictionary<string, Column> ByName = Synonyms
        .SelectMany(s => s.Names.Select(n => (n, s.Column)))
        .ToDictionary(x => x.n, x => x.Column);

    // Rows that are part of the sheet's furniture, not cases.
    static readonly string[] FooterStarts = ["合计", "小计", "总计", "注：", "注:", "说明", "填表说明", "填表人", "制表人", "制表", "审核人"];

    public static LedgerReading Read(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        CellGrid grid;
        try { grid = GridReader.Read(path); }
        catch (FormReadException e) { throw new FormReadException(e.Message.Replace(Path.GetFileName(path), name), e.InnerException); }
        return Read(grid, name);
    }

    public static LedgerReading Read(CellGrid grid, string? displayName = null)
    {
        var file = displayName ?? grid.File;
        var errors = new List<LedgerError>();
        var rows = new List<(PetitionCase Case, string? Key)>();
        Dictionary<Column, int>? columns = null;
        List<string> recognised = [], ignored = [];
        var numbers = new Dictionary<string, string>();
        var notCounted = 0;
        foreach (var row in grid.Rows)
        {
            if (row.Cells.All(c => c.Text.Trim().Length == 0)) continue;
            if (Header(row) is { } header)
            {
                columns = header.Columns;
                recognised = header.Recognised;
                ignored = header.Ignored;
                continue;
            }
            if (columns == null) continue;   // the title above the header
            var first = DomainText.Compact(row.Cells.FirstOrDefault(c => c.Text.Trim().Length > 0)?.Text);
            if (FooterStarts.Any(first.StartsWith)) continue;
            var read = ReadRow(row, columns, errors);
            if (read == null) { notCounted++; continue; }
            if (numbers.TryGetValue(read.Value.Case.Number, out var earlier))
            {
                errors.Add(new LedgerError(row.Where, $"信访件编号“{read.Value.Case.Number}”与{earlier}重复，本行未计入"));
                notCounted++;
                continue;
            }
            numbers[read.Value.Case.Number] = row.Where;
            rows.Add(read.Value);
        }
        if (columns == null)
            throw new FormReadException($"文件“{file}”中找不到台账表头：需要一行列名，至少包括“登记日期”，以及“告知日期”“办结日期”“评价结果”等（见导入说明）");
        return new LedgerReading(file, MarkRepeats(rows), errors, recognised, ignored, notCounted);
    }

    // A row is the header when it names the registration date and at least one other known column.
    static (Dictionary<Column, int> Columns, List<string> Recognised, List<string> Ignored)? Header(GridRow row)
    {
        var columns = new Dictionary<Column, int>();
        List<string> recognised = [], ignored = [];
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var text = HeaderText(row.Cells[i].Text);
            if (text.Length == 0) continue;
            if (ByName.TryGetValue(text, out var column) && !columns.ContainsKey(column))
            {
                columns[column] = i;
                recognised.Add(text);
            }
            else ignored.Add(text);
        }
        return columns.ContainsKey(Column.Registered) && columns.Count >= 2 ? (columns, recognised, ignored) : null;
    }

    static string HeaderText(string text) => BracketNote().Replace(DomainText.Compact(text), "").TrimEnd('*', ':');

    static (PetitionCase Case, string? Key)? ReadRow(GridRow row, Dictionary<Column, int> columns, List<LedgerError> errors)
    {
        var before = errors.Count;
        string Text(Column c) => columns.TryGetValue(c, out var i) && i < row.Cells.Count ? row.Cells[i].Text.Trim() : "";
        string Where(Column c)
        {
            if (!columns.TryGetValue(c, out var i)) return row.Where;
            if (i < row.Cells.Count && row.Cells[i].Where.Contains('!')) return row.Cells[i].Where;
            // A sheet row shorter than the header: its cell address from the row's place (cells start at column A).
            if (row.Cells.Any(x => x.Where.Contains('!')) && SheetRow().Match(row.Where) is { Success: true } m)
                return XlsxGrid.Where(m.Groups[1].Value, i + 1, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            return $"{row.Where}“{ColumnName(c)}”列";
        }
        DateOnly? DateOf(Column c)
        {
            var text = Text(c);
            if (IsBlank(text)) return null;
            if (ParseDate(text) is { } d) return d;
            errors.Add(new LedgerError(Where(c), $"{ColumnName(c)}“{text}”无法识别为日期（可写 2026-03-05、2026/3/5、2026年3月5日或 2026.3.5），本行未计入"));
            return null;
        }
        bool? YesNo(Column c)
        {
            var text = Text(c);
            if (IsBlank(text)) return null;
            if (ParseYesNo(text) is { } b) return b;
            errors.Add(new LedgerError(Where(c), $"{ColumnName(c)}“{text}”无法识别（应填“是”或“否”），本行未计入"));
            return null;
        }

        var registered = DateOf(Column.Registered);
        if (registered == null && errors.Count == before)
            errors.Add(new LedgerError(Where(Column.Registered), "缺少登记日期，本行未计入"));
        var accepted = DateOf(Column.Accepted);
        var notified = DateOf(Column.Notified);
        var due = DateOf(Column.Due);
        var closed = DateOf(Column.Closed);

        var notAccepted = false;
        var result = DomainText.Compact(Text(Column.AcceptanceResult));
        if (!IsBlank(result))
        {
            if (result.Contains("不予受理") || result.Contains("不再受理") || result == "否" || result == "不受理") notAccepted = true;
            else if (!(result.Contains("受理") || ParseYesNo(result) == true))
                errors.Add(new LedgerError(Where(Column.AcceptanceResult), $"受理情况“{Text(Column.AcceptanceResult)}”无法识别（应填“受理”“不予受理”或“不再受理”），本行未计入"));
        }

        var extension = 0;
        var extensionText = DomainText.Compact(Text(Column.ExtensionDays)).TrimEnd('天', '日');
        if (!IsBlank(extensionText) && !int.TryParse(extensionText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out extension))
            errors.Add(new LedgerError(Where(Column.ExtensionDays), $"延期天数“{Text(Column.ExtensionDays)}”不是整数天数，本行未计入"));
        var approved = YesNo(Column.ExtensionApproved) ?? true;
        var evaluated = YesNo(Column.Evaluated) ?? false;
        var repeat = YesNo(Column.Repeat) ?? false;

        PetitionEvaluation? evaluation = null;
        var evaluationText = DomainText.Compact(Text(Column.Evaluation));
        if (!IsBlank(evaluationText) && evaluationText is not ("未评价" or "未参评"))
        {
            evaluation = evaluationText switch
            {
                "满意" => PetitionEvaluation.Satisfied,
                "基本满意" => PetitionEvaluation.BasicallySatisfied,
                "不满意" => PetitionEvaluation.Dissatisfied,
                _ => null,
            };
            if (evaluation == null)
                errors.Add(new LedgerError(Where(Column.Evaluation), $"评价结果“{Text(Column.Evaluation)}”无法识别（应为“满意”“基本满意”或“不满意”），本行未计入"));
        }
        if (evaluated == false && evaluation != null && columns.ContainsKey(Column.Evaluated) && !IsBlank(Text(Column.Evaluated)))
            errors.Add(new LedgerError(Where(Column.Evaluated), $"填写为未评价，却有评价结果“{Text(Column.Evaluation)}”，本行未计入"));

        var number = Text(Column.Number);
        var c = new PetitionCase
        {
            Number = number.Length > 0 ? number : row.Where,
            Registered = registered ?? default,
            Accepted = accepted, NotAccepted = notAccepted, Notified = notified, LedgerDue = due,
            ExtensionDays = extension, ExtensionApproved = approved, Closed = closed,
            Evaluated = evaluated, Evaluation = evaluation, Repeat = repeat, Where = row.Where,
        };
        if (errors.Count > before) return null;
        foreach (var problem in PetitionLedger.Problems(c))
            errors.Add(new LedgerError(row.Where, problem + "，本行未计入"));
        if (errors.Count > before) return null;
        return (c, PetitionerKey(Text(Column.Petitioner), Text(Column.Phone), Text(Column.Matter)));
    }

    // Same petitioner (name and phone, where the ledger has them) and same matter: a repeat once seen before.
    // Only a hash is kept, and only while the ledger is read.
    static string? PetitionerKey(string name, string phone, string matter)
    {
        var who = DomainText.Compact(name) + "|" + new string(phone.Where(char.IsDigit).ToArray());
        if (who == "|") return null;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(who + "|" + DomainText.Compact(matter))));
    }

    // Cases of a petitioner seen earlier (by registration date, then row order) are repeats.
    static List<PetitionCase> MarkRepeats(List<(PetitionCase Case, string? Key)> rows)
    {
        var seen = new HashSet<string>();
        var repeats = new HashSet<int>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)).OrderBy(x => x.r.Case.Registered).ThenBy(x => x.i))
            if (row.Key != null && !seen.Add(row.Key)) repeats.Add(index);
        return rows.Select((r, i) => repeats.Contains(i) && !r.Case.Repeat ? r.Case with { Repeat = true } : r.Case).ToList();
    }

    public static string ColumnName(Column c) => c switch
    {
        Column.Number => "信访件编号",
        Column.Registered => "登记日期",
        Column.Accepted => "受理日期",
        Column.AcceptanceResult => "受理情况",
        Column.Notified => "告知日期",
        Column.Due => "应办结日期",
        Column.ExtensionDays => "延期天数",
        Column.ExtensionApproved => "延期审批",
        Column.Closed => "办结日期",
        Column.Evaluated => "是否评价",
        Column.Evaluation => "评价结果",
        Column.Repeat => "是否重复信访",
        Column.Petitioner => "信访人",
        Column.Phone => "联系电话",
        _ => "问题类别",
    };

    static bool IsBlank(string text) => DomainText.Compact(text) is "" or "/" or "-" or "--" or "—" or "——" or "无" or "暂无";

    // Dates as ledgers write them: 2026-03-05, 2026/3/5, 2026年3月5日, 2026.3.5, 20260305, with or
    // without a time after them, or an Excel serial day number (a date cell without a date format).
    public static DateOnly? ParseDate(string text)
    {
        var t = DomainText.Compact(TimeOfDay().Replace(text.Trim(), ""));
        var m = DatePattern().Match(t);
        if (m.Success)
        {
            var (y, mo, d) = (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
            if (y is < MinYear or > MaxYear || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
            return new DateOnly(y, mo, d);
        }
        // Excel counts days from 1899-12-30 (its phantom 1900-02-29 included): 46086 is 2026-03-05.
        if (SerialPattern().IsMatch(t) && double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && serial >= MinSerial && serial < MaxSerial)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return null;
    }

    const int MinYear = 1990, MaxYear = 2100;
    const double MinSerial = 32874;   // 1990-01-01
    const double MaxSerial = 73051;   // 2100-01-01

    public static bool? ParseYesNo(string text) => DomainText.Compact(text) switch
    {
        "是" or "已" or "有" or "Y" or "y" or "YES" or "Yes" or "yes" or "TRUE" or "True" or "true" or "1" or "√" or "✓" or "☑"
            or "已评价" or "已参评" or "重复" or "批准" or "已批准" or "同意" => true,
        "否" or "未" or "无" or "N" or "n" or "NO" or "No" or "no" or "FALSE" or "False" or "false" or "0" or "×" or "✗" or "☐"
            or "未评价" or "未参评" or "不重复" or "未批准" or "不批准" or "不同意" => false,
        _ => null,
    };

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})日?|(?<m>\d{2})(?<d>\d{2}))$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?:\s+|T)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?$")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(.*) 第(\d+)行$")]
    private static partial Regex SheetRow();

    [GeneratedRegex(@"^\d{5}(?:\.\d+)?$")]
    private static partial Regex SerialPattern();

    [GeneratedRegex(@"[（(][^）)]*[）)]")]
    private static partial Regex BracketNote();
}
