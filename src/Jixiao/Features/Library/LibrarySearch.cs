using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Library;

// Searching the accepted indicators by words (name, definition, formula, level 2, basis) and by the
// pinyin initials of the name (信访 → xf). Every word of the query must match. The library is a few
// hundred rows, so the rows of a level are read and matched here rather than in SQL.
public static class LibrarySearch
{
    public sealed record Hit(int Id, string Level1, string Level2, string Name, string? Definition, string? Formula,
        string? Unit, string? Direction, string? TypicalTarget, string? Basis);

    public static async Task<List<Hit>> FindAsync(JixiaoDb db, string? q, string? level1, int limit = 200)
    {
        var rows = await db.LibraryIndicators.AsNoTracking()
            .Where(x => x.Status == LibraryStatus.Accepted && (string.IsNullOrEmpty(level1) || x.Level1 == level1))
            .OrderBy(x => x.Id).ToListAsync();
        var words = (q ?? "").Split([' ', '　', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
        return rows.Where(r => words.All(w => Matches(r, w)))
            // Name matches first, then library order.
            .OrderBy(r => words.Length > 0 && !words.All(w => r.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || Pinyin.MatchesInitials(r.Name, w)) ? 1 : 0)
            .Take(limit)
            .Select(r => new Hit(r.Id, r.Level1, r.Level2, r.Name, r.Definition, r.Formula, r.Unit, r.Direction, r.TypicalTarget, r.Basis))
            .ToList();
    }

    public static bool Matches(LibraryIndicator r, string word) =>
        Pinyin.MatchesInitials(r.Name, word)
        || new[] { r.Name, r.Definition, r.Formula, r.Level2, r.Basis, r.Unit }.Any(t => t != null && t.Contains(word, StringComparison.OrdinalIgnoreCase));

    public static async Task<List<string>> Level1sAsync(JixiaoDb db) =>
        await db.LibraryIndicators.Where(x => x.Status == LibraryStatus.Accepted).Select(x => x.Level1).Distinct().OrderBy(x => x).ToListAsync();
}
