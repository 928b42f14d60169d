using Jixiao.Domain;
using System.Security.Claims;
using Jixiao.Data;

namespace Jixiao.Features;

// Who may see what, folded into the queries themselves: a unit's people see their unit,
// a supervising department sees its units, the finance bureau and the system administrator see all.
// The security administrator and the auditor see no projects; seeing is never writing (WritableBy).
public static class Access
{
    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, ClaimsPrincipal user)
    {
        if (SeesAll(user)) return projects;
        if (Id(user, UserClaims.Department) is int dept && user.IsInRole(Roles.SupervisorReviewer))
            return projects.Where(p => p.BudgetUnit!.SupervisingDepartmentId == dept);
        if (Id(user, UserClaims.Unit) is int unit && DeclaresForUnit(user))
            return projects.Where(p => p.BudgetUnitId == unit);
        return projects.Where(p => false);
    }

    public static IQueryable<BudgetUnit> VisibleTo(this IQueryable<BudgetUnit> units, ClaimsPrincipal user)
    {
        if (SeesAll(user)) return units;
        if (Id(user, UserClaims.Department) is int dept && user.IsInRole(Roles.SupervisorReviewer))
            return units.Where(u => u.SupervisingDepartmentId == dept);
        if (Id(user, UserClaims.Unit) is int unit && DeclaresForUnit(user)) return units.Where(u => u.Id == unit);
        return units.Where(u => false);
    }

    // Writing a form belongs to the unit's own people while the form is theirs to change; reviewers,
    // finance and administrators read it but never write into a unit's draft.
    public static bool MayEdit(ClaimsPrincipal user, Project project) =>
        DeclaresForUnit(user)
        && Id(user, UserClaims.Unit) == project.BudgetUnitId
        && project.Status is ProjectStatus.Draft or ProjectStatus.Returned;

    // May this user declare new projects for the unit (create, import, copy).
    public static bool MayDeclare(ClaimsPrincipal user, int unitId) =>
        DeclaresForUnit(user) && Id(user, UserClaims.Unit) == unitId;

    // The units whose declarations (drafts, imports) this user may write: only the unit's own people.
    // Finance, the supervising department and the administrators review or administer, never fill in.
    public static IQueryable<BudgetUnit> WritableBy(this IQueryable<BudgetUnit> units, ClaimsPrincipal user) =>
        Id(user, UserClaims.Unit) is int unit && DeclaresForUnit(user) ? units.Where(u => u.Id == unit) : units.Where(u => false);

    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.FinanceReviewer) || user.IsInRole(Roles.SystemAdmin);

    static bool DeclaresForUnit(ClaimsPrincipal user) => user.IsInRole(Roles.Preparer) || user.IsInRole(Roles.UnitHead);

    static int? Id(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}
