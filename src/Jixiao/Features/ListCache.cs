using System.Collections.Concurrent;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features;

// Figures that need a scan of a year (a list's total, a summary's sums, a dashboard's aggregates) are kept
// in memory under the change stamps of the areas they depend on (Data/ChangeStamps.cs: projects, approved
// projects, review, monitoring, organisation …). Every save moves the stamp of each area it touches in the
// same transaction as itself (AuditInterceptor), so a figure computed after reading the stamps is current
// until the next committed change in one of its areas, and stamps read later tell whether one came. Then
// the figure is computed again, once, however many requests ask for it at the same time; a change in
// another area (a draft's save, for the monitoring dashboard) leaves it kept. The stamps themselves are kept
// by the ChangeClock, which every commit of this application moves.
// One instance per application (a singleton), so that two databases never share figures.
public sealed class ListCache(ChangeClock clock)
{
    const int Limit = 2_000;
    readonly ConcurrentDictionary<string, (string Stamp, Lazy<Task<object?>> Value)> entries = new();

    // The stamps are asked once per request's context (ChangeClock: one query of a handful of rows when they
    // may have moved) and again after the context saves (JixiaoDb.SaveChanges forgets them, as does giving the
    // context back to the pool), so a request that changes data never gets the figures from before, nor one
    // request the stamps of another.
    internal Task<ChangeStamps.Read> RequestStampsAsync(JixiaoDb db)
    {
        if (db.ListStamp is not { IsFaulted: false, IsCanceled: false } read) db.ListStamp = read = clock.StampsAsync(db);
        return read;
    }

    // The stamp of the given areas as this request read it.
    internal async Task<string> RequestStampAsync(JixiaoDb db, Area areas) => (await RequestStampsAsync(db)).Of(areas);

    // The key must name everything the figure depends on besides the data: the page, its filters and the
    // scope of the user (all, one department, one unit); the areas every table the figure reads (a list that
    // leaves one out is not shown a change there). The result must not be changed by the caller.
    public async Task<T> GetAsync<T>(JixiaoDb db, string key, Area areas, Func<Task<T>> compute) =>
        (T)(await KeptAsync(entries, Limit, key, await RequestStampAsync(db, areas), async () => (object?)await compute()))!;

    // What is kept under a stamp: computed once however many ask at the same time, again when the stamp
    // moves, and forgotten when computing fails. Also the project page's (ProjectViews).
    public static async Task<T> KeptAsync<TKey, T>(ConcurrentDictionary<TKey, (string Stamp, Lazy<Task<T>> Value)> entries, int limit,
        TKey key, string stamp, Func<Task<T>> compute) where TKey : notnull
    {
        if (!entries.TryGetValue(key, out var entry) || entry.Stamp != stamp)
        {
            if (entries.Count >= limit) entries.Clear();
            var mine = (stamp, new Lazy<Task<T>>(compute));
            entry = entries.AddOrUpdate(key, mine, (_, old) => old.Stamp == stamp ? old : mine);
        }
        try { return await entry.Value.Value; }
        catch
        {
            entries.TryRemove(new KeyValuePair<TKey, (string, Lazy<Task<T>>)>(key, entry));
            throw;
        }
    }

    // The years the user has projects in, newest first (a copy: callers may add the year they ask for).
    public async Task<List<int>> YearsAsync(JixiaoDb db, System.Security.Claims.ClaimsPrincipal user) =>
        [.. await GetAsync(db, "years:" + Scope(user), Area.Projects | Area.Organisation,
            () => db.Projects.VisibleTo(user).Select(p => p.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync())];

    // What the user's figures are scoped to, for the key: the same cases as Access.VisibleTo.
    public static string Scope(System.Security.Claims.ClaimsPrincipal user)
    {
        if (Access.SeesAll(user)) return "all";
        if (int.TryParse(user.FindFirst(UserClaims.Department)?.Value, out var dept) && user.IsInRole(Roles.SupervisorReviewer)) return $"dept:{dept}";
        if (int.TryParse(user.FindFirst(UserClaims.Unit)?.Value, out var unit) && (user.IsInRole(Roles.Preparer) || user.IsInRole(Roles.UnitHead))) return $"unit:{unit}";
        return "none";
    }
}
