namespace Jixiao.Domain.Review;

public sealed record AspectSummary(Aspect Aspect, string Name, int Findings, int Errors, int Warnings, int Infos, int Score, string Grade);

public sealed record ProjectScore(string Name, int Findings, int Score, string Grade);

public sealed record ReviewReport(
    string Profile,
    IReadOnlyList<Finding> Findings,
    int Score,
    string Grade,
    IReadOnlyList<AspectSummary> Dimensions,
    IReadOnlyList<ProjectScore> Projects);

// The automatic review (审核) of one document under one profile.
public static class Reviewer
{
    public static ReviewReport Review(FormDocument doc, ReviewProfile? profile = null)
    {
        profile ??= ReviewProfiles.For(doc);
        var findings = new List<Finding>();
        foreach (var rule in ReviewCatalog.Rules)
        {
            var setting = profile.SettingFor(rule);
            if (!setting.Enabled) continue;
            findings.AddRange(rule.Check(new RuleContext(doc, profile, rule, setting)));
        }

        var projectOrder = new Dictionary<string, int>();
        for (var j = 0; j < doc.Projects.Count; j++) projectOrder.TryAdd(doc.Projects[j].Name, j);
        var ruleOrder = ReviewCatalog.Rules.Select((r, j) => (r.Id, j)).ToDictionary(x => x.Id, x => x.j);
        var sorted = findings
            .Select((f, seq) => (f, seq))
            .OrderBy(x => x.f.Project is null ? -1 : projectOrder.GetValueOrDefault(x.f.Project, int.MaxValue))
            .ThenBy(x => x.f.Severity)
            .ThenBy(x => ruleOrder[x.f.Rule])
            .ThenBy(x => x.seq)
            .Select(x => x.f)
            .ToList();

        var scoring = profile.Scoring;
        var score = DocumentScore(doc, sorted, scoring);
        var aspectOf = ReviewCatalog.Rules.ToDictionary(r => r.Id, r => r.Aspect);
        var dimensions = Enum.GetValues<Aspect>().Select(a =>
        {
            var mine = sorted.Where(f => aspectOf[f.Rule] == a).ToList();
            var s = DocumentScore(doc, mine, scoring);
            return new AspectSummary(a, a.Chinese(), mine.Count, Count(mine, Severity.Error),
                Count(mine, Severity.Warning), Count(mine, Severity.Info), s, scoring.Grade(s));
        }).ToList();
        var byProject = sorted.ToLookup(f => f.Project);
        var projects = doc.Projects.Select(p =>
        {
            var mine = byProject[p.Name].ToList();
            var s = Penalised(mine, scoring);
            return new ProjectScore(p.Name, mine.Count, s, scoring.Grade(s));
        }).ToList();
        return new ReviewReport(profile.Id, sorted, score, scoring.Grade(score), dimensions, projects);
    }

    // A document scores the mean of its projects, less what its document-level findings cost.
    static int DocumentScore(FormDocument doc, IReadOnlyList<Finding> findings, ScoringSettings scoring)
    {
        var byProject = findings.ToLookup(f => f.Project);
        var documentLevel = byProject[null].ToList();
        if (doc.Projects.Count == 0) return Penalised(documentLevel, scoring);
        var mean = doc.Projects.Average(p => Penalised(byProject[p.Name].ToList(), scoring));
        var lost = 100 - Penalised(documentLevel, scoring);
        return Math.Clamp((int)Math.Round(mean, MidpointRounding.AwayFromZero) - lost, 0, 100);
    }

    // 100 less the per-severity penalties, each capped.
    static int Penalised(IReadOnlyList<Finding> findings, ScoringSettings s)
    {
        var lost = Math.Min(s.ErrorCap, Count(findings, Severity.Error) * s.ErrorPenalty)
                   + Math.Min(s.WarningCap, Count(findings, Severity.Warning) * s.WarningPenalty)
                   + Math.Min(s.InfoCap, Count(findings, Severity.Info) * s.InfoPenalty);
        return Math.Max(0, 100 - lost);
    }

    static int Count(IReadOnlyList<Finding> findings, Severity severity) => findings.Count(f => f.Severity == severity);
}
