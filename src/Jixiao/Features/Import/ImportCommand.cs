using System.CommandLine;
using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Features.Import;

// jixiao import FILE... [--json]: reads forms into the interchange format. Exit 0 when every file was
// read (what could not be placed is in each document's warnings), 2 when a file cannot be read at all.
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "要读取的绩效目标表文件", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "把交换格式 JSON 写到标准输出（多个文件时为数组）" };
        var cmd = new Command("import", "读取绩效目标表，转为交换格式") { files, json };
        cmd.SetAction(pr => Run(pr.GetValue(files)!, pr.GetValue(json), pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error));
        return cmd;
    }

    internal static int Run(string[] paths, bool json, TextWriter output, TextWriter error)
    {
        var documents = new List<FormDocument>();
        foreach (var path in paths)
        {
            var (document, reason) = Import(path);
            if (document == null)
            {
                error.WriteLine($"无法读取 {path}：{reason}");
                return 2;
            }
            documents.Add(document);
        }
        if (json)
        {
            output.WriteLine(documents.Count == 1
                ? JsonSerializer.Serialize(documents[0], Interchange.Json)
                : JsonSerializer.Serialize(documents, Interchange.Json));
            return 0;
        }
        foreach (var d in documents)
        {
            output.WriteLine($"{d.Source.File}：版式 {d.Source.Layout}，项目 {d.Projects.Count} 个，" +
                             $"指标 {d.Projects.Sum(p => p.Indicators.Count)} 个，警告 {d.Warnings.Count} 条");
            foreach (var w in d.Warnings) output.WriteLine($"  {w.Where}：{w.Message}");
        }
        return 0;
    }

    static (FormDocument? Document, string? Reason) Import(string path)
    {
        if (!File.Exists(path)) return (null, "文件不存在");
        try
        {
            var document = FormReader.Read(ReadGrid(path));
            if (document.Projects.Count == 0 && document.DepartmentGoals.Count == 0)
                return (null, "不是绩效目标表：没有找到项目名称或部门整体绩效目标");
            return (document, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, e is InvalidDataException ? e.Message : $"读取失败（{e.Message}）");
        }
    }

    static CellGrid ReadGrid(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".tsv" or ".csv" => TextGrid.Read(path),
        var ext => throw new InvalidDataException($"不支持的文件类型（{(ext == "" ? "无扩展名" : ext)}）"),
    };
}
