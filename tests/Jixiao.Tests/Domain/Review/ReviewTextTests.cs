using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Tests.Domain.Review;

// The reading helpers every rule stands on, each at its edges: category suffixes, name keys,
// bigram similarity, amounts in text, dates and deadlines, quoting and number formatting.
public class ReviewTextTests
{
    [Theory]
    [InlineData("产出指标", "产出")]
    [InlineData("产出目标", "产出")]
    [InlineData("效益类指标", "效益")]
    [InlineData("数量指", "数量")]
    [InlineData("产出指 标", "产出")]
    [InlineData("服务对象满意度指标", "服务对象满意度")]
    [InlineData("指标", "指标")]
    [InlineData("目标", "目标")]
    [InlineData("指", "指")]
    [InlineData("类指标", "类")]
    [InlineData("成本", "成本")]
    [InlineData(null, "")]
    public void CategoryDropsOneSuffix(string? name, string expected) => Assert.Equal(expected, ReviewText.Category(name));

    [Theory]
    [InlineData("成本指标", "经济成本指标", true)]
    [InlineData("产出指标", "成本指标", true)]
    [InlineData("产出指标", "社会成本效益", true)]
    [InlineData("成本控制", "数量指标", false)]
    [InlineData("产出指标", "数量指标", false)]
    public void CostIsTheLevel1OrInsideLevel2(string level1, string level2, bool expected) =>
        Assert.Equal(expected, ReviewText.IsCost(new Indicator { Level1 = level1, Level2 = level2, Name = "x" }));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData(" 无 ", true)]
    [InlineData("／", true)]
    [InlineData("无效", false)]
    [InlineData("0", false)]
    public void PlaceholderIsBlankOrListed(string? text, bool expected) =>
        Assert.Equal(expected, ReviewText.IsPlaceholder(text, ReviewProfiles.National2021.Placeholders));

    [Fact]
    public void EmptyTargets()
    {
        var placeholders = ReviewProfiles.National2021.Placeholders;
        Assert.True(ReviewText.IsEmpty(null, placeholders));
        Assert.True(ReviewText.IsEmpty(TargetValue.Parse(""), placeholders));
        Assert.True(ReviewText.IsEmpty(TargetValue.Parse("无"), placeholders));
        Assert.False(ReviewText.IsEmpty(TargetValue.Parse("≥5%"), placeholders));
        Assert.False(ReviewText.IsEmpty(TargetValue.Parse("达成"), placeholders));
    }

    [Fact]
    public void ParsedReadsARawValueAgain()
    {
        var raw = new TargetValue { Raw = "≥95%" };
        var parsed = ReviewText.Parsed(raw)!;
        Assert.Equal(95m, parsed.Value);
        Assert.Equal(TargetOperator.Ge, parsed.Operator);
        var done = TargetValue.Parse("≥90%");
        Assert.Same(done, ReviewText.Parsed(done));
        var qualitative = new TargetValue { Raw = "达成", Kind = TargetKind.Qualitative };
        Assert.Same(qualitative, ReviewText.Parsed(qualitative));
        Assert.Null(ReviewText.Parsed(null));
    }

    [Fact]
    public void NumberIsAValueDigitsOrAWrittenFraction()
    {
        Assert.True(ReviewText.HasNumber(new TargetValue { Raw = "x", Value = 1m }));
        Assert.True(ReviewText.HasNumber(new TargetValue { Raw = "达80以上" }));
        Assert.True(ReviewText.HasNumber(new TargetValue { Raw = "十万分之一" }));
        Assert.False(ReviewText.HasNumber(new TargetValue { Raw = "较上年提高" }));
    }

    [Fact]
    public void EndingsAndParts()
    {
        Assert.True(ReviewText.EndsWithAny("办结率", ["率", "数"]));
        Assert.False(ReviewText.EndsWithAny("率的", ["率", "数"]));
        Assert.True(ReviewText.ContainsAny("年度预算安排", ["预算安排"]));
        Assert.False(ReviewText.ContainsAny("项目概况", ["预算安排"]));
    }

    [Theory]
    [InlineData("信访事项按期办结率", "信访事项按期办结率")]
    [InlineData("群众 满意·度的", "群众满意度")]
    [InlineData("提高群众满意度", "群众满意度")]
    [InlineData("提升满意度", "满意度")]
    [InlineData("保持满意度", "满意度")]
    [InlineData("确保满意度", "满意度")]
    [InlineData("提高满意", "提高满意")]
    [InlineData("信访办理情况", "信访办理")]
    [InlineData("办理情况", "办理情况")]
    [InlineData("及时性", "及时率")]
    [InlineData("时性", "时性")]
    [InlineData("办结3件", "办结3件")]
    public void NameKeyIsWhatTheNameMeasures(string name, string key) => Assert.Equal(key, ReviewText.NameKey(name));

    [Fact]
    public void BigramsStopAtNonLetters()
    {
        Assert.Equal(["ab", "bc"], ReviewText.Bigrams("abc").Order());
        Assert.Equal(["ab", "cd"], ReviewText.Bigrams("ab cd").Order());
        Assert.Empty(ReviewText.Bigrams("a"));
        Assert.Empty(ReviewText.Bigrams(""));
        Assert.Equal(["a1"], ReviewText.Bigrams("a1").Order());
    }

    [Fact]
    public void SimilarityIsTheDiceCoefficient()
    {
        Assert.Equal(0, ReviewText.Similarity("", ""));
        Assert.Equal(1, ReviewText.Similarity("abc", "abc"));
        Assert.Equal(0.5, ReviewText.Similarity("abc", "abd"));
        Assert.Equal(0, ReviewText.Similarity("ab", ""));
        Assert.Equal(2.0 * 1 / 3, ReviewText.Similarity("ab", "abc"), 10);
    }

    [Fact]
    public void SameCharactersInAnyOrder()
    {
        Assert.True(ReviewText.SameCharacters("社会面防控", "社会防控面"));
        Assert.False(ReviewText.SameCharacters("abc", "abcc"));
        Assert.False(ReviewText.SameCharacters("abc", "abd"));
    }

    [Fact]
    public void AmountsInText()
    {
        var amounts = ReviewText.Amounts("预算 10 万元，其中2,371,500元和1.5万元。");
        Assert.Equal([100000m, 2371500m, 15000m], amounts.Select(a => a.Yuan));
        Assert.Equal(["10万元", "2,371,500元", "1.5万元"], amounts.Select(a => a.Text));
        Assert.Empty(ReviewText.Amounts("180元/人/天，200元 每人"));
        Assert.Empty(ReviewText.Amounts(null));
        Assert.Empty(ReviewText.Amounts(""));
    }

    [Fact]
    public void MoneyOfATarget()
    {
        Assert.Equal(20000m, ReviewText.MoneyOf(TargetValue.Parse("≤2万元")));
        Assert.Equal(180m, ReviewText.MoneyOf(TargetValue.Parse("≤180元")));
        Assert.Null(ReviewText.MoneyOf(TargetValue.Parse("≤180元/人/天")));
        Assert.Equal(30000m, ReviewText.MoneyOf(new TargetValue { Raw = "控制在3万元以内", Kind = TargetKind.Text }));
        Assert.Null(ReviewText.MoneyOf(new TargetValue { Raw = "1万元或2万元", Kind = TargetKind.Text }));
        Assert.Null(ReviewText.MoneyOf(TargetValue.Parse("≥95%")));
    }

    [Fact]
    public void MentionsMoneyInTheUnitOrTheText()
    {
        Assert.True(ReviewText.MentionsMoney(new TargetValue { Raw = "x", Unit = "万元" }));
        Assert.True(ReviewText.MentionsMoney(new TargetValue { Raw = "人均1.5元标准" }));
        Assert.False(ReviewText.MentionsMoney(new TargetValue { Raw = "良好", Unit = "%" }));
        Assert.False(ReviewText.MentionsMoney(new TargetValue { Raw = "良好" }));
    }

    [Theory]
    [InlineData("2023-01-05", false, "2023-01-05")]
    [InlineData("2023年6月", false, "2023-06-01")]
    [InlineData("2023-02", true, "2023-02-28")]
    [InlineData("2024-02", true, "2024-02-29")]
    [InlineData("2023-12", false, "2023-12-01")]
    [InlineData("2023-12", true, "2023-12-31")]
    [InlineData("2023-02-28", true, "2023-02-28")]
    [InlineData("2023-01-01", true, "2023-01-01")]
    [InlineData("2023-13", false, null)]
    [InlineData("2023-00", false, null)]
    [InlineData("2023-02-29", false, null)]
    [InlineData("2023-02-00", false, null)]
    [InlineData("2023-01-31", false, "2023-01-31")]
    [InlineData("明年", false, null)]
    [InlineData(null, false, null)]
    public void DatesAsWritten(string? text, bool endOfMonth, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), ReviewText.ParseDate(text, endOfMonth));

    [Fact]
    public void DeadlinesInATarget()
    {
        Assert.Equal([(new DateOnly(2023, 6, 30), "2023年6月底")], ReviewText.Deadlines("2023年6月底前", null));
        Assert.Equal([(new DateOnly(2023, 6, 30), "6月底")], ReviewText.Deadlines("6月底前", 2023));
        Assert.Empty(ReviewText.Deadlines("6月底前", null));
        Assert.Equal([(new DateOnly(2023, 6, 10), "6月10日")], ReviewText.Deadlines("6月10日前", 2023));
        Assert.Equal([(new DateOnly(2024, 1, 31), "1月31日")], ReviewText.Deadlines("1月31日", 2024));
        Assert.Equal([(new DateOnly(2023, 6, 15), "2023-06-15")], ReviewText.Deadlines("2023-06-15前", null));
        Assert.Equal([(new DateOnly(2023, 12, 31), "12月")], ReviewText.Deadlines("12月", 2023));
        Assert.Equal([(new DateOnly(2023, 1, 31), "1月")], ReviewText.Deadlines("1月", 2023));
        Assert.Empty(ReviewText.Deadlines("13月底", 2023));
        Assert.Empty(ReviewText.Deadlines("0月底", 2023));
        Assert.Empty(ReviewText.Deadlines("2月30日", 2023));
        Assert.Empty(ReviewText.Deadlines("2月0日", 2023));
        Assert.Equal(2, ReviewText.Deadlines("3月底前完成采购，9月底前验收", 2023).Count());
    }

    [Fact]
    public void QuoteCutsLongText()
    {
        var thirty = new string('甲', 30);
        Assert.Equal(thirty, ReviewText.Quote(thirty));
        Assert.Equal(thirty + "…", ReviewText.Quote(thirty + "乙"));
        Assert.Equal("甲乙…", ReviewText.Quote("甲乙丙", 2));
        Assert.Equal("甲乙", ReviewText.Quote(" 甲 乙 ", 2));
        Assert.Equal("", ReviewText.Quote(null));
    }

    [Fact]
    public void MoneyAndNumbersAsShown()
    {
        Assert.Equal("12.3456万元", ReviewText.Money(123456m, "万元"));
        Assert.Equal("1,234,567.89元", ReviewText.Money(1234567.891m, "元"));
        Assert.Equal("0元", ReviewText.Money(0m, null));
        Assert.Equal("1.2346", ReviewText.Number(1.23456m));
        Assert.Equal("100", ReviewText.Number(100.00m));
    }
}
