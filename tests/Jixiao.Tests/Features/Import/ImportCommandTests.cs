using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Import;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Import;

public class ImportCommandTests
{
    static async Task<(int Exit, string Out, string Err)> Import(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ImportCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_of_several_files_is_an_array_of_documents()
    {
        var (exit, output, error) = await Import(Seeds.PathOf("002"), Seeds.PathOf("004"), "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var docs = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, docs.GetArrayLength());
        Assert.Equal(10, docs[0].GetProperty("projects").GetArrayLength());
        Assert.Equal("信访储备金", docs[1].GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(600000m, docs[1].GetProperty("projects")[0].GetProperty("funding").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task One_file_writes_one_document()
    {
        var (exit, output, error) = await Import(Seeds.PathOf("004"), "--json");
        Assert.Equal((0, ""), (exit, error));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Equal("信访储备金", json.RootElement.GetProperty("projects")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_json_a_summary_names_counts_and_warnings()
    {
        var (exit, output, _) = await Import(Seeds.PathOf("004"));
        Assert.Equal(0, exit);
        Assert.Contains("项目 1 个，指标 8 个，警告 1 条", output);
        Assert.Contains("第53行", output);
    }

    [Fact]
    public async Task Missing_file_exits_2_with_one_line_reason()
    {
        var (exit, output, error) = await Import("/nonexistent/form.txt", "--json");
        Assert.Equal((2, ""), (exit, output));
        Assert.Equal("无法读取 /nonexistent/form.txt：找不到文件“form.txt”", error.TrimEnd());
    }

    [Fact]
    public async Task An_unreadable_file_exits_2_with_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-cli-").FullName;
        try
        {
            var garbage = Path.Combine(folder, "乱码.txt");
            await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
            var (exit, output, error) = await Import(garbage, "--json");
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains("乱码.txt", error);

            var notAForm = Path.Combine(folder, "通知.txt");
            await File.WriteAllTextAsync(notAForm, "关于召开会议的通知\n请各单位准时参加。\n");
            (exit, _, error) = await Import(notAForm);
            Assert.Equal(2, exit);
            Assert.Contains("不是绩效目标表", error);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Save_creates_the_unit_and_asks_before_replacing(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var folder = Directory.CreateTempSubdirectory("jixiao-cli-").FullName;
        try
        {
            string[] Where(params string[] args) => test.Provider == "postgres"
                ? [.. args, "--database", test.ConnectionString]
                : [.. args, "--data", folder];

            var (exit, output, error) = await Import(Where(Seeds.PathOf("003"), "--save", "--unit", "202001", "--year", "2024"));
            Assert.True(exit == 0, error);
            Assert.Contains("新建 5 个项目", output);

            (exit, _, error) = await Import(Where(Seeds.PathOf("003"), "--save", "--unit", "202001", "--year", "2024"));
            Assert.Equal(3, exit);
            Assert.Contains("--replace", error);

            (exit, output, _) = await Import(Where(Seeds.PathOf("003"), "--save", "--unit", "202001", "--year", "2024", "--replace"));
            Assert.Equal(0, exit);
            Assert.Contains("替换为新版本 5 个", output);

            await using var db = await Database.OpenAsync(folder, test.Provider == "postgres" ? test.ConnectionString : null);
            var unit = await db.BudgetUnits.SingleAsync();
            Assert.Equal("202001", unit.Code);
            Assert.Equal(5, await db.Projects.CountAsync(p => p.BudgetUnitId == unit.Id && p.FiscalYear == 2024));
            Assert.Equal(5, await db.ProjectVersions.CountAsync());
            var first = db.InFormOrder(await db.Projects.AsSplitQuery().FirstAsync(p => p.Form.Code == "13052924P00584012422H"));
            Assert.Equal(2_000_000m, first.Form.Funding.Total);
            Assert.Equal("180元/人/天", first.Form.Indicators.Single(i => i.Name == "人均财政投入水平").AnnualTarget!.Raw);
            Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.UserName!.StartsWith("cli:"));
            // Each run kept the file and what came of it, the refused one included.
            var records = await db.ImportRecords.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([ImportOutcome.Saved, ImportOutcome.Previewed, ImportOutcome.Saved], records.Select(r => r.Outcome));
            Assert.All(records, r => Assert.Equal(new FileInfo(Seeds.PathOf("003")).Length, r.Size));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_self_evaluation_is_saved_and_replaced_with_its_execution_rows(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var folder = Directory.CreateTempSubdirectory("jixiao-cli-").FullName;
        try
        {
            var form = Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", "selfeval-national.txt");
            string[] Where(params string[] args) => test.Provider == "postgres"
                ? [.. args, "--database", test.ConnectionString]
                : [.. args, "--data", folder];

            var (exit, _, error) = await Import(Where(form, "--save", "--unit", "某某区信访局"));
            Assert.True(exit == 0, error);
            (exit, _, error) = await Import(Where(form, "--save", "--unit", "某某区信访局", "--replace"));
            Assert.True(exit == 0, error);

            await using var db = await Database.OpenAsync(folder, test.Provider == "postgres" ? test.ConnectionString : null);
            var project = db.InFormOrder(await db.Projects.AsSplitQuery().SingleAsync());
            Assert.Equal(2023, project.FiscalYear);
            var e = project.Form.SelfEvaluation!;
            Assert.Equal(("万元", 93.14m, EvaluationGrade.Excellent), (e.SourceUnit, e.TotalScore, e.Grade));
            Assert.StartsWith("全年接待群众来访3216人次", e.AnnualGoalActual);
            Assert.Equal(["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"], e.Execution.Select(x => x.Name));
            Assert.Equal((FundingItem.AnnualRequest, 465000m, 96.88m), (e.Execution[0].Item, e.Execution[0].Executed, e.Execution[0].BudgetExecutionRate));
            var repeat = project.Form.Indicators.Single(i => i.Name == "重复信访率");
            Assert.Equal(("6.1%", 15.6m), (repeat.Actual!.Raw, repeat.Score));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_jixiao_executable_lists_its_subcommands()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "jixiao.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--help"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var help = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        foreach (var command in new[] { "serve", "import", "check" }) Assert.Contains(command, help);
    }
}
