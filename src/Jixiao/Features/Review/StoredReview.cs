using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Features.Review;

// Stored projects are reviewed as the documents they were declared in: one project with its unit and
// fiscal year, or a unit's whole year with what its latest declaration said of the unit as a whole.
public static class StoredReview
{
    public static FormDocument DocumentOf(Project project) => new()
    {
        FiscalYear = project.FiscalYear,
        Unit = UnitOf(project.BudgetUnit),
        Projects = [project.Form],
    };

    public static FormDocument DocumentOf(BudgetUnit unit, int year, IEnumerable<Project> projects, DeclarationForm? declaration) => new()
    {
        FiscalYear = year,
        Unit = UnitOf(unit, declaration),
        Projects = projects.Select(p => p.Form).ToList(),
        Sections = declaration?.Sections ?? [],
    };

    public static ReviewReport Review(Project project) => Reviewer.Review(DocumentOf(project), ProfileOf(project));

    // The profile the form was read with; a project stored before profiles were kept is reviewed as
    // its document would be.
    public static ReviewProfile ProfileOf(Project project) =>
        (project.ReviewProfileId is { } id ? ReviewProfiles.Find(id) : null) ?? ReviewProfiles.For(DocumentOf(project));

    static UnitInfo UnitOf(BudgetUnit? unit, DeclarationForm? declaration = null) => new()
    {
        Name = unit?.Name, Code = unit?.Code, SupervisingDepartment = unit?.SupervisingDepartment?.Name,
        Functions = unit?.Functions, People = declaration?.People ?? [], Funding = declaration?.UnitFunding,
    };
}
