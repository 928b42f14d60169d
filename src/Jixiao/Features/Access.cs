using System.Security.Claims;
using Jixiao.Data;

namespace Jixiao.Features;

// Who may see what, folded into the queries themselves: a unit's people see their unit,
// a supervising department sees its units, the finance bureau and administrators see all.
public static class Access
{
    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, ClaimsPrincipal user)
    {
        if (SeesAll(user)) return projects;
        if (Id(user, UserClaims.Department) is int dept)
            return projects.Where(p => p.BudgetUnit!.SupervisingDepartmentId == dept);
        if (Id(user, UserClaims.Unit) is int unit)
            return projects.Where(p => p.BudgetUnitId == unit);
        return projects.Where(p => false);
    }

    public static IQueryable<BudgetUnit> VisibleTo(this IQueryable<BudgetUnit> units, ClaimsPrincipal user)
    {
        if (SeesAll(user)) return units;
        if (Id(user, UserClaims.Department) is int dept) return units.Where(u => u.SupervisingDepartmentId == dept);
        if (Id(user, UserClaims.Unit) is int unit) return units.Where(u => u.Id == unit);
        return units.Where(u => false);
    }

    // Writing a form belongs to the unit's own people while the form is theirs to change; reviewers,
    // finance and administrators read it but never write into a unit's draft.
    public static bool MayEdit(ClaimsPrincipal user, Project project) =>
        (user.IsInRole(Roles.Preparer) || user.IsInRole(Roles.UnitHead))
        && Id(user, UserClaims.Unit) == project.BudgetUnitId
        && project.Status is ProjectStatus.Draft or ProjectStatus.Returned;

    // May this user declare new projects for the unit (create, import, copy).
    public static bool MayDeclare(ClaimsPrincipal user, int unitId) =>
        (user.IsInRole(Roles.Preparer) || user.IsInRole(Roles.UnitHead)) && Id(user, UserClaims.Unit) == unitId;

    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.FinanceReviewer) || user.IsInRole(Roles.Admin);

    static int? Id(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}
