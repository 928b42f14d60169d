using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

// Every change to the database leaves an AuditEntry with each property's old and new value,
// written in the same SaveChanges so that no change can land without its record.
public sealed class AuditInterceptor(IHttpContextAccessor http) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    // Added rows get their keys only when saved: fill them in afterwards.
    readonly List<(EntityEntry Entry, AuditEntry Audit)> pendingKeys = [];

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (FillKeys()) await eventData.Context!.SaveChangesAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (FillKeys()) eventData.Context!.SaveChanges();
        return result;
    }

    bool FillKeys()
    {
        if (pendingKeys.Count == 0) return false;
        foreach (var (entry, audit) in pendingKeys) audit.EntityKey = KeyOf(entry);
        pendingKeys.Clear();
        return true;
    }

    void Record(DbContext? db)
    {
        if (db == null) return;
        // Outside a request (command line, start-up) the change is the operating-system user's.
        var user = http.HttpContext?.User.Identity?.Name ?? "cli:" + Environment.UserName;
        var now = DateTime.UtcNow;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var e in entries)
        {
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in e.Properties)
            {
                if (p.Metadata.Name is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp") continue;
                var (before, after) = e.State switch
                {
                    EntityState.Added => (null, p.CurrentValue),
                    EntityState.Deleted => (p.OriginalValue, null),
                    _ => (p.OriginalValue, p.CurrentValue),
                };
                if (e.State == EntityState.Modified && !p.IsModified) continue;
                if (e.State != EntityState.Modified && before == null && after == null) continue;
                changes[p.Metadata.Name] = [before, after];
            }
            if (e.State == EntityState.Modified && changes.Count == 0) continue;
            var audit = new AuditEntry
            {
                Utc = now,
                UserName = user,
                Entity = e.Metadata.DisplayName(),
                EntityKey = KeyOf(e),
                Action = e.State.ToString(),
                Changes = JsonSerializer.Serialize(changes, Json),
            };
            if (e.State == EntityState.Added) pendingKeys.Add((e, audit));
            db.Add(audit);
        }
    }

    static string? KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        return key == null ? null : string.Join(",", key.Properties.Select(p => e.Property(p.Name).CurrentValue));
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
