using System.Globalization;
using Jixiao.Domain.Review;

namespace Jixiao.Tests.Domain.Review;

// The catalog and the built-in profiles are data that reviewers read: every title, basis, word list,
// threshold and each profile's overrides, written out and compared with Expected/catalog.txt (checked by
// hand against shared/docs/domain.md). A word dropped from a list or a basis cut short shows here, not
// only on the one form it would have mattered to. On a deliberate change, the test writes what it got to
// artifacts/catalog.actual.txt: read it, then copy it over the expected file.
public class CatalogTextTests
{
    static readonly string ExpectedPath =
        Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Domain", "Review", "Expected", "catalog.txt");

    [Fact]
    public void TheCatalogAndTheProfilesReadAsExpected()
    {
        var actual = string.Join("\n", Describe()) + "\n";
        var expected = File.ReadAllText(ExpectedPath).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var dir = Path.Combine(Seeds.RepoRoot, "artifacts");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "catalog.actual.txt"), actual);
        }
        Assert.Equal(expected.Split('\n'), actual.Split('\n'));
    }

    static IEnumerable<string> Describe()
    {
        yield return "# families";
        foreach (var (number, name) in ReviewCatalog.Families) yield return $"{number} {name}";
        yield return "# rules";
        foreach (var r in ReviewCatalog.Rules)
        {
            yield return $"{r.Id} | {r.Title} | {r.Severity} | {r.Aspect} | {r.Target} | {r.Family} | {r.Check.Method.DeclaringType!.Name}.{r.Check.Method.Name}";
            yield return $"  basis: {r.Basis}";
            foreach (var line in Setting(r.Defaults)) yield return "  " + line;
        }
        foreach (var p in ReviewProfiles.All)
        {
            yield return $"# profile {p.Id} | {p.Name} | framework {p.Framework} | region {p.Region ?? "-"} [{string.Join(",", p.RegionKeys)}] | years {p.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "-"}–{p.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "-"} | markers [{string.Join(",", p.FrameworkMarkers)}]";
            yield return $"  placeholders: {string.Join(" ", p.Placeholders)}";
            var s = p.Scoring;
            yield return $"  scoring: penalties {s.ErrorPenalty}/{s.WarningPenalty}/{s.InfoPenalty} caps {s.ErrorCap}/{s.WarningCap}/{s.InfoCap} grades {s.ExcellentFrom}/{s.GoodFrom}/{s.FairFrom}";
            var e = p.SelfEvaluation;
            yield return $"  self-evaluation: points {Pairs(e.Level1Points)} aliases {Pairs(e.Level1Aliases)} total {e.TotalPoints} execution {e.ExecutionPoints} indicators {e.IndicatorPoints} grades {e.ExcellentFrom}/{e.GoodFrom}/{e.FairFrom} overshoot {e.OvershootRatio} tiers {e.PartlyFrom}/{e.AchievedFrom} lower-zero {e.LowerZeroMultiple}";
            var m = p.Monitoring;
            yield return $"  monitoring: green {m.GreenWithin} yellow {m.YellowWithin} overshoot {m.OvershootPercent}% remind {m.RemindDays} days";
            // Only what the profile changes: each rule's setting where it reads otherwise than the rule's defaults.
            foreach (var r in ReviewCatalog.Rules)
            {
                var own = Setting(p.Rules[r.Id]).ToList();
                if (!own.SequenceEqual(Setting(r.Defaults)))
                    foreach (var line in own.Prepend(r.Id)) yield return "  " + line;
            }
        }
    }

    static IEnumerable<string> Setting(RuleSetting s)
    {
        if (!s.Enabled) yield return "  disabled";
        if (s.Severity is { } severity) yield return $"  severity {severity}";
        if (s.Basis is { } basis) yield return $"  basis {basis}";
        foreach (var (key, value) in s.Numbers.OrderBy(n => n.Key, StringComparer.Ordinal))
            yield return $"  {key} = {value.ToString(CultureInfo.InvariantCulture)}";
        foreach (var (key, values) in s.Lists.OrderBy(n => n.Key, StringComparer.Ordinal))
            yield return $"  {key}: [{string.Join("|", values)}]";
    }

    static string Pairs<T>(IReadOnlyDictionary<string, T> d) =>
        string.Join(",", d.Select(x => $"{x.Key}={Convert.ToString(x.Value, CultureInfo.InvariantCulture)}"));
}
