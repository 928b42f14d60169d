using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Review;

// Stored projects are reviewed as the documents they were declared in: one project with its unit and
// fiscal year, or a unit's whole year with what its latest declaration said of the unit as a whole.
public static class StoredReview
{
    // A stored project for the commands that take --project (check, score, export): with its unit and
    // department, rows in form order; null when there is none.
    public static async Task<Project?> FindAsync(JixiaoDb db, int id, CancellationToken ct)
    {
        var stored = await db.Projects.AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        return stored == null ? null : db.InFormOrder(stored);
    }

    public static string NotFound(int id) => $"找不到编号为 {id} 的项目";

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
