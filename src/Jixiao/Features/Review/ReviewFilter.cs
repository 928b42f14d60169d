using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Features.Review;

// The review list's filters as one value: the list pages with it and the list's export (a background
// job, later, in another scope) applies the very same conditions, so the file holds exactly the list's rows.
public sealed record ReviewFilter(int Year, int? Unit, string? UnitQuery, int? Department, ProjectStatus? Status,
    int? MinScore, int? MaxScore, decimal? MoneyFrom, decimal? MoneyTo, string? Rule, Severity? Severity)
{
    public IQueryable<Project> Apply(IQueryable<Project> visible)
    {
        var projects = visible.Where(p => p.FiscalYear == Year && (Unit == null || p.BudgetUnitId == Unit));
        if (!string.IsNullOrWhiteSpace(UnitQuery))
        {
            var q = UnitQuery.Trim();
            projects = projects.Where(p => p.BudgetUnit!.Name.Contains(q) || p.BudgetUnit.Code == q);
        }
        if (Department != null) projects = projects.Where(p => p.BudgetUnit!.SupervisingDepartmentId == Department);
        if (Status != null) projects = projects.Where(p => p.Status == Status);
        if (MinScore != null) projects = projects.Where(p => p.QualityScore >= MinScore);
        if (MaxScore != null) projects = projects.Where(p => p.QualityScore <= MaxScore);
        if (MoneyFrom != null) projects = projects.Where(p => p.Form.Funding.Total >= MoneyFrom * 10000);
        if (MoneyTo != null) projects = projects.Where(p => p.Form.Funding.Total <= MoneyTo * 10000);
        if (Rule != null || Severity != null)
            projects = projects.Where(p => p.Findings.Any(f => (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)));
        return projects;
    }
}
