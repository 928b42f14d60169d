using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Review;

// For reviewers: the forms of a year (or of one unit), worst quality first, filtered by rule and severity.
public sealed class IndexModel(JixiaoDb db, ListCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public Severity? Severity { get; set; }
    // A province has thousands of units: beyond a short list they are found by name or code, not picked.
    [BindProperty(SupportsGet = true, Name = "unitq")] public string? UnitQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "dept")] public int? Department { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "min")] public int? MinScore { get; set; }
    [BindProperty(SupportsGet = true, Name = "max")] public int? MaxScore { get; set; }
    // 项目资金总额 in 万元, as reviewers speak of money.
    [BindProperty(SupportsGet = true, Name = "from")] public decimal? MoneyFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public decimal? MoneyTo { get; set; }
    public const int UnitsToPick = 50;
    public List<Choice> Units { get; private set; } = [];
    public bool PickUnit { get; private set; }
    public List<Choice> Departments { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    // With one unit chosen: what the review finds of its year as a whole (totals against the summary …).
    public List<Finding> UnitFindings { get; private set; } = [];

    public sealed record Choice(int Id, string Name);
    // A row shows its counts and its first findings that match the filters; the rest is on the form, one click away.
    public sealed record Row(int Id, string Name, string Unit, int Score, string Grade, int Errors, int Warnings, int Infos, List<Line> Shown, int MoreMatching);
    public sealed record Line(Severity Severity, string Text);
    public const int LinesPerRow = 2;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    // Keyset paging: the page after a row, before a row, or the last page (see ReviewPaging).
    [BindProperty(SupportsGet = true)] public int? After { get; set; }
    [BindProperty(SupportsGet = true)] public int? Before { get; set; }
    [BindProperty(SupportsGet = true)] public bool Last { get; set; }
    public int Total { get; private set; }
    public bool HasPrevious { get; private set; }
    public bool HasNext { get; private set; }
    public const int PageSize = 50;
    public KeysetPager Pager => new(PageNumber, Total, PageSize, HasPrevious, HasNext, Rows.FirstOrDefault()?.Id, Rows.LastOrDefault()?.Id, Request.Query);

    // One page of the list by keyset, as the address asks: after or before a row, the last page, or (an old
    // bookmark) a page number alone.
    async Task<(List<Row>, bool, bool, int)> ReadPageAsync(IQueryable<Project> projects, int pages, int unscored)
    {
        var pageNumber = PageNumber;
        System.Linq.Expressions.Expression<Func<Project, PageRow>> select = p =>
            new PageRow(p.Id, p.Form.Name, p.BudgetUnit!.Name, p.QualityScore, p.ReviewProfileId);
        ReviewPaging.Slice<PageRow> slice;
        var at = After ?? Before;
        var position = at == null ? null : await db.Projects.VisibleTo(User).Where(p => p.Id == at)
            .Select(p => new ReviewPaging.Position(p.QualityScore, p.NameKey, p.Id)).FirstOrDefaultAsync();
        if (Last)
        {
            // The last page holds what is left after the full pages, so its number and the ones before it agree.
            slice = await ReviewPaging.BeforeAsync(projects, null, Total - (pages - 1) * PageSize, unscored > 0, select);
            slice = slice with { HasPrevious = pages > 1 };
            pageNumber = pages;
        }
        else if (position != null && Before != null)
        {
            slice = await ReviewPaging.BeforeAsync(projects, position, PageSize, unscored > 0, select);
            // Rows came or went since the link was made: the start of the list is page 1.
            if (!slice.HasPrevious) (slice, pageNumber) = (await ReviewPaging.AfterAsync(projects, null, PageSize, unscored > 0, select), 1);
        }
        else if (position != null)
            slice = await ReviewPaging.AfterAsync(projects, position, PageSize, unscored > 0, select);
        else if (pageNumber > 1 && at == null)
            slice = await ReviewPaging.PageAsync(projects, (pageNumber - 1) * PageSize, PageSize, unscored, select);
        else
            (slice, pageNumber) = (await ReviewPaging.AfterAsync(projects, null, PageSize, unscored > 0, select), 1);
        var page = !slice.HasNext ? pages : pageNumber;
        if (!slice.HasPrevious) page = 1;

        // The page's findings in one query, without the long suggestion and basis texts the list does not show.
        var ids = slice.Rows.Select(r => r.Id).ToList();
        var findings = (await db.Projects.Where(p => ids.Contains(p.Id))
            .SelectMany(p => p.Findings, (p, f) => new { p.Id, Key = EF.Property<int>(f, "Key"), f.Rule, f.Severity, f.Indicator, f.Message })
            .ToListAsync())
            .OrderBy(f => f.Severity).ThenBy(f => f.Key).ToLookup(f => f.Id);
        var rows = slice.Rows.Select(p =>
        {
            var score = p.QualityScore ?? 0;
            var scoring = (p.ReviewProfileId is { } id ? ReviewProfiles.Find(id) : null)?.Scoring ?? ReviewProfiles.National2021.Scoring;
            var mine = findings[p.Id];
            var matching = mine.Where(f => (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)).ToList();
            return new Row(p.Id, p.Name, p.Unit, score, scoring.Grade(score),
                mine.Count(f => f.Severity == Domain.Review.Severity.Error), mine.Count(f => f.Severity == Domain.Review.Severity.Warning),
                mine.Count(f => f.Severity == Domain.Review.Severity.Info),
                matching.Take(LinesPerRow).Select(f => new Line(f.Severity, LineText(f.Indicator, f.Message))).ToList(),
                Math.Max(0, matching.Count - LinesPerRow));
        }).ToList();
        return (rows, slice.HasPrevious, slice.HasNext, page);
    }

    public sealed record PageRow(int Id, string Name, string Unit, int? QualityScore, string? ReviewProfileId);

    // The indicator is named once: by the message where it already quotes it, else before it.
    public static string LineText(string? indicator, string message) =>
        indicator != null && !message.Contains(indicator) ? $"“{indicator}”：{message}" : message;

    public ReviewFilter Filter => new(Year ?? DateTime.Today.Year, Unit, UnitQuery, Department, Status, MinScore, MaxScore, MoneyFrom, MoneyTo, Rule, Severity);

    // 导出 Excel / CSV: every row the filters match, as a background job (a province's list is long).
    public async Task<IActionResult> OnPostExportAsync(string? format, [FromServices] Export.ExportJobs jobs)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        Year ??= await db.Projects.VisibleTo(User).MaxAsync(p => (int?)p.FiscalYear) ?? DateTime.Today.Year;
        var (job, refused) = Export.ListExports.Start(jobs, User, $"{Year}年度审核结果清单", format,
            Export.ExportRequest.Of(Export.ExportRequest.ReviewList, new Export.ExportRequest.ReviewListArgs(Filter, format)),
            again: "/Review" + QueryString.Create(Request.Query.Where(k => k.Key != "handler")));
        return job == null ? RedirectToPage("/Export/Jobs", new { refused }) : Redirect($"/Exports/Jobs/{job.Id}");
    }

    public async Task OnGetAsync()
    {
        Year ??= (await cache.YearsAsync(db, User)).FirstOrDefault() is var newest and > 0 ? newest : DateTime.Today.Year;
        // The filter's choices change only with the data: kept with the other figures (ListCache).
        (PickUnit, Units, Departments) = await cache.GetAsync(db, $"review-choices:{ListCache.Scope(User)}", Area.Organisation, async () =>
        {
            var visibleUnits = db.BudgetUnits.VisibleTo(User);
            var pick = await visibleUnits.CountAsync() <= UnitsToPick;
            var units = pick ? await visibleUnits.OrderBy(u => u.Name).Select(u => new Choice(u.Id, u.Name)).ToListAsync() : [];
            var departments = Access.SeesAll(User)
                ? await db.SupervisingDepartments.OrderBy(d => d.Name).Select(d => new Choice(d.Id, d.Name)).ToListAsync() : [];
            return (pick, units, departments);
        });

        // Each project's review was stored when it was saved: the list reads it, a page at a time.
        var projects = Filter.Apply(db.Projects.VisibleTo(User));
        // Counting a filtered year scans it: kept until the data changes (ListCache), keyed by every filter.
        int unscored;
        (Total, unscored) = await cache.GetAsync(db, $"review:{ListCache.Scope(User)}:{Filter}", Area.Projects | Area.Organisation,
            async () => (await projects.CountAsync(), await projects.CountAsync(p => p.QualityScore == null)));
        var pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pages);

        // The page itself (its rows, their findings, where it stands) is kept like the total: everyone who
        // opens the year's first page gets it for one look at the change stamp.
        (Rows, HasPrevious, HasNext, PageNumber) = await cache.GetAsync(db,
            $"review-page:{ListCache.Scope(User)}:{Filter}:{After}:{Before}:{Last}:{PageNumber}", Area.Projects | Area.Organisation | Area.Declarations, () => ReadPageAsync(projects, pages, unscored));

        if (Unit is int unitId && await db.BudgetUnits.VisibleTo(User).Include(u => u.SupervisingDepartment).FirstOrDefaultAsync(u => u.Id == unitId) is { } unit)
        {
            // The unit's year as a whole (totals against its summary sentence) is reviewed here: one unit's forms.
            var all = await db.Projects.AsSplitQuery().Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
                .Where(p => p.BudgetUnitId == unitId && p.FiscalYear == Year).ToListAsync();
            if (all.Count == 0) return;
            foreach (var p in all) db.InFormOrder(p);
            var declaration = await db.DeclarationForms.Where(d => d.BudgetUnitId == unitId && d.FiscalYear == Year)
                .OrderByDescending(d => d.Id).FirstOrDefaultAsync();
            var whole = Reviewer.Review(StoredReview.DocumentOf(unit, Year.Value, all, declaration), StoredReview.ProfileOf(all[0]));
            UnitFindings = whole.Findings.Where(f => f.Project == null
                && (Rule == null || f.Rule == Rule) && (Severity == null || f.Severity == Severity)).ToList();
        }
    }
}
