using System.Collections.Concurrent;
using Jixiao.Data;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

// The project page's reading of a project (its form in order with its unit, its automatic review and its
// history), kept in memory per state of the project: a project is viewed far more often than it changes,
// and reading its rows and reviewing them again was most of the page's work. The stamp is what a change
// moves on the project's own row (version, time, status, publication), read fresh on every view, so a
// change by any process shows at the next view; JixiaoDb moves the time when rows change without a new
// version. What is kept is shared between requests and must only be read.
public sealed class ProjectViews
{
    public sealed record View(Project Project, ReviewReport Review, List<ProjectVersion> Versions);

    const int Limit = 500;
    readonly ConcurrentDictionary<int, (string Stamp, Lazy<Task<View?>> Value)> entries = new();

    // Null when the user may not see the project or there is none: the two are answered alike.
    public async Task<View?> GetAsync(JixiaoDb db, System.Security.Claims.ClaimsPrincipal user, int id)
    {
        var state = await db.Projects.VisibleTo(user).Where(p => p.Id == id)
            .Select(p => new { p.Version, p.UpdatedUtc, p.Status, p.MadePublic, p.ApprovedVersion }).FirstOrDefaultAsync();
        if (state == null) return null;
        var stamp = $"{state.Version}:{state.UpdatedUtc.Ticks}:{state.Status}:{state.MadePublic}:{state.ApprovedVersion}";
        return await ListCache.KeptAsync(entries, Limit, id, stamp, () => ReadAsync(db, id));
    }

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
