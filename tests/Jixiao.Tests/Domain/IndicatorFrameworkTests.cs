using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

public class IndicatorFrameworkTests
{
    static IndicatorFramework Profile(string id) => IndicatorFramework.Find(id) ?? throw new ArgumentException(id);

    static string Shape(IndicatorFramework f) => string.Join(" | ", f.Level1.Select(c =>
        $"{c.Code}{(c.Required ? "*" : "")} {c.Name}: {string.Join(",", c.Level2.Select(s => s.Name))}"));

    [Fact]
    public void Profiles_hold_their_categories()
    {
        Assert.Equal(
            "Output* 产出指标: 数量,质量,时效,成本 | Outcome* 效益指标: 经济效益,社会效益,生态效益,可持续影响 | Satisfaction 满意度指标: 服务对象满意度",
            Shape(Profile("national-2018")));
        Assert.Equal(
            "Cost 成本指标: 经济成本,社会成本,生态环境成本 | Output* 产出指标: 数量,质量,时效 | Outcome* 效益指标: 经济效益,社会效益,生态效益,可持续影响 | Satisfaction 满意度指标: 服务对象满意度",
            Shape(Profile("national-2021")));
        Assert.Equal(
            "Output* 产出目标: 数量,质量,时效,成本 | Effect* 效果目标: 经济效益,社会效益,生态效益,可持续影响 | Influence* 影响力目标: 长效管理,满意度",
            Shape(Profile("shanghai-2018")));
        Assert.Equal(["national-2018", "national-2021", "shanghai-2018"], IndicatorFramework.All.Select(f => f.Id));
        Assert.Null(IndicatorFramework.Find("national-2030"));
    }

    [Fact]
    public void Required_lists_the_required_level1()
    {
        Assert.Equal([Level1Code.Output, Level1Code.Outcome], Profile("national-2021").Required.Select(c => c.Code));
        Assert.Equal([Level1Code.Output, Level1Code.Effect, Level1Code.Influence], Profile("shanghai-2018").Required.Select(c => c.Code));
    }

    // Each level-2 name must lead back to its own place, or a lookup would be ambiguous.
    [Fact]
    public void Every_level2_name_is_found_under_its_parent()
    {
        foreach (var f in IndicatorFramework.All)
            foreach (var parent in f.Level1)
            {
                Assert.Same(parent, f.FindLevel1(parent.Name));
                foreach (var sub in parent.Level2)
                    Assert.Equal((parent, sub), f.FindLevel2(sub.Name + "指标"));
            }
    }

    [Theory]
    [InlineData("产出指 标", "产出指标")]
    [InlineData("满意度指\n标", "满意度指标")]
    [InlineData("服务对象满 意度指标", "服务对象满意度指标")]
    [InlineData(" 社会效益指标 ", "社会效益指标")]
    [InlineData("数量", "数量")]
    [InlineData("12-质量指标", "质量指标")]
    [InlineData("22-社会效益", "社会效益")]
    [InlineData("1-产出指标", "产出指标")]
    [InlineData("３１－服务对象满意度", "服务对象满意度")]
    [InlineData("12", "质量指标")]
    [InlineData("24-", "可持续影响指标")]
    [InlineData("3", "满意度指标")]
    [InlineData("99", "99")]
    [InlineData("1、产出指标", "产出指标")]   // each separator a code may stand before
    [InlineData("1.产出指标", "产出指标")]
    [InlineData("1:产出指标", "产出指标")]
    [InlineData("99-", "99-")]             // a code no framework knows, with nothing after it, stays
    [InlineData("123-质量指标", "123-质量指标")]   // three digits are no code
    [InlineData("1产出指标", "1产出指标")]   // nor digits without a separator
    [InlineData("12x质量", "12x质量")]
    [InlineData("第12-质量指标", "第12-质量指标")]   // the code stands first or not at all
    [InlineData(null, "")]
    public void Level_names_are_mended(string? raw, string expected) =>
        Assert.Equal(expected, IndicatorFramework.NormalizeLevelName(raw));

    [Theory]
    [InlineData("national-2018", "产出指标", Level1Code.Output)]
    [InlineData("national-2018", "产出指 标", Level1Code.Output)]
    [InlineData("national-2018", "效益指 标", Level1Code.Outcome)]
    [InlineData("national-2018", "满意度指", Level1Code.Satisfaction)]
    [InlineData("national-2018", "1-产出指标", Level1Code.Output)]
    [InlineData("national-2018", "2-效益指标", Level1Code.Outcome)]
    [InlineData("national-2018", "3-满意度指标", Level1Code.Satisfaction)]
    [InlineData("national-2018", "成本指标", null)]
    [InlineData("national-2021", "成本指标", Level1Code.Cost)]
    [InlineData("national-2021", "满意度", Level1Code.Satisfaction)]
    [InlineData("national-2021", "服务对象满意度指标", null)]
    [InlineData("shanghai-2018", "产出目标", Level1Code.Output)]
    [InlineData("shanghai-2018", "效果目标", Level1Code.Effect)]
    [InlineData("shanghai-2018", "影响力目标", Level1Code.Influence)]
    [InlineData("shanghai-2018", "效益指标", null)]
    [InlineData("shanghai-2018", "", null)]
    [InlineData("shanghai-2018", null, null)]
    public void Level1_names_are_classified(string profile, string? name, Level1Code? expected) =>
        Assert.Equal(expected, Profile(profile).FindLevel1(name)?.Code);

    [Theory]
    [InlineData("national-2018", "数量指标", Level1Code.Output, Level2Code.Quantity)]
    [InlineData("national-2018", "数量", Level1Code.Output, Level2Code.Quantity)]
    [InlineData("national-2018", "12-质量指标", Level1Code.Output, Level2Code.Quality)]
    [InlineData("national-2018", "13-时效指标", Level1Code.Output, Level2Code.Timeliness)]
    [InlineData("national-2018", "成本指标", Level1Code.Output, Level2Code.Cost)]
    [InlineData("national-2018", "经济效益指 标", Level1Code.Outcome, Level2Code.EconomicBenefit)]
    [InlineData("national-2018", "22-社会效益", Level1Code.Outcome, Level2Code.SocialBenefit)]
    [InlineData("national-2018", "社会效益指标", Level1Code.Outcome, Level2Code.SocialBenefit)]
    [InlineData("national-2018", "可持续影响 指标", Level1Code.Outcome, Level2Code.Sustainability)]
    [InlineData("national-2018", "31-服务对象满意度", Level1Code.Satisfaction, Level2Code.RecipientSatisfaction)]
    [InlineData("national-2018", "服务对象满 意度指标", Level1Code.Satisfaction, Level2Code.RecipientSatisfaction)]
    [InlineData("national-2021", "经济成本指标", Level1Code.Cost, Level2Code.EconomicCost)]
    [InlineData("national-2021", "生态环境成本", Level1Code.Cost, Level2Code.EcologicalCost)]
    [InlineData("national-2021", "生态效益指标", Level1Code.Outcome, Level2Code.EcologicalBenefit)]
    [InlineData("shanghai-2018", "长效管理", Level1Code.Influence, Level2Code.LongTermManagement)]
    [InlineData("shanghai-2018", "满意度", Level1Code.Influence, Level2Code.RecipientSatisfaction)]
    [InlineData("shanghai-2018", "社会效益", Level1Code.Effect, Level2Code.SocialBenefit)]
    [InlineData("shanghai-2018", "时效", Level1Code.Output, Level2Code.Timeliness)]
    public void Level2_names_are_classified(string profile, string name, Level1Code level1, Level2Code level2)
    {
        var found = Profile(profile).FindLevel2(name);
        Assert.NotNull(found);
        Assert.Equal((level1, level2), (found.Value.Level1.Code, found.Value.Level2.Code));
    }

    [Theory]
    [InlineData("national-2021", "成本指标")]   // 成本 is a level-1 category since 2021
    [InlineData("national-2021", "成本")]
    [InlineData("national-2018", "经济成本")]
    [InlineData("national-2018", "长效管理")]
    [InlineData("national-2018", "满意度")]
    [InlineData("national-2018", "产出指标")]
    [InlineData("shanghai-2018", "服务对象满意度指标")]
    [InlineData("national-2018", "")]
    [InlineData("national-2018", null)]
    public void Unknown_level2_names_give_null(string profile, string? name) => Assert.Null(Profile(profile).FindLevel2(name));

    [Theory]
    [InlineData("上海市闵行区信访办公室", "2018 年", "shanghai-2018")]
    [InlineData("上海市松江区人民政府信访办公室", "(2023 年度)", "national-2021")]
    [InlineData("上海", "2019年", "national-2018")]
    [InlineData("乌海市信访局", "（2021年度）", "national-2021")]
    [InlineData("乌海市信访局", "２０２２年", "national-2021")]
    [InlineData(null, "2020", "national-2018")]
    [InlineData(null, "2018", "national-2018")]
    [InlineData("广州市荔湾区信访局", null, "national-2018")]
    [InlineData("巨鹿县信访局", "", "national-2018")]
    [InlineData("上海市", "无", "national-2018")]
    [InlineData("上海市", "编号120185", "national-2018")]
    [InlineData("上海市", "12018年", "national-2018")]   // a digit before is no year
    [InlineData("上海市", "20185", "national-2018")]     // nor a digit after
    [InlineData("上海市", "2018", "shanghai-2018")]
    public void Default_profile_follows_region_and_year(string? region, string? year, string expected) =>
        Assert.Equal(expected, IndicatorFramework.ChooseDefault(region, year).Id);

    // The one vocabulary of level names the form reader classifies cells with.
    [Theory]
    [InlineData("产出指标", true, false)]
    [InlineData("影响力目标", true, false)]
    [InlineData("效果", true, false)]
    [InlineData("成本指标", true, true)]     // level 1 since 2021, level 2 before
    [InlineData("满意度", true, true)]       // Shanghai 2018 puts 满意度 under 影响力目标
    [InlineData("数量指标", false, true)]
    [InlineData("社会公众满意度", false, true)]
    [InlineData("档案管理", false, true)]
    [InlineData("数量指", false, false)]     // a name cut short is no level word
    [InlineData("接访人次", false, false)]
    public void Level_words_know_both_levels(string word, bool level1, bool level2)
    {
        Assert.Equal(level1, IndicatorFramework.Level1Words.Contains(word));
        Assert.Equal(level2, IndicatorFramework.Level2Words.Contains(word));
    }

    [Theory]
    [InlineData("数量", "产出")]
    [InlineData("时效", "产出")]
    [InlineData("可持续影响", "效益")]
    [InlineData("社会公众满意度", "满意度")]
    [InlineData("生态环境成本", "成本")]
    [InlineData("成本", null)]    // under 产出 before 2021, a family of its own after: no single parent
    [InlineData("长效管理", null)]
    public void Level2_names_know_their_family(string level2, string? family) =>
        Assert.Equal(family, IndicatorFramework.Families.GetValueOrDefault(level2));

    [Fact]
    public void Level_word_lists_have_their_sizes()
    {
        Assert.Equal(18, IndicatorFramework.Level1Words.Count);
        Assert.Equal(33, IndicatorFramework.Level2Words.Count);
        Assert.Equal(12, IndicatorFramework.Families.Count);
    }

    // The vocabularies word by word (a word lost or emptied would only show on the one form that uses it).
    [Fact]
    public void Level_word_lists_hold_exactly_their_words()
    {
        Assert.Equal(Sorted(
            ["产出指标", "效益指标", "满意度指标", "成本指标", "产出目标", "效果目标", "影响力目标", "效益目标", "满意度目标",
             "成本目标", "效果指标", "影响力指标", "产出", "效益", "满意度", "成本", "效果", "影响力"]),
            Sorted(IndicatorFramework.Level1Words));
        Assert.Equal(Sorted(
            ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
             "服务对象满意度指标", "社会公众满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "长效管理指标",
             "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度",
             "社会公众满意度", "满意度", "经济成本", "社会成本", "生态环境成本", "长效管理", "能力建设", "人力资源",
             "档案管理", "信息共享"]),
            Sorted(IndicatorFramework.Level2Words));
        Assert.Equal(
            "数量=产出 质量=产出 时效=产出 经济效益=效益 社会效益=效益 生态效益=效益 可持续影响=效益 服务对象满意度=满意度 "
            + "社会公众满意度=满意度 经济成本=成本 社会成本=成本 生态环境成本=成本",
            string.Join(" ", IndicatorFramework.Families.Select(f => $"{f.Key}={f.Value}")));
        Assert.Equal(
            "1=产出指标 11=数量指标 12=质量指标 13=时效指标 14=成本指标 2=效益指标 21=经济效益指标 22=社会效益指标 "
            + "23=生态效益指标 24=可持续影响指标 3=满意度指标 31=服务对象满意度指标",
            string.Join(" ", IndicatorFramework.Codes.Select(f => $"{f.Key}={f.Value}")));
    }

    static string[] Sorted(IEnumerable<string> words) => words.Order(StringComparer.Ordinal).ToArray();
}
