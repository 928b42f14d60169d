using System.CommandLine;
using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Export;
using Jixiao.Features.Review;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Export;

// jixiao export FILE|--project ID --to docx|xlsx|pdf [--layout NAME | --self-evaluation] [--public] -o OUT
// --self-evaluation writes the year-end 项目支出绩效自评表 instead of the declaration form, scored by the
// project's region profile (a file: the profile its region and year choose).
// Exit 0 written, 2 unreadable input or unknown project/layout (one Chinese line on stderr),
// 4 when Chromium or a CJK font is missing for PDF.
public static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "申报表文件（导入能读的任何格式，或交换格式 .json）", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<int?>("--project") { Description = "导出已保存的项目（项目编号）" };
        var to = new Option<string>("--to") { Description = "输出格式：docx、xlsx 或 pdf", Required = true };
        var layout = new Option<string?>("--layout") { Description = "版式：" + ExportLayouts.Names + "（默认按原表的版式）" };
        var selfEvaluation = new Option<bool>("--self-evaluation") { Description = "导出项目支出绩效自评表（全国通用格式，含实际完成值、得分和自评等级），而非申报表" };
        var isPublic = new Option<bool>("--public") { Description = "公开版：姓名、电话脱敏，隐藏内部信息" };
        var output = new Option<string>("-o", "--output") { Description = "输出文件", Required = true };
        var data = new Option<string>("--data") { Description = "数据文件夹（SQLite），与 --project 一起用", DefaultValueFactory = _ => "./data" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL 连接字符串（也可用环境变量 JIXIAO_DATABASE）" };
        var cmd = new Command("export", "把申报表导出为 Word、Excel 或 PDF（版式同原表）") { file, project, to, layout, selfEvaluation, isPublic, output, data, database };
        cmd.SetAction(async (pr, ct) =>
        {
            var error = pr.InvocationConfiguration.Error;
            var format = pr.GetValue(to)!.Trim().TrimStart('.').ToLowerInvariant();
            if (format is not ("docx" or "xlsx" or "pdf"))
            {
                error.WriteLine($"不支持的输出格式“{pr.GetValue(to)}”，请用 docx、xlsx 或 pdf");
                return 2;
            }
            var requested = pr.GetValue(layout);
            if (requested != null && ExportLayouts.Find(requested) == null)
            {
                error.WriteLine($"没有名为“{requested}”的版式，可用的版式：{ExportLayouts.Names}");
                return 2;
            }
            var evaluation = pr.GetValue(selfEvaluation);
            if (evaluation && requested != null)
            {
                error.WriteLine("--self-evaluation 与 --layout 不能同时使用：自评表只有全国通用一种版式");
                return 2;
            }
            FormDocument doc;
            Domain.Scoring.SelfEvaluationSettings scoring;
            if (pr.GetValue(project) is int id)
            {
                await using var db = await Data.Database.OpenAsync(pr.GetValue(data)!, Data.Database.ConnectionFrom(pr.GetValue(database)));
                var stored = await StoredReview.FindAsync(db, id, ct);
                if (stored == null)
                {
                    error.WriteLine(StoredReview.NotFound(id));
                    return 2;
                }
                doc = ExportSource.DocumentOf(stored);
                scoring = StoredReview.ProfileOf(stored).SelfEvaluation;
            }
            else if (pr.GetValue(file) is { } path)
            {
                try { doc = Read(path); }
                catch (FormReadException e)
                {
                    error.WriteLine($"无法读取“{path}”：{e.Message}");
                    return 2;
                }
                scoring = Domain.Review.ReviewProfiles.For(doc).SelfEvaluation;
            }
            else
            {
                error.WriteLine("请给出要导出的文件，或用 --project 指定已保存的项目");
                return 2;
            }
            var chosen = evaluation ? ExportLayouts.SelfEvaluation : ExportLayouts.Choose(requested, doc.Source.Layout);
            var book = FormComposer.Compose(doc, chosen, new ComposeOptions { Public = pr.GetValue(isPublic), Scoring = scoring });
            var target = Path.GetFullPath(pr.GetValue(output)!);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (format == "pdf")
                {
                    await using var printer = new PdfPrinter();
                    var pdf = await printer.PrintAsync(book, ct);
                    await File.WriteAllBytesAsync(target, pdf, ct);
                }
                else
                {
                    await using var stream = File.Create(target);
                    if (format == "docx") DocxWriter.Write(book, stream);
                    else XlsxWriter.Write(book, stream);
                }
            }
            catch (PrinterMissingException e)
            {
                error.WriteLine(e.Message);
                return 4;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"无法写入“{pr.GetValue(output)}”：{e.Message}");
                return 2;
            }
            pr.InvocationConfiguration.Output.WriteLine($"已导出：{target}（版式 {chosen.Name}，{book.Blocks.Count} 块）");
            return 0;
        });
        return cmd;
    }

    static FormDocument Read(string path)
    {
        if (Directory.Exists(path)) throw new FormReadException("这是一个文件夹，不是文件");
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return DocumentReader.Read(path);
        try
        {
            return JsonSerializer.Deserialize<FormDocument>(File.ReadAllText(path), Interchange.Json)
                   ?? throw new FormReadException("文件内容为空");
        }
        catch (JsonException e) { throw new FormReadException($"不是有效的交换格式 JSON（第{(e.LineNumber ?? 0) + 1}行）"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new FormReadException($"读取失败（{e.Message}）"); }
    }
}

// A stored project as the document it is exported from: its unit, year and the layout it came in.
public static class ExportSource
{
    public static FormDocument DocumentOf(Data.Project project)
    {
        var doc = StoredReview.DocumentOf(project);
        doc.Source.Layout = project.ReviewProfileId switch
        {
            "shanghai-2018" => "shanghai-2018",
            "shanghai-2025" => "shanghai-2023",
            _ => null,
        };
        return doc;
    }
}
