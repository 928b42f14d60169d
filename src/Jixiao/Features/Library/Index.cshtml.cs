using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Library;

// 指标库: browse and search accepted indicators; see one's own proposals and what became of them.
public sealed class IndexModel(JixiaoDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level1 { get; set; }
    public List<LibrarySearch.Hit> Hits { get; private set; } = [];
    public List<string> Level1s { get; private set; } = [];
    public List<LibraryIndicator> Mine { get; private set; } = [];
    public int Pending { get; private set; }

    public async Task OnGetAsync()
    {
        Level1s = await LibrarySearch.Level1sAsync(db);
        Hits = await LibrarySearch.FindAsync(db, Q, Level1);
        var me = User.Identity!.Name;
        Mine = await db.LibraryIndicators.Where(x => x.ProposedBy == me).OrderByDescending(x => x.Id).Take(20).ToListAsync();
        Pending = await db.LibraryIndicators.CountAsync(x => x.Status == LibraryStatus.Proposed);
    }

    public static string Describe(LibraryStatus s) => s switch
    {
        LibraryStatus.Accepted => "已纳入",
        LibraryStatus.Proposed => "待审核",
        _ => "未采纳",
    };
}
