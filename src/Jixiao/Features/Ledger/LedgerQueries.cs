using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Petition;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Ledger;

// What the ledger pages share: the as-of date, the local satisfaction rule, the figures of a stored
// ledger, and the actual values its figures give to a unit's projects of that year.
public static class LedgerQueries
{
    // Local practice (PetitionRules): Petition__CountBasicallySatisfied=true counts 基本满意 as satisfied.
    public static PetitionRules Rules(IConfiguration config) =>
        new() { CountBasicallySatisfied = config.GetValue("Petition:CountBasicallySatisfied", false) };

    // Figures are counted up to today (Beijing) or, for a past year, its last day.
    public static DateOnly AsOf(int year, DateTime utcNow)
    {
        var today = DateOnly.FromDateTime(utcNow.AddHours(8));
        var yearEnd = new DateOnly(Math.Clamp(year, 1, 9999), 12, 31);
        return today < yearEnd ? today : yearEnd;
    }

    public static async Task<List<PetitionCase>> CasesAsync(JixiaoDb db, int ledgerId, CancellationToken ct = default) =>
        (await db.Set<PetitionLedgerCase>().Where(c => c.LedgerId == ledgerId).OrderBy(c => c.Position).ToListAsync(ct))
            .Select(c => c.ToCase()).ToList();

    public static IReadOnlyList<LedgerError> Errors(PetitionLedgerRecord record) =>
        JsonSerializer.Deserialize<List<LedgerError>>(record.ErrorsJson) ?? [];

    // The unit's current ledger of a year: the latest one saved.
    public static Task<PetitionLedgerRecord?> CurrentAsync(JixiaoDb db, int unitId, int year, CancellationToken ct = default) =>
        db.PetitionLedgers.AsNoTracking().Include(l => l.BudgetUnit)
            .Where(l => l.BudgetUnitId == unitId && l.Year == year && l.Outcome == LedgerOutcome.Saved)
            .OrderByDescending(l => l.SavedUtc).ThenByDescending(l => l.Id)
            .FirstOrDefaultAsync(ct);

    // For each project of the unit's year: row id → actual value from the current ledger's figures
    // (PetitionActuals.Match). Projects without a matching row are left out; nothing is written.
    public static async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<Guid, TargetValue>>> ActualsAsync(
        JixiaoDb db, int unitId, int year, PetitionFigures figures, CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.BudgetUnitId == unitId && p.FiscalYear == year).ToListAsync(ct);
        var actuals = new Dictionary<int, IReadOnlyDictionary<Guid, TargetValue>>();
        foreach (var project in projects)
        {
            var matched = PetitionActuals.Match(project.Form, figures);
            if (matched.Count > 0) actuals[project.Id] = matched;
        }
        return actuals;
    }

    public static string Describe(LedgerOutcome o) => o switch
    {
        LedgerOutcome.Failed => "无法读取",
        LedgerOutcome.Previewed => "待确认",
        _ => "已保存",
    };

    public static string Date(DateOnly? d) => d is { } v ? PetitionLedger.Date(v) : "";
}
