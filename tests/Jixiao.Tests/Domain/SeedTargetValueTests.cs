using System.Text.RegularExpressions;
using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

// Every distinct target value of the five seed forms, read from the files by hand, with its parsed parts.
public class SeedTargetValueTests
{
    public static readonly TheoryData<string, string, string> Values = new()
    {
        // 000 (Shanghai 2018): every 目标值 is empty.
        { "000", "", "Empty" },

        // 001 (Shanghai 2023), 年度指标值; one indicator (越级信访量) lost its value, which is then empty.
        { "001", "=100%", "Quantitative Eq 100 %" },
        { "001", "=95%", "Quantitative Eq 95 %" },
        { "001", ">=80%", "Quantitative Ge 80 %" },
        { "001", ">=85%", "Quantitative Ge 85 %" },
        { "001", ">=95%", "Quantitative Ge 95 %" },
        { "001", "良好", "Qualitative" },
        { "001", "提高", "Qualitative Up" },
        { "001", "高", "Qualitative" },
        { "001", "有效", "Qualitative" },
        { "001", "下降", "Qualitative Down" },
        { "001", "减少", "Qualitative Down" },
        { "001", "改善", "Qualitative Up" },
        { "001", "及时", "Qualitative" },

        // 002 (Guangzhou), 实施周期指标值 and 年度指标值 in packed cells. An annual value ends its item, so it
        // carries the item's closing "。" ("年度指标值:6人。2、…"); both spellings are listed.
        { "002", "100%", "Quantitative Eq 100 %" }, { "002", "100%。", "Quantitative Eq 100 %" },
        { "002", "≥80%", "Quantitative Ge 80 %" }, { "002", "≥80%。", "Quantitative Ge 80 %" },
        { "002", "≥95%", "Quantitative Ge 95 %" }, { "002", "≥95%。", "Quantitative Ge 95 %" },
        { "002", "90%", "Quantitative Eq 90 %" }, { "002", "90%。", "Quantitative Eq 90 %" },
        { "002", ">80%", "Quantitative Gt 80 %" }, { "002", ">80%。", "Quantitative Gt 80 %" },
        { "002", "≥15宗", "Quantitative Ge 15 宗" }, { "002", "≥15宗。", "Quantitative Ge 15 宗" },
        { "002", "≤10", "Quantitative Le 10" }, { "002", "≤10。", "Quantitative Le 10" },
        { "002", "6人", "Quantitative Eq 6 人" }, { "002", "6人。", "Quantitative Eq 6 人" },
        { "002", "每年接待群众的人数≥30人", "Quantitative Ge 30 人" }, { "002", "每年接待群众的人数≥30人。", "Quantitative Ge 30 人" },
        { "002", "高质量完成", "Qualitative" }, { "002", "高质量完成。", "Qualitative" },
        { "002", "及时", "Qualitative" }, { "002", "及时。", "Qualitative" },
        { "002", "推动历史遗留积案的化解", "Text" }, { "002", "推动历史遗留积案的化解。", "Text" },
        { "002", "走访纯人数不超过辖区人口数的十万分之一", "Text" }, { "002", "走访纯人数不超过辖区人口数的十万分之一。", "Text" },
        { "002", "应急处置集体访的效率提高", "Text" }, { "002", "应急处置集体访的效率提高。", "Text" },
        { "002", "按照相关要求专款专用", "Text" }, { "002", "按照相关要求专款专用。", "Text" },
        { "002", "接访案件转办及时率100%。", "Quantitative Eq 100 %" },
        { "002", "服务对象对项目开展的满意度水平达80%。", "Quantitative Ge 80 %" },
        { "002", "提高我区的和谐稳定程度。", "Text" },
        { "002", "按要求开展《信访工作条例》集中宣传活动，提高群众对《条例》的知悉度。", "Text" },

        // 003 (Hebei), 指标值 column.
        { "003", "≥200次", "Quantitative Ge 200 次" },
        { "003", "≥200批次", "Quantitative Ge 200 批次" },
        { "003", "≥12次", "Quantitative Ge 12 次" },
        { "003", "≥95%", "Quantitative Ge 95 %" },
        { "003", "≥100%", "Quantitative Ge 100 %" },
        { "003", "100%", "Quantitative Eq 100 %" },
        { "003", "180元/人/天", "Quantitative Eq 180 元/人/天" },
        { "003", "10万元", "Quantitative Eq 10 万元" },
        { "003", "有效控制运行成本", "Text" },
        { "003", "通过信访专线按要求及时办理信访事项", "Text" },
        { "003", "数据多跑路，群众少跑腿", "Text" },

        // 004 (Inner Mongolia 2021), 年度 指标值; every 中长期 value is empty.
        { "004", "", "Empty" },
        { "004", "无", "Empty" },
        { "004", "3起", "Quantitative Eq 3 起" },
        { "004", "98%", "Quantitative Eq 98 %" },
        { "004", "95%", "Quantitative Eq 95 %" },
        { "004", "1年", "Quantitative Eq 1 年" },
        { "004", "人均1.5元标准", "Quantitative Eq 1.5 元/人" },
        { "004", "及时解决", "Qualitative" },
        { "004", "有效促进", "Qualitative" },
        { "004", "有效解决", "Qualitative" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Seed_value_parses(string seed, string raw, string expected)
    {
        Assert.Contains(raw, File.ReadAllText(Seeds.PathOf(seed)));
        var v = TargetValue.Parse(raw);
        Assert.Equal(raw, v.Raw);
        Assert.Equal(expected, TargetValueTests.Describe(v));
        Assert.Equal(expected, TargetValueTests.Describe(TargetValue.Parse(v.Format())));
    }

    // Seed 002's values can be cut out of its packed cells mechanically, so the table is checked against them.
    [Fact]
    public void Table_holds_every_value_of_seed_002()
    {
        var listed = Values.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        var found = Regex.Matches(File.ReadAllText(Seeds.PathOf("002")), "指标值:([^；\n]*)")
            .Select(m => Regex.Replace(m.Groups[1].Value, @"(?<=。)\d+、.*$", "").Trim())
            .Distinct().ToList();
        Assert.True(found.Count > 20, $"only {found.Count} values found");
        Assert.All(found, value => Assert.Contains(("002", value), listed));
    }
}
