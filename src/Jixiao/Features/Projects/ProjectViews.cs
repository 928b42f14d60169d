using System.Collections.Concurrent;
using System.Collections.Immutable;
using Jixiao.Data;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

// The project page's reading of a project (its form in order with its unit, its automatic review and its
// history), kept in memory per state of the project: a project is viewed far more often than it changes,
// and reading its rows and reviewing them again was most of the page's work. The stamp is what a change
// moves on the project's own row (version, time, status, publication), read again whenever the database's
// change stamp has moved (ChangeClock); JixiaoDb moves the time when rows change without a new version.
// What is kept is shared between requests and must only be read.
public sealed class ProjectViews(ListCache cache)
{
    public sealed record View(Project Project, ReviewReport Review, List<ProjectVersion> Versions);

    // What the page shows beside the form that changes without the project's row (the steps taken, the
    // comments, the layout of the unit's latest declaration of the year), kept under the change stamps of the review
    // and the declarations (ListCache) and the project's unit and year. Shared: read only.
    public sealed record Around(List<ProjectStep> Steps, List<ReviewComment> Comments, string? DeclaredLayout);

    // The project's row as last read, and the user scopes (ListCache.Scope) it was visible to, under the
    // change stamps of the projects and the organisation: every change there moves them, so until they move
    // another view by the same scope needs no query of its own.
    sealed record Checked(string Change, string Stamp, ImmutableHashSet<string> Scopes);

    const int Limit = 500;
    readonly ConcurrentDictionary<int, (string Stamp, Lazy<Task<View?>> Value)> entries = new();
    readonly ConcurrentDictionary<int, Checked> checks = new();
    readonly ConcurrentDictionary<int, (string Stamp, Lazy<Task<Around>> Value)> around = new();

    // Null when the user may not see the project or there is none: the two are answered alike.
    public async Task<View?> GetAsync(JixiaoDb db, System.Security.Claims.ClaimsPrincipal user, int id)
    {
        // Whether the scope sees the project depends on its row and its unit's department, nothing else.
        var change = await cache.RequestStampAsync(db, Area.Projects | Area.Organisation);
        var scope = ListCache.Scope(user);
        string stamp;
        if (checks.TryGetValue(id, out var seen) && seen.Change == change && seen.Scopes.Contains(scope)) stamp = seen.Stamp;
        else
        {
            var state = await db.Projects.VisibleTo(user).Where(p => p.Id == id)
                .Select(p => new { p.Version, p.UpdatedUtc, p.Status, p.MadePublic, p.ApprovedVersion }).FirstOrDefaultAsync();
            if (state == null) return null;
            stamp = $"{state.Version}:{state.UpdatedUtc.Ticks}:{state.Status}:{state.MadePublic}:{state.ApprovedVersion}";
            if (checks.Count >= Limit) checks.Clear();
            checks.AddOrUpdate(id, _ => new Checked(change, stamp, [scope]),
                (_, old) => old.Change == change && old.Stamp == stamp ? old with { Scopes = old.Scopes.Add(scope) } : new Checked(change, stamp, [scope]));
        }
        return await ListCache.KeptAsync(entries, Limit, id, stamp, () => ReadAsync(db, id));
    }

    // For a project the user was found to see (GetAsync).
    public async Task<Around> AroundAsync(JixiaoDb db, Project project) =>
        await ListCache.KeptAsync(around, Limit, project.Id,
            $"{await cache.RequestStampAsync(db, Area.Review | Area.Declarations)}:{project.BudgetUnitId}:{project.FiscalYear}", async () => new Around(
            await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == project.Id).OrderBy(s => s.Id).ToListAsync(),
            await db.ReviewComments.AsNoTracking().Where(c => c.ProjectId == project.Id).OrderBy(c => c.Id).ToListAsync(),
            await db.DeclarationForms.Where(d => d.BudgetUnitId == project.BudgetUnitId && d.FiscalYear == project.FiscalYear)
                    .OrderByDescending(d => d.Utc).Select(d => d.Layout).FirstOrDefaultAsync()));

    // Tracked only while the rows are put in form order (their place is a shadow property), once, before anyone shares them.
    static async Task<View?> ReadAsync(JixiaoDb db, int id)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var project = await db.Projects.AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id);
        if (project == null) return null;
        db.InFormOrder(project);
        // Let go of the objects, so that the request's later queries never fix anything up into them.
        db.ChangeTracker.Clear();
        // The history without the forms themselves: each is read only when opened.
        var versions = await db.ProjectVersions.Where(v => v.ProjectId == id).OrderByDescending(v => v.Version)
            .Select(v => new ProjectVersion { Version = v.Version, Utc = v.Utc, UserName = v.UserName, Reason = v.Reason, Status = v.Status, QualityScore = v.QualityScore })
            .ToListAsync();
        return new View(project, StoredReview.Review(project), versions);
    }
}
