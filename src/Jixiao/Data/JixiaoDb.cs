using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jixiao.Data;

// The one context of the application. Each provider has its own generated migrations, found through the
// provider's subclass (SqliteJixiaoDb, PostgresJixiaoDb in Data/Providers.cs).
public partial class JixiaoDb(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<SupervisingDepartment> SupervisingDepartments => Set<SupervisingDepartment>();
    public DbSet<BudgetUnit> BudgetUnits => Set<BudgetUnit>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<DepartmentGoalRecord> DepartmentGoals => Set<DepartmentGoalRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ProjectVersion> ProjectVersions => Set<ProjectVersion>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
    public DbSet<DeclarationForm> DeclarationForms => Set<DeclarationForm>();
    public DbSet<ProjectStep> ProjectSteps => Set<ProjectStep>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<LibraryIndicator> LibraryIndicators => Set<LibraryIndicator>();
    public DbSet<PetitionLedgerRecord> PetitionLedgers => Set<PetitionLedgerRecord>();

    public DbSet<MonitoringRound> MonitoringRounds => Set<MonitoringRound>();
    public DbSet<MonitoringRoundUnit> MonitoringRoundUnits => Set<MonitoringRoundUnit>();
    public DbSet<MonitoringReport> MonitoringReports => Set<MonitoringReport>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        PublicTargetsModel.Configure(b); // documents out
        ChangeStamps.Configure(b); // kept lists' stamps per area

        b.Entity<BudgetUnit>().HasIndex(u => u.Code);
        b.Entity<Project>(p =>
        {
            p.HasIndex(x => new { x.BudgetUnitId, x.FiscalYear, x.NameKey, x.Copy }).IsUnique();
            p.HasIndex(x => new { x.FiscalYear, x.QualityScore, x.NameKey, x.Id }); // the review list's order, so a page is read from the index
            // The reviewer's desk: what waits at a status, oldest first.
            p.HasIndex(x => new { x.Status, x.UpdatedUtc });
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.NameKey).HasMaxLength(400);
            p.HasOne(x => x.SourceImport).WithMany().HasForeignKey(x => x.SourceImportId).OnDelete(DeleteBehavior.SetNull);
            p.OwnsMany(x => x.Findings, f =>
            {
                f.ToTable("ProjectFindings");
                f.WithOwner().HasForeignKey("ProjectId");
                f.Property<int>("Key");
                f.HasKey("Key");
                f.HasIndex("ProjectId");
                f.HasIndex(x => x.Rule);
                f.Property(x => x.Severity).HasConversion<string>().HasMaxLength(16);
                f.Property(x => x.Rule).HasMaxLength(64);
            });
            p.Property(x => x.Version).IsConcurrencyToken();
            p.OwnsOne(x => x.Form, f =>
            {
                f.Property(x => x.Name).HasColumnName("Name");
                f.Property(x => x.Code).HasColumnName("Code");
                f.Property(x => x.Category).HasColumnName("Category").HasConversion<string>();
                f.Property(x => x.Attribute).HasColumnName("Attribute").HasConversion<string>();
                f.Property(x => x.Nature).HasColumnName("Nature").HasConversion<string>().HasMaxLength(16);
                f.Property(x => x.Class).HasColumnName("Class").HasConversion<string>().HasMaxLength(16);
                f.Property(x => x.Term).HasColumnName("Term");
                f.Property(x => x.LongTermGoalYears).HasColumnName("LongTermGoalYears");
                f.Property(x => x.FunctionClass).HasColumnName("FunctionClass");
                f.Property(x => x.ImplementingUnit).HasColumnName("ImplementingUnit");
                f.Property(x => x.StartDate).HasColumnName("StartDate");
                f.Property(x => x.EndDate).HasColumnName("EndDate");
                f.Property(x => x.LongTermGoal).HasColumnName("LongTermGoal");
                f.Property(x => x.AnnualGoal).HasColumnName("AnnualGoal");
                f.Property(x => x.Sections).HasColumnName("Sections").HasConversion(JsonConverter<Dictionary<string, string>>(), JsonComparer<Dictionary<string, string>>());
                f.OwnsOne(x => x.Funding, m =>
                {
                    foreach (var prop in typeof(Funding).GetProperties())
                        m.Property(prop.Name).HasColumnName("Funding" + prop.Name);
                    m.Property(x => x.SourceUnit).HasMaxLength(8);
                });
                f.OwnsMany(x => x.BudgetLines, l => Rows(l, "BudgetLines"));
                f.OwnsMany(x => x.SpendingPlan, l => Rows(l, "SpendingMilestones"));
                f.OwnsMany(x => x.People, l => Rows(l, "ProjectPeople"));
                f.OwnsMany(x => x.Safeguards, l =>
                {
                    Rows(l, "Safeguards");
                    l.Property(x => x.Stages).HasConversion(JsonConverter<List<string>>(), JsonComparer<List<string>>());
                });
                f.OwnsMany(x => x.Indicators, i =>
                {
                    Rows(i, "Indicators");
                    OwnsTarget(i, x => x.PeriodTarget, "Period");
                    OwnsTarget(i, x => x.AnnualTarget, "Annual");
                    OwnsTarget(i, x => x.Actual, "Actual");
                    OwnsTarget(i, x => x.PreviousActual, "PreviousActual");
                });
                f.OwnsOne(x => x.SelfEvaluation, s =>
                {
                    s.ToTable("SelfEvaluations");
                    s.WithOwner().HasForeignKey("ProjectId");
                    s.Property(x => x.SourceUnit).HasMaxLength(8);
                    s.Property(x => x.Grade).HasConversion<string>().HasMaxLength(16);
                    s.OwnsMany(x => x.Execution, e =>
                    {
                        Rows(e, "BudgetExecutions");
                        e.Property(x => x.Item).HasConversion<string>().HasMaxLength(32);
                    });
                });
            });
            p.Navigation(x => x.Form).IsRequired();
            p.OwnsOne(x => x.Search, s =>
            {
                s.Property(x => x.Name).HasColumnName("SearchName");
                s.Property(x => x.Initials).HasColumnName("SearchInitials");
                s.Property(x => x.Goals).HasColumnName("SearchGoals");
                s.Property(x => x.Indicators).HasColumnName("SearchIndicators");
            });
            p.Navigation(x => x.Search).IsRequired();
        });
        b.Entity<DepartmentGoalRecord>().HasIndex(x => new { x.BudgetUnitId, x.FiscalYear });
        b.Entity<AuditEntry>().HasIndex(x => x.Utc);
        b.Entity<ProjectVersion>(v =>
        {
            v.HasIndex(x => new { x.ProjectId, x.Version }).IsUnique();
            v.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        });
        b.Entity<DeclarationForm>(d =>
        {
            d.HasIndex(x => new { x.BudgetUnitId, x.FiscalYear });
            d.Property(x => x.Sections).HasConversion(JsonConverter<Dictionary<string, string>>(), JsonComparer<Dictionary<string, string>>());
            d.Property(x => x.People).HasConversion(JsonConverter<List<Person>>(), JsonComparer<List<Person>>());
            d.Property(x => x.UnitFunding!).HasConversion(JsonConverter<Funding>(), JsonComparer<Funding>());
            d.Property(x => x.Warnings).HasConversion(JsonConverter<List<ImportWarning>>(), JsonComparer<List<ImportWarning>>());
        });
        b.Entity<ProjectStep>(s =>
        {
            s.HasIndex(x => new { x.ProjectId, x.Utc });
            s.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            s.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
            s.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
            s.Property(x => x.Action).HasMaxLength(16);
            s.Property(x => x.Conclusion).HasMaxLength(8);
        });
        b.Entity<ReviewComment>(c =>
        {
            c.HasIndex(x => new { x.ProjectId, x.Resolved });
            c.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LibraryIndicator>(l =>
        {
            l.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            l.HasIndex(x => new { x.Status, x.Level1 });
        });
        b.Entity<ImportRecord>(r =>
        {
            r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            r.HasIndex(x => x.Utc);
        });
        PetitionLedgerModel.Configure(b);

        MonitoringModel.Configure(b);
    }

    // Rows come back in the order of the form: by their stored position, since neither split queries
    // nor PostgreSQL keep the order rows were written in.
    public Project InFormOrder(Project project)
    {
        var form = project.Form;
        form.Indicators = InOrder(form.Indicators);
        form.BudgetLines = InOrder(form.BudgetLines);
        form.SpendingPlan = InOrder(form.SpendingPlan);
        form.People = InOrder(form.People);
        form.Safeguards = InOrder(form.Safeguards);
        if (form.SelfEvaluation is { } evaluation) evaluation.Execution = InOrder(evaluation.Execution);
        return project;
    }

    List<T> InOrder<T>(List<T> rows) where T : class =>
        rows.OrderBy(r => Entry(r).Property<int>("Position").CurrentValue).ToList();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeepRows();
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        finally { ListStamp = null; }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeepRows();
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        finally { ListStamp = null; }
    }

    // Whatever wrote a project (import, editor, API, demo), its rows leave with an id and their place
    // in the form, and its identity with the normalised name.
    void KeepRows()
    {
        foreach (var entry in ChangeTracker.Entries<BudgetUnit>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var initials = Pinyin.Initials(entry.Entity.Name);
            if (entry.Entity.NameInitials != initials) entry.Entity.NameInitials = initials;
        }
        foreach (var entry in ChangeTracker.Entries<Project>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged).ToList())
        {
            var project = entry.Entity;
            var form = project.Form;
            RowIds.Assign(form);
            var key = ProjectIdentity.NameKey(form.Name);
            if (project.NameKey != key) project.NameKey = key;
            project.Search.Keep(form);
            Number(form.Indicators);
            Number(form.BudgetLines);
            Number(form.SpendingPlan);
            Number(form.People);
            Number(form.Safeguards);
            if (form.SelfEvaluation is { } evaluation) Number(evaluation.Execution);
        }
        TouchChangedProjects();
    }

    // A project whose rows change without a new version (a write that bypasses ProjectStore) still gets a
    // new time: the project page keeps what it read for each version and time (ProjectViews).
    void TouchChangedProjects()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Metadata.FindProperty("ProjectId") != null)
            .Select(e => e.Property("ProjectId").CurrentValue ?? e.Property("ProjectId").OriginalValue)
            .OfType<int>().ToHashSet();
        if (changed.Count == 0) return;
        foreach (var entry in ChangeTracker.Entries<Project>())
            if (changed.Contains(entry.Entity.Id) && entry.State is EntityState.Unchanged or EntityState.Modified
                && !entry.Property(p => p.Version).IsModified && !entry.Property(p => p.UpdatedUtc).IsModified)
                entry.Entity.UpdatedUtc = DateTime.UtcNow;
    }

    void Number<T>(List<T> rows) where T : class
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var position = Entry(rows[i]).Property<int>("Position");
            if (position.CurrentValue != i) position.CurrentValue = i;
        }
    }

    // A project's rows (indicators, budget lines …) are the form's own: a stored key of their own,
    // the row id that everything else points at, and their position in the form.
    static void Rows<TOwner, T>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<TOwner, T> rows, string table)
        where TOwner : class where T : class
    {
        rows.ToTable(table);
        rows.WithOwner().HasForeignKey("ProjectId");
        rows.Property<int>("Key");
        rows.HasKey("Key");
        rows.Property<Guid?>("Id").HasColumnName("RowId");
        rows.Property<int>("Position");
        rows.HasIndex("ProjectId", "Position");
        rows.HasIndex("ProjectId", "Id").IsUnique();
    }

    static void OwnsTarget(
        Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<ProjectForm, Indicator> i,
        System.Linq.Expressions.Expression<Func<Indicator, TargetValue?>> nav, string prefix) =>
        i.OwnsOne(nav, t =>
        {
            t.Property(x => x.Raw).HasColumnName(prefix + "Raw");
            t.Property(x => x.Kind).HasColumnName(prefix + "Kind").HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.Operator).HasColumnName(prefix + "Operator").HasConversion<string>().HasMaxLength(8);
            t.Property(x => x.Value).HasColumnName(prefix + "Value");
            t.Property(x => x.Unit).HasColumnName(prefix + "Unit");
            t.Property(x => x.Direction).HasColumnName(prefix + "Direction").HasConversion<string>().HasMaxLength(8);
            t.Property(x => x.Upper).HasColumnName(prefix + "Upper");
        });

    // Small value collections are kept as JSON text: they are always read and written with their row.
    static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> JsonConverter<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), s => JsonSerializer.Deserialize<T>(s, JsonOptions) ?? new T());

    static ValueComparer<T> JsonComparer<T>() where T : new() => new(
        (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
        v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions) ?? new T());

    static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
