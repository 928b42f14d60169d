using Jixiao.Domain.Petition;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public enum LedgerOutcome { Failed, Previewed, Saved }

// One uploaded petition ledger (信访事项台账) of a unit's year: the file as it came (like ImportRecord,
// who, when, its bytes and hash), what reading it found, and once saved the cases it holds.
// The latest saved ledger of a unit and year is the current one; earlier ones stay as history.
public sealed class PetitionLedgerRecord
{
    public int Id { get; set; }
    public int BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    public int Year { get; set; }
    public DateTime Utc { get; set; }
    public string? UserName { get; set; }
    public DateTime? SavedUtc { get; set; }
    public string? SavedBy { get; set; }
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public LedgerOutcome Outcome { get; set; }
    public string? Error { get; set; }                 // the file could not be read at all
    public string ErrorsJson { get; set; } = "[]";     // located errors of rows not counted (LedgerError)
    public int RowsNotCounted { get; set; }
    public string? Columns { get; set; }               // the columns recognised, "、"-joined
    public List<PetitionLedgerCase> Cases { get; set; } = [];
}

// One case of a stored ledger: the columns of PetitionCase, nothing about the petitioner.
public sealed class PetitionLedgerCase
{
    public int Id { get; set; }
    public int LedgerId { get; set; }
    public int Position { get; set; }
    public string Number { get; set; } = "";
    public string Where { get; set; } = "";
    public DateOnly Registered { get; set; }
    public DateOnly? Accepted { get; set; }
    public bool NotAccepted { get; set; }
    public DateOnly? Notified { get; set; }
    public DateOnly? LedgerDue { get; set; }
    public int ExtensionDays { get; set; }
    public bool ExtensionApproved { get; set; }
    public DateOnly? Closed { get; set; }
    public bool Evaluated { get; set; }
    public PetitionEvaluation? Evaluation { get; set; }
    public bool Repeat { get; set; }

    public static PetitionLedgerCase From(PetitionCase c, int position) => new()
    {
        Position = position, Number = c.Number, Where = c.Where, Registered = c.Registered, Accepted = c.Accepted,
        NotAccepted = c.NotAccepted, Notified = c.Notified, LedgerDue = c.LedgerDue, ExtensionDays = c.ExtensionDays,
        ExtensionApproved = c.ExtensionApproved, Closed = c.Closed, Evaluated = c.Evaluated, Evaluation = c.Evaluation, Repeat = c.Repeat,
    };

    public PetitionCase ToCase() => new()
    {
        Number = Number, Where = Where, Registered = Registered, Accepted = Accepted, NotAccepted = NotAccepted, Notified = Notified,
        LedgerDue = LedgerDue, ExtensionDays = ExtensionDays, ExtensionApproved = ExtensionApproved, Closed = Closed,
        Evaluated = Evaluated, Evaluation = Evaluation, Repeat = Repeat,
    };
}

public static class PetitionLedgerModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<PetitionLedgerRecord>(r =>
        {
            r.ToTable("PetitionLedgers");
            r.HasIndex(x => new { x.BudgetUnitId, x.Year, x.Outcome });
            r.HasOne(x => x.BudgetUnit).WithMany().HasForeignKey(x => x.BudgetUnitId).OnDelete(DeleteBehavior.Cascade);
            r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.FileName).HasMaxLength(200);
            r.Property(x => x.Sha256).HasMaxLength(64);
            r.HasMany(x => x.Cases).WithOne().HasForeignKey(x => x.LedgerId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PetitionLedgerCase>(c =>
        {
            c.ToTable("PetitionLedgerCases");
            c.HasIndex(x => new { x.LedgerId, x.Position });
            c.Property(x => x.Number).HasMaxLength(100);
            c.Property(x => x.Where).HasMaxLength(200);
            c.Property(x => x.Evaluation).HasConversion<string>().HasMaxLength(24);
        });
    }
}
