using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public enum ReportStatus { Draft, Submitted, Returned }

// One in-year monitoring period (监控轮次, e.g. 1–6月) opened by the finance bureau for a set of units.
// Each unit's part is signed off by its supervising department; the round is signed off when all are.
public sealed class MonitoringRound
{
    public int Id { get; set; }
    public string ProfileId { get; set; } = "";    // the region's ReviewProfile, whose Monitoring thresholds apply
    public int FiscalYear { get; set; }
    public int EndMonth { get; set; }               // 6 for 1–6月: periods are cumulative from January
    public DateOnly DueDate { get; set; }
    public DateTime OpenedUtc { get; set; }
    public string? OpenedBy { get; set; }
    public List<MonitoringRoundUnit> Units { get; set; } = [];

    public string Title => $"{FiscalYear}年{MonitoringText.Period(EndMonth)}运行监控";
    public bool SignedOff => Units.Count > 0 && Units.All(u => u.SignedOffUtc != null);
}

public sealed class MonitoringRoundUnit
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    public DateTime? SignedOffUtc { get; set; }
    public string? SignedOffBy { get; set; }       // the supervisor's display name, shown on the locked pages
}

// A project's monitoring form in a round: money spent so far (the budget row) and one row per indicator.
// The light, pace and budget are kept as computed at the last save so lists and dashboards never recompute.
public sealed class MonitoringReport
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public MonitoringRound? Round { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int BudgetUnitId { get; set; }
    public ReportStatus Status { get; set; }
    public decimal? Spent { get; set; }
    public decimal? Budget { get; set; }
    public decimal PacePercent { get; set; }
    public decimal? SpentPercent { get; set; }
    public Light? Light { get; set; }
    public CauseCategory? Cause { get; set; }
    public string? CauseText { get; set; }
    public string? Measures { get; set; }
    public string? ReturnComment { get; set; }
    public int Version { get; set; } = 1;
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public List<MonitoringRow> Rows { get; set; } = [];
}

// One indicator row, keyed by the indicator's row id (Indicator.Id) so renamed rows still match.
public sealed class MonitoringRow
{
    public Guid IndicatorId { get; set; }
    public string? Value { get; set; }           // 当前实际完成值
    public string? Expected { get; set; }        // 全年预计完成值
    public Likelihood? Likelihood { get; set; }
    public CauseCategory? Cause { get; set; }
    public string? CauseText { get; set; }
    public string? Measures { get; set; }
}

public static class MonitoringModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MonitoringRound>(r =>
        {
            r.HasIndex(x => new { x.FiscalYear, x.EndMonth });
            r.Property(x => x.ProfileId).HasMaxLength(64);
            r.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MonitoringRoundUnit>(u =>
        {
            u.HasIndex(x => new { x.RoundId, x.BudgetUnitId }).IsUnique();
            u.HasIndex(x => x.BudgetUnitId);
        });
        b.Entity<MonitoringReport>(r =>
        {
            r.HasIndex(x => new { x.RoundId, x.ProjectId }).IsUnique();
            r.HasIndex(x => new { x.RoundId, x.BudgetUnitId });
            r.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Light).HasConversion<string>().HasMaxLength(8);
            r.Property(x => x.Cause).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.OwnsMany(x => x.Rows, w =>
            {
                w.ToTable("MonitoringRows");
                w.WithOwner().HasForeignKey("ReportId");
                w.Property<int>("Key");
                w.HasKey("Key");
                w.HasIndex("ReportId", nameof(MonitoringRow.IndicatorId)).IsUnique();
                w.Property(x => x.Likelihood).HasConversion<string>().HasMaxLength(16);
                w.Property(x => x.Cause).HasConversion<string>().HasMaxLength(16);
            });
        });
    }
}
