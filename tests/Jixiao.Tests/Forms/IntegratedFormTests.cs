using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// What the forms of the provincial integrated budget systems state beyond the older layouts
// (domain.md §10): 项目性质 apart from 项目类别, dates under their own labels, 建设周期, 项目期, and the
// years in the label of 项目总体目标. A field left blank is read with a located warning.
public class IntegratedFormTests
{
    static FormDocument ReadText(string text)
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("form.txt");
        File.WriteAllText(path, text);
        return DocumentReader.Read(path);
    }

    [Fact]
    public void Nature_class_dates_term_and_goal_years()
    {
        var d = ReadText("""
            项目支出绩效目标申报表
            预算年度	2026
            项目名称	信访代理服务	主管部门	某市信访局
            项目性质	阶段性	项目类别	特定目标类
            项目开始时间	2024-01-01	项目结束时间	2026-12-31
            项目期	3年
            项目总体目标(2024年-2026年)	三年内建成全市信访代理网络。
            年度总体目标	全年代理信访事项不少于300件。
            """);
        Assert.Equal(2026, d.FiscalYear);
        var p = Assert.Single(d.Projects);
        Assert.Equal((ProjectNature.Phased, ProjectClass.SpecificPurpose, "2024-01-01", "2026-12-31", "3年"),
            (p.Nature!.Value, p.Class!.Value, p.StartDate, p.EndDate, p.Term));
        Assert.Equal(("2024年-2026年", "三年内建成全市信访代理网络。"), (p.LongTermGoalYears, p.LongTermGoal));
        Assert.Null(p.Category);
        Assert.Empty(p.Sections);
        Assert.Empty(d.Warnings);
    }

    [Theory]
    [InlineData("经常性", ProjectNature.Recurring)]
    [InlineData("一次性项目", ProjectNature.OneOff)]
    [InlineData("阶段性", ProjectNature.Phased)]
    [InlineData("☐经常性 ☑一次性 ☐阶段性", ProjectNature.OneOff)]
    public void Nature_words(string value, ProjectNature nature) =>
        Assert.Equal(nature, Assert.Single(ReadText($"项目名称\t甲\n项目性质\t{value}\n").Projects).Nature);

    [Theory]
    [InlineData("人员类", ProjectClass.Personnel)]
    [InlineData("其他运转类", ProjectClass.Operation)]
    [InlineData("公用经费", ProjectClass.Operation)]
    [InlineData("特定目标类", ProjectClass.SpecificPurpose)]
    public void Class_words(string value, ProjectClass projectClass)
    {
        var d = ReadText($"项目名称\t甲\n项目类别\t{value}\n");
        var p = Assert.Single(d.Projects);
        Assert.Equal((projectClass, (ProjectCategory?)null), (p.Class!.Value, p.Category));
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Older_category_words_stay_categories() =>
        Assert.Equal((ProjectCategory.Recurring, (ProjectClass?)null),
            (Assert.Single(ReadText("项目名称\t甲\n项目类别\t经常性项目\n").Projects) is var p ? (p.Category!.Value, p.Class) : default));

    [Fact]
    public void Unknown_nature_is_kept_and_warned()
    {
        var d = ReadText("项目名称\t甲\n项目性质\t长期\n");
        var p = Assert.Single(d.Projects);
        Assert.Null(p.Nature);
        Assert.Equal("长期", p.Sections["项目性质"]);
        Assert.Contains(d.Warnings, w => w.Where == "第2行第1格" && w.Message == "项目性质无法识别：长期");
    }

    [Theory]
    [InlineData("2023年4月-2024年2月", "2023-04", "2024-02")]
    [InlineData("2023.04-2024.02", "2023-04", "2024-02")]
    [InlineData("2024年1月1日至2024年12月31日", "2024-01-01", "2024-12-31")]
    public void Build_period_gives_both_dates(string period, string start, string end)
    {
        var p = Assert.Single(ReadText($"项目名称\t甲\n建设周期\t{period}\n").Projects);
        Assert.Equal((start, end), (p.StartDate, p.EndDate));
    }

    [Fact]
    public void Blank_name_supervisor_and_year_are_read_with_located_warnings()
    {
        var d = ReadText("""
            预算年度	
            项目名称		主管部门	
            实施单位	某县信访局
            项目资金总额（万元）	12
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(("", 120000m, "某县信访局"), (p.Name, p.Funding.Total, p.ImplementingUnit));
        Assert.Null(d.FiscalYear);
        Assert.Equal(["第1行第1格: 预算年度为空，请补填", "第2行第1格: 项目名称为空，已按无名项目读取，请补填", "第2行第3格: 主管部门为空，请补填"],
            d.Warnings.Select(w => $"{w.Where}: {w.Message}"));
    }

    [Fact]
    public void A_blank_name_takes_the_name_written_later()
    {
        var d = ReadText("项目名称\t\n项目编码\tX1\n项目名称\t乙项目\n");
        var p = Assert.Single(d.Projects);
        Assert.Equal(("乙项目", "X1"), (p.Name, p.Code));
    }

    [Fact]
    public void A_file_without_any_form_is_refused_with_its_reason()
    {
        var e = Assert.Throws<FormReadException>(() => ReadText("会议纪要\n今天讨论了下一年的工作安排。\n"));
        Assert.Contains("不是绩效目标表", e.Message);
    }
}
