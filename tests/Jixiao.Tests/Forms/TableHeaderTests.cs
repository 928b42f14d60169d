using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// The table-header stage on its own: a row's cells scored against the table profiles of
// src/Jixiao/Forms/Profiles/tables.json.
public class TableHeaderTests
{
    static TableHeader? Match(params string[] cells) =>
        TableHeaders.Match(cells.Select((t, c) => new Cell(t, $"第{c + 1}格")).ToList(), new CachedLabels(LabelSet.Generic));

    [Fact]
    public void The_data_file_loads_with_every_role_known() =>
        Assert.Equal(["indicators", "project-list", "budget-lines", "safeguards", "spending-plan", "execution"],
            TableHeaders.Tables.Select(t => t.Id));

    [Theory]
    [InlineData("indicators", "一级指标", "二级指标", "三级指标", "年度指标值")]
    [InlineData("indicators", "", "二级指标", "指标名称", "指标值", "二级指标", "指标名称", "指标值")]   // side by side
    [InlineData("project-list", "项目名称", "资金总额", "财政拨款", "绩效目标")]
    [InlineData("budget-lines", "明细项目", "金额（万元）", "实施期限")]
    [InlineData("safeguards", "保障类别", "文件名称", "具体措施", "保障阶段")]
    [InlineData("spending-plan", "资金支出计划", "3月底", "30%", "6月底", "60%")]
    [InlineData("spending-plan", "一季度", "二季度", "三季度", "四季度")]
    [InlineData("execution", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")]
    public void A_header_row_starts_its_table(string id, params string[] cells) => Assert.Equal(id, Match(cells)?.Profile.Id);

    [Theory]
    [InlineData("一级指标", "年度指标值")]                    // one level column: not enough
    [InlineData("项目名称", "资金总额")]                      // two cells: a label row, not a list
    [InlineData("项目名称", "资金总额", "某某说明文字")]       // a cell that is no label
    [InlineData("项目名称", "实施单位", "项目类别")]          // no amount column
    [InlineData("明细项目", "实施期限")]                      // no amount
    [InlineData("文件名称", "保障阶段")]                      // no measures
    [InlineData("3月底", "全年完成")]                         // one milestone
    [InlineData("3月底", "6月底", "按进度支付")]              // a cell that is neither milestone nor percent
    [InlineData("年初预算数", "年初预算")]                    // the same role twice is one
    [InlineData("项目名称", "某某项目")]
    public void Other_rows_start_no_table(params string[] cells) => Assert.Null(Match(cells));

    [Fact]
    public void Columns_are_aligned_to_roles_with_the_unit_of_the_heads()
    {
        var h = Match("", "年初预算数", "全年预算数", "全年执行数（万元）", "分值", "执行率", "得分", "备注")!;
        Assert.Equal(new List<string?> { null, "execution.initialBudget", "execution.annualBudget", "execution.executed", "indicator.weight",
            "execution.executionRate", "indicator.score", null }, h.Roles);
        Assert.Equal(Column.Remarks, h.Columns[7]);   // known to the labels, not the profile: kept out of the roles
        Assert.Equal("万元", h.Unit);
        Assert.Equal(6, h.Score);
    }

    [Fact]
    public void Spending_plan_names_milestones_and_percentages()
    {
        var h = Match("资金支出计划", "3月底", "30%", "6月底", "60%")!;
        Assert.Equal(new List<string?> { "project.spendingPlan", "milestone", "percent", "milestone", "percent" }, h.Roles);
        Assert.Null(h.Unit);
    }

    [Fact]
    public void The_score_counts_only_the_profile_s_own_heads()
    {
        // 实施期限 is a field label and 备注 a column of indicator tables: known words, but not this table's.
        var h = Match("明细项目", "金额", "实施期限", "备注")!;
        Assert.Equal("budget-lines", h.Profile.Id);
        Assert.Equal(2, h.Score);
    }

    [Theory]
    [InlineData("项目资金（万元）", "万元")]
    [InlineData("金额(元)", "元")]
    [InlineData("金额（亿元）", null)]   // not a unit of the data file
    [InlineData("金额", null)]
    public void Heads_name_their_unit_in_brackets(string head, string? unit) => Assert.Equal(unit, TableHeaders.UnitOf(head));

    // The layout is named from the traits the stages saw, by the data file.
    [Theory]
    [InlineData("label-value-form")]                                             // nothing seen: the fallback
    [InlineData("label-value-form", "table:indicators", "table:budget-lines")]  // traits no layout names
    [InlineData("one-cell-per-line", "one-cell-per-line", "table:indicators")]
    [InlineData("shanghai-2018-three-part", "table:safeguards")]
    [InlineData("shanghai-2018-three-part", "one-cell-per-line", "table:safeguards", "target-level-heads")]   // two traits beat one
    [InlineData("self-evaluation", "self-evaluation", "flat-rows")]                                       // a tie: the first listed
    [InlineData("side-by-side-groups", "side-by-side", "table:execution")]
    public void The_layout_with_most_of_its_traits_wins(string layout, params string[] traits) =>
        Assert.Equal(layout, TableHeaders.LayoutOf(traits.ToHashSet()));
}
