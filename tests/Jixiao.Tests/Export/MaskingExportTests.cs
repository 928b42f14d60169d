using DocumentFormat.OpenXml.Packaging;
using Jixiao.Domain;
using Jixiao.Export;

namespace Jixiao.Tests.Export;

// The public version of every format: every personal field masked (unit people, project people, phones
// in free text), internal fields gone; the internal version keeps them.
public class MaskingExportTests
{
    static FormDocument Form() => new()
    {
        FiscalYear = 2026,
        Source = new SourceInfo { File = "内部文件名.xlsx", Layout = "label-value-form" },
        Unit = new UnitInfo
        {
            Name = "东城区信访局", Code = "UNITCODE-778", SupervisingDepartment = "区人民政府办公室",
            People = [new Person { Role = "单位负责人", Name = "赵建国", Phone = "13900001111" }, new Person { Role = "编报人", Name = "钱多", Phone = "0471-2223333" }],
        },
        Sections = { ["填报日期"] = "2026年1月2日", ["编报时间"] = "2026年1月3日" },
        Projects =
        [
            new ProjectForm
            {
                Name = "信访宣传专项", Funding = new Funding { SourceUnit = "元", Total = 100000, AnnualRequest = 100000 },
                AnnualGoal = "完成宣传，咨询电话 13712345678。",
                People = [new Person { Role = "联系人", Name = "李晓明", Phone = "13512341234" }, new Person { Role = "项目负责人", Name = "欧阳娜娜", Phone = "010-64001234" }],
                Sections = { ["需要说明的其他问题"] = "内部说明：预算尚待调整", ["项目概述"] = "联系人孙丽，电话 15800002222" },
                Indicators = [new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "宣传场次", AnnualTarget = TargetValue.Parse("≥10场") }],
            },
        ],
    };

    static readonly string[] Personal = ["赵建国", "13900001111", "钱多", "2223333", "李晓明", "13512341234", "欧阳娜娜", "64001234", "13712345678", "15800002222"];
    static readonly string[] Masked = ["赵**", "139****1111", "钱*", "047*-***3333", "李**", "135****1234", "欧***", "010-****1234", "137****5678", "158****2222"];
    static readonly string[] Internal = ["内部文件名", "UNITCODE-778", "内部说明：预算尚待调整", "2026年1月2日"];

    static string DocxText(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText + doc.MainDocumentPart.FooterParts.Single().Footer!.InnerText;
    }

    static string XlsxText(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        return string.Concat(doc.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet!.InnerText));
    }

    public static TheoryData<string> Formats => new(["docx", "xlsx", "pdf"]);

    async Task<string> Text(string format, bool isPublic)
    {
        var folder = ExportFiles.Folder("masking");
        var book = FormComposer.Compose(Form(), ExportLayouts.National, new ComposeOptions { Public = isPublic, Book = true });
        string text;
        if (format == "pdf")
        {
            await using var printer = new PdfPrinter();
            var path = Path.Combine(folder, "m.pdf");
            await File.WriteAllBytesAsync(path, await printer.PrintAsync(book));
            text = ExportFiles.Run("pdftotext", ["-raw", path, "-"], TimeSpan.FromMinutes(1)).Output;
        }
        else
        {
            var path = Path.Combine(folder, "m." + format);
            await using (var s = File.Create(path)) { if (format == "docx") DocxWriter.Write(book, s); else XlsxWriter.Write(book, s); }
            text = format == "docx" ? DocxText(path) : XlsxText(path);
        }
        Directory.Delete(folder, true);
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task The_public_version_masks_every_personal_field_and_hides_internal_ones(string format)
    {
        var text = await Text(format, isPublic: true);
        foreach (var p in Personal) Assert.DoesNotContain(p, text);
        foreach (var m in Masked) Assert.Contains(m, text);
        foreach (var i in Internal) Assert.DoesNotContain(i, text);
        Assert.Contains("信访宣传专项", text);
        Assert.Contains("宣传场次", text);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task The_internal_version_keeps_them(string format)
    {
        var text = await Text(format, isPublic: false);
        foreach (var p in Personal) Assert.Contains(p, text);
        Assert.Contains("UNITCODE-778", text);
        Assert.Contains("内部说明：预算尚待调整", text);
    }

    [Fact]
    public void Amounts_and_codes_in_text_are_not_taken_for_phone_numbers()
    {
        Assert.Equal("预算 2371500 元，科目 2010308，比例 100.5%", PublicCopy.Text("预算 2371500 元，科目 2010308，比例 100.5%"));
        Assert.Equal("拨打 135****1234 或 021-****1234", PublicCopy.Text("拨打 13512341234 或 021-64001234"));
        Assert.Null(PublicCopy.Text(null));
    }
}
