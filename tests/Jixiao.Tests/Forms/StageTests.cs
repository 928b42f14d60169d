using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// The stages added for shapes the seeds do not have, each on its own.
public class StageTests
{
    static string Show(CellGrid grid) => string.Join("\n", grid.Rows.Select(r => r.Where + ": " + string.Join(" | ", r.Cells.Select(c => c.Text + "@" + c.Where))));

    // A web page's table, one cell per line, each row closed by " |" or a lone "|".
    [Fact]
    public void Marked_rows_close_at_the_marks_and_keep_each_cell_line()
    {
        var grid = TextGrid.Parse("标题\n（2025年度）\n\n项目名称\n甲 |\n一级指标\n二级指标\n|\n产出指标 |\n注：说明\n", "t.txt");
        Assert.Equal("""
            第1行: 标题@第1行第1格
            第2行: （2025年度）@第2行第1格
            第4-5行: 项目名称@第4行 | 甲@第5行
            第6-7行: 一级指标@第6行 | 二级指标@第7行
            第9行: 产出指标@第9行
            第10行: 注：说明@第10行第1格
            """.Replace("\r", ""), Show(grid));
    }

    [Theory]
    [InlineData("项目名称\n甲 |\n实施单位\n乙 |\n")]                      // two marks: too few to be sure
    [InlineData("项目名称\t甲 |\n实施单位\t乙 |\n一级\t二级 |\n")]          // tabs: a tab-separated table
    [InlineData("| 项目名称 | 甲 |\n| 实施单位 | 乙 |\n| 一级 | 二级 |\n")] // a markdown table: "|" inside the line
    public void Without_enough_plain_marks_lines_stay_lines(string text) => Assert.Null(TextGrid.MarkedRows(text));

    [Fact]
    public void Exactly_three_marks_make_marked_rows() =>
        Assert.Equal(3, TextGrid.MarkedRows("a\nb |\nc\n|\nd |\n")!.Count);

    [Fact]
    public void Traditional_grids_are_simplified_cell_by_cell()
    {
        var grid = new CellGrid { File = "t.txt" };
        grid.Rows.Add(new GridRow("第1行", [new Cell("項目名稱", "A1"), new Cell("信訪事項辦理", "B1")]));
        grid.Rows.Add(new GridRow("第2行", [new Cell("年度資金總額", "A2"), new Cell("不低於95%", "B2")]));
        Assert.True(Traditional.IsTraditional(grid));
        var simplified = Traditional.Simplify(grid);
        Assert.Equal(["项目名称@A1", "信访事项办理@B1", "年度资金总额@A2", "不低于95%@B2"],
            simplified.Rows.SelectMany(r => r.Cells).Select(c => c.Text + "@" + c.Where));
    }

    [Theory]
    [InlineData("項目 名称", false)]          // one mark character
    [InlineData("項目名稱", false)]           // two
    [InlineData("項目名稱 主管部門", true)]   // three: 項 稱 門
    [InlineData("项目名称 主管部门", false)]
    public void Traditional_needs_three_distinct_label_characters(string text, bool traditional)
    {
        var grid = new CellGrid { File = "t.txt" };
        grid.Rows.Add(new GridRow("第1行", [new Cell(text, "A1")]));
        Assert.Equal(traditional, Traditional.IsTraditional(grid));
    }

    [Fact]
    public void A_simplified_form_is_read_as_written_and_without_a_warning()
    {
        var grid = TextGrid.Parse("项目名称\t信訪室改造\n", "t.txt");   // a stray traditional character in a name
        var d = FormReader.Read(grid);
        Assert.Equal("信訪室改造", Assert.Single(d.Projects).Name);
        Assert.Empty(d.Warnings);
    }

    // Text from a PDF breaks a long label over two lines; the parts are one label.
    [Fact]
    public void Wrapped_label_is_joined_with_both_places()
    {
        var d = FormReader.Read(TextGrid.Parse("项目名称    甲\n年度绩效\n目标        全年完成20个乡镇接待室改造。\n", "t.txt"));
        var p = Assert.Single(d.Projects);
        Assert.Equal("全年完成20个乡镇接待室改造。", p.AnnualGoal);
        Assert.Empty(p.Sections);
    }

    [Theory]
    [InlineData("（2025年度）\n项目名称    甲\n")]     // brackets and digits: a year line, not a label's head
    [InlineData("项目\n名称    甲\n")]                 // "项目" + "名称": one label over two lines
    public void Only_letters_join_a_label(string text)
    {
        var d = FormReader.Read(TextGrid.Parse(text, "t.txt"));
        Assert.Equal("甲", Assert.Single(d.Projects).Name);
    }

    [Fact]
    public void A_head_that_is_a_label_itself_is_not_joined()
    {
        // "项目名称" is already a label: the next line's "实施单位" starts its own row.
        var d = FormReader.Read(TextGrid.Parse("项目名称    甲\n实施单位\n乙单位    丙\n", "t.txt"));
        Assert.Equal("甲", Assert.Single(d.Projects).Name);
    }
}
