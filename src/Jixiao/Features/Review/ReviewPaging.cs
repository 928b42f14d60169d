using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Review;

// The review list's order is worst quality first, then name, then id. A page is read from the index
// (FiscalYear, QualityScore, NameKey, Id) starting at the row next to it (keyset paging), so page 400 costs
// what page 1 costs: OFFSET would walk every row before it. Projects without a stored score (never the case
// for a project saved through ProjectStore) come first, by name, on both databases (SQLite sorts NULL first,
// PostgreSQL last: the two segments are read apart so the order is the same on both).
public static class ReviewPaging
{
    // Where a row stands in the order: the key of a page's first or last row.
    public sealed record Position(int? Score, string NameKey, int Id);

    public sealed record Slice<T>(List<T> Rows, bool HasPrevious, bool HasNext);

    // The page after a row (or the first page), a page before a row (or the last page), or the legacy
    // page by number (an old bookmark with ?p=N and no row): what the list's links and addresses ask for.
    public static async Task<Slice<T>> AfterAsync<T>(IQueryable<Project> projects, Position? after, int size, bool anyUnscored,
        System.Linq.Expressions.Expression<Func<Project, T>> select, CancellationToken ct = default)
    {
        var rows = new List<T>();
        if (anyUnscored && after is null or { Score: null })
            rows.AddRange(await Unscored(projects, after, forward: true).Take(size + 1).Select(select).ToListAsync(ct));
        if (rows.Count <= size)
            rows.AddRange(await Scored(projects, after is { Score: not null } ? after : null, forward: true)
                .Take(size + 1 - rows.Count).Select(select).ToListAsync(ct));
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        return new(rows, after != null, more);
    }

    public static async Task<Slice<T>> BeforeAsync<T>(IQueryable<Project> projects, Position? before, int size, bool anyUnscored,
        System.Linq.Expressions.Expression<Func<Project, T>> select, CancellationToken ct = default)
    {
        var rows = new List<T>();
        if (before is null or { Score: not null })
            rows.AddRange(await Scored(projects, before, forward: false).Take(size + 1).Select(select).ToListAsync(ct));
        if (rows.Count <= size && anyUnscored)
            rows.AddRange(await Unscored(projects, before is { Score: null } ? before : null, forward: false)
                .Take(size + 1 - rows.Count).Select(select).ToListAsync(ct));
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        rows.Reverse();
        return new(rows, more, before != null);
    }

    // Page n by skipping (n − 1) pages: only for addresses that name a page number without a row.
    public static async Task<Slice<T>> PageAsync<T>(IQueryable<Project> projects, int skip, int size, int unscored,
        System.Linq.Expressions.Expression<Func<Project, T>> select, CancellationToken ct = default)
    {
        var rows = new List<T>();
        if (skip < unscored)
            rows.AddRange(await Unscored(projects, null, forward: true).Skip(skip).Take(size + 1).Select(select).ToListAsync(ct));
        if (rows.Count <= size)
            rows.AddRange(await Scored(projects, null, forward: true).Skip(Math.Max(0, skip - unscored))
                .Take(size + 1 - rows.Count).Select(select).ToListAsync(ct));
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        return new(rows, skip > 0, more);
    }

    // Scored rows after (or before) a scored position, in order (or in reverse). The first condition alone
    // bounds the index range to start from; the second decides ties on score by name and id.
    internal static IQueryable<Project> Scored(IQueryable<Project> projects, Position? from, bool forward)
    {
        projects = projects.Where(p => p.QualityScore != null);
        if (from is { Score: int s, NameKey: var n, Id: var id })
            projects = forward
                ? projects.Where(p => p.QualityScore >= s && (p.QualityScore > s || string.Compare(p.NameKey, n) > 0 || (p.NameKey == n && p.Id > id)))
                : projects.Where(p => p.QualityScore <= s && (p.QualityScore < s || string.Compare(p.NameKey, n) < 0 || (p.NameKey == n && p.Id < id)));
        return forward
            ? projects.OrderBy(p => p.QualityScore).ThenBy(p => p.NameKey).ThenBy(p => p.Id)
            : projects.OrderByDescending(p => p.QualityScore).ThenByDescending(p => p.NameKey).ThenByDescending(p => p.Id);
    }

    internal static IQueryable<Project> Unscored(IQueryable<Project> projects, Position? from, bool forward)
    {
        projects = projects.Where(p => p.QualityScore == null);
        if (from is { NameKey: var n, Id: var id })
            projects = forward
                ? projects.Where(p => string.Compare(p.NameKey, n) > 0 || (p.NameKey == n && p.Id > id))
                : projects.Where(p => string.Compare(p.NameKey, n) < 0 || (p.NameKey == n && p.Id < id));
        return forward
            ? projects.OrderBy(p => p.NameKey).ThenBy(p => p.Id)
            : projects.OrderByDescending(p => p.NameKey).ThenByDescending(p => p.Id);
    }
}
