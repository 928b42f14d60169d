using System.CommandLine;
using System.Text.Json;
using Jixiao.Features.Import;

namespace Jixiao.Tests.Features.Import;

public class ImportCommandTests
{
    static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { ImportCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["import", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    static string TempFile(string extension, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-import-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void One_file_writes_one_document()
    {
        var (exit, output, error) = Run(Seeds.PathOf("004"), "--json");
        Assert.Equal((0, ""), (exit, error));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Equal("信访储备金", json.RootElement.GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(600000m, json.RootElement.GetProperty("projects")[0].GetProperty("funding").GetProperty("total").GetDecimal());
    }

    [Fact]
    public void Several_files_write_an_array()
    {
        var (exit, output, _) = Run(Seeds.PathOf("000"), Seeds.PathOf("002"), "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal(10, json.RootElement[1].GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public void Without_json_a_summary_names_counts_and_warnings()
    {
        var (exit, output, _) = Run(Seeds.PathOf("004"));
        Assert.Equal(0, exit);
        Assert.Contains("项目 1 个，指标 8 个，警告 1 条", output);
        Assert.Contains("第53行", output);
    }

    [Fact]
    public void Missing_file_exits_2_with_one_line_reason()
    {
        var (exit, output, error) = Run("/nonexistent/form.txt", "--json");
        Assert.Equal((2, ""), (exit, output));
        Assert.Equal("无法读取 /nonexistent/form.txt：文件不存在", error.TrimEnd());
    }

    [Fact]
    public void Unknown_file_kind_exits_2()
    {
        var path = TempFile(".pages", "项目名称\t甲");
        try
        {
            var (exit, _, error) = Run(path, "--json");
            Assert.Equal(2, exit);
            Assert.Contains("不支持的文件类型（.pages）", error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Text_that_is_not_a_form_exits_2()
    {
        var path = TempFile(".txt", "床前明月光\n疑是地上霜\n");
        try
        {
            var (exit, output, error) = Run(path, "--json");
            Assert.Equal((2, ""), (exit, output));
            Assert.Contains("不是绩效目标表", error);
        }
        finally { File.Delete(path); }
    }
}
