using Jixiao.Data;
using Jixiao.Domain.Petition;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Ledger;

// The dry run of one upload: located errors and the figures as they would be, saved only on confirmation.
// An upload is its uploader's own, and only while the unit is still theirs to write for.
public sealed class PreviewModel(JixiaoDb db, IConfiguration config) : PageModel
{
    public PetitionLedgerRecord Record { get; private set; } = null!;
    public string Unit { get; private set; } = "";
    public LedgerView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // Confirmed already (a second click): the saved figures are where the first one went.
        if (Record.Outcome == LedgerOutcome.Saved) return Redirect($"/Ledger/{Record.BudgetUnitId}/{Record.Year}");
        Record.Outcome = LedgerOutcome.Saved;
        Record.SavedUtc = DateTime.UtcNow;
        // Shown to other users of the unit and the reviewers: the person's name, as comments and steps show it.
        Record.SavedBy = User.FindFirst(Jixiao.Data.UserClaims.DisplayName)?.Value ?? User.Identity!.Name;
        await db.SaveChangesAsync(ct);
        return Redirect($"/Ledger/{Record.BudgetUnitId}/{Record.Year}");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var user = User.Identity!.Name;
        var writable = db.BudgetUnits.WritableBy(User).Select(u => u.Id);
        var record = await db.PetitionLedgers.Include(l => l.BudgetUnit)
            .FirstOrDefaultAsync(l => l.Id == id && l.UserName == user && writable.Contains(l.BudgetUnitId), ct);
        if (record == null || record.Outcome == LedgerOutcome.Failed) return false;
        Record = record;
        Unit = record.BudgetUnit!.Name;
        var cases = await LedgerQueries.CasesAsync(db, record.Id, ct);
        var figures = PetitionLedger.Compute(cases, LedgerQueries.AsOf(record.Year, DateTime.UtcNow), LedgerQueries.Rules(config));
        View = new LedgerView(record.Year, figures, cases, LedgerQueries.Errors(record), record.RowsNotCounted, record.Columns);
        return true;
    }
}
