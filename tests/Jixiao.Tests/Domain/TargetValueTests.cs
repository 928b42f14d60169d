using System.Globalization;
using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

public class TargetValueTests
{
    // Parsed parts in one line, so expectations read like the value: "Quantitative Ge 95 %", "Qualitative Up".
    internal static string Describe(TargetValue v) => string.Join(" ", new[]
    {
        v.Kind.ToString(), v.Operator?.ToString(),
        v.Value?.ToString("0.############################", CultureInfo.InvariantCulture),
        v.Upper is { } u ? "to " + u.ToString("0.############################", CultureInfo.InvariantCulture) : null,
        v.Unit, v.Direction?.ToString(),
    }.Where(p => p is not null));

    [Theory]
    [InlineData("≥95%", "Quantitative Ge 95 %")]
    [InlineData("=100.00(%)", "Quantitative Eq 100 %")]
    [InlineData("＝100.00（%）", "Quantitative Eq 100 %")]
    [InlineData("985米", "Quantitative Eq 985 米")]
    [InlineData("≥500平方米", "Quantitative Ge 500 平方米")]
    [InlineData(">=85%", "Quantitative Ge 85 %")]
    [InlineData("＞＝85%", "Quantitative Ge 85 %")]
    [InlineData("≧85％", "Quantitative Ge 85 %")]
    [InlineData("不低于90%", "Quantitative Ge 90 %")]
    [InlineData("不少于3次", "Quantitative Ge 3 次")]
    [InlineData("达到95%", "Quantitative Ge 95 %")]
    [InlineData("达95%", "Quantitative Ge 95 %")]
    [InlineData("95%以上", "Quantitative Ge 95 %")]
    [InlineData("95%及以上", "Quantitative Ge 95 %")]
    [InlineData("≥95%以上", "Quantitative Ge 95 %")]
    [InlineData(">80%", "Quantitative Gt 80 %")]
    [InlineData("＞80%", "Quantitative Gt 80 %")]
    [InlineData("高于80%", "Quantitative Gt 80 %")]
    [InlineData("超过5次", "Quantitative Gt 5 次")]
    [InlineData("=100%", "Quantitative Eq 100 %")]
    [InlineData("＝100%", "Quantitative Eq 100 %")]
    [InlineData("≤10", "Quantitative Le 10")]
    [InlineData("<=10", "Quantitative Le 10")]
    [InlineData("＜＝10", "Quantitative Le 10")]
    [InlineData("不超过10人", "Quantitative Le 10 人")]
    [InlineData("不高于5%", "Quantitative Le 5 %")]
    [InlineData("不多于3起", "Quantitative Le 3 起")]
    [InlineData("10天以内", "Quantitative Le 10 天")]
    [InlineData("5%以下", "Quantitative Le 5 %")]
    [InlineData("<5%", "Quantitative Lt 5 %")]
    [InlineData("＜5%", "Quantitative Lt 5 %")]
    [InlineData("低于5%", "Quantitative Lt 5 %")]
    [InlineData("100%", "Quantitative Eq 100 %")]
    [InlineData("6人", "Quantitative Eq 6 人")]
    [InlineData("3起", "Quantitative Eq 3 起")]
    [InlineData("12", "Quantitative Eq 12")]
    [InlineData("≥ 95 %", "Quantitative Ge 95 %")]
    [InlineData("≥９５．５％", "Quantitative Ge 95.5 %")]
    [InlineData("1,000元", "Quantitative Eq 1000 元")]
    [InlineData("≥95%。", "Quantitative Ge 95 %")]
    public void Operators(string raw, string expected) => Assert.Equal(expected, Describe(TargetValue.Parse(raw)));

    [Theory]
    [InlineData("5次", "次")]
    [InlineData("5批次", "批次")]
    [InlineData("5宗", "宗")]
    [InlineData("5起", "起")]
    [InlineData("5人", "人")]
    [InlineData("5人次", "人次")]
    [InlineData("5天", "天")]
    [InlineData("5年", "年")]
    [InlineData("5元", "元")]
    [InlineData("5万元", "万元")]
    [InlineData("5元/人/天", "元/人/天")]
    [InlineData("5个", "个")]
    [InlineData("5个月", "个月")]
    [InlineData("5件", "件")]
    [InlineData("5%", "%")]
    public void Units(string raw, string unit)
    {
        var v = TargetValue.Parse(raw);
        Assert.Equal(TargetKind.Quantitative, v.Kind);
        Assert.Equal(5m, v.Value);
        Assert.Equal(unit, v.Unit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("无")]
    [InlineData("无。")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("/")]
    public void Placeholders_are_empty(string? raw) => Assert.Equal(TargetKind.Empty, TargetValue.Parse(raw).Kind);

    [Theory]
    [InlineData("提高", "Qualitative Up")]
    [InlineData("提升", "Qualitative Up")]
    [InlineData("增加", "Qualitative Up")]
    [InlineData("上升", "Qualitative Up")]
    [InlineData("改善", "Qualitative Up")]
    [InlineData("稳步提升", "Qualitative Up")]
    [InlineData("下降", "Qualitative Down")]
    [InlineData("较上年下降", "Qualitative Down")]
    [InlineData("比上年有所提高", "Qualitative Up")]
    [InlineData("减少", "Qualitative Down")]
    [InlineData("降低", "Qualitative Down")]
    [InlineData("逐年下降", "Qualitative Down")]
    [InlineData("良好", "Qualitative")]
    [InlineData("有效", "Qualitative")]
    [InlineData("及时", "Qualitative")]
    [InlineData("高", "Qualitative")]
    [InlineData("高质量完成", "Qualitative")]
    [InlineData("有效促进", "Qualitative")]
    [InlineData("有效解决", "Qualitative")]
    [InlineData("及时解决", "Qualitative")]
    [InlineData("良好。", "Qualitative")]
    public void Qualitative_words(string raw, string expected) => Assert.Equal(expected, Describe(TargetValue.Parse(raw)));

    [Theory]
    [InlineData("每年接待群众的人数≥30人", "Quantitative Ge 30 人")]
    [InlineData("接访案件转办及时率100%。", "Quantitative Eq 100 %")]
    [InlineData("服务对象对项目开展的满意度水平达80%。", "Quantitative Ge 80 %")]
    [InlineData("人均1.5元标准", "Quantitative Eq 1.5 元/人")]
    [InlineData("完成率不低于90%", "Quantitative Ge 90 %")]
    public void Values_inside_short_phrases(string raw, string expected) => Assert.Equal(expected, Describe(TargetValue.Parse(raw)));

    [Theory]
    [InlineData("走访纯人数不超过辖区人口数的十万分之一")] // a ratio in words, not a number to compare against
    [InlineData("第3")]                               // a label and a bare number: not clearly the target
    [InlineData("95%-90%")]                           // a range upside down
    [InlineData("90%-95人")]                          // two units that differ
    [InlineData("90%-90%")]                           // a range of one value
    [InlineData("-5%")]
    [InlineData("≥95%以下")]                          // operators that disagree
    [InlineData("100%标准")]                          // "标准" only follows a per-capita amount
    [InlineData("完成2023年任务的100%")]              // digits inside the label
    [InlineData("覆盖全县，达到95%")]                  // punctuation inside the label: a sentence
    [InlineData("有效控制运行成本")]
    [InlineData("应急处置集体访的效率提高")]
    public void Unclear_values_are_text(string raw) => Assert.Equal("Text", Describe(TargetValue.Parse(raw)));

    // The plain shape (operator, number, unit) is read without the pattern; at the edges of that shape
    // the pattern reads it, with the same answer as before.
    [Theory]
    [InlineData("95.%", "Text")]                              // a point without decimals
    [InlineData("5万", "Text")]                               // a magnitude without its unit
    [InlineData("≥95%%", "Text")]                             // something after the unit
    [InlineData("≥1.2万件", "Quantitative Ge 1.2 万件")]      // a magnitude before a unit
    [InlineData("3万人次", "Quantitative Eq 3 万人次")]       // a unit that has its magnitude in the list
    [InlineData("达到95%", "Quantitative Ge 95 %")]          // the longer of two operators that start alike
    [InlineData("=0", "Quantitative Eq 0")]
    [InlineData("0.5小时", "Quantitative Eq 0.5 小时")]
    [InlineData("1,000元", "Quantitative Eq 1000 元")]        // thousands: the pattern
    [InlineData("=100.00(%)", "Quantitative Eq 100 %")]       // a bracketed unit: the pattern
    [InlineData("人均95元", "Quantitative Eq 95 元/人")]      // a label before the number: the pattern
    public void Plain_values_at_the_edges_of_their_shape(string raw, string expected) => Assert.Equal(expected, Describe(TargetValue.Parse(raw)));

    // The grammar of the provincial integrated systems and of forms copied from web pages and PDFs.
    [Theory]
    [InlineData("3万人次", "Quantitative Eq 3 万人次")]
    [InlineData("≥1.2万件", "Quantitative Ge 1.2 万件")]
    [InlineData("≥1.2万件以上", "Quantitative Ge 1.2 万件")]
    [InlineData("2亿元", "Quantitative Eq 2 亿元")]
    [InlineData("≥90.00(%)", "Quantitative Ge 90 %")]
    [InlineData("≤5.00(万元)", "Quantitative Le 5 万元")]
    [InlineData("=12(辆)", "Quantitative Eq 12 辆")]
    [InlineData("不低于95%", "Quantitative Ge 95 %")]
    [InlineData("90%-95%", "Quantitative Ge 90 to 95 %")]
    [InlineData("90-95%", "Quantitative Ge 90 to 95 %")]
    [InlineData("90%-95", "Quantitative Ge 90 to 95 %")]
    [InlineData("89.9-90", "Quantitative Ge 89.9 to 90")]
    [InlineData("1万-2万人次", "Text")]
    [InlineData("90%～95%", "Quantitative Ge 90 to 95 %")]
    [InlineData("10至20人", "Quantitative Ge 10 to 20 人")]
    [InlineData("10到20", "Quantitative Ge 10 to 20")]
    [InlineData("1.5—2.5万元", "Quantitative Ge 1.5 to 2.5 万元")]
    [InlineData("较上年下降5%", "Quantitative Eq 5 % Down")]
    [InlineData("下降≥5%", "Quantitative Ge 5 % Down")]
    [InlineData("同比提高10个百分点", "Text")]
    [InlineData("提高3个", "Quantitative Eq 3 个 Up")]
    [InlineData("增长≤2.5万人次", "Quantitative Le 2.5 万人次 Up")]
    [InlineData("较上年下降", "Qualitative Down")]
    [InlineData("＜＝１０个工作日", "Quantitative Le 10 个工作日")]
    [InlineData("５０００平方公里", "Quantitative Eq 5000 平方公里")]
    public void Grammar_of_real_forms(string raw, string expected) => Assert.Equal(expected, Describe(TargetValue.Parse(raw)));

    [Theory]
    [InlineData("90%-95%", "90%-95%")]
    [InlineData("10至20人", "10人-20人")]
    [InlineData("10-20", "10-20")]
    [InlineData("较上年下降5%", "下降5%")]
    [InlineData("提高≥10%", "提高≥10%")]
    [InlineData("增加<3件", "提高<3件")]
    [InlineData("≥1.2万件", "≥1.2万件")]
    public void Ranges_and_changes_format_and_read_back(string raw, string expected)
    {
        var v = TargetValue.Parse(raw);
        Assert.Equal(expected, v.Format());
        Assert.Equal(Describe(v), Describe(TargetValue.Parse(v.Format())));
    }

    [Fact]
    public void Raw_is_kept_exactly()
    {
        Assert.Equal("  ≥ 95％。 ", TargetValue.Parse("  ≥ 95％。 ").Raw);
        Assert.Equal(" 无 ", TargetValue.Parse(" 无 ").Raw);
        Assert.Equal("", TargetValue.Parse(null).Raw);
    }

    [Theory]
    [InlineData("＞＝85.0％", "≥85%")]
    [InlineData("100%", "=100%")]
    [InlineData("不超过10", "≤10")]
    [InlineData("高于0.50万元", ">0.5万元")]
    [InlineData("低于3起", "<3起")]
    [InlineData("每年接待群众的人数≥30人", "≥30人")]
    [InlineData("人均1.5元标准", "=1.5元/人")]
    [InlineData(" 良好。", "良好")]
    [InlineData(" 推动历史遗留积案的化解 ", "推动历史遗留积案的化解")]
    [InlineData("无", "")]
    public void Format_gives_canonical_text(string raw, string expected) => Assert.Equal(expected, TargetValue.Parse(raw).Format());

    static readonly string?[] UnitPool =
        [null, "%", "次", "批次", "宗", "起", "人", "人次", "天", "年", "元", "万元", "元/人/天", "元/人", "个", "件", "项", "小时"];
    static readonly (string Word, TrendDirection? Direction)[] WordPool =
    [
        ("提高", TrendDirection.Up), ("改善", TrendDirection.Up), ("持续提升", TrendDirection.Up),
        ("下降", TrendDirection.Down), ("减少", TrendDirection.Down), ("降低", TrendDirection.Down),
        ("良好", null), ("及时", null), ("高", null), ("有效促进", null), ("高质量完成", null),
    ];
    static readonly string[] SentencePool =
        ["数据多跑路，群众少跑腿", "按照相关要求专款专用", "走访纯人数不超过辖区人口数的十万分之一", "有效控制运行成本"];

    static TargetValue Generate(Random rnd)
    {
        switch (rnd.Next(10))
        {
            case < 7:
                var value = rnd.Next(0, 1_000_000) / (decimal)Math.Pow(10, rnd.Next(0, 4));
                return new()
                {
                    Kind = TargetKind.Quantitative, Operator = (TargetOperator)rnd.Next(5),
                    Value = value, Unit = UnitPool[rnd.Next(UnitPool.Length)],
                };
            case 7:
                var (word, direction) = WordPool[rnd.Next(WordPool.Length)];
                return new() { Raw = word, Kind = TargetKind.Qualitative, Direction = direction };
            case 8:
                return new() { Raw = SentencePool[rnd.Next(SentencePool.Length)], Kind = TargetKind.Text };
            default:
                return new() { Raw = ((string[])["", " ", "无", "—"])[rnd.Next(4)], Kind = TargetKind.Empty };
        }
    }

    [Fact]
    public void Parse_of_Format_gives_the_same_parts()
    {
        var rnd = new Random(20240601);
        for (var i = 0; i < 3000; i++)
        {
            var v = Generate(rnd);
            var back = TargetValue.Parse(v.Format());
            Assert.True(Describe(v) == Describe(back), $"{Describe(v)} → \"{v.Format()}\" → {Describe(back)}");
        }
    }

    // IsValue answers as Parse's kind does: a quantity or a grade or trend word, not a name, a placeholder or a bare word.
    [Theory]
    [InlineData("≥95%", true)]
    [InlineData("3万人次", true)]
    [InlineData("较上年下降5%", true)]
    [InlineData("良好", true)]
    [InlineData("逐步提高", true)]
    [InlineData("提高。", true)]
    [InlineData("接待来访群众批次", false)]
    [InlineData("第3", false)]
    [InlineData("无", false)]
    [InlineData("——", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValue_answers_as_the_parsed_kind(string? raw, bool value)
    {
        Assert.Equal(value, TargetValue.IsValue(raw));
        Assert.Equal(value, TargetValue.Parse(raw).Kind is TargetKind.Quantitative or TargetKind.Qualitative);
    }
}

// Every word of the parser's lists, each read on its own: a word dropped from a list changes what its value reads as.
public class TargetValueWordTests
{
    static string Read(string raw) => TargetValueTests.Describe(TargetValue.Parse(raw));

    [Theory]
    [InlineData("良好")] [InlineData("优")] [InlineData("优秀")] [InlineData("良")] [InlineData("较好")]
    [InlineData("合格")] [InlineData("达标")] [InlineData("有效")] [InlineData("及时")] [InlineData("高")]
    [InlineData("较高")] [InlineData("规范")] [InlineData("完成")] [InlineData("按时完成")] [InlineData("按期完成")]
    [InlineData("高质量完成")] [InlineData("有效促进")] [InlineData("有效解决")] [InlineData("及时解决")]
    public void Every_grade_is_qualitative(string grade) => Assert.Equal("Qualitative", Read(grade));

    [Theory]
    [InlineData("提高", "Up")] [InlineData("提升", "Up")] [InlineData("增加", "Up")] [InlineData("上升", "Up")]
    [InlineData("改善", "Up")] [InlineData("增强", "Up")] [InlineData("增长", "Up")]
    [InlineData("下降", "Down")] [InlineData("减少", "Down")] [InlineData("降低", "Down")] [InlineData("减轻", "Down")]
    [InlineData("缩短", "Down")]
    public void Every_trend_word_alone_with_a_comparison_and_before_an_amount(string word, string direction)
    {
        Assert.Equal("Qualitative " + direction, Read(word));
        Assert.Equal("Qualitative " + direction, Read("同比" + word));
        Assert.Equal("Quantitative Eq 5 % " + direction, Read(word + "5%"));
        Assert.Equal("Quantitative Ge 5 % " + direction, Read("同比" + word + "≥5%"));
    }

    [Theory]
    [InlineData("较上年")] [InlineData("比上年")] [InlineData("较去年")] [InlineData("比去年")] [InlineData("同比")]
    public void Every_comparison_before_a_trend(string comparison)
    {
        Assert.Equal("Qualitative Down", Read(comparison + "下降"));
        Assert.Equal("Qualitative Up", Read(comparison + "稳步提升"));
        Assert.Equal("Quantitative Eq 3 起 Down", Read(comparison + "减少3起"));
        Assert.Equal("Text", Read(comparison));
    }

    [Theory]
    [InlineData("有所")] [InlineData("逐步")] [InlineData("逐年")] [InlineData("稳步")] [InlineData("持续")]
    [InlineData("进一步")] [InlineData("明显")] [InlineData("显著")]
    public void Every_degree_before_a_trend(string degree)
    {
        Assert.Equal("Qualitative Up", Read(degree + "提高"));
        Assert.Equal("Qualitative Down", Read("较上年" + degree + "缩短"));
        Assert.Equal("Text", Read(degree));
    }

    [Theory]
    [InlineData("暂无")] [InlineData("--")] [InlineData("无")] [InlineData("*")] [InlineData("-")] [InlineData("—")] [InlineData("——")] [InlineData("/")]
    public void Every_placeholder_is_empty(string placeholder) => Assert.Equal("Empty", Read(placeholder));

    [Theory]
    [InlineData(">=", "Ge")] [InlineData("≥", "Ge")] [InlineData("不低于", "Ge")] [InlineData("不少于", "Ge")]
    [InlineData("不小于", "Ge")] [InlineData("至少", "Ge")] [InlineData("达到", "Ge")] [InlineData("达", "Ge")]
    [InlineData(">", "Gt")] [InlineData("高于", "Gt")] [InlineData("超过", "Gt")] [InlineData("大于", "Gt")]
    [InlineData("<=", "Le")] [InlineData("≤", "Le")] [InlineData("不超过", "Le")] [InlineData("不高于", "Le")]
    [InlineData("不多于", "Le")] [InlineData("不大于", "Le")] [InlineData("最多", "Le")]
    [InlineData("<", "Lt")] [InlineData("低于", "Lt")] [InlineData("少于", "Lt")] [InlineData("小于", "Lt")]
    [InlineData("=", "Eq")] [InlineData("等于", "Eq")]
    public void Every_operator_before_the_number(string word, string op)
    {
        Assert.Equal($"Quantitative {op} 5 件", Read(word + "5件"));        // the plain shape
        Assert.Equal($"Quantitative {op} 1000 件", Read(word + "1,000件")); // the pattern
        Assert.Equal($"Quantitative {op} 5 件", Read("办结" + word + "5件")); // after a label
    }

    [Theory]
    [InlineData("及以上", "Ge")] [InlineData("以上", "Ge")] [InlineData("及以下", "Le")] [InlineData("以下", "Le")] [InlineData("以内", "Le")]
    public void Every_operator_after_the_number(string word, string op)
    {
        Assert.Equal($"Quantitative {op} 5 件", Read("5件" + word));
        Assert.Equal($"Quantitative {op} 5", Read("5" + word));
    }

    [Theory]
    [InlineData("%")] [InlineData("‰")] [InlineData("次")] [InlineData("人次")] [InlineData("万人次")] [InlineData("批次")]
    [InlineData("宗")] [InlineData("起")] [InlineData("件")] [InlineData("个")] [InlineData("项")] [InlineData("人")]
    [InlineData("户")] [InlineData("家")] [InlineData("场")] [InlineData("期")] [InlineData("篇")] [InlineData("份")]
    [InlineData("台")] [InlineData("套")] [InlineData("条")] [InlineData("分")] [InlineData("天")] [InlineData("日")]
    [InlineData("工作日")] [InlineData("个工作日")] [InlineData("小时")] [InlineData("月")] [InlineData("个月")] [InlineData("年")]
    [InlineData("元")] [InlineData("万元")] [InlineData("亿元")] [InlineData("元/人")] [InlineData("元/次")] [InlineData("元/人/天")]
    [InlineData("米")] [InlineData("千米")] [InlineData("公里")] [InlineData("平方米")] [InlineData("平方公里")] [InlineData("立方米")]
    [InlineData("吨")] [InlineData("公顷")] [InlineData("亩")] [InlineData("辆")] [InlineData("座")] [InlineData("册")] [InlineData("课时")]
    public void Every_unit_plain_in_brackets_after_a_label_and_with_a_magnitude(string unit)
    {
        Assert.Equal($"Quantitative Ge 5 {unit}", Read("≥5" + unit));
        Assert.Equal($"Quantitative Eq 1000 {unit}", Read($"1,000({unit})"));
        Assert.Equal($"Quantitative Eq 5 {unit}", Read("全年5" + unit));
        Assert.Equal($"Quantitative Ge 1 to 2 {unit}", Read($"1{unit}-2{unit}"));
        if (unit[0] is not ('万' or '亿')) Assert.Equal($"Quantitative Eq 3 亿{unit}", Read("3亿" + unit));
    }

    [Theory]
    [InlineData("人均5元/人", "Quantitative Eq 5 元/人")]     // a per-capita unit stays as written
    [InlineData("人均≥5", "Quantitative Ge 5")]              // a per-capita amount without a unit
    [InlineData("人均5元", "Quantitative Eq 5 元/人")]
    [InlineData("人均5元标准", "Quantitative Eq 5 元/人")]
    [InlineData("全年5元标准", "Text")]
    [InlineData("1,000", "Quantitative Eq 1000")]            // no label: a bare number is the target
    [InlineData("全年1,000", "Text")]                        // after a label it is not
    [InlineData("5万", "Text")]
    [InlineData("5亿", "Text")]
    [InlineData("5千", "Text")]
    [InlineData("≥95%以下", "Text")]
    [InlineData("≥95%以上", "Quantitative Ge 95 %")]
    [InlineData("≤5以内", "Quantitative Le 5")]
    [InlineData(".5", "Text")]                               // no digit before the point
    [InlineData("≥.5", "Text")]
    [InlineData("≥<5", "Text")]                              // two operators, one after the other
    [InlineData("≥99999999999999999999999999999999", "Text")] // beyond a decimal
    public void Labels_standards_and_magnitudes(string raw, string expected) => Assert.Equal(expected, Read(raw));

    [Fact]
    public void A_quantity_an_importer_left_without_an_operator_formats_as_equal()
    {
        Assert.Equal("", new TargetValue().Raw);
        Assert.Equal("", new TargetValue().Format());
        Assert.Equal("=5件", new TargetValue { Kind = TargetKind.Quantitative, Value = 5, Unit = "件" }.Format());
        Assert.Equal("提高5%", new TargetValue { Kind = TargetKind.Quantitative, Value = 5, Unit = "%", Direction = TrendDirection.Up }.Format());
        Assert.Equal("下降5%", new TargetValue { Kind = TargetKind.Quantitative, Operator = TargetOperator.Eq, Value = 5, Unit = "%", Direction = TrendDirection.Down }.Format());
        Assert.Equal("较好", new TargetValue { Kind = TargetKind.Quantitative, Raw = " 较好 " }.Format());
    }
}
