using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Search;

// The header's search: projects by name, code, pinyin initials or words of their goals, indicators by
// name or initials (with their project), units by name, code or initials, each group counted and paged,
// and only within what the user may see.
public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // One group with its own pages, or the first hits of all three.
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public const int FirstHits = 8, PerPage = 20;
    public bool Searched { get; private set; }
    public Group<ProjectHit> Projects { get; private set; } = Group<ProjectHit>.Empty;
    public Group<IndicatorHit> Indicators { get; private set; } = Group<IndicatorHit>.Empty;
    public Group<UnitHit> Units { get; private set; } = Group<UnitHit>.Empty;

    public sealed record Group<T>(List<T> Hits, int Total, Pager? Pager)
    {
        public static readonly Group<T> Empty = new([], 0, null);
    }
    public sealed record ProjectHit(int Id, string Name, string? Code, int Year, ProjectStatus Status, int Copy, string Unit);
    public sealed record IndicatorHit(ProjectHit Project, List<string> Names);
    public sealed record UnitHit(int Id, string Name, string? Code, string? Department);

    public async Task OnGetAsync()
    {
        var words = SearchText.Words(Q);
        Searched = words.Count > 0;
        if (!Searched) return;
        // A search's answer (totals, the hits shown, the indicators' names) only changes with the data: kept
        // whole until the next change (ListCache), so asking again costs one look at the change stamp.
        var key = $"search:{ListCache.Scope(User)}:{Kind}:{PageNumber}:{string.Join(' ', words.Select(w => string.Join('\u001F', w)))}:{Q!.Trim()}";
        var found = await cache.GetAsync(db, key, Area.Projects | Area.Organisation, () => FindAsync(words));
        PageNumber = found.Page;
        Projects = found.Projects with { Pager = PagerFor(found.Projects.Total) };
        Indicators = found.Indicators with { Pager = PagerFor(found.Indicators.Total) };
        Units = found.Units with { Pager = PagerFor(found.Units.Total) };
    }

    sealed record Found(Group<ProjectHit> Projects, Group<IndicatorHit> Indicators, Group<UnitHit> Units, int Page);

    async Task<Found> FindAsync(List<string[]> words)
    {
        var projects = Kind is null or "project" ? await ProjectsAsync(SearchIndex.In.Projects, words) : Group<ProjectHit>.Empty;
        var indicators = Group<IndicatorHit>.Empty;
        if (Kind is null or "indicator")
        {
            var found = await ProjectsAsync(SearchIndex.In.Indicators, words);
            indicators = new(await IndicatorsAsync(found.Hits, words), found.Total, null);
        }
        var units = Kind is null or "unit" ? await UnitsAsync() : Group<UnitHit>.Empty;
        return new(projects, indicators, units, PageNumber);
    }

    (int Skip, int Take) Window(int total)
    {
        if (Kind is null) return (0, FirstHits);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PerPage - 1) / PerPage));
        return ((PageNumber - 1) * PerPage, PerPage);
    }

    Pager? PagerFor(int total) => Kind is null ? null : new Pager(PageNumber, total, PerPage, Request.Query);

    async Task<Group<ProjectHit>> ProjectsAsync(SearchIndex.In where, List<string[]> words)
    {
        var found = SearchIndex.Find(db, words, where).VisibleTo(User);
        var total = await found.CountAsync();
        var (skip, take) = Window(total);
        var hits = await found.OrderByDescending(p => p.FiscalYear).ThenBy(p => p.NameKey).ThenBy(p => p.Id)
            .Skip(skip).Take(take)
            .Select(p => new ProjectHit(p.Id, p.Form.Name, p.Form.Code, p.FiscalYear, p.Status, p.Copy, p.BudgetUnit!.Name))
            .ToListAsync();
        return new(hits, total, null);
    }

    // The indicators of the shown projects that the words are in, as their names.
    async Task<List<IndicatorHit>> IndicatorsAsync(List<ProjectHit> projects, List<string[]> words)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var names = await db.Projects.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Names = p.Form.Indicators.Select(i => i.Name).ToList() })
            .ToDictionaryAsync(p => p.Id, p => p.Names);
        return projects.Select(p => new IndicatorHit(p, names[p.Id].Where(n => Contains(n, words)).Distinct().ToList())).ToList();
    }

    static bool Contains(string name, List<string[]> words)
    {
        var text = " " + SearchText.Tokens(name) + " ";
        var initials = " " + SearchText.InitialTokens(name) + " ";
        return words.All(w => text.Contains(" " + string.Join(' ', w) + " ") || initials.Contains(" " + string.Join(' ', w) + " "));
    }

    async Task<Group<UnitHit>> UnitsAsync()
    {
        // Units are a few thousand rows at most: matched in SQL without a text index.
        var units = db.BudgetUnits.VisibleTo(User);
        foreach (var word in Q!.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = word.ToLowerInvariant();
            units = units.Where(u => u.Name.Contains(word) || (u.Code != null && u.Code.StartsWith(word)) || u.NameInitials.Contains(letters));
        }
        var total = await units.CountAsync();
        var (skip, take) = Window(total);
        var hits = await units.OrderBy(u => u.Name).ThenBy(u => u.Id).Skip(skip).Take(take)
            .Select(u => new UnitHit(u.Id, u.Name, u.Code, u.SupervisingDepartment!.Name))
            .ToListAsync();
        return new(hits, total, null);
    }
}
