using System.CommandLine;
using System.Text.Json;
using Jixiao.Features.Review;
using Jixiao.Forms;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Features.Review;

public class CheckCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("jixiao-check-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    (int Exit, string Out, string Err) Check(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CheckCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    string WriteJson(Jixiao.Domain.FormDocument doc)
    {
        var path = Path.Combine(folder, "form.json");
        File.WriteAllText(path, JsonSerializer.Serialize(doc, Interchange.Json));
        return path;
    }

    static Jixiao.Domain.FormDocument Flawed() => With(p =>
    {
        SetTarget(p, "群众满意率", "提高");
        p.Indicators.Add(Row("效益指标", "社会效益指标", "社会面防控影响力", "提高"));
    });

    [Fact]
    public void PrintsAReadableReportGroupedByProject()
    {
        var (exit, output, error) = Check(WriteJson(Flawed()));
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("总分 87（良）  错误 1 · 警告 1 · 提示 0", output);
        Assert.Contains("【项目1】信访事项办理  87分（良）", output);
        Assert.Contains("[错误] 定量指标写成模糊词（R05-vague-number）  群众满意率 · 年度指标值", output);
        Assert.Contains("“提高”无法衡量", output);
        Assert.Contains("建议：写成“≥90%”", output);
        Assert.Contains("完整性 87分 良（2项）", output);
    }

    [Fact]
    public void JsonHasFindingsScoreAndDimensions()
    {
        var (exit, output, _) = Check(WriteJson(Flawed()), "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(87, root.GetProperty("score").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal("R05-vague-number", findings[0].GetProperty("rule").GetString());
        Assert.Equal("error", findings[0].GetProperty("severity").GetString());
        Assert.Equal("群众满意率", findings[0].GetProperty("indicator").GetString());
        Assert.Equal(4, root.GetProperty("dimensions").GetArrayLength());
        Assert.Equal("完整性", root.GetProperty("dimensions")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void CleanFormExitsZero()
    {
        var (exit, output, _) = Check(WriteJson(Doc()));
        Assert.Equal(0, exit);
        Assert.Contains("未发现问题", output);
    }

    [Fact]
    public void ReadsATextFormThroughTheImporter()
    {
        var (exit, output, error) = Check(Seeds.PathOf("003"));
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("【项目5】信访专线租赁及网络维护更新费", output);
        Assert.Contains("“年度服务部门数量”是数量，指标值“≥95%”却用了%", output);
    }

    [Fact]
    public void TextThatIsNoFormExitsTwo()
    {
        var path = Path.Combine(folder, "notes.txt");
        File.WriteAllText(path, "会议纪要\n今天讨论了办公室搬迁。\n");
        var (exit, _, error) = Check(path);
        Assert.Equal(2, exit);
        Assert.Contains("不是绩效目标表", error);
    }

    [Fact]
    public void BinaryGarbageExitsTwo()
    {
        var path = Path.Combine(folder, "form.bin");
        File.WriteAllBytes(path, [1, 2, 3, 0, 0, 0, 255, 254]);
        var (exit, _, error) = Check(path);
        Assert.Equal(2, exit);
        Assert.Contains("form.bin", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void MissingFileExitsTwoWithOneChineseLine()
    {
        var missing = Path.Combine(folder, "none.json");
        var (exit, output, error) = Check(missing);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"无法读取“{missing}”：文件不存在\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void BrokenJsonSaysWhere()
    {
        var path = Path.Combine(folder, "broken.json");
        File.WriteAllText(path, "{\n  \"projects\": [\n    {\"name\": \n");
        var (exit, _, error) = Check(path);
        Assert.Equal(2, exit);
        Assert.Matches(@"^无法读取“.*broken\.json”：不是有效的交换格式 JSON（第\d+行）\n$", error.ReplaceLineEndings("\n"));
    }
}
