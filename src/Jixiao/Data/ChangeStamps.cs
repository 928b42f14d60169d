using Jixiao.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Data;

// What a kept list (ListCache) can depend on. A save moves the stamp of every area it touches, so a list
// naming its areas is computed again after a change in one of them and kept across changes elsewhere
// (a draft's save no longer throws away the monitoring dashboard).
[Flags]
public enum Area
{
    None = 0,
    Projects = 1 << 0,      // any project: its row, its form's rows, its history
    Approved = 1 << 1,      // a project with an approved version (before or after the change): what monitoring reads
    Review = 1 << 2,        // steps taken and comments
    Monitoring = 1 << 3,    // rounds, their units and the reports
    Organisation = 1 << 4,  // supervising departments and budget units
    Declarations = 1 << 5,  // units' declarations and department goals
    Users = 1 << 6,         // accounts, roles, claims, tokens
    Other = 1 << 7,         // everything else (imports, the indicator library, ledgers …)
    All = (1 << 8) - 1,
}

// One row per area: the audit entry (id and chained hash) of the latest save that touched it, written by
// AuditInterceptor in the save's own transaction. A handful of rows read in one query per request.
public sealed class ChangeStamp
{
    public string Area { get; set; } = "";
    public string Value { get; set; } = "";
}

public static class ChangeStamps
{
    static readonly Area[] Each = [.. Enum.GetValues<Area>().Where(a => a is not (Area.None or Area.All))];

    public static void Configure(ModelBuilder b) => b.Entity<ChangeStamp>(s =>
    {
        s.ToTable("ChangeStamps");
        s.HasKey(x => x.Area);
        s.Property(x => x.Area).HasMaxLength(32);
        s.Property(x => x.Value).HasMaxLength(128);
    });

    // Which areas a change of this entry touches. Projects: whether it has an approved version is read from
    // the project's tracked row (ProjectsTracked: owned rows through their owners, history rows by the
    // project's id); when that row is not tracked, both project areas move.
    public static Area Of(EntityEntry e, ProjectsTracked projects)
    {
        var type = e.Metadata;
        while (type.FindOwnership() is { } ownership) type = ownership.PrincipalEntityType;
        if (type.ClrType == typeof(Project)) return projects.AreasOf(e) ?? Area.Projects | Area.Approved;
        if (type.ClrType == typeof(ProjectVersion)) return projects.AreasOfProject(Value(e, nameof(ProjectVersion.ProjectId))) ?? Area.Projects | Area.Approved;
        return type.ClrType switch
        {
            var t when t == typeof(ProjectStep) || t == typeof(ReviewComment) => Area.Review,
            var t when t == typeof(MonitoringRound) || t == typeof(MonitoringRoundUnit) || t == typeof(MonitoringReport) => Area.Monitoring,
            var t when t == typeof(SupervisingDepartment) || t == typeof(BudgetUnit) => Area.Organisation,
            var t when t == typeof(DeclarationForm) || t == typeof(DepartmentGoalRecord) => Area.Declarations,
            var t when t == typeof(AppUser) || t.Namespace == "Microsoft.AspNetCore.Identity" => Area.Users,
            _ => Area.Other,
        };
    }

    static object? Value(EntityEntry e, string property)
    {
        var p = e.Property(property);
        return e.State == EntityState.Deleted ? p.OriginalValue : p.CurrentValue;
    }

    static string KeyOf(EntityEntry e, IEnumerable<IProperty> properties) => string.Join("\u001F", properties.Select(p => Value(e, p.Name)));

    // The tracked rows of projects and their forms by type and key, read once per save when first asked: an
    // owned row (an indicator, its target value) leads through its owners' keys to its project's row.
    public sealed class ProjectsTracked(DbContext db)
    {
        Dictionary<(IEntityType, string), EntityEntry>? rows;

        Dictionary<(IEntityType, string), EntityEntry> Rows()
        {
            if (rows != null) return rows;
            rows = [];
            foreach (var e in db.ChangeTracker.Entries())
            {
                var root = e.Metadata;
                while (root.FindOwnership() is { } ownership) root = ownership.PrincipalEntityType;
                if (root.ClrType == typeof(Project) && e.Metadata.FindPrimaryKey() is { } key)
                    rows.TryAdd((e.Metadata, KeyOf(e, key.Properties)), e);
            }
            return rows;
        }

        public Area? AreasOf(EntityEntry e)
        {
            for (var depth = 0; depth < 8; depth++)
            {
                if (e.Entity is Project project)
                {
                    var before = e.State == EntityState.Added ? null : e.Property(nameof(Project.ApprovedVersion)).OriginalValue;
                    return Area.Projects | (before != null || project.ApprovedVersion != null ? Area.Approved : Area.None);
                }
                if (e.Metadata.FindOwnership() is not { } ownership
                    || !Rows().TryGetValue((ownership.PrincipalEntityType, KeyOf(e, ownership.Properties)), out var owner)) return null;
                e = owner;
            }
            return null;
        }

        public Area? AreasOfProject(object? id)
        {
            if (id == null) return null;
            var type = db.Model.FindEntityType(typeof(Project))!;
            return Rows().TryGetValue((type, string.Join("\u001F", id)), out var row) ? AreasOf(row) : null;
        }
    }

    // Inside the save's transaction, after its audit entries have their ids and hashes.
    public static Task MoveAsync(DbContext db, Area areas, AuditEntry latest, CancellationToken ct)
    {
        var names = Each.Where(a => areas.HasFlag(a)).Select(a => a.ToString()).ToList();
        if (names.Count == 0) return Task.CompletedTask;
        var value = $"{latest.Id}:{latest.Hash}";
        var rows = string.Join(", ", names.Select((_, i) => $"({{{2 * i}}}, {{{2 * i + 1}}})"));
        // The same statement on SQLite and PostgreSQL; only placeholders are put into it, the values are parameters.
        var sql = "INSERT INTO \"ChangeStamps\" (\"Area\", \"Value\") VALUES " + rows
            + " ON CONFLICT (\"Area\") DO UPDATE SET \"Value\" = excluded.\"Value\"";
        return db.Database.ExecuteSqlRawAsync(sql, names.SelectMany(n => new object[] { n, value }), ct);
    }

    // The stamps as read once, and shared by every request until they may have moved (ChangeClock): the
    // stamp of a set of areas is made once per reading.
    public sealed class Read(Dictionary<string, string> values)
    {
        readonly System.Collections.Concurrent.ConcurrentDictionary<Area, string> combined = [];

        public string Of(Area areas) => combined.GetOrAdd(areas, a => string.Join("|", Each.Where(e => a.HasFlag(e))
            .Select(e => values.TryGetValue(e.ToString(), out var v) ? v : "")));
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<IModel, Func<JixiaoDb, IAsyncEnumerable<ChangeStamp>>> Query = new();

    // Compiled once per model (SQLite's, PostgreSQL's): asked on nearly every page (the header's notices).
    public static async Task<Read> ReadAsync(JixiaoDb db)
    {
        var values = new Dictionary<string, string>();
        var query = Query.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((JixiaoDb d) => d.Set<ChangeStamp>().AsNoTracking()));
        await foreach (var s in query(db)) values[s.Area] = s.Value;
        return new Read(values);
    }
}
