using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Petition;
using Jixiao.Features.Projects;
using Jixiao.Features.SelfEvaluations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Ledger;

// A unit's petition figures of a year from its current ledger, and the indicator rows of its projects
// that they answer. Seen by the unit's own people, its supervising department and finance.
public sealed class ResultsModel(JixiaoDb db, IConfiguration config) : PageModel
{
    public sealed record MatchedRow(int ProjectId, string Project, string Indicator, string? Target, string Figure, TargetValue Actual);
    public sealed record Earlier(string FileName, DateTime Utc, string? By, int Cases);

    public BudgetUnit Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public PetitionLedgerRecord? Ledger { get; private set; }
    public LedgerView? View { get; private set; }
    public List<MatchedRow> Matches { get; private set; } = [];
    public List<Earlier> History { get; private set; } = [];
    public bool MayUpload { get; private set; }
    // Approved projects whose self-evaluation this user may fill from the ledger.
    public int Applicable { get; private set; }
    [BindProperty(SupportsGet = true)] public int? Applied { get; set; }

    public async Task<IActionResult> OnGetAsync(int unitId, int year, CancellationToken ct)
    {
        // A year no budget has (an address typed by hand: /Ledger/1/0) is no page, as on the unit overview.
        if (year is < Jixiao.Features.Projects.EditorInput.MinYear or > Jixiao.Features.Projects.EditorInput.MaxYear) return NotFound();
        var unit = await db.BudgetUnits.VisibleTo(User).AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit == null) return NotFound();
        Unit = unit;
        Year = year;
        MayUpload = Access.MayDeclare(User, unit.Id);
        Ledger = await LedgerQueries.CurrentAsync(db, unit.Id, year, ct);
        if (Ledger == null) return Page();

        var cases = await LedgerQueries.CasesAsync(db, Ledger.Id, ct);
        var figures = PetitionLedger.Compute(cases, LedgerQueries.AsOf(year, DateTime.UtcNow), LedgerQueries.Rules(config));
        View = new LedgerView(year, figures, cases, LedgerQueries.Errors(Ledger), Ledger.RowsNotCounted, Ledger.Columns);

        var actuals = await LedgerQueries.ActualsAsync(db, unit.Id, year, figures, ct);
        var projects = await db.Projects.VisibleTo(User).AsNoTracking()
            .Where(p => p.BudgetUnitId == unit.Id && p.FiscalYear == year)
            .OrderBy(p => p.Form.Name).ToListAsync(ct);
        Applicable = projects.Count(p => actuals.ContainsKey(p.Id) && SelfEvaluationStore.MayWrite(User, p));
        foreach (var project in projects)
        {
            if (!actuals.TryGetValue(project.Id, out var rows)) continue;
            foreach (var row in db.InFormOrder(project).Form.Indicators)
                if (row.Id is { } id && rows.TryGetValue(id, out var actual))
                    Matches.Add(new MatchedRow(project.Id, project.Form.Name, row.Name, row.AnnualTarget?.Raw,
                        figures[PetitionActuals.MeasureOf(row.Name)!.Value].Name, actual));
        }
        History = await db.PetitionLedgers.AsNoTracking()
            .Where(l => l.BudgetUnitId == unit.Id && l.Year == year && l.Outcome == LedgerOutcome.Saved && l.Id != Ledger.Id)
            .OrderByDescending(l => l.SavedUtc)
            .Select(l => new Earlier(l.FileName, l.SavedUtc ?? l.Utc, l.SavedBy, l.Cases.Count))
            .ToListAsync(ct);
        return Page();
    }

    // 填入自评: the ledger's figures become the actual values of the matching rows in the self-evaluations
    // of the unit's approved projects, each keeping its previous version, all in one transaction.
    public async Task<IActionResult> OnPostApplyAsync(int unitId, int year, CancellationToken ct)
    {
        var unit = await db.BudgetUnits.VisibleTo(User).AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit == null) return NotFound();
        if (!Access.MayDeclare(User, unit.Id)) return Forbid();
        var ledger = await LedgerQueries.CurrentAsync(db, unit.Id, year, ct);
        if (ledger == null) return NotFound();
        var cases = await LedgerQueries.CasesAsync(db, ledger.Id, ct);
        var figures = PetitionLedger.Compute(cases, LedgerQueries.AsOf(year, DateTime.UtcNow), LedgerQueries.Rules(config));
        var actuals = await LedgerQueries.ActualsAsync(db, unit.Id, year, figures, ct);
        var ids = actuals.Keys.ToList();
        var projects = await db.Projects.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var applied = 0;
        foreach (var project in projects.Where(p => SelfEvaluationStore.MayWrite(User, p)))
        {
            SelfEvaluationStore.ApplyActuals(db, db.InFormOrder(project), actuals[project.Id], User.Identity!.Name!, $"信访台账：{ledger.FileName}");
            applied++;
        }
        var result = await ProjectStore.CommitAsync(db, ct);
        if (!result.Saved)
        {
            TempData["LedgerConflict"] = result.Conflict;
            return Redirect($"/Ledger/{unitId}/{year}");
        }
        return Redirect($"/Ledger/{unitId}/{year}?applied={applied}");
    }
}
