using System.Diagnostics;
using Jixiao.Forms;
using NPOI.HSSF.UserModel;
using NPOI.SS.Util;

namespace Jixiao.Tests.Forms;

public class SheetGridTests
{
    static string[][] Texts(CellGrid grid) => grid.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray();

    [Fact]
    public void Xlsx_cells_carry_their_sheet_and_address()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("申报表.xlsx");
        Xlsx.Write(path,
            new Xlsx.Sheet("申报表", [
                ["项目名称", "课题与规划"],
                [],
                ["年度预算", 10.5, null, "万元"],
                [null, "满意度", Xlsx.Percent(0.85)],
                ["计划开始日期", Xlsx.Date(45292)],
            ]),
            new Xlsx.Sheet("Sheet2", [[null, "☒ 已审核"]]));

        var grid = GridReader.Read(path);

        Assert.Equal(
            [
                ["项目名称", "课题与规划"],
                ["年度预算", "10.5", "", "万元"],
                ["", "满意度", "85%"],
                ["计划开始日期", "2024-01-01"],
                ["", "☑ 已审核"],
            ],
            Texts(grid));
        Assert.Equal(["申报表 第1行", "申报表 第3行", "申报表 第4行", "申报表 第5行", "Sheet2 第1行"], grid.Rows.Select(r => r.Where));
        Assert.Equal(["申报表!A4", "申报表!B4", "申报表!C4"], grid.Rows[2].Cells.Select(c => c.Where));
        Assert.Equal("Sheet2!B1", grid.Rows[4].Cells[1].Where);
    }

    [Fact]
    public void Xlsx_merged_region_keeps_its_value_in_the_top_left_cell_only()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("指标.xlsx");
        Xlsx.Write(path, new Xlsx.Sheet("Sheet1",
            [
                ["一级指标", "二级指标", "指标值"],
                ["产出指标", "数量指标", "≥200次"],
                ["产出指标（残留）", "质量指标", "100%"],
                ["合计", "合计（残留）", "无"],
            ],
            ["A2:A3", "A4:B4"]));

        var grid = GridReader.Read(path);

        Assert.Equal(
            [["一级指标", "二级指标", "指标值"], ["产出指标", "数量指标", "≥200次"], ["", "质量指标", "100%"], ["合计", "", "无"]],
            Texts(grid));
        Assert.Equal("Sheet1!C4", grid.Rows[3].Cells[2].Where);
        Assert.Equal((1, 2), (grid.Rows[1].Cells[0].Columns, grid.Rows[1].Cells[0].Rows));
        Assert.Equal("Sheet1!A2", grid.Rows[2].Cells[0].MergedInto);
        Assert.Equal((2, 1), (grid.Rows[3].Cells[0].Columns, grid.Rows[3].Cells[0].Rows));
        Assert.Equal(["Sheet1!A4", null], grid.Rows[3].Cells.Skip(1).Select(c => c.MergedInto));
        Assert.Null(grid.Rows[1].Cells[1].MergedInto);
    }

    [Fact]
    public void Xlsx_with_a_million_rows_is_refused_quickly_at_the_row_limit()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("百万行.xlsx");
        Xlsx.WriteManyRows(path, 1_000_000);

        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<FormReadException>(() => GridReader.Read(path));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        clock.Stop();

        Assert.Contains("百万行.xlsx", e.Message);
        Assert.Contains($"超过 {GridReader.MaxRows} 行的上限", e.Message);
        Assert.Contains($"第 {GridReader.MaxRows + 1} 行", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        // About 30 MB on this machine; a reader that built the sheet's XML tree would need gigabytes.
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void Xlsx_at_the_row_limit_is_read_whole()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("两万行.xlsx");
        Xlsx.WriteManyRows(path, GridReader.MaxRows);

        var grid = GridReader.Read(path);

        Assert.Equal(GridReader.MaxRows, grid.Rows.Count);
        Assert.Equal("20000", grid.Rows[^1].Cells.Single().Text);
        Assert.Equal("Sheet1!A20000", grid.Rows[^1].Cells.Single().Where);
    }

    [Fact]
    public void Legacy_xls_is_read_with_merges_numbers_and_percentages()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("旧表.xls");
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet("绩效目标");
        var percent = workbook.CreateCellStyle();
        percent.DataFormat = HSSFDataFormat.GetBuiltinFormat("0%");
        string?[][] rows =
        [
            ["一级指标", "三级指标", "指标值"],
            ["产出指标", "受理件数", null],
            ["产出指标（残留）", "及时受理率", null],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = sheet.CreateRow(r);
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is { } text) row.CreateCell(c).SetCellValue(text);
        }
        sheet.GetRow(1).CreateCell(2).SetCellValue(200);
        var rate = sheet.GetRow(2).CreateCell(2);
        rate.SetCellValue(0.95);
        rate.CellStyle = percent;
        sheet.AddMergedRegion(new CellRangeAddress(1, 2, 0, 0));
        using (var stream = File.Create(path)) workbook.Write(stream);

        var grid = GridReader.Read(path);

        Assert.Equal([["一级指标", "三级指标", "指标值"], ["产出指标", "受理件数", "200"], ["", "及时受理率", "95%"]], Texts(grid));
        Assert.Equal("绩效目标!C3", grid.Rows[2].Cells[2].Where);
    }
}
