using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Forms;
using static Jixiao.Bench.Timing;

namespace Jixiao.Bench;

// Projects per second of the automatic review over generated departments of ten projects each,
// against writing the same documents as interchange JSON (a full walk of every field), alternating
// rounds so drift hits both alike.
public static class ReviewBench
{
    const int ProjectsPerDocument = 10;

    public static void Run(int projects)
    {
        var random = new Random(2023);
        var docs = Enumerable.Range(0, (projects + ProjectsPerDocument - 1) / ProjectsPerDocument)
            .Select(_ => Corpus.Document(random, ProjectsPerDocument)).ToList();
        projects = docs.Sum(d => d.Projects.Count);
        Console.WriteLine($"review: {projects} projects in {docs.Count} documents of {ProjectsPerDocument}, " +
                          $"{docs.Sum(d => d.Projects.Sum(p => p.Indicators.Count)) / (double)projects:F1} indicators per project; 3 rounds, alternating");

        var findings = docs.Sum(d => Reviewer.Review(d).Findings.Count);
        Warm(3, () => docs.ForEach(Serialize), () => docs.ForEach(d => Reviewer.Review(d)));

        var ratios = new List<double>();
        for (var round = 1; round <= 3; round++)
        {
            var json = PerPass(() => docs.ForEach(Serialize)).Seconds;
            var review = PerPass(() => docs.ForEach(d => Reviewer.Review(d))).Seconds;
            ratios.Add(review / json);
            Console.WriteLine($"  round {round}: review {projects / review,6:F0} projects/s ({review:F2} s), " +
                              $"JSON {projects / json,6:F0} projects/s ({json:F2} s), ratio {review / json:F2}");
        }
        Console.WriteLine($"review / JSON, median ratio: {Median(ratios):F2} ({findings / (double)projects:F1} findings per project)");
    }

    static void Serialize(FormDocument doc) => JsonSerializer.Serialize(Stream.Null, doc, Interchange.Json);
}
