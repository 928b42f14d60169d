using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// Declaration forms in the shapes of provinces the seeds do not cover, written by hand (Data/): other
// label wording, value, unit and direction in separate columns, text copied from a PDF, two projects
// in one file, and a flat spreadsheet export with the project named on every row.
public class ProvinceFormTests
{
    static string DataPath(string name) => Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", name);

    static FormDocument Read(string name) => DocumentReader.Read(DataPath(name));

    // The national template of 财预〔2015〕88号: 中期 and 年度 side by side for money, goals and values,
    // the same money label twice in a row, rows numbered "指标1：", the department's code in brackets first.
    [Fact]
    public void National_template_with_period_and_annual_columns()
    {
        var d = Read("national-template-88.txt");
        Assert.Equal((2024, "某省信访局", "某省人民政府办公厅", "101"),
            (d.FiscalYear, d.Unit.Name, d.Unit.SupervisingDepartment, d.Unit.SupervisingDepartmentCode));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("信访信息系统运行维护", ProjectAttribute.Continuing), (p.Name, p.Attribute!.Value));
        Assert.Equal(("万元", 3000000m, 3000000m, 1000000m, 1000000m, 0m),
            (p.Funding.SourceUnit, p.Funding.Total, p.Funding.Fiscal, p.Funding.AnnualRequest, p.Funding.Appropriation, p.Funding.Other));
        Assert.Equal("目标1：建成覆盖省市县三级的网上信访系统。目标2：网上信访占比稳步提高。", p.LongTermGoal);
        Assert.Equal("目标1：系统全年稳定运行。目标2：完成二期功能升级。", p.AnnualGoal);
        Assert.Equal("3年", p.Term);
        Assert.False(p.Sections.ContainsKey("项目期"));
        Assert.Empty(d.Warnings);
        Assert.Equal(["接入单位数量", "功能模块升级数", "系统正常运行率", "故障修复时间", "年均运维成本", "网上信访占比", "系统使用年限", "使用单位满意度"],
            p.Indicators.Select(i => i.Name));
        Assert.Equal(["≥300个", "≥10个", "≥99%", "≤4小时", "≤100万元", "≥60%", "≥5年", "≥90%"], p.Indicators.Select(i => i.PeriodTarget!.Raw));
        Assert.Equal(["≥120个", "≥4个", "≥99%", "≤4小时", "≤100万元", "≥50%", "≥5年", "≥90%"], p.Indicators.Select(i => i.AnnualTarget!.Raw));
    }

    // Labels on lines of their own with their text below: "年度总体目标" is the goal, and a group heading
    // "资金情况（万元）" gives the unit of the amounts under it.
    [Fact]
    public void Beijing_style_form_with_headings_over_their_values()
    {
        var d = Read("beijing-heading-labels.txt");
        Assert.Equal((2024, "北京市某区信访办公室"), (d.FiscalYear, d.Unit.Name));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("信访接待大厅运行维护", ProjectCategory.Recurring), (p.Name, p.Category!.Value));
        Assert.Equal(("万元", 856000m, 856000m, 0m), (p.Funding.SourceUnit, p.Funding.AnnualRequest, p.Funding.Appropriation, p.Funding.Other));
        Assert.Equal("保障接待大厅正常运行，全年接待群众来访不少于3000人次，群众满意度达到90%以上。", p.AnnualGoal);
        Assert.Empty(p.Sections);
        Assert.Empty(d.Warnings);
        Assert.Equal(["≥3000人次", "≥98%", "≤1个工作日", "≤85.6万元", "≥85%", "≥90%"], p.Indicators.Select(i => i.AnnualTarget!.Raw));
        Assert.Equal("成本指标", p.Indicators[3].Level1);
    }

    // A web page with merged cells, read as it is and as Chromium prints it to PDF (read back through
    // pdftotext): the same project, money and indicators either way.
    [Fact]
    public async Task Html_form_and_its_printed_pdf_read_alike()
    {
        var html = Read("guangxi-merged-table.html");
        using var dir = new TempFolder();
        var pdf = dir.PathOf("guangxi.pdf");
        var chromium = System.Diagnostics.Process.Start("/usr/bin/chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + dir.PathOf("profile"), "--no-pdf-header-footer",
            "--print-to-pdf=" + pdf, "file://" + DataPath("guangxi-merged-table.html"),
        ])!;
        await chromium.WaitForExitAsync();
        var printed = DocumentReader.Read(pdf);

        foreach (var d in new[] { html, printed })
        {
            Assert.Equal((2025, "某市信访局", "某市人民政府办公室"), (d.FiscalYear, d.Unit.Name, d.Unit.SupervisingDepartment));
            var p = Assert.Single(d.Projects);
            Assert.Equal(("信访积案化解专项经费", "万元", 1200000m), (p.Name, p.Funding.SourceUnit, p.Funding.Appropriation));
            Assert.Equal("全年化解信访积案不少于40件，积案化解率达到80%以上。", p.AnnualGoal);
            Assert.Equal(["≥40件", "≥80%", "≤90天", "≤3万元", "≥10%", "≥85%"], p.Indicators.Select(i => i.AnnualTarget!.Raw));
            Assert.Equal(["产出指标", "产出指标", "产出指标", "成本指标", "效益指标", "满意度指标"], p.Indicators.Select(i => i.Level1));
        }
        Assert.Empty(html.Warnings);
        // Printing centres the merged 产出指标 on its middle row: the first row's level 1 is inferred, and says so.
        Assert.Contains(printed.Warnings, w => w.Message.Contains("按二级指标“数量指标”推定为“产出指标”"));
    }

    [Fact]
    public void Zhejiang_style_form_with_direction_unit_and_value_columns()
    {
        var d = Read("zhejiang-declaration.txt");
        Assert.Equal((2024, "某某县信访局", "某某县人民政府办公室"), (d.FiscalYear, d.Unit.Name, d.Unit.SupervisingDepartment));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("群众来访接待服务保障", "330521240000001", ProjectAttribute.Continuing, "2024-01", "2024-12"),
            (p.Name, p.Code, p.Attribute!.Value, p.StartDate, p.EndDate));
        Assert.Equal(("万元", 1200000m, 1000000m, 200000m), (p.Funding.SourceUnit, p.Funding.Total, p.Funding.Appropriation, p.Funding.Other));
        Assert.Equal("保障县群众来访接待中心全年正常运转，及时受理、按期办结群众来访事项，提升群众满意度。", p.AnnualGoal);
        Assert.Contains(p.People, x => x is { Role: "项目负责人", Name: "王立" });
        Assert.Contains(p.People, x => x is { Role: "联系电话", Phone: "0572-6021****" });

        Assert.Equal(8, p.Indicators.Count);
        // 正向 makes the bare number a floor, 反向 a ceiling; the unit column joins the value.
        var visitors = p.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "接待来访群众", "3000人次", TargetOperator.Ge, 3000m, "人次"),
            (visitors.Level1, visitors.Level2, visitors.Name, visitors.AnnualTarget!.Raw, visitors.AnnualTarget.Operator!.Value,
             visitors.AnnualTarget.Value!.Value, visitors.AnnualTarget.Unit));
        Assert.Equal(["ge", "ge", "ge", "le", "le", "le"],
            p.Indicators.Take(6).Select(i => i.AnnualTarget!.Operator.ToString()!.ToLowerInvariant()));
        Assert.Equal(["人次", "次", "%", "个工作日", "万元", "%"], p.Indicators.Take(6).Select(i => i.AnnualTarget!.Unit));
        Assert.Equal(("成本指标", "产出指标"), (p.Indicators[4].Level2, p.Indicators[4].Level1));
        Assert.Equal("效益指标", p.Indicators[5].Level1);
        // A direction that says nothing about the value is kept beside it; one the value already says is not repeated.
        var order = p.Indicators[6];
        Assert.Equal(("信访秩序", "持续向好", "指标方向：中性"), (order.Name, order.AnnualTarget!.Raw, order.Remarks));
        var satisfaction = p.Indicators[7];
        Assert.Equal(("≥90%", null), (satisfaction.AnnualTarget!.Raw, satisfaction.Remarks));
        Assert.Equal("指标值为年度目标值。", p.Sections["备注"]);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void A_direction_that_contradicts_the_value_is_reported()
    {
        var d = FormReader.Read(TextGrid.Parse(string.Join("\n",
            "项目名称\t甲",
            "一级指标\t二级指标\t三级指标\t指标方向\t计量单位\t指标值",
            "产出指标\t时效指标\t办结时限\t正向\t天\t≤30"), "x.txt"));
        var indicator = d.Projects.Single().Indicators.Single();
        Assert.Equal(("≤30天", TargetOperator.Le, "指标方向：正向"), (indicator.AnnualTarget!.Raw, indicator.AnnualTarget.Operator!.Value, indicator.Remarks));
        var w = Assert.Single(d.Warnings);
        Assert.Equal("第3行", w.Where);
        Assert.Contains("正向", w.Message);
    }

    [Fact]
    public void Two_projects_back_to_back_each_in_its_own_money_unit()
    {
        var d = Read("two-projects.txt");
        Assert.Equal(["网上信访信息系统运行维护", "信访救助资金"], d.Projects.Select(p => p.Name));
        var (system, relief) = (d.Projects[0], d.Projects[1]);
        Assert.Equal(("万元", 360000m, 360000m, null), (system.Funding.SourceUnit, system.Funding.AnnualRequest, system.Funding.Appropriation, system.Funding.Other));
        Assert.Equal(("元", 500000m, 450000m, 50000m), (relief.Funding.SourceUnit, relief.Funding.AnnualRequest, relief.Funding.Appropriation, relief.Funding.Other));
        Assert.Equal(["系统运维服务次数", "系统可用率", "网上信访占比", "使用单位满意度"], system.Indicators.Select(i => i.Name));
        Assert.Equal(["救助困难群众人数", "救助资金发放时限", "救助对象息诉罢访率", "救助对象满意度"], relief.Indicators.Select(i => i.Name));
        Assert.Equal(("产出指标", "时效指标", "≤30天"), (relief.Indicators[1].Level1, relief.Indicators[1].Level2, relief.Indicators[1].AnnualTarget!.Raw));
        Assert.All(d.Projects, p => Assert.Equal("某某市信访局", p.ImplementingUnit));
        Assert.StartsWith("对生活确有困难的信访群众", relief.AnnualGoal);
        Assert.Equal("某某市市级项目支出绩效目标表（一）\n某某市市级项目支出绩效目标表（二）", d.Sections["标题"]);
        var w = Assert.Single(d.Warnings);
        Assert.Equal("第24行第1格", w.Where);
        Assert.Contains("本表一式两份", w.Message);
    }

    [Fact]
    public void Sichuan_style_text_copied_from_a_pdf_with_columns_apart_by_spaces()
    {
        var d = Read("sichuan-pdf-copy.txt");
        Assert.Equal((2024, "四川省某某厅", "101001", "某某市信访局"),
            (d.FiscalYear, d.Unit.SupervisingDepartment, d.Unit.SupervisingDepartmentCode, d.Unit.Name));
        var p = Assert.Single(d.Projects);
        Assert.Equal("信访矛盾纠纷多元化解专项", p.Name);
        Assert.Equal(("万元", 850000m, 800000m, 50000m), (p.Funding.SourceUnit, p.Funding.AnnualRequest, p.Funding.Appropriation, p.Funding.Other));
        Assert.StartsWith("开展矛盾纠纷排查化解", p.AnnualGoal);
        // Rows whose merged cells were left as indentation are placed by what their cells say.
        Assert.Equal(["矛盾纠纷排查次数", "化解信访积案件数", "信访积案化解率", "初信初访办结时限", "重复信访发生率", "群众满意度"],
            p.Indicators.Select(i => i.Name));
        Assert.Equal(["数量指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"], p.Indicators.Select(i => i.Level2));
        Assert.Equal(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"], p.Indicators.Select(i => i.Level1));
        Assert.Equal(["≥24次", "≥30件", "≥85%", "≤60天", "逐步下降", "≥90%"], p.Indicators.Select(i => i.AnnualTarget!.Raw));
        Assert.Equal(TrendDirection.Down, p.Indicators[4].AnnualTarget!.Direction);
        Assert.Contains(d.Unit.People, x => x is { Role: "填表人", Name: "李华" });
        Assert.Contains(p.People, x => x is { Role: "联系电话", Phone: "028-8660****" });
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Flat_export_gives_one_project_per_distinct_name()
    {
        var d = Read("indicator-export.csv");
        Assert.Equal("flat-indicator-rows", d.Source.Layout);
        Assert.Equal(["信访接待中心运行保障", "法律顾问服务", "网上信访系统运维"], d.Projects.Select(p => p.Name));
        // Rows of the first project come back after the second's; a row without a name continues the one above.
        Assert.Equal(["接待群众人次", "来访事项按期办结率", "重复来访率", "来访群众满意度"], d.Projects[0].Indicators.Select(i => i.Name));
        Assert.Equal(["≥2000人次", "≥95%", "≤8%", "≥90%"], d.Projects[0].Indicators.Select(i => i.AnnualTarget!.Raw));
        Assert.Equal(["律师参与接访天数", "信访事项依法处理率", "来访群众满意度"], d.Projects[1].Indicators.Select(i => i.Name));
        Assert.Equal(("满意度指标", "服务对象满意度指标", "≥85%"),
            (d.Projects[1].Indicators[2].Level1, d.Projects[1].Indicators[2].Level2, d.Projects[1].Indicators[2].AnnualTarget!.Raw));
        var system = d.Projects[2].Indicators;
        Assert.Equal(("产出指标", "时效指标", "≤2小时"), (system[0].Level1, system[0].Level2, system[0].AnnualTarget!.Raw));
        Assert.Equal(("数量", "十二次", TargetKind.Text), (system[1].Level2, system[1].AnnualTarget!.Raw, system[1].AnnualTarget!.Kind));
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Flat_export_with_money_and_unit_columns_reports_an_amount_that_changes_between_rows()
    {
        var d = FormReader.Read(TextGrid.Parse(string.Join("\n",
            "项目名称,实施单位,资金总额（万元）,一级指标,二级指标,三级指标,指标值,备注",
            "甲项目,某某局,60,产出指标,数量指标,培训人次,≥100人次,",
            "甲项目,某某局,65,产出指标,质量指标,合格率,≥95%,抽查",
            "乙项目,某某中心,12,效益指标,社会效益指标,覆盖率,提高,"), "export.csv"));
        Assert.Equal(["甲项目", "乙项目"], d.Projects.Select(p => p.Name));
        Assert.Equal((600000m, "万元", "某某局"), (d.Projects[0].Funding.Total, d.Projects[0].Funding.SourceUnit, d.Projects[0].ImplementingUnit));
        Assert.Equal((120000m, "某某中心"), (d.Projects[1].Funding.Total, d.Projects[1].ImplementingUnit));
        Assert.Equal("抽查", d.Projects[0].Indicators[1].Remarks);
        var w = Assert.Single(d.Warnings);
        Assert.Equal("第3行第3格", w.Where);
        Assert.Contains("650000", w.Message);
    }

    [Theory]
    [InlineData("zhejiang-declaration.txt")]
    [InlineData("two-projects.txt")]
    [InlineData("national-template-88.txt")]
    [InlineData("beijing-heading-labels.txt")]
    public void Tab_separated_forms_lose_no_text(string name)
    {
        var json = JsonSerializer.Serialize(Read(name), Interchange.Json);
        var missing = SourceCoverage.Missing(DataPath(name), json);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    public static TheoryData<string, string> Odd => new()
    {
        { "a.txt", "项目名称\t甲\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n总分\n总分\t\t\t\t\t\t一百\t九十\n\t\t\t\t\t\t\t\t\t\t多" },
        { "b.txt", "项目资金（万元）\t年初预算数\t全年预算数\n\t\t\n合计\t1\t2\n项目名称\t乙\n年度资金总额\t\t\n自评等级：优秀\n实际完成情况：完成" },
        { "c.csv", "项目名称,一级指标,二级指标,三级指标,指标值\n,,,,\n甲,,,,\n,产出指标,数量指标,次数,\n乙,满意度指标" },
        { "d.txt", "      \n    项目名称    丙\n  一级指标  二级指标  三级指标  指标方向  计量单位  指标值\n产出指标  数量指标  次数  反向  %\n  正向" },
    };

    [Theory]
    [MemberData(nameof(Odd))]
    public void Odd_input_never_crashes_and_every_warning_has_a_place(string file, string text)
    {
        var d = FormReader.Read(TextGrid.Parse(text, file));
        Assert.NotNull(JsonSerializer.Serialize(d, Interchange.Json));
        Assert.All(d.Warnings, w => Assert.StartsWith("第", w.Where));
    }
}
