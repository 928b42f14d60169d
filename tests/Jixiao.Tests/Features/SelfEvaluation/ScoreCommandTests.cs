using System.CommandLine;
using System.Text;
using System.Text.Json;
using Jixiao.Features.SelfEvaluations;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.SelfEvaluations;

// `jixiao score` on the real seed forms, with actuals written here and scores worked out by hand.
public class ScoreCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("jixiao-score-").FullName;

    static ScoreCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static (int Exit, string Out, string Err) Score(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ScoreCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    string Csv(string text, Encoding? encoding = null, bool bom = false)
    {
        var path = Path.Combine(folder, $"actuals-{Guid.NewGuid():N}.csv");
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        File.WriteAllBytes(path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return path;
    }

    const string Header = "项目名称,指标名称,分值,实际完成值,得分\n";

    // Seed 004 (乌海市 信访储备金, 2021, 600,000元, no weights on the form): the national blocks split evenly,
    // 产出 50 over 4 rows = 12.5 each, 效益 30 over 3 rows = 10 each, 满意度 10 on its one row.
    const string WuhaiActuals = Header +
        "信访储备金,全年解决信访问题数量,,2起,\n" +          // =3起: 2 ÷ 3 × 12.5 = 8.3333… → 8.33
        "信访储备金,信访问题解决完成率,,99%,\n" +            // =98%: above the target → 12.5
        "信访储备金,及时解决信访突出问题,,部分达成,9\n" +      // qualitative, band 60–80% of 12.5 = 7.5–10 → 9
        "信访储备金,建立信访储备金标准,,1.5元/人,\n" +        // =1.5元/人 reached → 12.5
        "信访储备金,促进社会和谐、维护社会稳定,,达成,10\n" +  // band 8–10 → 10
        "信访储备金,解决信访人员的实际需求,,达成,8\n" +       // band 8–10 → 8
        "信访储备金,保证信访救助资金使用,,1年,\n" +           // =1年 reached → 10
        "信访储备金,信访人员满意度,,93.1%,\n" +              // =95%: 93.1 ÷ 95 × 10 = 9.8
        "信访储备金,全年执行数,,552000,\n";                  // 552,000 ÷ 600,000 × 10 = 9.2

    [Fact]
    public void Seed_004_scores_as_worked_out_by_hand()
    {
        var (exit, output, error) = Score(Seeds.PathOf("004"), "--actuals", Csv(WuhaiActuals), "--json");
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        var p = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("projects").EnumerateArray());
        Assert.Equal("信访储备金", p.GetProperty("name").GetString());
        Assert.Equal([8.33m, 12.5m, 9m, 12.5m, 10m, 8m, 10m, 9.8m],
            p.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("score").GetDecimal()));
        Assert.Equal(9.2m, p.GetProperty("executionScore").GetDecimal());
        // 8.33 + 12.5 + 9 + 12.5 + 10 + 8 + 10 + 9.8 = 80.13; + 9.2 = 89.33 → 良 (优 from 90).
        Assert.Equal(89.33m, p.GetProperty("total").GetDecimal());
        Assert.Equal("良", p.GetProperty("grade").GetString());
        // Marks lost and no cause given (the CSV has no cause column): each such row says so.
        var first = p.GetProperty("indicators")[0];
        Assert.Equal("全年解决信访问题数量", first.GetProperty("name").GetString());
        Assert.Equal(["“全年解决信访问题数量”扣分，须填写偏差原因分析及改进措施"],
            first.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Empty(p.GetProperty("indicators")[1].GetProperty("warnings").EnumerateArray());
        Assert.Empty(p.GetProperty("warnings").EnumerateArray());
        Assert.Equal(["name", "executionScore", "indicators", "total", "grade", "warnings"],
            p.EnumerateObject().Select(x => x.Name));
    }

    [Fact]
    public void Seed_002_scores_the_projects_the_file_names()
    {
        // Seed 002 (广州市荔湾区信访局, amounts in 万元, stored in 元).
        var csv = Csv(Header +
            // 信访维稳工作专项经费 (100万元): 产出 2 rows × 25, 效益 1 × 30, 满意度 1 × 10.
            "信访维稳工作专项经费,信访事项及时受理率,,97%,\n" +        // =100%: 0.97 × 25 = 24.25
            "信访维稳工作专项经费,应急处置劝返率,,100%,\n" +           // 25
            "信访维稳工作专项经费,社会稳定贡献,,达成,28\n" +           // band 24–30 → 28
            "信访维稳工作专项经费,群众满意度,,85%,\n" +               // ≥80%: 10
            "信访维稳工作专项经费,全年执行数,,980000,\n" +            // 980,000 ÷ 1,000,000 × 10 = 9.8
            // 公务接待费 (0.1万元 = 1,000元): 产出 1 row × 50, 满意度 1 × 10, no 效益 row: 60 of 90.
            "公务接待费,开展好信访督导、规范接待标准,,90%,\n" +        // =100%: 0.9 × 50 = 45
            "公务接待费,服务对象满意率,,100%,\n" +                   // 10
            "公务接待费,全年执行数,,1200元,\n");                     // above the budget: capped at 10
        var (exit, output, error) = Score(Seeds.PathOf("002"), "--actuals", csv, "--json");
        Assert.Equal(("", 0), (error, exit));
        var projects = JsonDocument.Parse(output).RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(["信访维稳工作专项经费", "公务接待费"], projects.Select(p => p.GetProperty("name").GetString()));
        // 24.25 + 25 + 28 + 10 + 9.8 = 97.05 → 优
        Assert.Equal((97.05m, "优", 9.8m), (projects[0].GetProperty("total").GetDecimal(), projects[0].GetProperty("grade").GetString(),
            projects[0].GetProperty("executionScore").GetDecimal()));
        // 45 + 10 + 10 = 65 → 中, and the weights fall short of 90.
        Assert.Equal((65m, "中", 10m), (projects[1].GetProperty("total").GetDecimal(), projects[1].GetProperty("grade").GetString(),
            projects[1].GetProperty("executionScore").GetDecimal()));
        Assert.Equal(["各指标分值合计60，应为90（总分100减预算执行率10分）"],
            projects[1].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void Points_in_the_file_replace_the_even_split_and_are_checked()
    {
        var csv = Csv(Header +
            "信访储备金,全年解决信访问题数量,20,3起,\n" +     // 20
            "信访储备金,信访问题解决完成率,10,98%,\n" +      // 10
            "信访储备金,及时解决信访突出问题,10,达成,10\n" +   // 10
            "信访储备金,建立信访储备金标准,10,1.5元/人,\n" +   // 10: 产出 50
            "信访储备金,促进社会和谐、维护社会稳定,10,达成,10\n" +
            "信访储备金,解决信访人员的实际需求,10,达成,10\n" +
            "信访储备金,保证信访救助资金使用,5,1年,\n" +      // 效益 25 of 30: flagged
            "信访储备金,信访人员满意度,10,95%,\n" +
            "信访储备金,全年执行数,,60万元,\n");              // 600,000 of 600,000 → 10
        var (exit, output, _) = Score(Seeds.PathOf("004"), "--actuals", csv, "--json");
        Assert.Equal(0, exit);
        var p = JsonDocument.Parse(output).RootElement.GetProperty("projects")[0];
        // 50 + 25 + 10 + 10 = 95
        Assert.Equal((95m, "优"), (p.GetProperty("total").GetDecimal(), p.GetProperty("grade").GetString()));
        Assert.Equal(["“效益”各三级指标分值合计25，应等于一级指标分值30", "各指标分值合计85，应为90（总分100减预算执行率10分）"],
            p.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void A_qualitative_score_outside_its_band_is_flagged_in_the_output()
    {
        var csv = Csv(Header + "信访储备金,及时解决信访突出问题,,部分达成,11\n");
        var (exit, output, _) = Score(Seeds.PathOf("004"), "--actuals", csv, "--json");
        Assert.Equal(0, exit);
        var row = JsonDocument.Parse(output).RootElement.GetProperty("projects")[0].GetProperty("indicators")[2];
        Assert.Equal(10m, row.GetProperty("score").GetDecimal());   // held to the top of 部分达成 (80% of 12.5)
        Assert.Contains(row.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("得分应在7.5–10分之间"));
    }

    [Fact]
    public void Gb18030_and_bom_files_read_alike_and_the_table_is_readable()
    {
        var gb = Encoding.GetEncoding("GB18030");
        var a = Score(Seeds.PathOf("004"), "--actuals", Csv(WuhaiActuals, gb));
        var b = Score(Seeds.PathOf("004"), "--actuals", Csv(WuhaiActuals, bom: true));
        Assert.Equal((0, 0), (a.Exit, b.Exit));
        Assert.Equal(a.Out, b.Out);
        Assert.Contains("【信访储备金】总分 89.33  自评等级 良", a.Out);
        Assert.Contains("产出 | 全年解决信访问题数量 | 3起 | 2起 | 12.5 | 8.33", a.Out);
        Assert.Contains("预算执行率 | 全年预算数 600,000元 | 全年执行数 552,000元 | 执行率 92% | 10 | 9.2", a.Out);
        Assert.Contains("等级：优≥90，良≥80，中≥60，差<60", a.Out);
    }

    [Fact]
    public void Names_not_in_the_form_exit_3_with_the_line()
    {
        var project = Score(Seeds.PathOf("004"), "--actuals", Csv(Header + "信访储备金,信访人员满意度,,95%,\n别的项目,满意度,,95%,\n"));
        Assert.Equal(3, project.Exit);
        Assert.Matches(@"^actuals-\w+\.csv 第3行：表中没有项目“别的项目”（有：信访储备金）\n$", project.Err);
        var indicator = Score(Seeds.PathOf("004"), "--actuals", Csv(Header + "信访储备金,群众满意度,,95%,\n"));
        Assert.Equal(3, indicator.Exit);
        Assert.Contains("第2行：项目“信访储备金”中没有指标“群众满意度”", indicator.Err);
        // A name used more often than the form has rows of that name.
        var twice = Score(Seeds.PathOf("004"), "--actuals", Csv(Header + "信访储备金,信访人员满意度,,95%,\n信访储备金,信访人员满意度,,95%,\n"));
        Assert.Equal(3, twice.Exit);
    }

    [Theory]
    [InlineData("项目,指标名称,分值,实际完成值,得分\n", "第1行：表头应为“项目名称,指标名称,分值,实际完成值,得分”")]
    [InlineData("", "文件为空")]
    [InlineData(Header + "信访储备金,信访人员满意度,十,95%,\n", "第2行：“分值”应为数字，填的是“十”")]
    [InlineData(Header + "信访储备金,信访人员满意度,,95%,九\n", "第2行：“得分”应为数字，填的是“九”")]
    [InlineData(Header + "信访储备金,全年执行数,,很多,\n", "第2行：全年执行数应为金额（元），填的是“很多”")]
    [InlineData(Header + "信访储备金,信访人员满意度,,95%,,多余\n", "第2行：有6列，应为5列")]
    [InlineData(Header + ",信访人员满意度,,95%,\n", "第2行：项目名称为空")]
    [InlineData(Header + "信访储备金,,,95%,\n", "第2行：指标名称为空")]
    [InlineData(Header + "信访储备金,全年执行数,,1,\n信访储备金,全年执行数,,2,\n", "第3行：项目“信访储备金”的全年执行数重复（第2行已给出）")]
    public void Unreadable_actuals_exit_2_with_one_located_line(string text, string message)
    {
        var (exit, output, error) = Score(Seeds.PathOf("004"), "--actuals", Csv(text));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("无法读取实际完成值文件：actuals-", error);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Missing_and_binary_files_exit_2()
    {
        Assert.Equal(2, Score(Seeds.PathOf("004"), "--actuals", Path.Combine(folder, "none.csv")).Exit);
        var binary = Path.Combine(folder, "b.csv");
        File.WriteAllBytes(binary, [0x50, 0x4B, 0x00, 0x01]);
        var (exit, _, error) = Score(Seeds.PathOf("004"), "--actuals", binary);
        Assert.Equal((2, "无法读取实际完成值文件：b.csv：不是文本文件（应为 CSV）\n"), (exit, error));
        var form = Score(Path.Combine(folder, "nothing.txt"), "--actuals", Csv(Header));
        Assert.Equal((2, "无法读取“" + Path.Combine(folder, "nothing.txt") + "”：文件不存在\n"), (form.Exit, form.Err));
        Assert.Equal(2, Score().Exit);
        // A declaration without actuals has nothing to score.
        Assert.Equal(2, Score(Seeds.PathOf("004")).Exit);
    }

    [Fact]
    public void A_self_evaluation_form_scores_without_an_actuals_file()
    {
        var (exit, output, _) = Score(Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", "selfeval-national.txt"), "--json");
        Assert.Equal(0, exit);
        var p = JsonDocument.Parse(output).RootElement.GetProperty("projects")[0];
        Assert.Equal((93.14m, "优", 9.69m), (p.GetProperty("total").GetDecimal(), p.GetProperty("grade").GetString(), p.GetProperty("executionScore").GetDecimal()));
    }

    [Fact]
    public async Task A_stored_project_scores_by_id()
    {
        await using var test = await TestDatabase.Create("sqlite");
        int id;
        string data;
        await using (var app = await TestApp.Start(test, demo: true))
        {
            id = await app.Db(d => d.Projects.Where(p => p.Form.Name == "人民调解与律师参与信访服务").Select(p => p.Id).SingleAsync());
            data = app.DataFolder;
        }
        var csv = Csv(Header + "人民调解与律师参与信访服务,当事人满意度,,99%,\n");
        var (exit, output, error) = Score("--project", id.ToString(), "--data", data, "--actuals", csv, "--json");
        Assert.Equal(("", 0), (error, exit));
        var p = JsonDocument.Parse(output).RootElement.GetProperty("projects")[0];
        Assert.Equal("人民调解与律师参与信访服务", p.GetProperty("name").GetString());
        Assert.Equal(2, Score("--project", "9999", "--data", data, "--actuals", csv).Exit);
    }
}
