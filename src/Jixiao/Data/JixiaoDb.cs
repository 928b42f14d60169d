using System.Text.Json;
using Jixiao.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jixiao.Data;

public sealed class JixiaoDb(DbContextOptions<JixiaoDb> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<SupervisingDepartment> SupervisingDepartments => Set<SupervisingDepartment>();
    public DbSet<BudgetUnit> BudgetUnits => Set<BudgetUnit>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<DepartmentGoalRecord> DepartmentGoals => Set<DepartmentGoalRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ProjectVersion> ProjectVersions => Set<ProjectVersion>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
    public DbSet<DeclarationForm> DeclarationForms => Set<DeclarationForm>();
    public DbSet<LibraryIndicator> LibraryIndicators => Set<LibraryIndicator>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<BudgetUnit>().HasIndex(u => u.Code);
        b.Entity<Project>(p =>
        {
            p.HasIndex(x => new { x.BudgetUnitId, x.FiscalYear });
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.OwnsOne(x => x.Form, f =>
            {
                f.Property(x => x.Name).HasColumnName("Name");
                f.Property(x => x.Code).HasColumnName("Code");
                f.Property(x => x.Category).HasColumnName("Category").HasConversion<string>();
                f.Property(x => x.Attribute).HasColumnName("Attribute").HasConversion<string>();
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
                });
                f.OwnsOne(x => x.SelfEvaluation, s =>
                {
                    s.ToTable("SelfEvaluations");
                    s.WithOwner().HasForeignKey("ProjectId");
                    s.Property(x => x.SourceUnit).HasMaxLength(8);
                    s.Property(x => x.Grade).HasConversion<string>().HasMaxLength(16);
                    s.OwnsMany(x => x.Execution, e =>
                    {
                        e.ToTable("BudgetExecutions");
                        e.WithOwner().HasForeignKey("ProjectId");
                        e.Property<int>("Id");
                        e.HasKey("Id");
                        e.HasIndex("ProjectId");
                        e.Property(x => x.Item).HasConversion<string>().HasMaxLength(32);
                    });
                });
            });
            p.Navigation(x => x.Form).IsRequired();
        });
        b.Entity<DepartmentGoalRecord>().HasIndex(x => new { x.BudgetUnitId, x.FiscalYear });
        b.Entity<AuditEntry>().HasIndex(x => x.Utc);
        b.Entity<ProjectVersion>().HasIndex(x => x.ProjectId);
        b.Entity<DeclarationForm>(d =>
        {
            d.HasIndex(x => new { x.BudgetUnitId, x.FiscalYear });
            d.Property(x => x.Sections).HasConversion(JsonConverter<Dictionary<string, string>>(), JsonComparer<Dictionary<string, string>>());
            d.Property(x => x.People).HasConversion(JsonConverter<List<Person>>(), JsonComparer<List<Person>>());
            d.Property(x => x.UnitFunding).HasConversion(JsonConverter<Funding>(), JsonComparer<Funding>());
            d.Property(x => x.Warnings).HasConversion(JsonConverter<List<ImportWarning>>(), JsonComparer<List<ImportWarning>>());
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
    }

    // Split queries order rows only by their project, and PostgreSQL moves updated rows, so a tracked
    // project's rows are put back in the order they were written: by their identity key.
    public Project InFormOrder(Project project)
    {
        var form = project.Form;
        form.Indicators = ByKey(form.Indicators);
        form.BudgetLines = ByKey(form.BudgetLines);
        form.SpendingPlan = ByKey(form.SpendingPlan);
        form.People = ByKey(form.People);
        form.Safeguards = ByKey(form.Safeguards);
        if (form.SelfEvaluation is { } evaluation) evaluation.Execution = ByKey(evaluation.Execution);
        return project;
    }

    List<T> ByKey<T>(List<T> rows) where T : class =>
        rows.OrderBy(r => Entry(r).Property<int>("Id").CurrentValue).ToList();

    // A project's rows (indicators, budget lines …) each have their own identity key, increasing
    // in insertion order, so that they load back in the order of the form.
    static void Rows<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<ProjectForm, T> rows, string table)
        where T : class
    {
        rows.ToTable(table);
        rows.WithOwner().HasForeignKey("ProjectId");
        rows.Property<int>("Id");
        rows.HasKey("Id");
        rows.HasIndex("ProjectId");
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
