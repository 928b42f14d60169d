using Jixiao.Domain.Review;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

public class RuleCaseTests
{
    public static TheoryData<string, string> FiringCases() => Data(RuleCases.Firing);
    public static TheoryData<string, string> SilentCases() => Data(RuleCases.Silent);

    [Theory]
    [MemberData(nameof(FiringCases))]
    public void Fires(string rule, string name)
    {
        var c = RuleCases.Firing.Single(x => x.Rule == rule && x.Name == name);
        var findings = Run(c.Build(), rule, c.Profile);
        Assert.NotEmpty(findings);
        var catalog = ReviewCatalog.Find(rule)!;
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.False(string.IsNullOrWhiteSpace(f.Suggestion));
            Assert.False(string.IsNullOrWhiteSpace(f.Basis));
            if (catalog.Target != RuleTarget.Money || f.Project is not null) Assert.NotNull(f.Field);
        });
    }

    [Theory]
    [MemberData(nameof(SilentCases))]
    public void StaysSilent(string rule, string name)
    {
        var c = RuleCases.Silent.Single(x => x.Rule == rule && x.Name == name);
        Assert.Empty(Run(c.Build(), rule, c.Profile));
    }

    [Fact]
    public void EveryRuleHasFiringAndSilentCases()
    {
        var ids = ReviewCatalog.Rules.Select(r => r.Id).ToList();
        Assert.Empty(ids.Except(RuleCases.Firing.Select(c => c.Rule)));
        Assert.Empty(ids.Except(RuleCases.Silent.Select(c => c.Rule)));
        Assert.Empty(RuleCases.Firing.Concat(RuleCases.Silent).Select(c => c.Rule).Except(ids));
    }

    [Theory]
    [InlineData("national-2018")]
    [InlineData("national-2021")]
    [InlineData("shanghai-2025")]
    public void GoodFormHasNoFindings(string profile)
    {
        var report = Reviewer.Review(Doc(GoodProject(), OtherProject()), ReviewProfiles.Find(profile));
        Assert.Empty(report.Findings);
        Assert.Equal(100, report.Score);
        Assert.Equal("优", report.Grade);
    }

    static TheoryData<string, string> Data(IEnumerable<RuleCases.Case> cases)
    {
        var data = new TheoryData<string, string>();
        foreach (var c in cases) data.Add(c.Rule, c.Name);
        return data;
    }
}
