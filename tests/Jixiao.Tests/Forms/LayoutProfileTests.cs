using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// Layout profiles are data (src/Jixiao/Forms/Profiles/labels.json): the generic labels always apply,
// a profile's labels are added when its marks score best on the form.
public class LayoutProfileTests
{
    static CellGrid Grid(params string[][] rows)
    {
        var grid = new CellGrid { File = "t.txt" };
        for (var i = 0; i < rows.Length; i++)
            grid.Rows.Add(new GridRow($"第{i + 1}行", rows[i].Select((t, c) => new Cell(t, $"第{i + 1}行第{c + 1}格")).ToList()));
        return grid;
    }

    static FormDocument ReadText(string text)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("form.txt");
        File.WriteAllText(path, text);
        return DocumentReader.Read(path);
    }

    [Fact]
    public void The_data_file_loads_with_every_path_known()
    {
        Assert.Contains("项目资金总额", LabelSet.Words);
        Assert.Equal(Field.Total, LabelSet.Generic.Match("项目资金总额（万元）")!.Field);
        Assert.Equal(Column.AnnualTarget, LabelSet.Generic.MatchColumn("年度指标值"));
        Assert.All(LabelSet.Profiles, p => Assert.True(p.MinScore >= 1 && p.Marks.Count >= p.MinScore, p.Id));
    }

    [Fact]
    public void No_marks_or_too_few_keep_the_generic_labels()
    {
        Assert.Null(LabelSet.Choose(Grid(["项目名称", "甲"], ["项目期限", "3年"])));
        Assert.Null(LabelSet.Choose(Grid(["项目名称", "甲"], ["项目执行单位", "乙"])));   // one mark, two needed
        Assert.Same(LabelSet.Generic, LabelSet.For(Grid(["项目名称", "甲"])));
    }

    [Fact]
    public void Enough_marks_choose_the_profile()
    {
        var grid = Grid(["项目名称", "甲"], ["项目执行单位", "乙"], ["长期绩效目标", "丙"]);
        Assert.Equal("jiangxi-project-library", LabelSet.Choose(grid)!.Id);
        Assert.Equal(Field.Term, LabelSet.For(grid).Match("项目期限")!.Field);
        Assert.Equal(Field.Period, LabelSet.Generic.Match("项目期限")!.Field);   // the profile overrides, the generic stays
    }

    // The profile added in issue 12: 江西's project library form, where 项目期限 is a length ("3年")
    // rather than a range of dates, and its own words for the units and the long-term goal.
    [Fact]
    public void Jiangxi_project_library_form_reads_with_its_profile()
    {
        var d = ReadText("""
            江西省省级项目库项目申报表
            项目名称	信访矛盾纠纷多元化解
            项目主管部门	江西省某市信访局	项目执行单位	某县信访局
            项目期限	3年	项目性质	经常性
            长期绩效目标	三年内矛盾纠纷化解率稳定在90%以上。
            年度绩效目标	全年化解矛盾纠纷不少于500件。
            """);
        Assert.Equal("jiangxi-project-library", d.Source.Profile);
        Assert.Equal("江西省某市信访局", d.Unit.SupervisingDepartment);
        var p = Assert.Single(d.Projects);
        Assert.Equal(("某县信访局", "3年", ProjectNature.Recurring), (p.ImplementingUnit, p.Term, p.Nature!.Value));
        Assert.Equal(("三年内矛盾纠纷化解率稳定在90%以上。", "全年化解矛盾纠纷不少于500件。"), (p.LongTermGoal, p.AnnualGoal));
        Assert.Null(p.StartDate);
        Assert.Empty(p.Sections);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Without_the_profile_a_length_under_项目期限_is_kept_as_a_section()
    {
        var d = ReadText("项目名称\t甲\n项目期限\t3年\n");
        Assert.Null(d.Source.Profile);
        var p = Assert.Single(d.Projects);
        Assert.Null(p.Term);
        Assert.Equal("3年", p.Sections["项目期限"]);
    }

    // The second profile, added in issue 12 by one entry in labels.json (and the corpus form
    // shandong-undertaking-unit): 山东's 项目承担单位 / 项目主管单位 / 当年绩效目标 / 实施期绩效目标.
    [Fact]
    public void Shandong_undertaking_unit_form_reads_with_its_profile()
    {
        var d = ReadText("""
            山东省项目绩效目标申报表
            项目名称	信访事项改革经费
            项目主管单位	山东省某某厅	项目承担单位	某某市信访局
            项目实施期	2年
            实施期绩效目标	两年内全覆盖。
            当年绩效目标	建成16个中心。
            """);
        Assert.Equal("shandong-undertaking-unit", d.Source.Profile);
        Assert.Equal("山东省某某厅", d.Unit.SupervisingDepartment);
        var p = Assert.Single(d.Projects);
        Assert.Equal(("某某市信访局", "2年"), (p.ImplementingUnit, p.Term));
        Assert.Equal(("两年内全覆盖。", "建成16个中心。"), (p.LongTermGoal, p.AnnualGoal));
        Assert.Empty(p.Sections);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void One_shandong_mark_is_not_enough_and_the_words_stay_unknown()
    {
        Assert.Null(LabelSet.Choose(Grid(["项目名称", "甲"], ["项目承担单位", "乙"])));
        var d = ReadText("项目名称\t甲\n项目承担单位\t乙\n");
        Assert.Null(d.Source.Profile);
        Assert.Null(Assert.Single(d.Projects).ImplementingUnit);
    }
}
