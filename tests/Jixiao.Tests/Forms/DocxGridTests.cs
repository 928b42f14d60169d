using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Forms;
using static Jixiao.Tests.Forms.Docx;

namespace Jixiao.Tests.Forms;

public class DocxGridTests
{
    static CellGrid ReadDocx(TempFolder dir, params OpenXmlElement[] blocks)
    {
        var path = dir.PathOf("表.docx");
        Write(path, blocks);
        return GridReader.Read(path);
    }

    static string[][] Texts(CellGrid grid) => grid.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray();

    [Fact]
    public void Paragraphs_become_one_cell_rows_and_tables_rows_of_cells()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir,
            P("财政项目支出绩效目标申报表"),
            P(""),
            Table(
                Row(Cell("项目名称"), Cell("课题与规划")),
                Row(Cell("主管部门"), Cell("  松江区信访办  "))),
            P("填报日期：2023年1月"));

        Assert.Equal("表.docx", grid.File);
        Assert.Equal(
            [["财政项目支出绩效目标申报表"], ["项目名称", "课题与规划"], ["主管部门", "松江区信访办"], ["填报日期：2023年1月"]],
            Texts(grid));
        Assert.Equal(["第1段", "表格1 第1行", "表格1 第2行", "第3段"], grid.Rows.Select(r => r.Where));
        Assert.Equal("第1段", grid.Rows[0].Cells[0].Where);
        Assert.Equal("表格1 第2行 第2列", grid.Rows[2].Cells[1].Where);
    }

    [Fact]
    public void Merged_cells_leave_empty_cells_so_columns_stay_aligned()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir, Table(
            Row(Cell("一级指标"), Cell("二级指标"), Cell("三级指标"), Cell("指标值")),
            Row(Cell("产出指标", vmerge: MergedCellValues.Restart), Cell("数量指标"), Cell("受理件数"), Cell("≥200件")),
            Row(Cell("", vmerge: MergedCellValues.Continue), Cell("质量指标"), Cell("及时受理率"), Cell("=100%")),
            Row(Cell("备注", span: 3), Cell("无"))));

        Assert.Equal(
            [
                ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "受理件数", "≥200件"],
                ["", "质量指标", "及时受理率", "=100%"],
                ["备注", "", "", "无"],
            ],
            Texts(grid));
        Assert.Equal(["表格1 第4行 第1列", "表格1 第4行 第2列", "表格1 第4行 第3列", "表格1 第4行 第4列"],
            grid.Rows[3].Cells.Select(c => c.Where));
        // The merges keep their shape: spans on the cell with the text, the covered cells name it.
        Assert.Equal((1, 2), (grid.Rows[1].Cells[0].Columns, grid.Rows[1].Cells[0].Rows));
        Assert.Equal("表格1 第2行 第1列", grid.Rows[2].Cells[0].MergedInto);
        Assert.Equal((3, 1), (grid.Rows[3].Cells[0].Columns, grid.Rows[3].Cells[0].Rows));
        Assert.Equal(["表格1 第4行 第1列", "表格1 第4行 第1列", null], grid.Rows[3].Cells.Skip(1).Select(c => c.MergedInto));
        Assert.All(grid.Rows[1].Cells.Skip(1), c => Assert.Equal((1, 1, (string?)null), (c.Columns, c.Rows, c.MergedInto)));
    }

    [Fact]
    public void Text_left_in_a_vertical_merge_continuation_is_not_repeated()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir, Table(
            Row(Cell("效益指标", vmerge: MergedCellValues.Restart), Cell("社会效益")),
            Row(Cell("效益指标", vmerge: MergedCellValues.Continue), Cell("满意度"))));

        Assert.Equal([["效益指标", "社会效益"], ["", "满意度"]], Texts(grid));
    }

    [Fact]
    public void Checkboxes_of_every_kind_arrive_as_ticked_or_empty_boxes()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir,
            P(CheckboxControl(true), TextRun("一次性项目 "), CheckboxControl(false), TextRun("经常性项目")),
            P([.. FormCheckbox(true), TextRun("立项和计划 "), .. FormCheckbox(false), TextRun("实施")]),
            P(Symbol("Wingdings", "F0FE"), TextRun("新增 "), Symbol("Wingdings", "F0A8"), TextRun("延续")),
            P(FontRun("Wingdings 2", "R"), TextRun("是 "), FontRun("Wingdings 2", "£"), TextRun("否")),
            P("■中期预算 □试点 ☒其他 ☐无"));

        Assert.Equal(
            ["☑一次性项目 ☐经常性项目", "☑立项和计划 ☐实施", "☑新增 ☐延续", "☑是 ☐否", "☑中期预算 ☐试点 ☑其他 ☐无"],
            grid.Rows.Select(r => r.Cells.Single().Text));
    }

    [Fact]
    public void Checkboxes_inside_table_cells_are_read_too()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir, Table(Row(
            Cell("项目类别"),
            Cell([P(CheckboxControl(false), TextRun("一次性项目"), CheckboxControl(true), TextRun("经常性项目"))]))));

        Assert.Equal([["项目类别", "☐一次性项目☑经常性项目"]], Texts(grid));
    }

    [Fact]
    public void A_nested_table_follows_the_row_that_holds_it()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir,
            Table(
                Row(Cell("项目资金"), Cell([P("明细如下："), Table(Row(Cell("财政拨款"), Cell("10")), Row(Cell("其他资金"), Cell("0")))])),
                Row(Cell("项目总目标"), Cell("完成课题"))),
            Table(Row(Cell("末表"))));

        Assert.Equal(
            [["项目资金", "明细如下："], ["财政拨款", "10"], ["其他资金", "0"], ["项目总目标", "完成课题"], ["末表"]],
            Texts(grid));
        Assert.Equal(["表格1 第1行", "表格2 第1行", "表格2 第2行", "表格1 第2行", "表格3 第1行"], grid.Rows.Select(r => r.Where));
    }

    [Fact]
    public void Cell_paragraphs_and_line_breaks_become_lines_of_one_cell()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir, Table(Row(
            Cell([P("1、提高复查权威性；"), P(new Run(new Text("2、提升化解率"), new Break(), new Text("3、提高满意度")))]))));

        Assert.Equal("1、提高复查权威性；\n2、提升化解率\n3、提高满意度", grid.Rows.Single().Cells.Single().Text);
    }

    [Fact]
    public void Deleted_text_and_field_codes_are_left_out()
    {
        using var dir = new TempFolder();
        var grid = ReadDocx(dir, P(
            TextRun("目标值："),
            new DeletedRun(new Run(new DeletedText("90%"))),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("95%"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));

        Assert.Equal("目标值：95%", grid.Rows.Single().Cells.Single().Text);
    }

    [Fact]
    public void A_row_that_starts_after_skipped_grid_columns_keeps_its_columns()
    {
        using var dir = new TempFolder();
        var row = Row(Cell("数量指标"), Cell("≥200次"));
        row.PrependChild(new TableRowProperties(new GridBefore { Val = 1 }));
        var grid = ReadDocx(dir, Table(Row(Cell("产出指标"), Cell("数量指标"), Cell("≥100次")), row));

        Assert.Equal([["产出指标", "数量指标", "≥100次"], ["", "数量指标", "≥200次"]], Texts(grid));
    }
}
