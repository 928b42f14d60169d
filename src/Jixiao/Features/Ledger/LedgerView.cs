using Jixiao.Domain.Petition;
using Jixiao.Forms;

namespace Jixiao.Features.Ledger;

// What the preview and the results page show of one ledger: the figures, the cases that broke a limit,
// and the rows that were not counted.
public sealed record LedgerView(int Year, PetitionFigures Figures, IReadOnlyList<PetitionCase> Cases, IReadOnlyList<LedgerError> Errors,
    int RowsNotCounted, string? Columns)
{
    // Cases registered in another year than the ledger's: still counted (the ledger is the unit's), but said.
    public int OutsideYear => Cases.Count(c => c.Registered.Year != Year);

    // Every breach once, by case, in ledger order.
    public IReadOnlyList<(Breach Breach, PetitionCase? Case)> Breaches
    {
        get
        {
            var byNumber = Cases.GroupBy(c => c.Number).ToDictionary(g => g.Key, g => g.First());
            var order = Cases.Select((c, i) => (c.Number, i)).GroupBy(x => x.Number).ToDictionary(g => g.Key, g => g.First().i);
            return Figures.Figures.SelectMany(f => f.Breaches)
                .OrderBy(b => order.GetValueOrDefault(b.Number, int.MaxValue)).ThenBy(b => b.Kind)
                .Select(b => (b, byNumber.GetValueOrDefault(b.Number)))
                .ToList();
        }
    }

    // Cases whose ledger gives a 应办结日期 later than the law allows.
    public IReadOnlyList<PetitionCase> LateDueDates => Cases.Where(PetitionLedger.DueLaterThanLaw).ToList();

    public static string KindLabel(BreachKind kind) => kind switch
    {
        BreachKind.LateNotice => "告知超期",
        BreachKind.NoNotice => "逾期未告知",
        BreachKind.LateClosing => "超期办结",
        BreachKind.OverdueOpen => "逾期未办结",
        _ => "延期超限",
    };
}
