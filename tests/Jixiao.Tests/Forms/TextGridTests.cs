using System.Text;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

public class TextGridTests
{
    [Fact]
    public void Tabs_split_cells_and_empty_cells_keep_their_place()
    {
        var grid = TextGrid.Parse("标题\n\n\t一级指标\t\t指标值\n", "a.txt");
        Assert.Equal(3, grid.Rows.Count);
        Assert.Empty(grid.Rows[1].Cells);
        var row = grid.Rows[2];
        Assert.Equal("第3行", row.Where);
        Assert.Equal(["", "一级指标", "", "指标值"], row.Cells.Select(c => c.Text));
        Assert.Equal("第3行第4格", row.Cells[3].Where);
    }

    [Fact]
    public void Pipe_rows_split_and_markdown_rules_and_headings_go()
    {
        var grid = TextGrid.Parse("## 表一\n| 项目名称 | 甲 |\n|---|---|\n一 | 二 | 三\n", "b.txt");
        Assert.Equal(["表一"], grid.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["项目名称", "甲"], grid.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["一", "二", "三"], grid.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal("第4行", grid.Rows[2].Where);
    }

    [Fact]
    public void Csv_fields_with_quotes_commas_and_line_breaks()
    {
        var grid = TextGrid.Parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,", "c.csv");
        Assert.Equal(["a", "b,c", "say \"hi\""], grid.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["two\nlines", "x"], grid.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal("第4行", grid.Rows[2].Where);
        Assert.Equal(["last", ""], grid.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Runs_of_spaces_split_text_copied_from_a_pdf_but_single_spaces_and_tab_rows_stay()
    {
        var grid = TextGrid.Parse("      产出指标    数量指标  排查次数\u3000\u3000≥24次\n项目 名称 甲\n一级指标\t二级  指标\n", "h.txt");
        Assert.Equal(["产出指标", "数量指标", "排查次数", "≥24次"], grid.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("第1行第4格", grid.Rows[0].Cells[3].Where);
        Assert.Equal(["项目 名称 甲"], grid.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["一级指标", "二级  指标"], grid.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Commas_split_only_csv()
    {
        var grid = TextGrid.Parse("甲,乙", "d.txt");
        Assert.Equal(["甲,乙"], grid.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Html_in_cells_becomes_text_and_checkboxes()
    {
        var text = "<p>一、维稳</p> <p>二、劝返 &amp; 稳控</p>\t立项阶段 <input checked=\"\" type=\"checkbox\"/>\t<input type=\"checkbox\"/> 一次性项目 <b>x</b>";
        var cells = TextGrid.Parse(text, "e.txt").Rows[0].Cells.Select(c => c.Text).ToList();
        Assert.Equal(["一、维稳\n二、劝返 & 稳控", "立项阶段 ☑", "☐ 一次性项目 x"], cells);
    }

    [Fact]
    public void Angle_brackets_that_are_not_markup_stay()
    {
        var grid = TextGrid.Parse("《规范》沪综治办<2018>2 号；a < b > c", "g.txt");
        Assert.Equal("《规范》沪综治办<2018>2 号；a < b > c", grid.Rows[0].Cells[0].Text);
    }

    [Fact]
    public void Bookmarks_are_removed()
    {
        var grid = TextGrid.Parse("[bookmark: _Toc_2_2_0000000001]一、总体绩效目标", "f.txt");
        Assert.Equal("一、总体绩效目标", grid.Rows[0].Cells[0].Text);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("gb18030")]
    public void Encodings_are_detected(string kind)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "项目名称\t信访储备金（≥95%）\n";
        var bytes = kind switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding("GB18030").GetBytes(text),
        };
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-{kind}-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, bytes);
        try
        {
            var grid = TextGrid.Read(path);
            Assert.Equal(["项目名称", "信访储备金（≥95%）"], grid.Rows[0].Cells.Select(c => c.Text));
            Assert.Equal(Path.GetFileName(path), grid.File);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_binary_file_is_refused_with_a_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-bin-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => TextGrid.Read(path));
            Assert.Contains("不是文本文件", e.Message);
        }
        finally { File.Delete(path); }
    }
}
