using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Domain;
using Jixiao.Domain.Scoring;
using Jixiao.Export;
using Jixiao.Features.Export;
using Jixiao.Forms;
using Jixiao.Features.Projects;
using Jixiao.Features.SelfEvaluations;
using Jixiao.Tests.Features.SelfEvaluations;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Export;

// The year-end 项目支出绩效自评表 written in the national shape (docx, xlsx, pdf): what it writes reads back
// through the importer with the same actuals, points, scores, money block, total and grade.
public class SelfEvaluationExportTests
{
    static string DataPath(string name) => Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", name);
    static string Artifacts => Directory.CreateDirectory(Path.Combine(Seeds.RepoRoot, "artifacts", "export")).FullName;

    // The hand-made national 自评表 of 2023 (万元, 7 rows, 93.14 优).
    static FormDocument National() => DocumentReader.Read(DataPath("selfeval-national.txt"));

    static string Write(FormDocument doc, string format, string folder, string name, bool isPublic = false)
    {
        var book = FormComposer.Compose(doc, ExportLayouts.SelfEvaluation, new ComposeOptions { Public = isPublic, Date = new DateOnly(2026, 11, 29) });
        var path = Path.Combine(folder, $"{name}.{format}");
        using var stream = File.Create(path);
        if (format == "docx") DocxWriter.Write(book, stream);
        else XlsxWriter.Write(book, stream);
        return path;
    }

    // Every figure the 自评表 carries, as one list of lines to compare.
    static List<string> Figures(ProjectForm p) =>
    [
        $"项目 {p.Name} 实施单位 {p.ImplementingUnit}",
        .. p.Indicators.Select(i => $"{i.Level1}|{i.Level2}|{i.Name}|{i.AnnualTarget?.Raw}|{i.Actual?.Raw}|{i.Weight:0.##}|{i.Score:0.##}|{i.DeviationCause}"),
        .. p.SelfEvaluation!.Execution.Select(x => $"{x.Name}|{x.Item}|{x.InitialBudget:0.##}|{x.AnnualBudget:0.##}|{x.Executed:0.##}|{x.BudgetExecutionRate:0.##}|{x.Points:0.##}|{x.Score:0.##}"),
        $"目标 {p.AnnualGoal} → {p.SelfEvaluation.AnnualGoalActual}",
        $"总分 {p.SelfEvaluation.TotalPoints:0.##} {p.SelfEvaluation.TotalScore:0.##} {p.SelfEvaluation.Grade}",
    ];

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public void An_exported_self_evaluation_reads_back_with_the_same_actuals_scores_money_total_and_grade(string format)
    {
        var original = National();
        var folder = ExportFiles.Folder("selfeval");
        var back = DocumentReader.Read(Write(original, format, folder, "national"));

        Assert.Equal("self-evaluation", back.Source.Layout);
        Assert.Equal((2023, "某某区人民政府办公室"), (back.FiscalYear, back.Unit.SupervisingDepartment));
        var p = Assert.Single(back.Projects);
        Assert.Equal(Figures(original.Projects[0]), Figures(p));
        Assert.Equal((100m, 93.14m, EvaluationGrade.Excellent), (p.SelfEvaluation!.TotalPoints, p.SelfEvaluation.TotalScore, p.SelfEvaluation.Grade));
        // Scored again, the form read back gives the same total, and nothing in it differs from what it states.
        var again = Scorer.Score(p, new SelfEvaluationSettings());
        Assert.Equal(93.14m, again.Total);
        Assert.DoesNotContain(again.Warnings.Concat(again.Indicators.SelectMany(i => i.Warnings)), w => w.Code.StartsWith("stated-"));
        Assert.DoesNotContain(back.Warnings, w => !w.Message.Contains("单位负责人") && !w.Message.Contains("填报日期"));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void The_table_has_the_national_shape_with_scores_from_the_rules_not_the_stated_ones()
    {
        var doc = National();
        var p = doc.Projects[0];
        // A stated score that the rules do not give is printed as the rules give it (15 × 97.2/95 caps at 15).
        p.Indicators[2].Score = 14m;
        p.SelfEvaluation!.TotalScore = 92.14m;
        var book = FormComposer.Compose(doc, ExportLayouts.SelfEvaluation);
        Assert.Equal(["项目支出绩效自评表", "（2023年度）"], book.Blocks.OfType<TitleBlock>().Select(t => t.Text));
        var table = book.Blocks.OfType<TableBlock>().First();
        Assert.Equal(9, table.Widths.Count);
        string[] Texts(int r) => table.Rows[r].Select(c => c.Text).ToArray();
        Assert.Equal(["项目名称", "信访接待与矛盾纠纷排查调处经费"], Texts(0));
        Assert.Equal(["主管部门", "某某区人民政府办公室", "实施单位", "某某区信访局"], Texts(1));
        Assert.Equal(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], Texts(2));
        Assert.Equal(["年度资金总额", "50.00", "48.00", "46.50", "10", "96.88%", "9.69"], Texts(3));
        Assert.Equal(["其中：当年财政拨款", "50.00", "45.00", "43.50", "—", "96.67%", "—"], Texts(4));
        Assert.Equal(["其中：其他资金", "0.00", "0.00", "0.00", "—", "—", "—"], Texts(6));
        Assert.Equal(["年度总体目标", "预期目标", "实际完成情况"], Texts(7));
        Assert.Equal(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], Texts(9));
        Assert.Equal(["产出指标", "数量指标", "接待来访群众人次", "≥3000人次", "3216人次", "15", "15", ""], Texts(10));
        Assert.Equal(["质量指标", "信访事项按期办结率", "≥95%", "97.2%", "15", "15", ""], Texts(12));
        Assert.Equal(["社会效益指标", "重复信访率", "≤5%", "6.1%", "20", "15.6", "部分积案化解难度大，重复信访有所上升；下一年度推行领导包案化解。"], Texts(14)[2..]);
        Assert.Equal(["总分", "100", "93.14", ""], Texts(17));
        Assert.Equal(["自评等级", "优"], Texts(18));
        // The level cells merge over their rows; the 绩效指标 label over the head and the first level-1 group,
        // the later groups' cells in its column empty, so a printed page may break between groups.
        Assert.Equal((5, 4, 2), (table.Rows[9][0].RowSpan, table.Rows[10][0].RowSpan, table.Rows[10][1].RowSpan));
        Assert.Equal(("", 2, "效益指标", 2), (Texts(14)[0], table.Rows[14][0].RowSpan, Texts(14)[1], table.Rows[14][1].RowSpan));
        Assert.Equal(("", 1, "满意度指标"), (Texts(16)[0], table.Rows[16][0].RowSpan, Texts(16)[1]));
        Assert.Contains(book.Blocks.OfType<TableBlock>(), t => t.Borderless && t.Rows[0][1].Text == "填报人：刘洋");
    }

    [Fact]
    public void A_form_without_actuals_prints_planned_money_and_points_and_no_total_or_grade()
    {
        var doc = ExportFiles.Seed("004");   // 信访储备金, declared: no actuals, no self-evaluation yet
        var book = FormComposer.Compose(doc, ExportLayouts.SelfEvaluation);
        var table = book.Blocks.OfType<TableBlock>().First();
        string[] Texts(int r) => table.Rows[r].Select(c => c.Text).ToArray();
        Assert.Equal(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], Texts(2));
        Assert.Equal(["年度资金总额", "60.00", "60.00", "", "10", "—", ""], Texts(3));
        var total = table.Rows.Single(r => r[0].Text == "总分");
        Assert.Equal(["总分", "100", "", ""], total.Select(c => c.Text));
        Assert.Equal(["自评等级", ""], table.Rows[^1].Select(c => c.Text));
        // Points from the rules (8 rows over 产出 50 / 效益 30 / 满意度 10), no scores yet.
        var rows = table.Rows.SkipWhile(r => r[0].Text != "绩效指标").Skip(1).TakeWhile(r => r[0].Text != "总分").ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Equal("", r[^2].Text));
        Assert.Equal(90m, rows.Sum(r => decimal.Parse(r[^3].Text)));
    }

    [Fact]
    public void The_region_profile_scores_the_printed_form()
    {
        var doc = National();
        var strict = new SelfEvaluationSettings { ExcellentFrom = 95m };
        var table = FormComposer.Compose(doc, ExportLayouts.SelfEvaluation, new ComposeOptions { Scoring = strict }).Blocks.OfType<TableBlock>().First();
        Assert.Equal(["自评等级", "良"], table.Rows[^1].Select(c => c.Text));
    }

    [Fact]
    public void The_public_copy_masks_names_and_phones_also_inside_the_causes_and_the_goal_as_reached()
    {
        var doc = National();
        var p = doc.Projects[0];
        p.Indicators[3].DeviationCause = "已由经办人核对，联系13512345678";
        p.SelfEvaluation!.AnnualGoalActual += "（咨询电话021-64781234）";
        var folder = ExportFiles.Folder("selfeval-public");
        foreach (var format in new[] { "docx", "xlsx" })
        {
            var path = Write(doc, format, folder, "public", isPublic: true);
            var text = format == "docx"
                ? DocxText(path)
                : XlsxText(path);
            Assert.DoesNotContain("刘洋", text);
            Assert.Contains("刘*", text);
            Assert.DoesNotContain("13512345678", text);
            Assert.Contains("135****5678", text);
            Assert.DoesNotContain("021-64781234", text);
            Assert.Contains("3216人次", text);   // the figures stay
        }
        Directory.Delete(folder, true);
    }

    static string DocxText(string path)
    {
        using var d = WordprocessingDocument.Open(path, false);
        return d.MainDocumentPart!.Document!.Body!.InnerText;
    }

    static string XlsxText(string path)
    {
        using var b = SpreadsheetDocument.Open(path, false);
        return string.Concat(b.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet!.InnerText));
    }

    [Fact]
    public async Task LibreOffice_converts_both_files_and_the_pdf_from_chromium_has_every_indicator_as_text_with_a_page_picture_kept()
    {
        var doc = National();
        var folder = ExportFiles.Folder("selfeval-lo");
        var files = new[] { Write(doc, "docx", folder, "national-docx"), Write(doc, "xlsx", folder, "national-xlsx") };
        var (code, output) = ExportFiles.LibreOfficeToPdf(folder, files);
        Assert.True(code == 0, output);
        foreach (var f in files)
        {
            var pdf = Path.ChangeExtension(f, ".pdf");
            Assert.True(File.Exists(pdf), output);
            var text = Squeeze(PdfText(pdf));
            foreach (var i in doc.Projects[0].Indicators) Assert.Contains(Squeeze(i.Name), text);
            Assert.Contains("偏差原因分析及改进措施", text);
        }

        await using var printer = new PdfPrinter();
        var printed = Path.Combine(Artifacts, "selfeval-national.pdf");
        await File.WriteAllBytesAsync(printed, await printer.PrintAsync(FormComposer.Compose(doc, ExportLayouts.SelfEvaluation, new ComposeOptions { Date = new DateOnly(2026, 11, 29) })));
        var chromium = Squeeze(PdfText(printed));
        foreach (var i in doc.Projects[0].Indicators) Assert.Contains(Squeeze(i.Name), chromium);
        Assert.Contains("93.14", chromium);
        Assert.Contains("项目支出绩效自评表", chromium);
        var (png, pngOut) = ExportFiles.Run("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", printed, Path.Combine(Artifacts, "selfeval-national-page1")], TimeSpan.FromMinutes(1));
        Assert.True(png == 0, pngOut);
        Assert.True(File.Exists(Path.Combine(Artifacts, "selfeval-national-page1.png")));
        Directory.Delete(folder, true);
    }

    static string PdfText(string pdf)
    {
        var (code, output) = ExportFiles.Run("pdftotext", ["-raw", pdf, "-"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, code);
        return output;
    }

    static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    static Task<(int Exit, string Out, string Err)> Export(params string[] args) => ExportCommandTests.Export(args);

    [Fact]
    public async Task The_command_writes_the_self_evaluation_with_its_own_switch_and_keeps_its_other_contract()
    {
        var folder = ExportFiles.Folder("selfeval-cli");
        var xlsx = Path.Combine(folder, "selfeval.xlsx");
        var (exit, output, error) = await Export(DataPath("selfeval-national.txt"), "--self-evaluation", "--to", "xlsx", "-o", xlsx);
        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("版式 self-evaluation", output);
        Assert.Equal(Figures(National().Projects[0]), Figures(DocumentReader.Read(xlsx).Projects.Single()));

        // Without the switch the same file is the declaration form in the national layout, as before.
        var plain = Path.Combine(folder, "plain.docx");
        (exit, output, _) = await Export(DataPath("selfeval-national.txt"), "--to", "docx", "-o", plain);
        Assert.Equal(0, exit);
        Assert.Contains("版式 national", output);
        Assert.DoesNotContain("实际完成值", DocxText(plain));

        // --public masks; the switch and a layout together are refused with one Chinese line.
        var open = Path.Combine(folder, "open.docx");
        Assert.Equal(0, (await Export(DataPath("selfeval-national.txt"), "--self-evaluation", "--public", "--to", "docx", "-o", open)).Exit);
        Assert.DoesNotContain("刘洋", DocxText(open));
        Assert.Contains("实际完成值", DocxText(open));
        (exit, _, error) = await Export(DataPath("selfeval-national.txt"), "--self-evaluation", "--layout", "hebei", "--to", "docx", "-o", open);
        Assert.Equal(2, exit);
        Assert.Equal("--self-evaluation 与 --layout 不能同时使用：自评表只有全国通用一种版式", error.Trim());
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task A_stored_self_evaluation_exports_from_the_data_folder_with_its_saved_actuals_and_scores()
    {
        await using var db = await TestDatabase.Create("sqlite");
        int id;
        string dataFolder;
        List<Indicator> saved;
        await using (var app = await TestApp.Start(db, demo: true))
        {
            id = await SelfEvaluationPageTests.ApprovedSeed(app);
            await app.Db(async d =>
            {
                var p = d.InFormOrder(await d.Projects.AsSplitQuery().Include(x => x.BudgetUnit).SingleAsync(x => x.Id == id));
                var rows = p.Form.Indicators;
                SelfEvaluationStore.Apply(d, p, new SelfEvaluationEntry
                {
                    Rows = new Dictionary<Guid, RowEntry>
                    {
                        [rows[0].Id!.Value] = new(TargetValue.Parse("2起"), null, "部分问题跨年度化解。"),
                        [rows[1].Id!.Value] = new(TargetValue.Parse("99%"), null, null),
                    },
                    Money = [new MoneyEntry(FundingItem.AnnualRequest, "年度资金总额", 600000m, 600000m, 552000m)],
                }, "east-preparer", "绩效自评");
                return await ProjectStore.CommitAsync(d);
            });
            saved = await SelfEvaluationPageTests.RowsOf(app, id);
            dataFolder = app.DataFolder;
        }
        var folder = ExportFiles.Folder("selfeval-cli-project");
        var docx = Path.Combine(folder, "p.docx");
        var (exit, _, error) = await Export("--project", id.ToString(), "--self-evaluation", "--data", dataFolder, "--to", "docx", "-o", docx);
        Assert.True(exit == 0, error);
        var p = DocumentReader.Read(docx).Projects.Single();
        Assert.Equal(saved.Select(r => (r.Name, r.Actual?.Raw, r.Score)), p.Indicators.Select(r => (r.Name, r.Actual?.Raw, r.Score)));
        Assert.Equal<decimal?>([8.33m, 12.5m, null], p.Indicators.Take(3).Select(r => r.Score));
        var total = p.SelfEvaluation!.Execution[0];
        Assert.Equal((552000m, 92m, 9.2m), (total.Executed!.Value, total.BudgetExecutionRate!.Value, total.Score!.Value));
        Assert.Equal("部分问题跨年度化解。", p.Indicators[0].DeviationCause);
        Directory.Delete(folder, true);
    }
}
