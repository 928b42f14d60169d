using System.Text;
using Jixiao.Domain.Petition;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

public class LedgerReaderTests
{
    static LedgerReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    const string Header = "信访件编号,登记日期,受理日期,告知日期,应办结日期,延期天数,办结日期,是否评价,评价结果,是否重复信访";

    static LedgerReading Csv(string text, byte[]? preamble = null, Encoding? encoding = null, string name = "台账.csv")
    {
        var folder = Directory.CreateTempSubdirectory("ledger-").FullName;
        try
        {
            var path = Path.Combine(folder, name);
            var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
            File.WriteAllBytes(path, [.. preamble ?? [], .. bytes]);
            return LedgerReader.Read(path);
        }
        finally { Directory.Delete(folder, true); }
    }

    static LedgerReading Sheet(params object?[][] rows)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-").FullName;
        try
        {
            var path = Path.Combine(folder, "ledger.xlsx");
            Xlsx.Write(path, new Xlsx.Sheet("Sheet1", rows));
            return LedgerReader.Read(path, "东城区台账.xlsx");
        }
        finally { Directory.Delete(folder, true); }
    }

    static readonly string Ledger = string.Join("\n",
        "2026年东城区信访局信访事项台账",
        Header,
        "DC-001,2026-03-01,2026-03-02,2026-03-16,2026-05-01,,2026-04-30,是,满意,否",
        "DC-002,2026/3/1,,2026/3/17,,30,2026/5/30,否,,否",
        "DC-003,2026年3月1日,,2026年3月5日,,,,,,是",
        "合计,3件,,,,,,,,",
        "");

    [Fact]
    public void A_csv_ledger_gives_one_case_per_row()
    {
        var reading = Csv(Ledger);
        Assert.Empty(reading.Errors);
        Assert.Equal(0, reading.RowsNotCounted);
        Assert.Equal("台账.csv", reading.File);
        Assert.Equal(["DC-001", "DC-002", "DC-003"], reading.Cases.Select(c => c.Number));
        var first = reading.Cases[0];
        Assert.Equal(new DateOnly(2026, 3, 1), first.Registered);
        Assert.Equal(new DateOnly(2026, 3, 2), first.Accepted);
        Assert.Equal(new DateOnly(2026, 3, 16), first.Notified);
        Assert.Equal(new DateOnly(2026, 5, 1), first.LedgerDue);
        Assert.Equal(new DateOnly(2026, 4, 30), first.Closed);
        Assert.True(first.Evaluated);
        Assert.Equal(PetitionEvaluation.Satisfied, first.Evaluation);
        Assert.False(first.Repeat);
        Assert.Equal("第3行", first.Where);
        Assert.Equal(30, reading.Cases[1].ExtensionDays);
        Assert.True(reading.Cases[1].ExtensionApproved);
        Assert.False(reading.Cases[1].Evaluated);
        Assert.Null(reading.Cases[1].Evaluation);
        Assert.True(reading.Cases[2].Repeat);
        Assert.Null(reading.Cases[2].Closed);
        Assert.Equal(["信访件编号", "登记日期", "受理日期", "告知日期", "应办结日期", "延期天数", "办结日期", "是否评价", "评价结果", "是否重复信访"], reading.Columns);
        Assert.Empty(reading.IgnoredColumns);
    }

    [Fact]
    public void Utf8_with_bom_and_gb18030_read_the_same()
    {
        var plain = Csv(Ledger);
        var bom = Csv(Ledger, preamble: [0xEF, 0xBB, 0xBF]);
        var gb = Csv(Ledger, encoding: Encoding.GetEncoding("GB18030"));
        Assert.Equal(plain.Cases, bom.Cases);
        Assert.Equal(plain.Cases, gb.Cases);
        Assert.Equal(3, gb.Cases.Count);
    }

    [Theory]
    [InlineData("2026-03-05")]
    [InlineData("2026/3/5")]
    [InlineData("2026年3月5日")]
    [InlineData("2026.3.5")]
    [InlineData("20260305")]
    [InlineData("46086")]
    [InlineData("46086.75")]
    [InlineData("2026-03-05 14:30")]
    [InlineData("2026/3/5 9:05:00")]
    [InlineData("2026-03-05T08:00:00")]
    [InlineData(" ２０２６年３月５日 ")]
    [InlineData("2026年03月05")]
    public void Dates_are_read_as_ledgers_write_them(string text) =>
        Assert.Equal(new DateOnly(2026, 3, 5), LedgerReader.ParseDate(text));

    [Theory]
    [InlineData("2026-13-05")]
    [InlineData("2026-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("2026-00-10")]
    [InlineData("2026-03-00")]
    [InlineData("3月5日")]
    [InlineData("2026-3")]
    [InlineData("1989-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("32873")]     // 1989-12-31 as a serial
    [InlineData("73051")]     // 2100-01-01
    [InlineData("1234")]
    [InlineData("下周一")]
    [InlineData("2026-3-5 25")]
    public void Impossible_or_partial_dates_are_not_read(string text) => Assert.Null(LedgerReader.ParseDate(text));

    [Fact]
    public void The_year_range_edges_are_dates()
    {
        Assert.Equal(new DateOnly(1990, 1, 1), LedgerReader.ParseDate("1990-01-01"));
        Assert.Equal(new DateOnly(2100, 12, 31), LedgerReader.ParseDate("2100-12-31"));
        Assert.Equal(new DateOnly(1990, 1, 1), LedgerReader.ParseDate("32874"));
        Assert.Equal(new DateOnly(2099, 12, 31), LedgerReader.ParseDate("73050"));
        Assert.Equal(new DateOnly(2024, 2, 29), LedgerReader.ParseDate("2024-02-29"));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("√", true)]
    [InlineData("Y", true)]
    [InlineData("已评价", true)]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("否", false)]
    [InlineData("×", false)]
    [InlineData("N", false)]
    [InlineData("未评价", false)]
    [InlineData("0", false)]
    [InlineData("FALSE", false)]
    [InlineData("也许", null)]
    [InlineData("", null)]
    public void Yes_and_no_in_their_usual_spellings(string text, bool? value) => Assert.Equal(value, LedgerReader.ParseYesNo(text));

    [Fact]
    public void Headers_are_found_by_their_synonyms_and_notes_in_brackets()
    {
        var reading = Csv(string.Join("\n",
            "件号,来访日期（必填）,告知受理日期,答复日期,延长天数,延期审批,是否参评,满意度评价,信访形式",
            "A1,2026-01-05,2026-01-10,2026-02-01,10,否,是,基本满意,走访",
            ""));
        Assert.Empty(reading.Errors);
        var c = Assert.Single(reading.Cases);
        Assert.Equal("A1", c.Number);
        Assert.Equal(new DateOnly(2026, 1, 5), c.Registered);
        Assert.Equal(new DateOnly(2026, 1, 10), c.Notified);
        Assert.Equal(new DateOnly(2026, 2, 1), c.Closed);
        Assert.Equal(10, c.ExtensionDays);
        Assert.False(c.ExtensionApproved);
        Assert.True(c.Evaluated);
        Assert.Equal(PetitionEvaluation.BasicallySatisfied, c.Evaluation);
        Assert.Equal(["信访形式"], reading.IgnoredColumns);
        Assert.Contains("来访日期", reading.Columns);
    }

    [Fact]
    public void Every_synonym_names_one_column_only()
    {
        var names = LedgerReader.Synonyms.SelectMany(s => s.Names).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var (column, list) in LedgerReader.Synonyms)
            Assert.Contains(LedgerReader.ColumnName(column), list);
    }

    [Fact]
    public void An_unreadable_date_in_a_csv_is_an_error_with_line_and_column_and_the_case_is_not_counted()
    {
        var reading = Csv(string.Join("\n",
            Header,
            "DC-001,2026-03-01,,2026-03-10,,,2026-04-01,是,满意,否",
            "DC-002,2026-03-01,,2026-03-10,,,2026-04-31,是,满意,否",
            ""));
        Assert.Equal(["DC-001"], reading.Cases.Select(c => c.Number));
        var error = Assert.Single(reading.Errors);
        Assert.Equal("第3行“办结日期”列", error.Where);
        Assert.Equal("办结日期“2026-04-31”无法识别为日期（可写 2026-03-05、2026/3/5、2026年3月5日或 2026.3.5），本行未计入", error.Message);
        Assert.Equal(1, reading.RowsNotCounted);
    }

    [Fact]
    public void An_unreadable_date_in_a_sheet_names_its_cell()
    {
        var reading = Sheet(
            ["信访事项台账"],
            ["编号", "登记日期", "告知日期", "办结日期", "评价结果"],
            ["A", new Xlsx.Number(46086, 2), 46090.0, "2026-04-01", "满意"],
            ["B", "2026-03-05", "三月十日", null, null],
            ["C", "2026-03-05"],
            ["D", null, "2026-03-10"]);
        Assert.Equal(["A", "C"], reading.Cases.Select(c => c.Number));
        Assert.Equal(new DateOnly(2026, 3, 5), reading.Cases[0].Registered);
        Assert.Equal(new DateOnly(2026, 3, 9), reading.Cases[0].Notified);
        Assert.Equal(2, reading.Errors.Count);
        Assert.Equal("Sheet1!C4", reading.Errors[0].Where);
        Assert.StartsWith("告知日期“三月十日”无法识别为日期", reading.Errors[0].Message);
        Assert.Equal("Sheet1!B6", reading.Errors[1].Where);
        Assert.Equal("缺少登记日期，本行未计入", reading.Errors[1].Message);
        Assert.Equal("东城区台账.xlsx", reading.File);
        Assert.Equal(2, reading.RowsNotCounted);
    }

    [Fact]
    public void A_sheet_row_shorter_than_the_header_still_names_the_missing_cell()
    {
        var reading = Sheet(
            ["编号", "告知日期", "登记日期"],
            ["A", "2026-03-10"]);
        Assert.Empty(reading.Cases);
        Assert.Equal(new LedgerError("Sheet1!C2", "缺少登记日期，本行未计入"), Assert.Single(reading.Errors));
    }

    [Fact]
    public void Other_unreadable_cells_are_located_errors_too()
    {
        var reading = Csv(string.Join("\n",
            "编号,登记日期,延期天数,延期审批,是否评价,评价结果,是否重复信访,受理情况",
            "1,2026-03-01,十天,,,,,",
            "2,2026-03-01,,也许,,,,",
            "3,2026-03-01,,,,很满意,,",
            "4,2026-03-01,,,否,满意,,",
            "5,2026-03-01,,,,,大概,",
            "6,2026-03-01,,,,,,转走",
            "7,2026-03-01,20天,是,是,不满意,否,受理",
            "8,2026-03-01,,,,未评价,,不予受理",
            "9,2026-03-01,,,,,,不再受理",
            "10,2026-03-01,,,,,,否",
            ""));
        Assert.Equal(["7", "8", "9", "10"], reading.Cases.Select(c => c.Number));
        Assert.Equal(20, reading.Cases[0].ExtensionDays);
        Assert.False(reading.Cases[0].NotAccepted);
        Assert.Equal(PetitionEvaluation.Dissatisfied, reading.Cases[0].Evaluation);
        Assert.Null(reading.Cases[1].Evaluation);
        Assert.All(reading.Cases.Skip(1), c => Assert.True(c.NotAccepted));
        Assert.Equal(
        [
            new LedgerError("第2行“延期天数”列", "延期天数“十天”不是整数天数，本行未计入"),
            new LedgerError("第3行“延期审批”列", "延期审批“也许”无法识别（应填“是”或“否”），本行未计入"),
            new LedgerError("第4行“评价结果”列", "评价结果“很满意”无法识别（应为“满意”“基本满意”或“不满意”），本行未计入"),
            new LedgerError("第5行“是否评价”列", "填写为未评价，却有评价结果“满意”，本行未计入"),
            new LedgerError("第6行“是否重复信访”列", "是否重复信访“大概”无法识别（应填“是”或“否”），本行未计入"),
            new LedgerError("第7行“受理情况”列", "受理情况“转走”无法识别（应填“受理”“不予受理”或“不再受理”），本行未计入"),
        ], reading.Errors);
        Assert.Equal(6, reading.RowsNotCounted);
    }

    [Fact]
    public void Impossible_date_orders_and_repeated_numbers_are_errors()
    {
        var reading = Csv(string.Join("\n",
            "编号,登记日期,告知日期,办结日期,延期天数",
            "1,2026-03-10,2026-03-09,,",
            "2,2026-03-10,,2026-03-01,",
            "3,2026-03-10,,,-2",
            "4,2026-03-10,,,",
            "4,2026-03-11,,,",
            ""));
        Assert.Equal(["4"], reading.Cases.Select(c => c.Number));
        Assert.Equal(
        [
            new LedgerError("第2行", "告知日期 2026-03-09 早于登记日期 2026-03-10，本行未计入"),
            new LedgerError("第3行", "办结日期 2026-03-01 早于登记日期 2026-03-10，本行未计入"),
            new LedgerError("第4行", "延期天数 -2 不能为负数，本行未计入"),
            new LedgerError("第6行", "信访件编号“4”与第5行重复，本行未计入"),
        ], reading.Errors);
    }

    [Fact]
    public void Blanks_placeholders_and_footers_are_no_cases_and_no_errors()
    {
        var reading = Csv(string.Join("\n",
            "说明：本表由信访科每月更新",
            "编号,登记日期,告知日期,办结日期",
            "1,2026-03-10,/,—",
            ",,,",
            "合计,1件,,",
            "填表人：张三,,,",
            "注：日期按自然日计算,,,",
            ""));
        var c = Assert.Single(reading.Cases);
        Assert.Null(c.Notified);
        Assert.Null(c.Closed);
        Assert.Empty(reading.Errors);
    }

    [Fact]
    public void Rows_without_a_number_are_known_by_their_line()
    {
        var reading = Csv("登记日期,办结日期\n2026-03-10,2026-03-20\n2026-03-11,\n");
        Assert.Equal(["第2行", "第3行"], reading.Cases.Select(c => c.Number));
    }

    [Fact]
    public void The_same_petitioner_on_the_same_matter_again_is_a_repeat_and_the_name_is_forgotten()
    {
        var reading = Csv(string.Join("\n",
            "编号,登记日期,信访人,联系电话,问题类别,是否重复信访",
            "1,2026-05-01,李晓明,13512341234,征地拆迁,",
            "2,2026-03-01,李晓明,135-1234-1234,征地拆迁,",   // the earlier registration is the first petition
            "3,2026-06-01,李晓明,13512341234,劳动社保,",       // another matter: not a repeat
            "4,2026-06-02,王芳,,征地拆迁,",
            "5,2026-06-03,,,,是",                               // marked in the ledger
            "6,2026-06-04,,,,",
            ""));
        Assert.Empty(reading.Errors);
        Assert.Equal([true, false, false, false, true, false], reading.Cases.Select(c => c.Repeat));
        Assert.DoesNotContain(reading.Cases, c => c.ToString().Contains("李晓明") || c.ToString().Contains("1234"));
    }

    [Fact]
    public void A_petitioner_without_a_matter_column_is_keyed_by_name_and_phone()
    {
        var reading = Csv("编号,登记日期,信访人\n1,2026-05-01,王芳\n2,2026-05-02,王芳\n3,2026-05-03,王 芳\n");
        Assert.Equal([false, true, true], reading.Cases.Select(c => c.Repeat));
    }

    [Fact]
    public void A_file_without_a_ledger_header_is_refused_by_name()
    {
        var e = Assert.Throws<FormReadException>(() => Csv("项目名称,金额\n接待经费,100\n", name: "预算.csv"));
        Assert.Equal("文件“预算.csv”中找不到台账表头：需要一行列名，至少包括“登记日期”，以及“告知日期”“办结日期”“评价结果”等（见导入说明）", e.Message);
        // A header with the registration date alone is no ledger either.
        Assert.Throws<FormReadException>(() => Csv("登记日期,金额\n2026-01-01,100\n"));
    }

    [Fact]
    public void A_damaged_workbook_is_refused_with_the_users_file_name()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-").FullName;
        try
        {
            var path = Path.Combine(folder, "upload-000.xlsx");
            File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
            var e = Assert.Throws<FormReadException>(() => LedgerReader.Read(path, "我的台账.xlsx"));
            Assert.Contains("我的台账.xlsx", e.Message);
            Assert.DoesNotContain("upload-000", e.Message);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void A_second_sheet_with_its_own_header_is_read_too()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-").FullName;
        try
        {
            var path = Path.Combine(folder, "ledger.xlsx");
            Xlsx.Write(path,
                new Xlsx.Sheet("一季度", [["编号", "登记日期", "办结日期"], ["Q1-1", "2026-01-05", "2026-02-01"]]),
                new Xlsx.Sheet("二季度", [["编号", "办结日期", "登记日期"], ["Q2-1", "2026-05-01", "2026-04-05"]]));
            var reading = LedgerReader.Read(path);
            Assert.Equal(["Q1-1", "Q2-1"], reading.Cases.Select(c => c.Number));
            Assert.Equal(new DateOnly(2026, 4, 5), reading.Cases[1].Registered);
            Assert.Equal("二季度 第2行", reading.Cases[1].Where);
        }
        finally { Directory.Delete(folder, true); }
    }
}
