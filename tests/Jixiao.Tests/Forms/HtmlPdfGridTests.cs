using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

public class HtmlPdfGridTests
{
    static string[][] Texts(CellGrid grid) => grid.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray();

    [Fact]
    public void Html_tables_keep_columns_aligned_under_colspan_and_rowspan()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("表.html");
        File.WriteAllText(path, """
            <!DOCTYPE html><html><head><title>标题不读</title><style>td{}</style></head><body>
            <h1>绩效目标申报表</h1>
            <p>金额单位：<b>万元</b></p>
            <table>
              <tr><th>一级</th><th>二级</th><th>三级</th><th>指标值</th></tr>
              <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>走访人数</td><td>&ge;15宗</td></tr>
              <tr><td>时效指标</td><td>及时<br>受理率</td><td>100%</td></tr>
              <tr><td colspan="3">满意度</td><td>&nbsp;</td></tr>
            </table>
            <script>document.write("不读")</script>
            <div>项目类别 <input type="checkbox" checked> 一次性 <input type="checkbox"> 经常性</div>
            </body></html>
            """);

        var grid = GridReader.Read(path);

        Assert.Equal(
            [
                ["绩效目标申报表"],
                ["金额单位：万元"],
                ["一级", "二级", "三级", "指标值"],
                ["产出指标", "数量指标", "走访人数", "≥15宗"],
                ["", "时效指标", "及时\n受理率", "100%"],
                ["满意度", "", "", ""],
                ["项目类别 ☑ 一次性 ☐ 经常性"],
            ],
            Texts(grid));
        Assert.Equal(["第1段", "第2段", "表格1 第1行", "表格1 第2行", "表格1 第3行", "表格1 第4行", "第3段"],
            grid.Rows.Select(r => r.Where));
        Assert.Equal("表格1 第3行 第2列", grid.Rows[4].Cells[1].Where);
        var origin = grid.Rows[3].Cells[0];
        Assert.Equal((1, 2, (string?)null), (origin.Columns, origin.Rows, origin.MergedInto));
        Assert.Equal(origin.Where, grid.Rows[4].Cells[0].MergedInto);
        Assert.Equal(3, grid.Rows[5].Cells[0].Columns);
        Assert.Equal([grid.Rows[5].Cells[0].Where, grid.Rows[5].Cells[0].Where, null], grid.Rows[5].Cells.Skip(1).Select(c => c.MergedInto));
    }

    [Fact]
    public void Excel_saved_as_html_in_gb2312_is_decoded()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("导出.xls");
        var html = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
            <head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>
            <body><table x:str>
            <tr><td class=xl65>项目名称</td><td colspan=2 class=xl66>信访储备金</td></tr>
            <tr><td>预算数</td><td x:num>120</td><td>万元</td></tr>
            </table></body></html>
            """;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding("gb2312").GetBytes(html));

        var grid = GridReader.Read(path);

        Assert.Equal([["项目名称", "信访储备金", ""], ["预算数", "120", "万元"]], Texts(grid));
    }

    [Fact]
    public void Html_nested_table_follows_its_row()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("嵌套.htm");
        File.WriteAllText(path, """
            <html><body><table>
            <tr><td>资金</td><td>明细<table><tr><td>财政拨款</td><td>10</td></tr></table></td></tr>
            <tr><td>目标</td><td>完成</td></tr>
            </table></body></html>
            """);

        var grid = GridReader.Read(path);

        Assert.Equal([["资金", "明细"], ["财政拨款", "10"], ["目标", "完成"]], Texts(grid));
        Assert.Equal(["表格1 第1行", "表格2 第1行", "表格1 第2行"], grid.Rows.Select(r => r.Where));
    }

    [Fact]
    public void Pdf_text_layer_lines_split_into_cells_on_wide_gaps()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("scan.pdf");
        Pdf.Write(path,
            [(72, "Project name"), (300, "Petition fund")],
            [(72, "Budget 120")]);

        var grid = GridReader.Read(path);

        Assert.Equal([["Project name", "Petition fund"], ["Budget 120"]], Texts(grid));
        Assert.Equal("第1页 第1行 第2列", grid.Rows[0].Cells[1].Where);
        Assert.StartsWith("第1页 第", grid.Rows[1].Where);
    }

    [Fact]
    public void Pdf_without_a_text_layer_is_refused_with_a_reason()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("扫描件.pdf");
        Pdf.Write(path);

        var e = Assert.Throws<FormReadException>(() => GridReader.Read(path));

        Assert.Equal("PDF 文件“扫描件.pdf”没有文字层（可能是扫描件），无法读取，请提供 Word 或 Excel 版本", e.Message);
    }

    [Fact]
    public void Missing_pdftotext_is_named()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("a.pdf");
        Pdf.Write(path, [(72, "x")]);

        var e = Assert.Throws<FormReadException>(() =>
            PdfGrid.Read(path, "a.pdf", dir.PathOf("no-such-pdftotext"), TimeSpan.FromSeconds(5)));

        Assert.Equal("未安装 pdftotext（poppler-utils），无法读取 PDF 文件“a.pdf”", e.Message);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void A_hanging_pdftotext_is_stopped_at_the_timeout()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("a.pdf");
        Pdf.Write(path, [(72, "x")]);
        var tool = dir.PathOf("slow-pdftotext");
        File.WriteAllText(tool, "#!/bin/sh\nsleep 60\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<FormReadException>(() => PdfGrid.Read(path, "a.pdf", tool, TimeSpan.FromSeconds(1)));

        Assert.Equal("读取 PDF 文件“a.pdf”超时（超过 1 秒），请提供 Word 或 Excel 版本", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
