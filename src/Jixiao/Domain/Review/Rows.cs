namespace Jixiao.Domain.Review;

// The parts of a form most rules walk over.
internal static class Rows
{
    // Indicators that are real rows: rows named "无" or "/" are placeholders, reported on their own.
    public static IEnumerable<(ProjectForm Project, Indicator Indicator)> Indicators(RuleContext c)
    {
        foreach (var project in c.Document.Projects)
            foreach (var indicator in project.Indicators)
                if (!ReviewText.IsPlaceholder(indicator.Name, c.Profile.Placeholders))
                    yield return (project, indicator);
    }

    // The filled targets of each row: the annual target, and the period target where it says
    // something else (forms that repeat one value in both columns would otherwise be reported twice).
    public static IEnumerable<(ProjectForm Project, Indicator Indicator, string Field, TargetValue Target)> Targets(RuleContext c)
    {
        var placeholders = c.Profile.Placeholders;
        foreach (var (project, indicator) in Indicators(c))
        {
            var annual = ReviewText.Parsed(indicator.AnnualTarget);
            if (!ReviewText.IsEmpty(annual, placeholders))
                yield return (project, indicator, "annualTarget", annual!);
            var period = ReviewText.Parsed(indicator.PeriodTarget);
            if (!ReviewText.IsEmpty(period, placeholders)
                && DomainText.Compact(period!.Raw) != DomainText.Compact(annual?.Raw))
                yield return (project, indicator, "periodTarget", period);
        }
    }

    public static string Place(Indicator indicator)
    {
        var parts = new[] { indicator.Level1, indicator.Level2 }
            .Select(DomainText.Compact).Where(s => s.Length > 0).ToList();
        return parts.Count == 0 ? "未分类" : string.Join("—", parts);
    }

    // The amount a project's money is compared against: the total, else the annual request.
    public static decimal? Budget(ProjectForm project) => project.Funding.Total ?? project.Funding.AnnualRequest;
}
