using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// The block pass on its own: rows split into title, heading, label, table and text blocks.
public class BlockTests
{
    const BlockKind Title = BlockKind.Title, Heading = BlockKind.Heading, Labels = BlockKind.Labels, Table = BlockKind.Table, Text = BlockKind.Text,
        Columns = BlockKind.LabelColumns;

    // Rows given by their kind; null is a blank row. A table (or label columns) owns the rows listed in owned.
    static List<Block> Split(BlockKind?[] kinds, params int[] owned) =>
        Blocks.Split(kinds.Length, i => kinds[i] == null,
            i => kinds[i] ?? throw new InvalidOperationException($"kind of blank row {i} asked"),
            (h, i) => kinds[h] is Table or Columns && kinds[i] != null ? owned.Contains(i) : throw new InvalidOperationException($"owns({h}, {i}) asked"));

    [Fact]
    public void Rows_of_one_kind_in_a_row_are_one_block()
    {
        Assert.Equal([new Block(Title, 0, 2), new Block(Labels, 2, 5), new Block(Text, 5, 7)],
            Split([Title, Title, Labels, Labels, Labels, Text, Text]));
    }

    [Fact]
    public void Each_heading_is_its_own_block()
    {
        Assert.Equal([new Block(Heading, 0, 1), new Block(Heading, 1, 2), new Block(Text, 2, 3)], Split([Heading, Heading, Text]));
    }

    [Fact]
    public void A_table_takes_the_rows_it_owns_whatever_their_kind()
    {
        // Rows 1 and 2 would be labels and text outside a table; the table owns them, not row 3.
        Assert.Equal([new Block(Table, 0, 3), new Block(Labels, 3, 4)], Split([Table, Labels, Text, Labels], 1, 2));
    }

    [Fact]
    public void A_row_the_table_does_not_own_ends_it()
    {
        Assert.Equal([new Block(Table, 0, 1), new Block(Labels, 1, 3)], Split([Table, Labels, Labels]));
    }

    [Fact]
    public void A_new_header_starts_a_new_table()
    {
        Assert.Equal([new Block(Table, 0, 2), new Block(Table, 2, 4)], Split([Table, Text, Table, Text], 1, 3));
    }

    [Fact]
    public void Ownership_is_asked_of_the_header_not_of_the_row_before()
    {
        var asked = new List<(int, int)>();
        var kinds = new BlockKind?[] { Table, Text, Text, Labels };
        Blocks.Split(kinds.Length, _ => false, i => kinds[i]!.Value, (h, i) => { asked.Add((h, i)); return i < 3; });
        Assert.Equal([(0, 1), (0, 2), (0, 3)], asked);
    }

    [Fact]
    public void Blank_rows_stay_with_the_block_before_them_and_are_never_asked_about()
    {
        // Leading blanks are the first block's; a blank row inside a table does not end it.
        Assert.Equal([new Block(Labels, 0, 3), new Block(Table, 3, 7), new Block(Text, 7, 9)],
            Split([null, null, Labels, Table, null, Text, null, Text, null], 5));
    }

    [Fact]
    public void Blank_rows_do_not_join_two_runs_of_different_kinds()
    {
        Assert.Equal([new Block(Text, 0, 2), new Block(Labels, 2, 3)], Split([Text, null, Labels]));
    }

    [Fact]
    public void No_rows_or_only_blank_rows_give_no_blocks()
    {
        Assert.Empty(Split([]));
        Assert.Empty(Split([null, null]));
    }

    // The pass on a real form's rows: the kinds come from the cells, the table's end from its profile.
    [Fact]
    public void A_form_splits_into_its_blocks()
    {
        var grid = TextGrid.Parse(string.Join("\n",
            "项目支出绩效目标申报表",
            "（2025年度）",
            "项目名称\t信访接待\t主管部门\t区信访局",
            "项目资金总额\t100",
            "四、风险与应对",
            "本项目为延续项目，已实施三年。",
            "五、其他说明",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t接待人次\t≥200人次",
            "\t质量指标\t办结率\t≥95%",
            "填报人\t张三"), "t.txt");
        Assert.Equal(
        [
            (Title, "项目支出绩效目标申报表", 2), (Labels, "项目名称", 2), (Heading, "四、风险与应对", 1), (Text, "本项目为延续项目，已实施三年。", 1),
            (Labels, "五、其他说明", 1),   // a label alone on its line (其他说明), not a heading
            (Table, "一级指标", 3), (Labels, "填报人", 1),
        ], FormReader.BlocksOf(grid));
    }

    [Fact]
    public void An_indicator_table_keeps_its_section_column_and_its_total_row()
    {
        // "绩效目标" in the first column the header left without a level: the table's own; 总分 too.
        var grid = TextGrid.Parse(string.Join("\n",
            "项目名称\t甲",
            "\t一级指标\t二级指标\t三级指标\t指标值",
            "年度绩效目标\t产出指标\t数量指标\t接待人次\t≥200人次",
            "总分\t100"), "t.txt");
        Assert.Equal([(Labels, "项目名称", 1), (Table, "一级指标", 3)], FormReader.BlocksOf(grid));
    }

    [Fact]
    public void Label_columns_take_the_rows_they_own_whatever_their_kind()
    {
        // Row 1 (more labels) and row 2 (their values) would be labels and text on their own; row 3 is not owned.
        Assert.Equal([new Block(Columns, 0, 3), new Block(Labels, 3, 4)], Split([Columns, Labels, Text, Labels], 1, 2));
    }

    [Fact]
    public void Label_columns_do_not_run_together()
    {
        Assert.Equal([new Block(Columns, 0, 2), new Block(Columns, 2, 4)], Split([Columns, Text, Columns, Text], 1, 3));
    }

    // Labels over the row of their values, column by column: one block of label columns (the block pass
    // decides it; the reader reads each label's value from the column below it).
    [Fact]
    public void Labels_over_a_row_of_their_values_are_label_columns()
    {
        var grid = TextGrid.Parse(string.Join("\n",
            "项目名称\t信访接待",
            "项目总目标\t年度总目标",
            "三年内化解信访积案\t全年按期办结率达到95%",
            "填报人\t张三"), "t.txt");
        Assert.Equal([(Labels, "项目名称", 1), (Columns, "项目总目标", 2), (Labels, "填报人", 1)], FormReader.BlocksOf(grid));
        var project = Assert.Single(FormReader.Read(grid).Projects);
        Assert.Equal("三年内化解信访积案", project.LongTermGoal);
        Assert.Equal("全年按期办结率达到95%", project.AnnualGoal);
    }

    [Fact]
    public void Label_columns_may_head_their_values_with_several_rows_of_labels()
    {
        // A group label over the amounts names their unit; the rows of labels and the row of values are one block.
        var grid = TextGrid.Parse(string.Join("\n",
            "项目名称\t信访接待",
            "项目资金（万元）\t\t资金来源",
            "项目资金总额\t财政资金\t其他资金",
            "120\t100\t20"), "t.txt");
        Assert.Equal([(Labels, "项目名称", 1), (Columns, "项目资金（万元）", 3)], FormReader.BlocksOf(grid));
        var funding = Assert.Single(FormReader.Read(grid).Projects).Funding;
        Assert.Equal((1_200_000m, 1_000_000m, 200_000m), (funding.Total, funding.Fiscal, funding.Other));
    }

    [Theory]
    // The row below holds a label: label rows, each read by itself.
    [InlineData("项目总目标\t年度总目标\n项目名称\t信访接待")]
    // One label is no label columns, however its value is placed.
    [InlineData("项目总目标\n三年内化解信访积案")]
    // A cell that is no label: its row is label and value.
    [InlineData("项目总目标\t三年内化解信访积案\n年度总目标\t全年按期办结率达到95%")]
    // Nothing below the labels.
    [InlineData("项目总目标\t年度总目标")]
    // Values only under a group's label: nothing is placed.
    [InlineData("项目资金\t项目总目标\n明细如下：\t")]
    public void Rows_that_are_not_labels_over_their_values_are_no_label_columns(string text)
    {
        Assert.DoesNotContain(FormReader.BlocksOf(TextGrid.Parse(text, "t.txt")), b => b.Kind == Columns);
    }

    [Fact]
    public void A_table_header_below_labels_is_a_table_not_their_values()
    {
        var grid = TextGrid.Parse(string.Join("\n",
            "项目总目标\t年度总目标",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t接待人次\t≥200人次"), "t.txt");
        Assert.Equal([(Labels, "项目总目标", 1), (Table, "一级指标", 2)], FormReader.BlocksOf(grid));
    }

    [Fact]
    public void Cells_run_together_into_a_header_are_a_table()
    {
        var grid = TextGrid.Parse("项目名称\t甲\n一级指标 二级指标 三级指标 指标值\n产出指标\t数量指标\t接待人次\t≥200人次\n", "t.txt");
        Assert.Equal([(Labels, "项目名称", 1), (Table, "一级指标", 2)], FormReader.BlocksOf(grid));
        Assert.Contains(FormReader.Read(grid).Warnings, w => w.Message == "表头的格子连在一起，已按空格拆开");
    }
}
