using System.Text.Json;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain;
using Jixiao.Forms;
using static Jixiao.Tests.Forms.Docx;

namespace Jixiao.Tests.Forms;

// Year-end self-evaluation forms (绩效自评表) in the national layout of 财预〔2020〕10号, written by hand:
// a tab-separated rendering with merged cells left empty, and a Word file built here with real merges.
public class SelfEvaluationFormTests
{
    static string DataPath(string name) => Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", name);

    [Fact]
    public void National_text_form_reads_header_money_goal_indicators_total_and_grade()
    {
        var d = DocumentReader.Read(DataPath("selfeval-national.txt"));
        Assert.Equal(("self-evaluation", 2023), (d.Source.Layout, d.FiscalYear));
        Assert.Equal(("某某区信访局", "某某区人民政府办公室"), (d.Unit.Name, d.Unit.SupervisingDepartment));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("信访接待与矛盾纠纷排查调处经费", "某某区信访局"), (p.Name, p.ImplementingUnit));

        var e = p.SelfEvaluation!;
        Assert.Equal("万元", e.SourceUnit);
        Assert.Equal(["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"], e.Execution.Select(x => x.Name));
        Assert.Equal([FundingItem.AnnualRequest, FundingItem.Appropriation, FundingItem.CarryOver, FundingItem.Other],
            e.Execution.Select(x => x.Item!.Value));
        var total = e.Execution[0];
        Assert.Equal((500000m, 480000m, 465000m, 96.88m, 10m, 9.69m),
            (total.InitialBudget, total.AnnualBudget, total.Executed, total.BudgetExecutionRate, total.Points, total.Score));
        var fiscal = e.Execution[1];
        Assert.Equal((500000m, 450000m, 435000m, 96.67m), (fiscal.InitialBudget, fiscal.AnnualBudget, fiscal.Executed, fiscal.BudgetExecutionRate));
        Assert.Equal<decimal?>([null, null], [fiscal.Points, fiscal.Score]);   // "—": no points on the sub-rows
        var carry = e.Execution[2];
        Assert.Equal((0m, 30000m, 30000m, 100m), (carry.InitialBudget, carry.AnnualBudget, carry.Executed, carry.BudgetExecutionRate));
        Assert.Null(e.Execution[3].BudgetExecutionRate);
        // The project's funding is the full-year budget.
        Assert.Equal(("万元", 480000m, 450000m, 30000m, 0m),
            (p.Funding.SourceUnit, p.Funding.AnnualRequest, p.Funding.Appropriation, p.Funding.CarryOver, p.Funding.Other));

        Assert.Equal("全年接待群众来访不少于3000人次，信访事项按期办结率达到95%以上，群众满意度不低于90%。", p.AnnualGoal);
        Assert.Equal("全年接待群众来访3216人次，按期办结率97.2%，群众满意度92.6%；重复信访率6.1%，高于目标。", e.AnnualGoalActual);
        Assert.Equal((100m, 93.14m, EvaluationGrade.Excellent), (e.TotalPoints, e.TotalScore, e.Grade));

        Assert.Equal(7, p.Indicators.Count);
        var visitors = p.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "接待来访群众人次", "≥3000人次"),
            (visitors.Level1, visitors.Level2, visitors.Name, visitors.AnnualTarget!.Raw));
        Assert.Equal(("3216人次", TargetKind.Quantitative, 3216m, "人次"),
            (visitors.Actual!.Raw, visitors.Actual.Kind, visitors.Actual.Value, visitors.Actual.Unit));
        Assert.Equal((15m, 15m), (visitors.Weight, visitors.Score));
        Assert.Null(visitors.DeviationCause);
        Assert.Null(visitors.Remarks);

        var repeat = p.Indicators.Single(i => i.Name == "重复信访率");
        Assert.Equal(("效益指标", "社会效益指标", "≤5%", 6.1m, 20m, 15.6m),
            (repeat.Level1, repeat.Level2, repeat.AnnualTarget!.Raw, repeat.Actual!.Value, repeat.Weight, repeat.Score));
        Assert.Equal("部分积案化解难度大，重复信访有所上升；下一年度推行领导包案化解。", repeat.DeviationCause);
        var mechanism = p.Indicators.Single(i => i.Name == "矛盾纠纷多元化解机制");
        Assert.Equal(("健全", "基本健全", TargetKind.Text, 8m), (mechanism.AnnualTarget!.Raw, mechanism.Actual!.Raw, mechanism.Actual.Kind, mechanism.Score));
        Assert.Equal([15m, 10m, 15m, 10m, 20m, 10m, 10m], p.Indicators.Select(i => i.Weight!.Value));
        Assert.Equal(93.14m, p.Indicators.Sum(i => i.Score!.Value) + total.Score);
        Assert.Equal("满意度指标", p.Indicators[^1].Level1);
        Assert.Equal("产出指标：50分\n效益指标：30分\n满意度指标：10分", p.Sections["指标分值"]);

        // The signature line after the table is not an indicator.
        Assert.Contains(d.Unit.People, x => x is { Role: "填报人", Name: "刘洋" });
        Assert.Contains(p.People, x => x is { Role: "联系电话", Phone: "021-6478****" });
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void National_text_form_loses_no_text()
    {
        var path = DataPath("selfeval-national.txt");
        var json = JsonSerializer.Serialize(DocumentReader.Read(path), Interchange.Json);
        var missing = SourceCoverage.Missing(path, json);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    // The same layout as Word lays it out: vertical merges down the first column and the level columns,
    // spans over the goal texts and the total, amounts in 元 with thousands separators, and the
    // wording of other provinces (权重, 全年实际值, 未完成原因和改进措施, 评价等级).
    static void WriteProvincialForm(string path) => Write(path,
        P("2024年度项目支出绩效自评表"),
        P("填报单位（盖章）：某某县人民调解中心"),
        Table(
            Row(Cell("项目名称"), Cell("人民调解员以案定补", span: 8)),
            Row(Cell("主管部门"), Cell("某某县司法局", span: 3), Cell("实施单位"), Cell("某某县人民调解中心", span: 4)),
            Row(Cell("项目资金（元）", vmerge: MergedCellValues.Restart), Cell(""), Cell("年初预算数"), Cell("全年预算数"),
                Cell("全年执行数"), Cell("权重"), Cell("执行率"), Cell("得分", span: 2)),
            Money("年度资金总额", "200,000.00", "200,000.00", "186,500.00", "10", "93.25%", "9.33"),
            Money("其中：财政拨款", "200,000.00", "200,000.00", "186,500.00", "—", "93.25%", "—"),
            Money("上年结转资金", "", "", "", "—", "", "—"),
            Money("其他资金", "", "", "", "—", "", "—"),
            Row(Cell("年度总体目标", vmerge: MergedCellValues.Restart), Cell("预期目标", span: 4), Cell("实际完成情况", span: 4)),
            Row(Cell("", vmerge: MergedCellValues.Continue),
                Cell("按案件难易程度发放调解补贴，全年调解纠纷不少于400件，培训调解员120人次以上。", span: 4),
                Cell("全年发放补贴436件，培训调解员98人次，调解成功率90.2%。", span: 4)),
            Row(Cell("绩效指标", vmerge: MergedCellValues.Restart), Cell("一级指标"), Cell("二级指标"), Cell("三级指标"),
                Cell("年度指标值"), Cell("全年实际值"), Cell("权重"), Cell("得分"), Cell("未完成原因和改进措施")),
            Indicator(MergedCellValues.Restart, "产出指标", MergedCellValues.Restart, "数量指标", "调解补贴发放案件数", "≥400件", "436件", "20", "20", ""),
            Indicator(MergedCellValues.Continue, "", MergedCellValues.Continue, "", "人民调解员培训人次", "≥120人次", "98人次", "10", "8.17",
                "培训场地不足，部分培训延至次年一季度，将提前制定培训计划。"),
            Indicator(MergedCellValues.Continue, "", MergedCellValues.Restart, "质量指标", "调解成功率", "≥95%", "90.2%", "20", "18.99",
                "疑难纠纷占比上升；将建立专家调解团队。"),
            Indicator(MergedCellValues.Restart, "效益指标", null, "社会效益指标", "民间纠纷转化为刑事案件数", "≤2件", "3件", "20", "10",
                "个别纠纷激化，将加强排查预警。"),
            Indicator(MergedCellValues.Restart, "满意度指标", null, "服务对象满意度指标", "当事人满意度", "≥90%", "88%", "20", "19.56",
                "部分当事人对调解时长不满意，将推行限时调解。"),
            Row(Cell("总分", span: 6), Cell("100"), Cell("86.05"), Cell("")),
            Row(Cell("评价等级"), Cell("良", span: 8))),
        P("填报人：陈静  联系电话：0571-8765****"));

    static TableRow Money(string label, params string[] values) =>
        Row([Cell("", vmerge: MergedCellValues.Continue), Cell(label), .. values[..^1].Select(v => Cell(v)), Cell(values[^1], span: 2)]);

    static TableRow Indicator(MergedCellValues level1Merge, string level1, MergedCellValues? level2Merge, string level2, params string[] rest) =>
        Row([Cell("", vmerge: MergedCellValues.Continue), Cell(level1, vmerge: level1Merge), Cell(level2, vmerge: level2Merge),
            .. rest.Select(v => Cell(v))]);

    [Fact]
    public void Provincial_docx_form_with_merged_cells_and_other_wording()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("自评表.docx");
        WriteProvincialForm(path);
        var d = DocumentReader.Read(path);

        Assert.Equal(("self-evaluation", 2024, "某某县人民调解中心", "某某县司法局"),
            (d.Source.Layout, d.FiscalYear, d.Unit.Name, d.Unit.SupervisingDepartment));
        var p = Assert.Single(d.Projects);
        Assert.Equal("人民调解员以案定补", p.Name);
        var e = p.SelfEvaluation!;
        Assert.Equal("元", e.SourceUnit);
        Assert.Equal(4, e.Execution.Count);
        Assert.Equal((200000m, 200000m, 186500m, 93.25m, 10m, 9.33m),
            (e.Execution[0].InitialBudget, e.Execution[0].AnnualBudget, e.Execution[0].Executed,
             e.Execution[0].BudgetExecutionRate, e.Execution[0].Points, e.Execution[0].Score));
        Assert.Equal(("财政拨款", FundingItem.Appropriation, 186500m), (e.Execution[1].Name, e.Execution[1].Item!.Value, e.Execution[1].Executed));
        Assert.All(e.Execution.Skip(2), x => Assert.Equal<decimal?>([null, null, null], [x.InitialBudget, x.Executed, x.Points]));
        Assert.Equal((200000m, 200000m, "元"), (p.Funding.AnnualRequest, p.Funding.Appropriation, p.Funding.SourceUnit));
        Assert.Null(p.Funding.CarryOver);

        Assert.Equal("按案件难易程度发放调解补贴，全年调解纠纷不少于400件，培训调解员120人次以上。", p.AnnualGoal);
        Assert.Equal("全年发放补贴436件，培训调解员98人次，调解成功率90.2%。", e.AnnualGoalActual);
        Assert.Equal((100m, 86.05m, EvaluationGrade.Good), (e.TotalPoints, e.TotalScore, e.Grade));

        Assert.Equal(["调解补贴发放案件数", "人民调解员培训人次", "调解成功率", "民间纠纷转化为刑事案件数", "当事人满意度"],
            p.Indicators.Select(i => i.Name));
        Assert.Equal(["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"], p.Indicators.Select(i => i.Level1));
        Assert.Equal(["数量指标", "数量指标", "质量指标", "社会效益指标", "服务对象满意度指标"], p.Indicators.Select(i => i.Level2));
        Assert.Equal(["436件", "98人次", "90.2%", "3件", "88%"], p.Indicators.Select(i => i.Actual!.Raw));
        Assert.Equal([20m, 10m, 20m, 20m, 20m], p.Indicators.Select(i => i.Weight!.Value));
        Assert.Equal([20m, 8.17m, 18.99m, 10m, 19.56m], p.Indicators.Select(i => i.Score!.Value));
        Assert.Null(p.Indicators[0].DeviationCause);
        Assert.Equal("个别纠纷激化，将加强排查预警。", p.Indicators[3].DeviationCause);
        Assert.Equal((TargetOperator.Le, 2m, "件"), (p.Indicators[3].AnnualTarget!.Operator!.Value, p.Indicators[3].AnnualTarget!.Value!.Value, p.Indicators[3].AnnualTarget!.Unit));

        Assert.Contains(d.Unit.People, x => x is { Role: "填报人", Name: "陈静" });
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Money_that_cannot_be_read_and_a_grade_that_is_no_grade_are_reported_with_their_cell()
    {
        var d = FormReader.Read(TextGrid.Parse(string.Join("\n",
            "项目名称\t甲项目",
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "\t年度资金总额\t十万\t10\t9\t10\t约九成\t9",
            "\t说明文字\t\t\t\t\t\t",
            "总分\t九十",
            "自评等级\t待定"), "x.txt"));
        var e = d.Projects.Single().SelfEvaluation!;
        Assert.Equal((null, 100000m, 90000m, null), (e.Execution[0].InitialBudget, e.Execution[0].AnnualBudget, e.Execution[0].Executed, e.Execution[0].BudgetExecutionRate));
        Assert.Contains(d.Warnings, w => w.Where == "第3行第3格" && w.Message.Contains("年初预算数") && w.Message.Contains("十万"));
        Assert.Contains(d.Warnings, w => w.Where == "第3行第7格" && w.Message.Contains("约九成"));
        Assert.Contains(d.Warnings, w => w.Where == "第4行第2格" && w.Message.Contains("说明文字"));
        Assert.Contains(d.Warnings, w => w.Where == "第5行第1格" && w.Message.Contains("九十"));
        Assert.Contains(d.Warnings, w => w.Where == "第6行第1格" && w.Message.Contains("待定"));
        Assert.Null(e.Grade);
        Assert.Equal("待定", d.Projects[0].Sections["自评等级"]);
    }

    [Theory]
    [InlineData("自评等级\t优", EvaluationGrade.Excellent)]
    [InlineData("评价等级：良好", EvaluationGrade.Good)]
    [InlineData("自评等级\t中", EvaluationGrade.Fair)]
    [InlineData("绩效等级\t一般", EvaluationGrade.Fair)]
    [InlineData("自评等次\t较差", EvaluationGrade.Poor)]
    [InlineData("自评等级：优（93.14分）", EvaluationGrade.Excellent)]
    public void Grade_words_of_several_provinces(string line, EvaluationGrade grade)
    {
        var d = FormReader.Read(TextGrid.Parse($"项目名称\t甲\n总分：88.5分\n{line}", "x.txt"));
        var e = d.Projects.Single().SelfEvaluation!;
        Assert.Equal((grade, 88.5m, null), (e.Grade!.Value, e.TotalScore, e.TotalPoints));
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Older_money_block_with_lettered_heads_and_a_plain_budget_column()
    {
        var d = FormReader.Read(TextGrid.Parse(string.Join("\n",
            "项目名称\t甲",
            "预算执行情况（万元）\t预算数（A）\t执行数（B）\t执行率（B/A）\t分值\t得分",
            "年度资金总额：\t20\t19\t95%\t10\t9.5"), "x.txt"));
        var line = d.Projects.Single().SelfEvaluation!.Execution.Single();
        Assert.Equal((200000m, 190000m, 95m, 10m, 9.5m), (line.AnnualBudget, line.Executed, line.BudgetExecutionRate, line.Points, line.Score));
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Money_block_without_a_unit_is_read_in_yuan_with_one_warning()
    {
        var d = FormReader.Read(TextGrid.Parse(string.Join("\n",
            "项目名称\t甲",
            "项目资金\t年初预算数\t全年预算数\t全年执行数",
            "年度资金总额\t1000\t1200\t1100",
            "其中：财政拨款\t1000\t1000\t900"), "x.txt"));
        var e = d.Projects.Single().SelfEvaluation!;
        Assert.Equal(("元", 1200m, 900m), (e.SourceUnit, e.Execution[0].AnnualBudget, e.Execution[1].Executed));
        Assert.Equal("元", d.Projects[0].Funding.SourceUnit);
        var w = Assert.Single(d.Warnings);
        Assert.Equal(("第3行第2格", "表中未注明金额单位，金额按元读取"), (w.Where, w.Message));
    }

    [Fact]
    public void Execution_block_before_any_project_is_reported()
    {
        var d = FormReader.Read(TextGrid.Parse(string.Join("\n",
            "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数",
            "年度资金总额\t10\t10\t9"), "x.txt"));
        Assert.Contains(d.Warnings, w => w.Where == "第1行" && w.Message.Contains("项目名称之前"));
        Assert.Contains(d.Warnings, w => w.Where == "第2行" && w.Message.Contains("10 10 9"));
    }
}
