using Jixiao.Domain;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

// The money rules (R04, R21–R27) at their edges: the 1,000 元 tolerance on both sides, each funding
// layout, each source of a standard or an amount, and the exact text a reviewer reads.
public class MoneyRulesTests
{
    // R04 -------------------------------------------------------------------------------------------

    [Fact]
    public void MissingFundingNamesTheTotalCell()
    {
        var doc = With(p => { p.Funding = new Funding { SourceUnit = "元" }; p.BudgetLines.Clear(); });
        var f = Assert.Single(Run(doc, "R04-funding-missing"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Null(f.Indicator);
        Assert.Equal("funding.total", f.Field);
        Assert.Equal("项目资金未填写（资金总额及各项来源均为空）", f.Message);
        Assert.Equal("填写项目资金总额和资金来源（财政拨款、其他资金等），与预算明细一致", f.Suggestion);
    }

    public static TheoryData<string> FundingFields() =>
        ["Total", "AnnualRequest", "Fiscal", "Appropriation", "Other", "CarryOver", "SpecialAccount",
         "FromHigherLevel", "FromSameLevel", "FromLowerLevel"];

    [Theory]
    [MemberData(nameof(FundingFields))]
    public void AnyOneFundingCellIsFunding(string field)
    {
        var funding = new Funding { SourceUnit = "元" };
        typeof(Funding).GetProperty(field)!.SetValue(funding, (decimal?)5m);
        var doc = With(p => { p.Funding = funding; p.BudgetLines.Clear(); });
        Assert.Empty(Run(doc, "R04-funding-missing"));
    }

    [Fact]
    public void BudgetLinesWithoutAmountsAreNoFunding()
    {
        var doc = With(p =>
        {
            p.Funding = new Funding();
            p.BudgetLines = [new BudgetLine { Name = "法律咨询服务费" }];
        });
        Assert.Single(Run(doc, "R04-funding-missing"));
    }

    [Fact]
    public void OneBudgetLineWithAnAmountIsFunding()
    {
        var doc = With(p =>
        {
            p.Funding = new Funding();
            p.BudgetLines = [new BudgetLine { Name = "法律咨询服务费" }, new BudgetLine { Name = "值班补助", Amount = 1m }];
        });
        Assert.Empty(Run(doc, "R04-funding-missing"));
    }

    // R21 -------------------------------------------------------------------------------------------

    [Fact]
    public void FiscalPartsWithinTheToleranceAreSilent()
    {
        // 100,000 against 99,000: exactly the 1,000 元 allowed.
        Assert.Empty(Run(With(p => p.Funding.Fiscal = 99000m), "R21-funding-parts"));
        Assert.Empty(Run(With(p => p.Funding.Fiscal = 101000m), "R21-funding-parts"));
    }

    [Fact]
    public void FiscalPartsJustBeyondTheToleranceFire()
    {
        var f = Assert.Single(Run(With(p => p.Funding.Fiscal = 98999m), "R21-funding-parts"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Null(f.Indicator);
        Assert.Equal("funding.total", f.Field);
        Assert.Equal("项目资金总额100,000元与财政资金98,999元 + 其他资金0元之和98,999元不符（相差1,001元）", f.Message);
        Assert.Equal("核对资金来源各项金额，使其合计等于项目资金总额（允许误差0.1万元）", f.Suggestion);
        Assert.Single(Run(With(p => p.Funding.Fiscal = 101001m), "R21-funding-parts"));
    }

    [Fact]
    public void FiscalPartsCountTheSpecialAccountAndOtherFunds()
    {
        var doc = With(p =>
        {
            p.Funding = new Funding { SourceUnit = "元", Total = 100000m, Fiscal = 50000m, SpecialAccount = 30000m, Other = 10000m };
        });
        var f = Assert.Single(Run(doc, "R21-funding-parts"));
        Assert.Equal("项目资金总额100,000元与财政资金50,000元 + 财政专户拨款30,000元 + 其他资金10,000元之和90,000元不符（相差10,000元）", f.Message);

        var balanced = With(p =>
            p.Funding = new Funding { SourceUnit = "元", Total = 100000m, Fiscal = 50000m, SpecialAccount = 30000m, Other = 20000m });
        Assert.Empty(Run(balanced, "R21-funding-parts"));
    }

    [Fact]
    public void AppropriationLayoutAddsTheCarryOver()
    {
        // No 财政资金 and no annual request: the total is 财政拨款 + 专户 + 结转 + 其他.
        var balanced = With(p => p.Funding = new Funding
        {
            SourceUnit = "元", Total = 100000m, Appropriation = 60000m, SpecialAccount = 10000m, CarryOver = 20000m, Other = 10000m,
        });
        Assert.Empty(Run(balanced, "R21-funding-parts"));

        var shortOne = With(p => p.Funding = new Funding
        {
            SourceUnit = "元", Total = 100000m, Appropriation = 60000m, SpecialAccount = 10000m, CarryOver = 20000m,
        });
        var f = Assert.Single(Run(shortOne, "R21-funding-parts"));
        Assert.Equal("funding.total", f.Field);
        Assert.Equal("项目资金总额100,000元与财政拨款60,000元 + 财政专户拨款10,000元 + 上年结转资金20,000元之和90,000元不符（相差10,000元）", f.Message);
    }

    [Fact]
    public void AnnualRequestLayoutAddsTheCarryOverToTheRequest()
    {
        var balanced = With(p => p.Funding = new Funding
        {
            SourceUnit = "元", Total = 100000m, AnnualRequest = 70000m, CarryOver = 20000m, Other = 10000m,
        });
        Assert.Empty(Run(balanced, "R21-funding-parts"));

        var shortOne = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 70000m, CarryOver = 20000m });
        var f = Assert.Single(Run(shortOne, "R21-funding-parts"));
        Assert.Equal("funding.total", f.Field);
        Assert.Equal("项目资金总额100,000元与上年结转资金20,000元 + 本年度预算申请70,000元之和90,000元不符（相差10,000元）", f.Message);
    }

    [Fact]
    public void TotalAloneHasNothingToAddUp()
    {
        Assert.Empty(Run(With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m }), "R21-funding-parts"));
    }

    [Fact]
    public void PartsWithoutATotalAreNotChecked()
    {
        Assert.Empty(Run(With(p => p.Funding = new Funding { SourceUnit = "元", Fiscal = 5000m, Other = 7000m }), "R21-funding-parts"));
        Assert.Empty(Run(With(p => p.Funding = new Funding { SourceUnit = "元", Total = 5000m, FromHigherLevel = 1m }), "R21-funding-parts"));
    }

    [Fact]
    public void AnnualRequestIsTheSumOfAppropriationCarryOverAndOther()
    {
        // Total and 财政资金 agree; the annual request is 100,000 but its parts 80,000 + 10,000 + 0.
        var doc = With(p => p.Funding = new Funding
        {
            SourceUnit = "元", Total = 100000m, Fiscal = 100000m, AnnualRequest = 100000m, Appropriation = 80000m,
            CarryOver = 10000m, Other = 0m,
        });
        var f = Assert.Single(Run(doc, "R21-funding-parts"));
        Assert.Equal("funding.annualRequest", f.Field);
        Assert.Equal("年度资金申请总额100,000元与当年财政拨款80,000元 + 上年结转资金10,000元 + 其他资金0元之和90,000元不符（相差10,000元）", f.Message);
        Assert.Equal("核对资金来源各项金额，使其合计等于年度资金申请总额（允许误差0.1万元）", f.Suggestion);
    }

    [Fact]
    public void LevelsAddUpToTheAppropriation()
    {
        var balanced = With(p => { p.Funding.FromHigherLevel = 30000m; p.Funding.FromSameLevel = 50000m; p.Funding.FromLowerLevel = 20000m; });
        Assert.Empty(Run(balanced, "R21-funding-parts"));

        foreach (var set in new Action<Funding>[] { f => f.FromHigherLevel = 1000m, f => f.FromSameLevel = 1000m, f => f.FromLowerLevel = 1000m })
        {
            var doc = With(p => set(p.Funding));
            var f = Assert.Single(Run(doc, "R21-funding-parts"));
            Assert.Equal("funding.appropriation", f.Field);
            Assert.StartsWith("财政拨款100,000元与", f.Message);
        }

        var shortOne = With(p => { p.Funding.FromHigherLevel = 20000m; p.Funding.FromLowerLevel = 30000m; });
        Assert.Equal("财政拨款100,000元与上级财政拨款20,000元 + 下级财政配套30,000元之和50,000元不符（相差50,000元）",
            Assert.Single(Run(shortOne, "R21-funding-parts")).Message);
        var same = With(p => p.Funding.FromSameLevel = 40000m);
        Assert.Equal("财政拨款100,000元与本级财政安排40,000元之和40,000元不符（相差60,000元）",
            Assert.Single(Run(same, "R21-funding-parts")).Message);
    }

    [Fact]
    public void LevelsAddUpToTheFiscalFundsWithoutAnAppropriation()
    {
        var doc = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, Fiscal = 100000m, FromHigherLevel = 60000m, FromSameLevel = 40000m });
        Assert.Empty(Run(doc, "R21-funding-parts"));
        var shortOne = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, Fiscal = 100000m, FromHigherLevel = 60000m });
        Assert.Equal("funding.appropriation", Assert.Single(Run(shortOne, "R21-funding-parts")).Field);
    }

    [Fact]
    public void AnnualRequestAboveTheTotalAtTheToleranceEdge()
    {
        // Request layout (no appropriation): total = carry-over + request, so the request may exceed the total only within the tolerance.
        var edge = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 101000m });
        Assert.Empty(Run(edge, "R21-funding-parts"));

        var over = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 101001m });
        var f = Assert.Single(Run(over, "R21-funding-parts"), x => x.Field == "funding.annualRequest");
        Assert.Equal("年度资金申请总额101,001元大于项目资金总额100,000元", f.Message);
        Assert.Equal("年度申请数不能超过项目资金总额：核对两项金额", f.Suggestion);
    }

    [Fact]
    public void AnnualRequestBelowTheTotalIsFine()
    {
        var doc = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 50000m, CarryOver = 50000m });
        Assert.Empty(Run(doc, "R21-funding-parts"));
    }

    // R22 -------------------------------------------------------------------------------------------

    [Fact]
    public void BudgetLinesWithinTheToleranceAreSilent()
    {
        Assert.Empty(Run(With(p => p.BudgetLines[1].Amount = 39000m), "R22-budget-lines"));
        Assert.Empty(Run(With(p => p.BudgetLines[1].Amount = 41000m), "R22-budget-lines"));
    }

    [Fact]
    public void BudgetLinesJustBeyondTheToleranceFire()
    {
        var f = Assert.Single(Run(With(p => p.BudgetLines[1].Amount = 38999m), "R22-budget-lines"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("budgetLines", f.Field);
        Assert.Equal("预算明细合计98,999元与项目资金总额100,000元不符（相差1,001元）", f.Message);
        Assert.Equal("预算明细应覆盖全部项目资金：补齐或核减明细，使合计等于资金总额", f.Suggestion);
        Assert.Single(Run(With(p => p.BudgetLines[1].Amount = 41001m), "R22-budget-lines"));
    }

    [Fact]
    public void BudgetLinesAgainstTheAnnualRequestWithoutATotal()
    {
        var doc = With(p => { p.Funding.Total = null; p.Funding.AnnualRequest = 90000m; p.Funding.Fiscal = null; });
        Assert.Equal("预算明细合计100,000元与项目资金总额90,000元不符（相差10,000元）",
            Assert.Single(Run(doc, "R22-budget-lines")).Message);
    }

    [Fact]
    public void BudgetLinesWithoutAnyBudgetAreNotCompared()
    {
        Assert.Empty(Run(With(p => p.Funding = new Funding { SourceUnit = "元", Fiscal = 5m }), "R22-budget-lines"));
    }

    [Theory]
    [InlineData("合计")]
    [InlineData("小计")]
    [InlineData("总计")]
    [InlineData(" 合 计 ")]
    public void TotalLineIsCheckedAgainstTheDetails(string name)
    {
        var right = With(p => p.BudgetLines.Add(new BudgetLine { Name = name, Amount = 99000m }));
        Assert.Empty(Run(right, "R22-budget-lines"));

        var wrong = With(p => p.BudgetLines.Add(new BudgetLine { Name = name, Amount = 98999m }));
        var f = Assert.Single(Run(wrong, "R22-budget-lines"));
        Assert.Equal("budgetLines", f.Field);
        Assert.Equal($"预算明细“{DomainText.Compact(name)}”98,999元与各明细之和100,000元不符", f.Message);
        Assert.Equal("核对预算明细各项金额与合计数", f.Suggestion);

        Assert.Single(Run(With(p => p.BudgetLines.Add(new BudgetLine { Name = name, Amount = 101001m })), "R22-budget-lines"));
    }

    [Fact]
    public void OnlyTotalLinesHaveNoDetailsToAdd()
    {
        var doc = With(p => p.BudgetLines = [new BudgetLine { Name = "合计", Amount = 5m }, new BudgetLine { Name = "明细" }]);
        Assert.Empty(Run(doc, "R22-budget-lines"));
    }

    [Fact]
    public void LinesWithoutAmountsAreLeftOut()
    {
        var doc = With(p => p.BudgetLines.Add(new BudgetLine { Name = "合计" }));
        Assert.Empty(Run(doc, "R22-budget-lines"));
    }

    // R23 -------------------------------------------------------------------------------------------

    static FormDocument WithUnitTotal(decimal total, string unit = "元")
    {
        var doc = Doc(GoodProject("信访事项办理"), OtherProject());
        doc.Unit.Funding = new Funding { SourceUnit = unit, Total = total };
        return doc;
    }

    [Fact]
    public void UnitTotalWithinTheToleranceIsSilent()
    {
        Assert.Empty(Run(WithUnitTotal(201000m), "R23-summary-mismatch"));
        Assert.Empty(Run(WithUnitTotal(199000m), "R23-summary-mismatch"));
    }

    [Fact]
    public void UnitTotalJustBeyondTheToleranceFires()
    {
        var f = Assert.Single(Run(WithUnitTotal(201001m), "R23-summary-mismatch"));
        Assert.Null(f.Project);
        Assert.Null(f.Indicator);
        Assert.Equal("unit.funding.total", f.Field);
        Assert.Equal("单位合计201,001元与各项目资金之和200,000元不符（相差1,001元）", f.Message);
        Assert.Equal("核对合计行与各项目金额，补齐漏列的项目或更正合计数", f.Suggestion);
        Assert.Single(Run(WithUnitTotal(198999m), "R23-summary-mismatch"));
    }

    [Fact]
    public void UnitTotalIsShownInItsOwnUnit()
    {
        Assert.Equal("单位合计30万元与各项目资金之和20万元不符（相差10万元）",
            Assert.Single(Run(WithUnitTotal(300000m, "万元"), "R23-summary-mismatch")).Message);
    }

    [Fact]
    public void UnitTotalIsNotComparedWhenAProjectHasNoBudget()
    {
        var doc = WithUnitTotal(300000m);
        doc.Projects[1].Funding = new Funding { Fiscal = 100000m };
        Assert.Empty(Run(doc, "R23-summary-mismatch"));
    }

    [Fact]
    public void UnitTotalWithoutProjectsIsNotCompared()
    {
        var doc = WithUnitTotal(300000m);
        doc.Projects.Clear();
        Assert.Empty(Run(doc, "R23-summary-mismatch"));
    }

    static FormDocument Summarised(string sentence, params ProjectForm[] projects)
    {
        var doc = Doc(projects);
        doc.Sections["绩效目标设置情况"] = sentence;
        return doc;
    }

    [Fact]
    public void SummaryCountNamesTheSection()
    {
        var f = Assert.Single(Run(Summarised("编报绩效目标的项目 3 个。", GoodProject(), OtherProject()), "R23-summary-mismatch"));
        Assert.Null(f.Project);
        Assert.Equal("sections.绩效目标设置情况", f.Field);
        Assert.Equal("“绩效目标设置情况”写明项目3个，表中实有项目2个", f.Message);
        Assert.Equal("核对汇总说明与所附项目表，补齐缺漏的项目或更正项目个数", f.Suggestion);
        Assert.Empty(Run(Summarised("编报绩效目标的项目 2 个。", GoodProject(), OtherProject()), "R23-summary-mismatch"));
    }

    [Fact]
    public void SummaryAmountAtTheToleranceEdge()
    {
        Assert.Empty(Run(Summarised("项目 1 个，资金总额10.1万元。"), "R23-summary-mismatch"));
        Assert.Empty(Run(Summarised("项目 1 个，资金总额9.9万元。"), "R23-summary-mismatch"));
        var f = Assert.Single(Run(Summarised("项目 1 个，资金总额10.1001万元。"), "R23-summary-mismatch"));
        Assert.Equal("sections.绩效目标设置情况", f.Field);
        Assert.Equal("“绩效目标设置情况”写明项目资金10.1001万元，各项目资金合计10万元（相差0.1001万元）", f.Message);
        Assert.Equal("核对汇总说明与各项目资金表，以批复口径统一金额", f.Suggestion);
        Assert.Single(Run(Summarised("项目 1 个，资金总额9.8999万元。"), "R23-summary-mismatch"));
    }

    [Fact]
    public void SummaryAmountAddsUpEveryProject()
    {
        Assert.Empty(Run(Summarised("资金共计20万元。", GoodProject(), OtherProject()), "R23-summary-mismatch"));
        Assert.Single(Run(Summarised("资金共计10万元。", GoodProject(), OtherProject()), "R23-summary-mismatch"));
    }

    [Fact]
    public void SummaryAmountIsNotComparedWhenAProjectHasNoBudgetOrThereAreNone()
    {
        var other = OtherProject();
        other.Funding = new Funding { Fiscal = 100000m };
        Assert.Empty(Run(Summarised("资金共计50万元。", GoodProject(), other), "R23-summary-mismatch"));

        var none = Summarised("资金共计50万元。");
        none.Projects.Clear();
        Assert.Empty(Run(none, "R23-summary-mismatch"));
    }

    [Fact]
    public void SummaryWithoutACountOrAmountIsSilent()
    {
        Assert.Empty(Run(Summarised("本单位认真编报绩效目标，共涉及3个科室，50万人受益。"), "R23-summary-mismatch"));
    }

    [Fact]
    public void EachSectionIsReadOnItsOwn()
    {
        var doc = Summarised("编报绩效目标的项目 1 个。");
        doc.Sections["编制说明"] = "编报项目 4 个，资金共计40万元。";
        var findings = Run(doc, "R23-summary-mismatch");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("sections.编制说明", f.Field));
    }

    // R24 -------------------------------------------------------------------------------------------

    [Fact]
    public void NarrativeBudgetAtTheToleranceEdge()
    {
        Assert.Empty(Run(With(p => p.Sections["年度预算安排"] = "预算为10.1万元。"), "R24-narrative-budget"));
        Assert.Empty(Run(With(p => p.Sections["年度预算安排"] = "预算为9.9万元。"), "R24-narrative-budget"));
        var f = Assert.Single(Run(With(p => p.Sections["年度预算安排"] = "预算为10.1001万元。"), "R24-narrative-budget"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("sections.年度预算安排", f.Field);
        Assert.Equal("“年度预算安排”写明预算10.1001万元，资金表中项目资金为100,000元", f.Message);
        Assert.Equal("统一文字说明与资金表的金额，以申报的资金数为准", f.Suggestion);
        Assert.Single(Run(With(p => p.Sections["年度预算安排"] = "预算为9.8999万元。"), "R24-narrative-budget"));
    }

    [Fact]
    public void NarrativeBudgetAcceptsOneAmountThatMatches()
    {
        // The sum 16万元 matches nothing, but 10万元 is the total.
        Assert.Empty(Run(With(p => p.Sections["年度预算安排"] = "上年6万元，本年10万元。"), "R24-narrative-budget"));
        var f = Assert.Single(Run(With(p => p.Sections["年度预算安排"] = "上年6万元，本年12万元。"), "R24-narrative-budget"));
        Assert.Equal("“年度预算安排”写明预算6万元、12万元，资金表中项目资金为100,000元", f.Message);
    }

    [Theory]
    [InlineData("Total")]
    [InlineData("AnnualRequest")]
    [InlineData("Fiscal")]
    [InlineData("Appropriation")]
    public void NarrativeBudgetMatchesAnyOfTheFundingCells(string field)
    {
        var doc = With(p =>
        {
            p.Funding = new Funding { SourceUnit = "元" };
            typeof(Funding).GetProperty(field)!.SetValue(p.Funding, (decimal?)120000m);
            p.Sections["年度预算安排"] = "本项目预算为12万元。";
        });
        Assert.Empty(Run(doc, "R24-narrative-budget"));
    }

    [Fact]
    public void NarrativeBudgetShowsTheFirstFundingCellWithoutABudget()
    {
        var doc = With(p =>
        {
            p.Funding = new Funding { SourceUnit = "万元", Fiscal = 80000m, Appropriation = 90000m };
            p.Sections["年度预算安排"] = "本项目预算为12万元。";
        });
        Assert.Equal("“年度预算安排”写明预算12万元，资金表中项目资金为8万元", Assert.Single(Run(doc, "R24-narrative-budget")).Message);
    }

    [Fact]
    public void NarrativeBudgetWithoutFundingOrAmountsIsSilent()
    {
        Assert.Empty(Run(With(p =>
        {
            p.Funding = new Funding { SourceUnit = "元", Other = 5m };
            p.Sections["年度预算安排"] = "本项目预算为12万元。";
        }), "R24-narrative-budget"));
        Assert.Empty(Run(With(p => p.Sections["年度预算安排"] = "按实际需要安排。"), "R24-narrative-budget"));
    }

    [Theory]
    [InlineData("资金安排")]
    [InlineData("预算金额")]
    [InlineData("资金预算")]
    public void NarrativeBudgetReadsEachBudgetSection(string label)
    {
        var f = Assert.Single(Run(With(p => p.Sections[label] = "为12万元。"), "R24-narrative-budget"));
        Assert.Equal($"sections.{label}", f.Field);
    }

    // R25 -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("中长期目标")]
    [InlineData("年度目标")]
    public void NarrativeStandardReadsTheGoals(string label)
    {
        var doc = With(p =>
        {
            if (label == "年度目标") p.AnnualGoal = "按200元/人/天发放值班补助。";
            else p.LongTermGoal = "按200元/人/天发放值班补助。";
        });
        var f = Assert.Single(Run(doc, "R25-narrative-standard"));
        Assert.Equal("信访值班补助标准", f.Indicator);
        Assert.Equal("annualTarget", f.Field);
        Assert.Equal($"“{label}”写明“200元/人/天”，指标“信访值班补助标准”却为“≤180元/人/天”", f.Message);
        Assert.Equal("核实实际执行的标准，统一文字说明与指标值", f.Suggestion);
    }

    [Fact]
    public void NarrativeStandardReadsTheRowDescriptionAndPeriod()
    {
        var byDescription = With(p =>
        {
            p.Sections["项目概况"] = "每人3元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "≤10万元", description: "按人均2元计提"));
        });
        Assert.Equal("“项目概况”写明“每人3元”，指标“信访储备金”却为“人均2元”",
            Assert.Single(Run(byDescription, "R25-narrative-standard")).Message);

        var byPeriod = With(p =>
        {
            p.Sections["项目概况"] = "每人3元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "≤10万元", "人均2元"));
        });
        Assert.Single(Run(byPeriod, "R25-narrative-standard"));
    }

    [Fact]
    public void NarrativeStandardOfAnotherKindIsNotCompared()
    {
        // 元/人 against 元/人/天 are different standards.
        Assert.Empty(Run(With(p => p.Sections["项目概况"] = "补助标准200元/人。"), "R25-narrative-standard"));
        Assert.Empty(Run(With(p => p.Sections["项目概况"] = "补助标准200元/人/次。"), "R25-narrative-standard"));
    }

    [Fact]
    public void NarrativeStandardAcceptsAnyMatchingMention()
    {
        var doc = With(p => p.Sections["项目概况"] = "去年200元/人/天，今年180元/人/天。");
        Assert.Empty(Run(doc, "R25-narrative-standard"));
    }

    [Fact]
    public void NarrativeStandardReportsARowOnce()
    {
        var doc = With(p =>
        {
            p.Sections["项目概况"] = "人均3元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "人均1元", "人均2元"));
        });
        var f = Assert.Single(Run(doc, "R25-narrative-standard"));
        Assert.Equal("“项目概况”写明“人均3元”，指标“信访储备金”却为“人均1元”", f.Message);
    }

    [Fact]
    public void NarrativeStandardQuotesTheStandardWhenTheTargetIsElsewhere()
    {
        var doc = With(p =>
        {
            p.Sections["项目概况"] = "人均3元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "人均2元的储备金", "≤10万元"));
        });
        Assert.Equal("“项目概况”写明“人均3元”，指标“人均2元的储备金”却为“人均2元”",
            Assert.Single(Run(doc, "R25-narrative-standard")).Message);
    }

    // R26 / R27 -------------------------------------------------------------------------------------

    static void Plan(ProjectForm p, params decimal?[] percents) =>
        p.SpendingPlan = percents.Select((v, j) => new SpendingMilestone { By = $"{j + 1}期", CumulativePercent = v }).ToList();

    [Fact]
    public void SpendingPlanAtOneHundredIsFine()
    {
        Assert.Empty(Run(With(p => Plan(p, 50, 100)), "R26-spending-plan-order"));
        Assert.Empty(Run(With(p => Plan(p, 50, 100)), "R27-spending-plan-short"));
    }

    [Fact]
    public void SpendingPlanJustAboveOneHundredFires()
    {
        var f = Assert.Single(Run(With(p => Plan(p, 50, 100.5m, 120)), "R26-spending-plan-order"));
        Assert.Equal("信访事项办理", f.Project);
        Assert.Equal("spendingPlan", f.Field);
        Assert.Equal("资金支出计划“2期”累计100.5%，超过100%", f.Message);
        Assert.Equal("支出计划是累计进度，最高为100%", f.Suggestion);
    }

    [Fact]
    public void SpendingPlanAboveOneHundredAtTheStart()
    {
        Assert.Equal("资金支出计划“1期”累计101%，超过100%",
            Assert.Single(Run(With(p => Plan(p, 101)), "R26-spending-plan-order")).Message);
    }

    [Fact]
    public void SpendingPlanGoingDownIsReportedOnce()
    {
        var f = Assert.Single(Run(With(p => Plan(p, 30, 29.5m, 20, 100)), "R26-spending-plan-order"));
        Assert.Equal("资金支出计划从“1期”30%降到“2期”29.5%", f.Message);
        Assert.Equal("支出计划填写累计进度，应逐期不减，如 3月底25%、6月底50%、10月底75%、12月底100%", f.Suggestion);
        Assert.Equal("spendingPlan", f.Field);
    }

    [Fact]
    public void SpendingPlanSkipsEmptyMilestones()
    {
        Assert.Empty(Run(With(p => Plan(p, 30, null, 60, null, 100)), "R26-spending-plan-order"));
        Assert.Single(Run(With(p => Plan(p, 60, null, 30, 100)), "R26-spending-plan-order"));
        Assert.Empty(Run(With(p => Plan(p, 30, 100, null)), "R27-spending-plan-short"));
    }

    [Fact]
    public void SpendingPlanJustShortOfOneHundred()
    {
        var f = Assert.Single(Run(With(p => Plan(p, 50, 99.9m)), "R27-spending-plan-short"));
        Assert.Equal("spendingPlan", f.Field);
        Assert.Equal("资金支出计划到“2期”累计99.9%，未达到100%", f.Message);
        Assert.Equal("年底（12月底）累计支出进度应为100%；确需跨年支出的，说明原因和结转安排", f.Suggestion);
        Assert.Empty(Run(With(p => Plan(p, 50, 100.5m)), "R27-spending-plan-short"));
    }

    [Fact]
    public void EveryProjectsPlanIsChecked()
    {
        var doc = Doc(GoodProject(), OtherProject());
        Plan(doc.Projects[1], 50, 40);
        Assert.Equal("信访宣传", Assert.Single(Run(doc, "R26-spending-plan-order")).Project);
        Assert.Equal("信访宣传", Assert.Single(Run(doc, "R27-spending-plan-short")).Project);
    }
    // Mutation testing (dotnet-stryker, tools/mutation.sh) left these cases open.

    [Fact]
    public void AppropriationWithARequestChecksOnlyTheRequest()
    {
        // No 财政资金: with both 财政拨款 and a request, the total is not the sum of 结转 + request.
        var doc = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 90000m, Appropriation = 90000m, CarryOver = 0m });
        Assert.Empty(Run(doc, "R21-funding-parts"));
    }

    [Fact]
    public void LevelsAddUpToTheAppropriationRatherThanTheFiscalFunds()
    {
        var doc = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, Fiscal = 100000m, Appropriation = 80000m, FromHigherLevel = 80000m });
        Assert.Empty(Run(doc, "R21-funding-parts"));
    }

    [Fact]
    public void SummaryAmountTooLargeToReadIsLeftAlone()
    {
        // The sentence matches, but the number is beyond a decimal: nothing to compare, no crash.
        Assert.Empty(Run(Summarised("资金共计999999999999999999999999999999999元。"), "R23-summary-mismatch"));
    }

    [Fact]
    public void NarrativeBudgetPartsAddingUpToTheToleranceEdge()
    {
        // 6 + 4.1 = 10.1万元: the sum is 1,000 元 off, no single amount is near.
        Assert.Empty(Run(With(p => p.Sections["年度预算安排"] = "咨询6万元，补助4.1万元。"), "R24-narrative-budget"));
        Assert.Single(Run(With(p => p.Sections["年度预算安排"] = "咨询6万元，补助4.1001万元。"), "R24-narrative-budget"));
    }

    [Fact]
    public void NarrativeBudgetOneAmountAtTheToleranceEdge()
    {
        // 6 + 10.1 = 16.1万元 matches nothing; 10.1万元 is 1,000 元 from the total.
        Assert.Empty(Run(With(p => p.Sections["年度预算安排"] = "上年6万元，本年10.1万元。"), "R24-narrative-budget"));
        Assert.Single(Run(With(p => p.Sections["年度预算安排"] = "上年6万元，本年10.1001万元。"), "R24-narrative-budget"));
    }

    [Fact]
    public void NarrativeStandardQuotesTheSectionsBeforeTheGoals()
    {
        var doc = With(p =>
        {
            p.Sections["项目概况"] = "人均3元。";
            p.LongTermGoal = "人均4元。";
            p.AnnualGoal = "人均5元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "人均2元"));
        });
        Assert.Equal("“项目概况”写明“人均3元”，指标“信访储备金”却为“人均2元”", Assert.Single(Run(doc, "R25-narrative-standard")).Message);

        var goals = With(p =>
        {
            p.LongTermGoal = "人均4元。";
            p.AnnualGoal = "人均5元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "人均2元"));
        });
        Assert.Equal("“中长期目标”写明“人均4元”，指标“信访储备金”却为“人均2元”", Assert.Single(Run(goals, "R25-narrative-standard")).Message);
    }

    [Fact]
    public void PerHeadAndPerPersonAreTheSameStandard()
    {
        var doc = With(p =>
        {
            p.Sections["项目概况"] = "人均3元。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "≤2元/人"));
        });
        Assert.Equal("“项目概况”写明“人均3元”，指标“信访储备金”却为“≤2元/人”", Assert.Single(Run(doc, "R25-narrative-standard")).Message);
        var reverse = With(p =>
        {
            p.Sections["项目概况"] = "按3元/人计提。";
            p.Indicators.Add(Row("成本指标", "经济成本指标", "信访储备金", "人均2元"));
        });
        Assert.Single(Run(reverse, "R25-narrative-standard"));
    }
    [Fact]
    public void OtherFundsAreShownInEachLayout()
    {
        var appropriation = With(p => p.Funding = new Funding
        {
            SourceUnit = "元", Total = 100000m, Appropriation = 60000m, CarryOver = 20000m, Other = 5000m,
        });
        Assert.Equal("项目资金总额100,000元与财政拨款60,000元 + 上年结转资金20,000元 + 其他资金5,000元之和85,000元不符（相差15,000元）",
            Assert.Single(Run(appropriation, "R21-funding-parts")).Message);
        var request = With(p => p.Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 70000m, Other = 5000m });
        Assert.Equal("项目资金总额100,000元与本年度预算申请70,000元 + 其他资金5,000元之和75,000元不符（相差25,000元）",
            Assert.Single(Run(request, "R21-funding-parts")).Message);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("description")]
    [InlineData("annual")]
    public void IndicatorColumnsDoNotRunIntoEachOther(string split)
    {
        // "人均1" ending one column and "5元" starting the next are no 人均15元.
        var doc = With(p =>
        {
            p.Sections["项目概况"] = "人均3元。";
            var row = split switch
            {
                "name" => Row("成本指标", "经济成本指标", "标准人均1", "≤10万元", description: "5元"),
                "description" => Row("成本指标", "经济成本指标", "储备金", "5元", description: "标准人均1"),
                _ => Row("成本指标", "经济成本指标", "储备金", "人均1", "5元"),
            };
            p.Indicators.Add(row);
        });
        Assert.Empty(Run(doc, "R25-narrative-standard"));
    }
}
