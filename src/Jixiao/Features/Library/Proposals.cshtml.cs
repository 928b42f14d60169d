using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Library;

// For administrators (policy LibraryAdmin): proposed indicators, accepted into the library or rejected with a note.
public sealed class ProposalsModel(JixiaoDb db) : PageModel
{
    public List<LibraryIndicator> Pending { get; private set; } = [];
    public List<LibraryIndicator> Decided { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync() => await Load();

    public Task<IActionResult> OnPostAcceptAsync(int id, string? note) => Decide(id, LibraryStatus.Accepted, note);
    public Task<IActionResult> OnPostRejectAsync(int id, string? note) => Decide(id, LibraryStatus.Rejected, note);

    async Task<IActionResult> Decide(int id, LibraryStatus status, string? note)
    {
        var row = await db.LibraryIndicators.FirstOrDefaultAsync(x => x.Id == id);
        if (row == null) return NotFound();
        if (row.Status != LibraryStatus.Proposed)
            ModelState.AddModelError("", $"“{row.Name}”已经审核过（{IndexModel.Describe(row.Status)}）");
        else if (status == LibraryStatus.Rejected && string.IsNullOrWhiteSpace(note))
            ModelState.AddModelError("", $"不采纳“{row.Name}”时请写明理由");
        else if (status == LibraryStatus.Accepted && await db.LibraryIndicators.AnyAsync(x => x.Id != id && x.Name == row.Name && x.Status == LibraryStatus.Accepted))
            ModelState.AddModelError("", $"指标库中已有“{row.Name}”");
        else
        {
            row.Status = status;
            row.DecidedBy = User.Identity!.Name;
            row.DecidedUtc = DateTime.UtcNow;
            row.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            await db.SaveChangesAsync();
            Done = $"已{(status == LibraryStatus.Accepted ? "采纳" : "不采纳")}“{row.Name}”";
        }
        await Load();
        return Page();
    }

    async Task Load()
    {
        Pending = await db.LibraryIndicators.Where(x => x.Status == LibraryStatus.Proposed).OrderBy(x => x.Id).ToListAsync();
        Decided = await db.LibraryIndicators.Where(x => x.DecidedUtc != null).OrderByDescending(x => x.DecidedUtc).Take(20).ToListAsync();
    }
}
