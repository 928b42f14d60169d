using System.Collections.Concurrent;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features;

// Figures that need a scan of a year (a list's total, a summary's sums, a dashboard's aggregates) are kept
// in memory under the database's change stamp: the id of the latest audit entry. Every change writes its
// audit entry in the same transaction as itself (AuditInterceptor), so a figure computed after reading a
// stamp is current until the next committed change, and a stamp read later tells whether one came. Then
// the figure is computed again, once, however many requests ask for it at the same time. The stamp itself
// is kept by the ChangeClock, which every commit of this application moves.
// One instance per application (a singleton), so that two databases never share figures.
public sealed class ListCache(ChangeClock clock)
{
    const int Limit = 2_000;
    readonly ConcurrentDictionary<string, (string Stamp, Lazy<Task<object?>> Value)> entries = new();

    // The latest entry's id and chained hash: a database restored from a backup and written to again
    // never comes back to the same stamp with other data.
    // Read when the application's ChangeClock says it may have moved. Compiled once per model (SQLite's,
    // PostgreSQL's): making the query from its expression each time cost more than running it.
    public static async Task<string> ReadStampAsync(JixiaoDb db) =>
        await Latest.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((JixiaoDb d) =>
            d.AuditEntries.OrderByDescending(a => a.Id).Select(a => new Stamp(a.Id, a.Hash)).FirstOrDefault()))(db) is { } last
            ? $"{last.Id}:{last.Hash}" : "";

    sealed record Stamp(long Id, string? Hash);

    static readonly ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<JixiaoDb, Task<Stamp?>>> Latest = new();

    // A page asks for several figures: the stamp is asked once per request's context and again after
    // the context saves (JixiaoDb.SaveChanges forgets it, as does giving the context back to the pool), so a
    // request that changes data never gets the figures from before, nor one request the stamp of another.
    internal Task<string> RequestStampAsync(JixiaoDb db)
    {
        if (db.ListStamp is not { IsFaulted: false, IsCanceled: false } read) db.ListStamp = read = clock.StampAsync(db);
        return read;
    }

    // The key must name everything the figure depends on besides the data: the page, its filters and the
    // scope of the user (all, one department, one unit). The result must not be changed by the caller.
    public async Task<T> GetAsync<T>(JixiaoDb db, string key, Func<Task<T>> compute) =>
        (T)(await KeptAsync(entries, Limit, key, await RequestStampAsync(db), async () => (object?)await compute()))!;

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
        [.. await GetAsync(db, "years:" + Scope(user),
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
