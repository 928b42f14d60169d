using System.Text.Json;
using Jixiao.Domain.Review;
using Jixiao.Forms;

namespace Jixiao.Tests.Domain.Review;

public class SampleFormsTests
{
    [Fact]
    public void GivesExactlyTheProjectsAskedFor()
    {
        var docs = SampleForms.Generate(1000);
        Assert.Equal(1000, docs.Sum(d => d.Projects.Count));
        Assert.All(docs, d => Assert.InRange(d.Projects.Count, 1, 8));
    }

    [Fact]
    public void SameSeedSameForms()
    {
        string Json(int seed) => JsonSerializer.Serialize(SampleForms.Generate(200, seed), Interchange.Json);
        Assert.Equal(Json(7), Json(7));
        Assert.NotEqual(Json(7), Json(8));
    }

    [Fact]
    public void ReviewFindsTheMixOfDefectsRealFormsHave()
    {
        var reports = SampleForms.Generate(2000).Select(d => Reviewer.Review(d)).ToList();
        var rules = reports.SelectMany(r => r.Findings).Select(f => f.Rule).ToHashSet();
        string[] expected =
        [
            "R01-empty-target", "R05-vague-number", "R06-vague-qualitative", "R07-missing-level1", "R08-missing-satisfaction",
            "R10-process-indicator", "R12-cost-lower-bound", "R13-cost-equals-budget", "R15-misclassified",
            "R18-unit-mismatch", "R20-rate-ge-100", "R21-funding-parts", "R22-budget-lines", "R23-summary-mismatch",
            "R24-narrative-budget", "R26-spending-plan-order", "R34-copy-project", "R35-goal-same", "R37-duplicate",
        ];
        Assert.Empty(expected.Except(rules));
        // Most forms are usable, some are not: the scores spread over the grades.
        var grades = reports.GroupBy(r => r.Grade).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(grades.Count >= 3, string.Join(", ", grades.Select(g => $"{g.Key}:{g.Value}")));
    }
}
