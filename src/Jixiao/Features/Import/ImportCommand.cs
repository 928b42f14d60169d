using System.CommandLine;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;

using Jixiao.Features.Projects;

namespace Jixiao.Features.Import;

// jixiao import FILE... [--json] [--save --unit U --year Y]: reads forms into the interchange format and,
// when asked, stores their projects. Exit 0 when every file was read (and saved); 2 when a file cannot be
// read at all (one line on stderr); 3 when reading worked but saving was refused (unknown unit, or
// projects that already exist and neither --replace nor --keep-both was given).
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "要读取的绩效目标表文件", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "把交换格式 JSON 写到标准输出（多个文件时为数组）" };
        var save = new Option<bool>("--save") { Description = "把读出的项目保存到数据库" };
        var unit = new Option<string?>("--unit") { Description = "保存到哪个单位：单位代码或名称（不存在时按此名称新建）" };
        var year = new Option<int?>("--year") { Description = "保存到哪个预算年度（不填则用表中的年度）" };
        var replace = new Option<bool>("--replace") { Description = "已存在的同名项目替换为新版本（旧版本留存）" };
        var keepBoth = new Option<bool>("--keep-both") { Description = "已存在的同名项目保留两份" };
        var data = new Option<string>("--data") { Description = "数据文件夹（SQLite）", DefaultValueFactory = _ => "./data" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL 连接字符串（也可用环境变量 JIXIAO_DATABASE）" };
        var cmd = new Command("import", "读取绩效目标表，转为交换格式，或保存到数据库")
            { files, json, save, unit, year, replace, keepBoth, data, database };
        cmd.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var documents = new List<(FormDocument Document, string Path)>();
            foreach (var path in pr.GetValue(files)!)
            {
                try
                {
                    documents.Add((DocumentReader.Read(path), path));
                }
                catch (FormReadException e)
                {
                    error.WriteLine($"无法读取 {path}：{e.Message}");
                    return 2;
                }
            }
            if (pr.GetValue(json))
                output.WriteLine(documents.Count == 1
                    ? JsonSerializer.Serialize(documents[0].Document, Interchange.Json)
                    : JsonSerializer.Serialize(documents.Select(d => d.Document), Interchange.Json));
            else if (!pr.GetValue(save))
                foreach (var (d, _) in documents)
                {
                    output.WriteLine($"{d.Source.File}：版式 {d.Source.Layout}，项目 {d.Projects.Count} 个，" +
                                     $"指标 {d.Projects.Sum(p => p.Indicators.Count)} 个，警告 {d.Warnings.Count} 条");
                    foreach (var w in d.Warnings) output.WriteLine($"  {w.Where}：{w.Message}");
                }
            if (!pr.GetValue(save)) return 0;

            var choice = pr.GetValue(replace) ? DuplicateChoice.Replace : pr.GetValue(keepBoth) ? DuplicateChoice.KeepBoth : DuplicateChoice.Ask;
            // With --json the JSON alone goes to stdout, so that it stays parseable.
            var report = pr.GetValue(json) ? error : output;
            await using var db = await Database.OpenAsync(pr.GetValue(data)!, Database.ConnectionFrom(pr.GetValue(database)));
            var user = "cli:" + Environment.UserName;
            foreach (var (d, path) in documents)
            {
                var fiscalYear = pr.GetValue(year) ?? d.FiscalYear;
                if (fiscalYear == null)
                {
                    error.WriteLine($"{d.Source.File}：表中没有注明预算年度，请用 --year 指定");
                    return 3;
                }
                var target = await FindOrCreateUnitAsync(db, pr.GetValue(unit) ?? d.Unit.Code ?? d.Unit.Name, d);
                if (target == null)
                {
                    error.WriteLine($"{d.Source.File}：请用 --unit 指定保存到哪个单位（单位代码或名称）");
                    return 3;
                }
                var record = ImportSaver.Keep(d.Source.File!, await File.ReadAllBytesAsync(path, ct), user);
                var outcome = await ImportSaver.SaveAsync(db, d, target, fiscalYear.Value, _ => choice, user, d.Source.File, record);
                record.DocumentJson = JsonSerializer.Serialize(d, Interchange.Json);
                record.Outcome = outcome.Saved ? ImportOutcome.Saved : ImportOutcome.Previewed;
                record.BudgetUnitId = target.Id;
                record.FiscalYear = fiscalYear;
                record.Result = outcome.Describe();
                db.ImportRecords.Add(record);
                var saved = await ProjectStore.CommitAsync(db, ct);
                if (!saved.Saved)
                {
                    error.WriteLine($"{d.Source.File}：{saved.Conflict}");
                    return 3;
                }
                if (!outcome.Saved)
                {
                    error.WriteLine($"{d.Source.File}：{outcome.Describe().Replace("请选择替换为新版本或保留两份", "请加 --replace 或 --keep-both")}");
                    return 3;
                }
                report.WriteLine($"{d.Source.File} → {target.Name} {fiscalYear} 年度：{outcome.Describe()}");
            }
            return 0;
        });
        return cmd;
    }

    // A unit is found by code or name; a name not yet known creates the unit, as the first import of a unit does.
    static async Task<BudgetUnit?> FindOrCreateUnitAsync(JixiaoDb db, string? codeOrName, FormDocument d)
    {
        if (string.IsNullOrWhiteSpace(codeOrName)) return null;
        var unit = await ImportSaver.FindUnitAsync(db, codeOrName);
        if (unit != null) return unit;
        var isCode = codeOrName.All(char.IsAsciiLetterOrDigit);
        var name = isCode ? d.Unit.Name : codeOrName;
        if (name == null) return null;
        unit = new BudgetUnit { Name = name, Code = isCode ? codeOrName : d.Unit.Code, Functions = d.Unit.Functions };
        // Saved on its own: a unit named on the command line is wanted whatever becomes of the import.
        db.BudgetUnits.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }
}
