using System.Text;
using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// Forms in shapes the seeds do not have, written by hand in other provinces' styles (Data/).
public class HandMadeFormTests
{
    static FormDocument Read(string name) =>
        FormReader.Read(TextGrid.Read(Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", name)));

    [Fact]
    public void Pipe_separated_form_with_operator_value_and_unit_in_three_cells()
    {
        var d = Read("pipes-three-cell-values.txt");
        var p = Assert.Single(d.Projects);
        Assert.Equal((2024, "社区矛盾纠纷调解补助", "某某市司法局"), (d.FiscalYear, p.Name, d.Unit.SupervisingDepartment));
        Assert.Equal((355000m, 300000m, 55000m), (p.Funding.AnnualRequest!.Value, p.Funding.Appropriation!.Value, p.Funding.Other!.Value));

        var count = p.Indicators.Single(i => i.Name == "调解矛盾纠纷数量");
        Assert.Equal(("产出指标", "数量指标", "≥300件"), (count.Level1, count.Level2, count.AnnualTarget!.Raw));
        Assert.Equal((TargetOperator.Ge, 300m, "件"), (count.AnnualTarget.Operator!.Value, count.AnnualTarget.Value!.Value, count.AnnualTarget.Unit));
        Assert.Equal("效益指标", p.Indicators.Single(i => i.Name == "民转刑案件发生率").Level1);
        Assert.Equal("≤35.5万元", p.Indicators.Single(i => i.Name == "调解补助支出").AnnualTarget!.Raw);
        Assert.Equal("产出指标：40-50分\n效益指标：20-30分\n满意度指标：10分", p.Sections["指标分值"]);

        Assert.Contains(d.Warnings, w => w.Where == "第5行第4格" && w.Message.Contains("待定"));
        Assert.Contains(d.Warnings, w => w.Where == "第16行" && w.Message.Contains("没有指标名称"));
        Assert.Contains(d.Unit.People, x => x is { Role: "填报人", Name: "赵敏" });
        Assert.Contains(p.People, x => x is { Role: "联系电话", Phone: "0471-1234567" });
    }

    [Fact]
    public void Cells_that_ran_together_on_one_line_are_split_with_a_warning_per_line()
    {
        var d = Read("run-together.txt");
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农村饮水安全运行补助", ProjectCategory.Recurring, "2024-01", "2024-12"), (p.Name, p.Category!.Value, p.StartDate, p.EndDate));
        Assert.Equal((1200000m, 1000000m, 200000m), (p.Funding.Total!.Value, p.Funding.Fiscal!.Value, p.Funding.Other!.Value));
        Assert.Equal(["维修水厂数量", "水质达标率", "受益人口", "群众满意度"], p.Indicators.Select(i => i.Name));
        Assert.Equal(("产出指标", "质量指标", "≥95%"), (p.Indicators[1].Level1, p.Indicators[1].Level2, p.Indicators[1].AnnualTarget!.Raw));
        Assert.Equal(["第6行", "第7行", "第8行", "第9行", "第10行"], d.Warnings.Select(w => w.Where));
        Assert.Equal("本表由县水利局填报。", p.Sections["备注"]);
    }

    [Fact]
    public void Csv_with_quotes_commas_and_line_breaks_inside_cells()
    {
        var d = Read("quoted.csv");
        var p = Assert.Single(d.Projects);
        Assert.Equal(("社区养老服务补贴", "150302-2024-017", 800000m), (p.Name, p.Code, p.Funding.Total!.Value));
        Assert.Equal(["计划标准", "行业标准, 历史标准", "\"暖心养老\"工作方案", "调查问卷\n（年终）"],
            p.Indicators.Select(i => i.Basis));
        Assert.Equal(">=5000人次", p.Indicators[0].AnnualTarget!.Raw);
        Assert.Equal("质量指标", p.Indicators[1].Level2);
        Assert.Equal("产出指标", p.Indicators[1].Level1);
    }

    public static TheoryData<string> Odd => new(
    [
        "",
        "   \n\n\t\t\n",
        "床前明月光\n疑是地上霜",
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥100人次",
        "项目名称\n\n项目资金总额\t一百万\n绩效目标：",
        "项目名称：甲\n资金支出计划\t3月底\t6月底\n\t三成\t\n合计\t\t\n项目预算明细\t明细项目名称\t金额\n\t办公费\t五千",
        "\t\n\t\n\t\n\t\n",
        "制度保障\t文件名称\t具体措施\t保障阶段\n☑☐☑\t\t\t☑",
        "项目名称\t乙\n一级指标\t二级指标\t三级指标\t年度指标值\n满意度指\t服务对象\n\t标\t满意度指标\n\t\t\t\t\t\t\t\t多出来的格子",
    ]);

    [Theory]
    [MemberData(nameof(Odd))]
    public void Odd_input_never_crashes_and_every_warning_has_a_place(string text)
    {
        var d = FormReader.Read(TextGrid.Parse(text, "odd.txt"));
        Assert.NotNull(JsonSerializer.Serialize(d, Interchange.Json));
        Assert.All(d.Warnings, w => Assert.StartsWith("第", w.Where));
    }

    [Fact]
    public void Indicators_before_any_project_are_reported_not_dropped()
    {
        var d = FormReader.Read(TextGrid.Parse("一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥100人次", "x.txt"));
        var w = Assert.Single(d.Warnings);
        Assert.Equal("第2行", w.Where);
        Assert.Contains("培训人次", w.Message);
    }

    // Every seed with lines dropped, cells deleted and cells run together: the reader must still finish.
    [Theory]
    [MemberData(nameof(SeedFormTests.SeedNames), MemberType = typeof(SeedFormTests))]
    public void Damaged_seeds_still_read(string seed) => DamagedStillReads(Seeds.PathOf(seed), seed + ".txt");

    [Theory]
    [InlineData("selfeval-national.txt")]
    [InlineData("zhejiang-declaration.txt")]
    [InlineData("two-projects.txt")]
    [InlineData("sichuan-pdf-copy.txt")]
    public void Damaged_hand_made_forms_still_read(string name) =>
        DamagedStillReads(Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", name), name);

    static void DamagedStillReads(string path, string name)
    {
        var lines = File.ReadAllLines(path);
        for (var round = 0; round < 15; round++)
        {
            var random = new Random(round);
            var damaged = new StringBuilder();
            foreach (var line in lines)
            {
                if (random.NextDouble() < 0.1) continue;
                var cells = line.Split('\t').ToList();
                if (cells.Count > 1 && random.NextDouble() < 0.2) cells.RemoveAt(random.Next(cells.Count));
                var separator = random.NextDouble() < 0.1 ? " " : "\t";
                damaged.AppendLine(string.Join(separator, cells));
            }
            var d = FormReader.Read(TextGrid.Parse(damaged.ToString(), name));
            Assert.All(d.Warnings, w => Assert.StartsWith("第", w.Where));
        }
    }
}
