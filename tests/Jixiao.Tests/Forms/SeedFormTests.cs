using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

public class SeedFormTests
{
    public static TheoryData<string> SeedNames => new(["000", "001", "002", "003", "004"]);

    static FormDocument Read(string seed) => FormReader.Read(TextGrid.Read(Seeds.PathOf(seed)));

    static string ExpectedPath(string seed) =>
        Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Expected", seed + ".json");

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Seed_reads_into_the_expected_document(string seed)
    {
        var expected = JsonNode.Parse(File.ReadAllText(ExpectedPath(seed)));
        var actual = JsonSerializer.SerializeToNode(Read(seed), Interchange.Json);
        var differences = JsonDiff.Compare(expected, actual);
        Assert.True(differences.Count == 0, JsonDiff.Describe(differences));
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Every_cell_text_of_the_seed_appears_in_the_output(string seed)
    {
        var grid = TextGrid.Read(Seeds.PathOf(seed));
        var json = JsonSerializer.Serialize(FormReader.Read(grid), Interchange.Json);
        var missing = SourceCoverage.Missing(grid, json);
        Assert.True(missing.Count == 0, string.Join("\n", missing.Take(30)));
    }

    [Fact]
    public void Coverage_check_notices_a_dropped_text()
    {
        var grid = TextGrid.Read(Seeds.PathOf("000"));
        var document = FormReader.Read(grid);
        document.Projects[0].Sections.Remove("项目概况");
        var missing = SourceCoverage.Missing(grid, JsonSerializer.Serialize(document, Interchange.Json));
        Assert.Contains(missing, m => m.StartsWith("第15行第2格"));
    }

    [Fact]
    public void Layouts_are_named_by_family()
    {
        Assert.Equal(["shanghai-2018-three-part", "label-value-form", "packed-cells-table", "one-cell-per-line", "side-by-side-groups"],
            new[] { "000", "001", "002", "003", "004" }.Select(s => Read(s).Source.Layout));
    }

    [Fact]
    public void Songjiang_2023_has_five_projects_in_yuan()
    {
        var d = Read("001");
        Assert.Equal(2023, d.FiscalYear);
        Assert.Equal([100000m, 214167m, 78504m, 2371500m, 150000m], d.Projects.Select(p => p.Funding.Total!.Value));
        Assert.All(d.Projects, p => Assert.Equal("元", p.Funding.SourceUnit));
        Assert.Equal([9, 8, 8, 21, 14], d.Projects.Select(p => p.Indicators.Count));
        Assert.StartsWith("按照本市预算绩效管理工作的总体要求", d.Sections["绩效目标设置情况"]);
    }

    [Fact]
    public void Songjiang_damaged_rows_are_realigned_and_broken_names_joined()
    {
        var work = Read("001").Projects[3];
        Assert.Equal("维稳工作", work.Name);
        var total = work.Indicators.Single(i => i.Name == "信访总量");
        Assert.Equal(("效益指标", "社会效益指标", "下降"), (total.Level1, total.Level2, total.AnnualTarget!.Raw));
        var lost = work.Indicators.Single(i => i.Name == "越级信访量");
        Assert.Equal(TargetKind.Empty, lost.AnnualTarget!.Kind);
        var satisfaction = work.Indicators.Single(i => i.Name == "群众满意度");
        Assert.Equal(("满意度指标", "服务对象满意度指标", ">=85%"), (satisfaction.Level1, satisfaction.Level2, satisfaction.AnnualTarget!.Raw));
        var order = Read("001").Projects[2].Indicators;
        Assert.Equal("效益指标", order.Single(i => i.Name == "信息化专业人员业务提升度").Level1);
        Assert.Equal("服务对象满意度指标", order.Single(i => i.Name == "参与人群满意度").Level2);
    }

    [Fact]
    public void Liwan_packed_cells_give_ten_projects_in_wan_yuan()
    {
        var d = Read("002");
        Assert.Equal(10, d.Projects.Count);
        var first = d.Projects[0];
        Assert.Equal(("信访维稳工作专项经费", 1000000m, "万元"), (first.Name, first.Funding.Total!.Value, first.Funding.SourceUnit));
        Assert.Equal(3080000m, d.Unit.Funding!.Total);
        Assert.Equal(4, first.Indicators.Count);
        var quality = first.Indicators[0];
        Assert.Equal(("产出指标", "质量指标", "信访事项及时受理率", "100%", "100%"),
            (quality.Level1, quality.Level2, quality.Name, quality.PeriodTarget!.Raw, quality.AnnualTarget!.Raw));
        Assert.All(d.Projects, p => Assert.Equal("广州市荔湾区信访局", p.ImplementingUnit));
    }

    [Fact]
    public void Julu_one_cell_per_line_tables_are_rebuilt()
    {
        var d = Read("003");
        Assert.Equal(("202001", 5), (d.Unit.Code, d.DepartmentGoals.Count));
        Assert.Equal([2000000m, 70000m, 900000m, 100000m, 65000m], d.Projects.Select(p => p.Funding.Total!.Value));
        var first = d.Projects[0];
        Assert.Equal("13052924P00584012422H", first.Code);
        Assert.Equal([25m, 50m, 75m, 100m], first.SpendingPlan.Select(m => m.CumulativePercent!.Value));
        var cost = first.Indicators.Single(i => i.Name == "人均财政投入水平");
        Assert.Equal(("180元/人/天", "信访维稳工作值班财政补助标准", "文件规定"), (cost.AnnualTarget!.Raw, cost.Description, cost.Basis));
        Assert.Contains("完善制度建设", d.Sections["工作保障措施"]);
    }

    [Fact]
    public void Wuhai_side_by_side_groups_read_the_annual_group_and_note_unused_categories()
    {
        var d = Read("004");
        var p = Assert.Single(d.Projects);
        Assert.Equal((600000m, "万元", "2021-01", "2021-12"), (p.Funding.Total!.Value, p.Funding.SourceUnit, p.StartDate, p.EndDate));
        Assert.Equal((ProjectAttribute.Continuing, "2010308"), (p.Attribute!.Value, p.FunctionClass));
        Assert.Equal(8, p.Indicators.Count);
        Assert.All(p.Indicators, i => Assert.Null(i.PeriodTarget));
        Assert.DoesNotContain(p.Indicators, i => i.Name == "无");
        Assert.Contains("经济效益指标", p.Sections["无指标的类别"]);
        Assert.Contains("生态效益指标", p.Sections["无指标的类别"]);
        Assert.Contains(d.Unit.People, x => x is { Role: "主管部门负责人", Name: "李业勋", Phone: "1351473****" });
        Assert.Contains(d.Warnings, w => w.Where == "第53行");
    }

    [Fact]
    public void Minhang_2018_reads_people_checkboxes_and_safeguards()
    {
        var p = Read("000").Projects.Single();
        Assert.Null(p.Category);   // no box ticked
        Assert.Equal(["姚怡", "周志鹏", "张卫东", "刘海峰"], p.People.Where(x => x.Role == "项目负责人").Select(x => x.Name));
        Assert.Contains(p.People, x => x is { Role: "联系人", Name: "李青", Phone: "24033522" });
        Assert.Equal(5, p.Safeguards.Count);
        Assert.Equal(["实施阶段"], p.Safeguards[0].Stages);
        Assert.All(p.Indicators, i => Assert.Equal(TargetKind.Empty, i.AnnualTarget!.Kind));
    }
}
