using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// The reader's last stage: cells no stage took come back as warnings at their own place.
public class CellAccountingTests
{
    static CellGrid Grid(params string[][] rows)
    {
        var grid = new CellGrid { File = "t.txt" };
        for (var r = 0; r < rows.Length; r++)
            grid.Rows.Add(new GridRow($"第{r + 1}行", rows[r].Select((t, c) => new Cell(t, $"第{r + 1}行第{c + 1}格")).ToList()));
        return grid;
    }

    [Fact]
    public void A_form_read_whole_has_every_cell_taken_and_no_accounting_warning()
    {
        var grid = Grid(
            ["项目名称", "信访信息系统运维"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "系统运行天数", "≥365天"]);
        var (document, used) = FormReader.ReadAccounted(grid);
        Assert.DoesNotContain(document.Warnings, w => w.Message.StartsWith("未读入的文字"));
        Assert.All(grid.Rows.SelectMany(r => r.Cells), c => Assert.Contains(c.Where, used));
    }

    // 资金支出计划 reads the percentages under its milestones; a cell beside them under no milestone
    // was dropped before the accounting stage; now it is a warning at its cell.
    [Fact]
    public void A_cell_no_stage_takes_is_a_warning_at_its_place()
    {
        var grid = Grid(
            ["项目名称", "信访信息系统运维"],
            ["资金支出计划", "截至3月", "截至6月", "截至9月", "截至12月", ""],
            ["", "20%", "50%", "80%", "100%", "另附说明"]);
        var (document, used) = FormReader.ReadAccounted(grid);
        Assert.Equal([20m, 50m, 80m, 100m], document.Projects[0].SpendingPlan.Select(m => m.CumulativePercent!.Value));
        var warning = Assert.Single(document.Warnings, w => w.Message.StartsWith("未读入的文字"));
        Assert.Equal("第3行第6格", warning.Where);
        Assert.Equal("未读入的文字：另附说明", warning.Message);
        Assert.DoesNotContain("第3行第6格", used);
    }

    [Theory]
    [InlineData(41, 40, "…")]
    [InlineData(40, 40, "")]
    public void A_long_text_is_shortened_in_the_warning(int length, int kept, string ellipsis)
    {
        var grid = Grid(
            ["项目名称", "信访信息系统运维"],
            ["资金支出计划", "截至6月", "截至12月", ""],
            ["", "50%", "100%", new string('甲', length)]);
        var warning = Assert.Single(FormReader.Read(grid).Warnings, w => w.Message.StartsWith("未读入的文字"));
        Assert.Equal("未读入的文字：" + new string('甲', kept) + ellipsis, warning.Message);
    }

    // A second 一级指标 column: the reader takes the first level-1 cell of a row; the other is reported.
    [Fact]
    public void An_indicator_row_reports_the_cell_of_a_column_it_does_not_read()
    {
        var grid = Grid(
            ["项目名称", "信访信息系统运维"],
            ["一级指标", "二级指标", "三级指标", "指标值", "一级指标"],
            ["产出指标", "数量指标", "系统运行天数", "≥365天", "效益指标"]);
        var (document, _) = FormReader.ReadAccounted(grid);
        Assert.Equal("产出指标", document.Projects[0].Indicators[0].Level1);
        var warning = Assert.Single(document.Warnings, w => w.Message.StartsWith("未读入的文字"));
        Assert.Equal("第3行第5格", warning.Where);
    }
}
