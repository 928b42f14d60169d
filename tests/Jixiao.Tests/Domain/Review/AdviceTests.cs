using Jixiao.Domain.Review;

namespace Jixiao.Tests.Domain.Review;

// The suggested target value for each kind of indicator name, on its own: rates, degrees, counts and
// their units, scores and durations, and the words that turn a suggestion into a ceiling.
public class AdviceTests
{
    [Theory]
    [InlineData("群众满意率", null, "≥90%")]
    [InlineData("重复信访群众满意度", "下降", "≥90%")]
    [InlineData("信访事项按期办结率", null, "≥95%")]
    [InlineData("信访事项按期办结率", "下降", "≤N%（低于上年实际值）")]
    [InlineData("重复信访率", null, "≤N%（低于上年实际值）")]
    [InlineData("投诉率", null, "≤N%（低于上年实际值）")]
    [InlineData("经费压减率", null, "≤N%（低于上年实际值）")]
    [InlineData("资金比例", null, "≥95%")]
    [InlineData("女性占比", null, "≥95%")]
    [InlineData("本地采购比重", null, "≥95%")]
    [InlineData("政策知晓度", null, "≥95%")]
    [InlineData("工作完成度", null, "≥95%")]
    [InlineData("工作效率", null, null)]
    [InlineData("回访频率", null, null)]
    [InlineData("服务人数", null, "≥N人（N为计划完成数）")]
    [InlineData("服务人次", null, "≥N人（N为计划完成数）")]
    [InlineData("救助户数", null, "≥N户（N为计划完成数）")]
    [InlineData("督查批次", null, "≥N批次（N为计划完成数）")]
    [InlineData("培训次数", null, "≥N次（N为计划完成数）")]
    [InlineData("培训场次", null, "≥N次（N为计划完成数）")]
    [InlineData("设备数量", null, "≥N个（N为计划完成数）")]
    [InlineData("办理件数", null, "≥N件（N为计划完成数）")]
    [InlineData("来信量", null, "≥N件（N为计划完成数）")]
    [InlineData("项目个数", null, "≥N个（N为计划完成数）")]
    [InlineData("信访总量", null, "≤N件（不高于上年实际数）")]
    [InlineData("来信量", "减少", "≤N件（不高于上年实际数）")]
    [InlineData("价格指数", null, null)]
    [InlineData("折算系数", null, null)]
    [InlineData("服务质量", null, null)]
    [InlineData("考试成绩", null, "≥N分（或排名前N位）")]
    [InlineData("考核得分", null, "≥N分（或排名前N位）")]
    [InlineData("办理时长", null, "≤N天")]
    [InlineData("办结天数", null, "≤N天")]
    [InlineData("审批周期", null, "≤N天")]
    [InlineData("社会效益", null, null)]
    [InlineData("群众满意度指标", null, "≥90%")]
    [InlineData("办结率情况", null, "≥95%")]
    public void TargetFromTheName(string name, string? vague, string? expected) =>
        Assert.Equal(expected, Advice.Target(name, vague));

    [Theory]
    [InlineData("群众满意度指标", "群众满意度")]
    [InlineData("办理情况", "办理")]
    [InlineData("ab指标", "ab")]
    [InlineData("x指标", "x指标")]
    [InlineData("x情况", "x情况")]
    [InlineData("指标", "指标")]
    [InlineData(" 办 结 率 ", "办结率")]
    public void TrimDropsAFinalSuffix(string name, string expected) => Assert.Equal(expected, Advice.Trim(name));

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("提高", false)]
    [InlineData("下降", true)]
    [InlineData("逐年减少", true)]
    [InlineData("降低", true)]
    [InlineData("压减", true)]
    [InlineData("控制在", true)]
    [InlineData("不超过", true)]
    [InlineData("减", true)]
    public void SaysDown(string? text, bool expected) => Assert.Equal(expected, Advice.SaysDown(text));

    [Theory]
    [InlineData("越级上访人次")]
    [InlineData("积案数")]
    [InlineData("走访人数")]
    [InlineData("集体访批次")]
    [InlineData("非正常上访次数")]
    public void PetitionWorkWantsFewerOfTheseSubjects(string name) => Assert.StartsWith("≤N", Advice.Target(name));
}
