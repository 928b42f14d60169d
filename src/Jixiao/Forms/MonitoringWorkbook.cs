using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using XColumn = DocumentFormat.OpenXml.Spreadsheet.Column;
using XColumns = DocumentFormat.OpenXml.Spreadsheet.Columns;

namespace Jixiao.Forms;

// The Excel template of a monitoring round for one unit: one sheet per project, laid out like the
// monitoring form. Column A (hidden, locked) holds the key of each row — the project in A1, the
// indicator's row id on each indicator row — so a row renamed in the project since still matches, and
// rows can be reordered in the sheet. Only the cells to fill are unlocked.
public static partial class MonitoringWorkbook
{
    public sealed record SheetRow(Guid Id, string? Level1, string? Level2, string Name, string? Target,
        string? Value, string? Expected, string? Likelihood, string? Cause, string? CauseText, string? Measures);

    public sealed record ProjectSheet(int ProjectId, string Name, decimal? Budget, decimal Pace, decimal? Spent,
        string? Cause, string? CauseText, string? Measures, List<SheetRow> Rows);

    // What one sheet of an uploaded workbook says, with the cell of every value for located messages.
    public sealed record ReadRow(Guid Id, int Line, string? Value, string? Expected, string? Likelihood, string? Cause, string? CauseText, string? Measures);
    public sealed record ReadSheet(string Sheet, int ProjectId, decimal? Spent, string? Cause, string? CauseText, string? Measures, List<ReadRow> Rows);
    public sealed record ReadResult(List<ReadSheet> Sheets, List<string> Errors);

    public const int FirstRow = 9;
    // Where the budget entries live and which column holds each indicator field.
    public const string SpentCell = "C3", CauseCell = "C4", CauseTextCell = "C5", MeasuresCell = "C6";
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>
    {
        ["Value"] = "F", ["Expected"] = "G", ["Likelihood"] = "H", ["Cause"] = "I", ["CauseText"] = "J", ["Measures"] = "K",
    };
    public static readonly IReadOnlyDictionary<string, string> BudgetCells = new Dictionary<string, string>
    {
        ["Spent"] = SpentCell, ["Cause"] = CauseCell, ["CauseText"] = CauseTextCell, ["Measures"] = MeasuresCell,
    };

    static string Key(int roundId, int projectId) => $"jixiao-monitoring:{roundId}:{projectId}";
    [GeneratedRegex(@"^jixiao-monitoring:(\d+):(\d+)$")] private static partial Regex KeyPattern();

    // Style indexes of the stylesheet below.
    const uint Locked = 0, Open = 1, Header = 2, Title = 3;

    public static byte[] Write(int roundId, string title, int endMonth, IEnumerable<ProjectSheet> projects)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var names = new HashSet<string>();
            uint sheetId = 1;
            foreach (var p in projects)
            {
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(roundId, title, endMonth, p);
                var name = SheetName(p.Name, names);
                book.Workbook.Sheets!.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    // Excel sheet names: at most 31 characters, none of []:*?/\ (nor ! which the cell references use), unique.
    static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\!'".Contains(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "项目";
        var baseName = clean.Length > 28 ? clean[..28] : clean;
        var candidate = baseName;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{baseName}({n})";
        return candidate;
    }

    static Worksheet Sheet(int roundId, string title, int endMonth, ProjectSheet p)
    {
        var data = new SheetData();
        void Put(int row, string column, string? text, uint style = Locked, decimal? number = null)
        {
            var r = data.Elements<Row>().FirstOrDefault(x => x.RowIndex! == (uint)row);
            if (r is null) { r = new Row { RowIndex = (uint)row }; data.Append(r); }
            var cell = new XCell { CellReference = column + row, StyleIndex = style };
            if (number is decimal n) { cell.DataType = CellValues.Number; cell.CellValue = new CellValue(n.ToString("0.############", CultureInfo.InvariantCulture)); }
            else if (text is not null) { cell.DataType = CellValues.InlineString; cell.InlineString = new InlineString(new Text(text)); }
            r.Append(cell);
        }
        Put(1, "A", Key(roundId, p.ProjectId));
        Put(1, "B", $"项目支出绩效目标执行监控表（{title}）：{p.Name}", Title);
        Put(2, "B", "年度预算数（元）", Header); Put(2, "C", null, Locked, p.Budget); Put(2, "D", "序时进度（%）", Header); Put(2, "E", null, Locked, p.Pace);
        Put(3, "B", $"截至{endMonth}月底执行数（元）", Header); Put(3, "C", null, Open, p.Spent);
        Put(4, "B", "偏差原因类别（人员/制度/经费/硬件/其他）", Header); Put(4, "C", p.Cause ?? "", Open);
        Put(5, "B", "偏差原因说明", Header); Put(5, "C", p.CauseText ?? "", Open);
        Put(6, "B", "纠偏措施", Header); Put(6, "C", p.Measures ?? "", Open);
        Put(7, "B", "预算执行率低于序时进度时（黄灯、红灯）或完成可能性不是“确定能”时，须填写偏差原因和纠偏措施。请勿修改A列和灰色单元格。");
        var header = new[] { "行标识", "一级指标", "二级指标", "三级指标", "年度指标值", $"截至{endMonth}月底完成值", "全年预计完成值", "完成可能性", "偏差原因类别", "偏差原因说明", "纠偏措施" };
        for (var i = 0; i < header.Length; i++) Put(FirstRow - 1, ((char)('A' + i)).ToString(), header[i], Header);
        var line = FirstRow;
        foreach (var row in p.Rows)
        {
            Put(line, "A", row.Id.ToString());
            Put(line, "B", row.Level1 ?? ""); Put(line, "C", row.Level2 ?? ""); Put(line, "D", row.Name); Put(line, "E", row.Target ?? "");
            Put(line, "F", row.Value ?? "", Open); Put(line, "G", row.Expected ?? "", Open); Put(line, "H", row.Likelihood ?? "", Open);
            Put(line, "I", row.Cause ?? "", Open); Put(line, "J", row.CauseText ?? "", Open); Put(line, "K", row.Measures ?? "", Open);
            line++;
        }
        var last = Math.Max(FirstRow, line - 1);
        var sheet = new Worksheet(
            new XColumns(
                new XColumn { Min = 1, Max = 1, Width = 38, Hidden = true, CustomWidth = true },
                new XColumn { Min = 2, Max = 3, Width = 16, CustomWidth = true },
                new XColumn { Min = 4, Max = 4, Width = 28, CustomWidth = true },
                new XColumn { Min = 5, Max = 9, Width = 16, CustomWidth = true },
                new XColumn { Min = 10, Max = 11, Width = 30, CustomWidth = true }),
            data,
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false },
            new DataValidations(
                List($"H{FirstRow}:H{last}", "\"确定能,有可能,完全不可能\""),
                List($"I{FirstRow}:I{last} C4", "\"人员,制度,经费,硬件,其他\"")) { Count = 2 });
        return sheet;
    }

    static DataValidation List(string range, string formula) => new()
    {
        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
        ErrorTitle = "请从列表中选择", Error = "请从下拉列表中选择",
        SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        Formula1 = new Formula1(formula),
    };

    static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 14 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEEEEEE" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border(), new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 2, BorderId = 1, ApplyFill = true, ApplyBorder = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true },
            new CellFormat(new Protection { Locked = false }) { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyProtection = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true },
            new CellFormat { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, Alignment = new Alignment { WrapText = true }, ApplyAlignment = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true }));

    // Reads an uploaded template. Errors name the sheet and the cell ("项目A!H10"); sheets that are not
    // this round's (no key in A1) are reported, never silently skipped.
    public static ReadResult Read(Stream stream, string file, int roundId)
    {
        var grid = XlsxGrid.Read(stream, file);
        var errors = new List<string>();
        var cells = new Dictionary<string, Dictionary<string, string>>();
        var order = new List<string>();
        foreach (var row in grid.Rows)
            foreach (var cell in row.Cells)
            {
                var bang = cell.Where.LastIndexOf('!');
                var sheet = cell.Where[..bang];
                if (!cells.TryGetValue(sheet, out var map)) { cells[sheet] = map = []; order.Add(sheet); }
                map[cell.Where[(bang + 1)..]] = cell.Text;
            }
        var sheets = new List<ReadSheet>();
        foreach (var name in order)
        {
            var map = cells[name];
            string? At(string cell) => map.TryGetValue(cell, out var t) && t.Length > 0 ? t : null;
            var key = KeyPattern().Match(At("A1") ?? "");
            if (!key.Success) { errors.Add($"{name}!A1：不是本系统生成的监控模板工作表（A列的标识缺失或被改动），请下载模板后填写"); continue; }
            if (int.Parse(key.Groups[1].Value, CultureInfo.InvariantCulture) != roundId)
            { errors.Add($"{name}!A1：此工作表属于另一监控轮次的模板，请下载本轮模板后填写"); continue; }
            decimal? spent = null;
            if (At(SpentCell) is { } s)
            {
                if (decimal.TryParse(s.Replace(",", "").Replace("，", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0) spent = v;
                else errors.Add($"{name}!{SpentCell}：执行数“{s}”不是有效金额（请填写不小于0的数字，单位元）");
            }
            Check(name, CauseCell, At(CauseCell), MonitoringText.ParseCause, "偏差原因类别", "人员、制度、经费、硬件或其他", errors);
            var rows = new List<ReadRow>();
            var seen = new HashSet<Guid>();
            foreach (var line in map.Keys.Where(k => k.StartsWith('A')).Select(k => int.TryParse(k[1..], out var n) ? n : 0)
                         .Where(n => n >= FirstRow).Order())
            {
                var idText = At("A" + line);
                if (idText is null) continue;
                if (!Guid.TryParse(idText, out var id)) { errors.Add($"{name}!A{line}：行标识“{idText}”被改动，请勿修改A列"); continue; }
                if (!seen.Add(id)) { errors.Add($"{name}!A{line}：行标识重复，同一指标出现了两次"); continue; }
                var likelihood = At("H" + line);
                Check(name, "H" + line, likelihood, MonitoringText.ParseLikelihood, "完成可能性", "确定能、有可能或完全不可能", errors);
                Check(name, "I" + line, At("I" + line), MonitoringText.ParseCause, "偏差原因类别", "人员、制度、经费、硬件或其他", errors);
                rows.Add(new ReadRow(id, line, At("F" + line), At("G" + line), likelihood, At("I" + line), At("J" + line), At("K" + line)));
            }
            sheets.Add(new ReadSheet(name, int.Parse(key.Groups[2].Value, CultureInfo.InvariantCulture), spent,
                At(CauseCell), At(CauseTextCell), At(MeasuresCell), rows));
        }
        if (sheets.Count == 0 && errors.Count == 0) errors.Add($"文件“{file}”中没有可导入的工作表");
        return new ReadResult(sheets, errors);
    }

    static void Check<T>(string sheet, string cell, string? text, Func<string?, T?> parse, string what, string allowed, List<string> errors) where T : struct
    {
        if (text is not null && parse(text) is null) errors.Add($"{sheet}!{cell}：{what}“{text}”无法识别，只能填{allowed}");
    }
}
