using Jixiao.Domain.Review;
using Jixiao.Forms;

namespace Jixiao.Tests.Domain.Review;

// The review of the five real forms, read as they are, against the findings a reviewer checked
// by hand (Expected/seed-findings.txt, whose "# " lines are the reviewer's notes).
public class SeedReviewTests
{
    static readonly string ExpectedPath =
        Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Domain", "Review", "Expected", "seed-findings.txt");

    [Fact]
    public void FindingsOnTheSeedsAreTheExpectedOnes()
    {
        var expected = File.ReadAllLines(ExpectedPath).Where(l => l.Length > 0 && !l.StartsWith("# "));
        Assert.Equal(string.Join("\n", expected), string.Join("\n", Seeds.All().SelectMany(Describe)));
    }

    [Theory]
    [InlineData("000", "R01-empty-target")]
    [InlineData("001", "R37-duplicate")]
    [InlineData("002", "R07-missing-level1")]
    [InlineData("003", "R18-unit-mismatch")]
    [InlineData("003", "R20-rate-ge-100")]
    [InlineData("003", "R13-cost-equals-budget")]
    [InlineData("003", "R15-misclassified")]
    [InlineData("004", "R25-narrative-standard")]
    public void EachSeedShowsItsKnownDefect(string seed, string rule)
    {
        var report = Reviewer.Review(FormReader.Read(TextGrid.Read(Seeds.PathOf(seed))));
        Assert.Contains(report.Findings, f => f.Rule == rule);
    }

    // Well-formed indicators of seed 002 must not be called errors.
    [Theory]
    [InlineData("提供法律咨询服务案件数")]
    [InlineData("进京到非接待场所上访纯人数")]
    [InlineData("信访事项及时受理率")]
    [InlineData("到国家信访局走访量")]
    public void WellFormedIndicatorsStaySilent(string indicator)
    {
        var report = Reviewer.Review(FormReader.Read(TextGrid.Read(Seeds.PathOf("002"))));
        Assert.DoesNotContain(report.Findings, f => f.Indicator == indicator);
    }

    static IEnumerable<string> Describe(string path)
    {
        var report = Reviewer.Review(FormReader.Read(TextGrid.Read(path)));
        yield return $"## {Path.GetFileName(path)[..3]} {report.Profile} {report.Score} {report.Grade}";
        foreach (var f in report.Findings)
            yield return $"{f.Severity.ToString().ToLowerInvariant()} {f.Rule} | {f.Project ?? "-"} | {f.Indicator ?? "-"} | {f.Field ?? "-"} | {f.Message}";
    }
}
