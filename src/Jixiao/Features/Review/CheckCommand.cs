using System.CommandLine;
using System.Text;
using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Review;

// jixiao check FILE [--json], or jixiao check --project ID: the automatic review of one form (a file, or a
// stored project), as a report or as JSON. Exit 0 whatever the review finds; exit 2 when the file cannot be
// read or the project does not exist.
public static class CheckCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "申报表文件（文本、Word、Excel、网页、PDF，或交换格式 .json）", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出审核结果" };
        var project = new Option<int?>("--project") { Description = "审核已保存的项目（项目编号，即项目页地址 /Projects/编号 中的数字）" };
        var data = new Option<string>("--data") { Description = "数据文件夹（SQLite），与 --project 一起用", DefaultValueFactory = _ => "./data" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL 连接字符串（也可用环境变量 JIXIAO_DATABASE）" };
        var cmd = new Command("check", "自动审核绩效目标申报表") { file, json, project, data, database };
        cmd.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            FormDocument doc;
            ReviewReport report;
            if (pr.GetValue(project) is int id)
            {
                await using var db = await Data.Database.OpenAsync(pr.GetValue(data)!, Data.Database.ConnectionFrom(pr.GetValue(database)));
                var stored = await StoredReview.FindAsync(db, id, ct);
                if (stored == null)
                {
                    error.WriteLine(StoredReview.NotFound(id));
                    return 2;
                }
                doc = StoredReview.DocumentOf(stored);
                report = Reviewer.Review(doc, StoredReview.ProfileOf(stored));
            }
            else if (pr.GetValue(file) is { } path)
            {
                try
                {
                    doc = Read(path);
                }
                catch (UnreadableFile e)
                {
                    error.WriteLine($"无法读取“{path}”：{e.Message}");
                    return 2;
                }
                report = Reviewer.Review(doc);
            }
            else
            {
                error.WriteLine("请给出要审核的文件，或用 --project 指定已保存的项目");
                return 2;
            }
            output.Write(pr.GetValue(json) ? JsonSerializer.Serialize(report, Interchange.Json) + "\n" : Render(doc, report));
            return 0;
        });
        return cmd;
    }

    internal sealed class UnreadableFile(string reason) : Exception(reason);

    // A form in any file kind the importer reads, or an interchange document (.json).
    internal static FormDocument Read(string path)
    {
        if (Directory.Exists(path)) throw new UnreadableFile("这是一个文件夹，不是文件");
        if (!File.Exists(path)) throw new UnreadableFile("文件不存在");
        try
        {
            if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return DocumentReader.Read(path);
            return JsonSerializer.Deserialize<FormDocument>(File.ReadAllText(path), Interchange.Json)
                   ?? throw new UnreadableFile("文件内容为空");
        }
        catch (FormReadException e)
        {
            throw new UnreadableFile(e.Message);
        }
        catch (JsonException e)
        {
            throw new UnreadableFile($"不是有效的交换格式 JSON（第{(e.LineNumber ?? 0) + 1}行）");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableFile($"读取失败（{e.Message}）");
        }
    }

    // The report a reviewer reads: totals and the four criteria first, then the findings by project.
    internal static string Render(FormDocument doc, ReviewReport report)
    {
        var sb = new StringBuilder();
        var profile = ReviewProfiles.Find(report.Profile);
        sb.AppendLine($"审核报告：{doc.Unit.Name ?? doc.Source.File ?? "申报表"}{(doc.FiscalYear is { } y ? $"（{y}年度）" : "")}");
        sb.AppendLine($"审核规则：{profile?.Name ?? report.Profile}");
        sb.AppendLine($"总分 {report.Score}（{report.Grade}）  错误 {Count(report, Severity.Error)} · 警告 {Count(report, Severity.Warning)} · 提示 {Count(report, Severity.Info)}");
        sb.AppendLine("四性：" + string.Join("  ", report.Dimensions.Select(d => $"{d.Name} {d.Score}分 {d.Grade}（{d.Findings}项）")));

        var documentLevel = report.Findings.Where(f => f.Project is null).ToList();
        if (documentLevel.Count > 0)
        {
            sb.AppendLine().AppendLine("【整体】");
            foreach (var f in documentLevel) Write(sb, f);
        }
        for (var j = 0; j < report.Projects.Count; j++)
        {
            var p = report.Projects[j];
            sb.AppendLine().AppendLine($"【项目{j + 1}】{p.Name}  {p.Score}分（{p.Grade}）");
            var mine = report.Findings.Where(f => f.Project == p.Name).ToList();
            if (mine.Count == 0) sb.AppendLine("  未发现问题");
            foreach (var f in mine) Write(sb, f);
        }
        return sb.ToString();
    }

    static void Write(StringBuilder sb, Finding f)
    {
        var title = ReviewCatalog.Find(f.Rule)?.Title;
        var place = string.Join(" · ", new[] { f.Indicator, ReviewLabels.FieldLabel(f.Field) }.Where(s => !string.IsNullOrEmpty(s)));
        sb.AppendLine($"  [{f.Severity.Chinese()}] {title}（{f.Rule}）{(place.Length > 0 ? "  " + place : "")}");
        sb.AppendLine($"      {f.Message}");
        sb.AppendLine($"      建议：{f.Suggestion}");
        sb.AppendLine($"      依据：{f.Basis}");
    }

    static int Count(ReviewReport report, Severity severity) => report.Findings.Count(f => f.Severity == severity);
}
