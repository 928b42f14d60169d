using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jixiao.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Data;

// Every change to the database leaves an AuditEntry with each property's old and new value, committed
// in the same transaction as the change: a SaveChanges without a caller's transaction gets one here,
// the rows' final keys are written into their entries before it commits, and each entry is chained to
// the previous one by a SHA-256 hash (AuditChain) so that an edited or removed entry shows.
// File contents never reach the log, and people's names and phone numbers are masked.
// One instance serves every context of the application (contexts are pooled): what a save is in the middle
// of lives on its context (SaveState), and the user is the current request's.
public sealed class AuditInterceptor(IHttpContextAccessor http) : SaveChangesInterceptor
{
    // Set by the sign-in page: whose attempt it is, before anyone is signed in.
    public const string ActorKey = "jixiao:audit-actor";

    // A context's save in progress. Forgotten when the context is given back (JixiaoDb.Dispose), so that a
    // save left half-way never reaches the next request that gets the same context from the pool.
    public sealed class SaveState
    {
        internal readonly List<(EntityEntry Entry, AuditEntry Audit, Dictionary<string, object?[]> Changes, List<string> Temporary)> pendingKeys = [];
        internal readonly List<AuditEntry> pendingChain = [];
        internal IDbContextTransaction? ownTransaction;
        internal int depth;
        // The areas the save touches: their change stamps move with it (ChangeStamps).
        internal Area areas;

        internal void Reset()
        {
            pendingKeys.Clear();
            pendingChain.Clear();
            areas = Area.None;
            ownTransaction = null;
            depth = 0;
        }
    }

    static SaveState StateOf(DbContext? db) => db is JixiaoDb j ? j.AuditState
        : throw new InvalidOperationException("AuditInterceptor records the changes of a JixiaoDb only");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var s = StateOf(eventData.Context);
        if (eventData.Context is { } db && s.depth++ == 0)
        {
            try
            {
                Record(db, s);
                if (s.pendingChain.Count > 0)
                {
                    if (db.Database.CurrentTransaction == null) s.ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await AuditChain.LockAsync(db, cancellationToken);
                }
            }
            catch
            {
                s.depth--;
                await EndAsync(s);
                throw;
            }
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var s = StateOf(eventData.Context);
        if (eventData.Context is { } db && s.depth++ == 0)
        {
            try
            {
                Record(db, s);
                if (s.pendingChain.Count > 0)
                {
                    if (db.Database.CurrentTransaction == null) s.ownTransaction = db.Database.BeginTransaction();
                    AuditChain.LockAsync(db, default).GetAwaiter().GetResult();
                }
            }
            catch
            {
                s.depth--;
                EndAsync(s).GetAwaiter().GetResult();
                throw;
            }
        }
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var s = StateOf(eventData.Context);
        try
        {
            if (s.depth == 1 && eventData.Context is { } db && s.pendingChain.Count > 0)
            {
                FillKeys(s);
                await AuditChain.LinkAsync(db, s.pendingChain, cancellationToken);
                var latest = s.pendingChain.MaxBy(a => a.Id)!;
                s.pendingChain.Clear();
                await db.SaveChangesAsync(cancellationToken);
                await ChangeStamps.MoveAsync(db, s.areas, latest, cancellationToken);
                if (s.ownTransaction != null) await s.ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            await EndAsync(s);
            throw;
        }
        finally
        {
            s.depth--;
        }
        if (s.depth == 0) await EndAsync(s);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        var s = StateOf(eventData.Context);
        try
        {
            if (s.depth == 1 && eventData.Context is { } db && s.pendingChain.Count > 0)
            {
                FillKeys(s);
                AuditChain.LinkAsync(db, s.pendingChain, default).GetAwaiter().GetResult();
                var latest = s.pendingChain.MaxBy(a => a.Id)!;
                s.pendingChain.Clear();
                db.SaveChanges();
                ChangeStamps.MoveAsync(db, s.areas, latest, default).GetAwaiter().GetResult();
                s.ownTransaction?.Commit();
            }
        }
        catch
        {
            EndAsync(s).GetAwaiter().GetResult();
            throw;
        }
        finally
        {
            s.depth--;
        }
        if (s.depth == 0) EndAsync(s).GetAwaiter().GetResult();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        var s = StateOf(eventData.Context);
        if (--s.depth == 0) await EndAsync(s);
        await base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        var s = StateOf(eventData.Context);
        if (--s.depth == 0) EndAsync(s).GetAwaiter().GetResult();
        base.SaveChangesFailed(eventData);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        var s = StateOf(eventData.Context);
        if (--s.depth == 0) await EndAsync(s);
        await base.SaveChangesCanceledAsync(eventData, cancellationToken);
    }

    // Disposing an uncommitted transaction rolls it back: the change and its audit rows go together.
    static async Task EndAsync(SaveState s)
    {
        s.pendingKeys.Clear();
        s.pendingChain.Clear();
        s.areas = Area.None;
        if (s.ownTransaction == null) return;
        await s.ownTransaction.DisposeAsync();
        s.ownTransaction = null;
    }

    static void FillKeys(SaveState s)
    {
        // Keys and foreign keys generated by the database were temporary (negative) when recorded.
        foreach (var (entry, audit, changes, temporary) in s.pendingKeys)
        {
            audit.EntityKey = KeyOf(entry);
            if (temporary.Count == 0) continue;
            foreach (var name in temporary) changes[name] = [null, entry.Property(name).CurrentValue];
            audit.Changes = JsonSerializer.Serialize(changes, Json);
        }
        s.pendingKeys.Clear();
    }

    string Who()
    {
        // Outside a request (command line, start-up) the change is the operating-system user's.
        if (http.HttpContext is not { } ctx) return "cli:" + Environment.UserName;
        return ctx.User.Identity?.Name ?? ctx.Items[ActorKey] as string ?? "（未登录）";
    }

    void Record(DbContext db, SaveState s)
    {
        // The log is append-only: only this interceptor's own second save may touch an entry (its key and hash).
        if (db.ChangeTracker.Entries<AuditEntry>().Any(a => a.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("审计日志只能追加，不能修改或删除");
        var user = Who();
        var now = AuditChain.Now();
        var entries = db.ChangeTracker.Entries()
            // The search text is derived from the form, which the log already holds.
            .Where(e => e.Entity is not (AuditEntry or ProjectSearch) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var projects = new ChangeStamps.ProjectsTracked(db);
        foreach (var e in entries)
        {
            var changes = new Dictionary<string, object?[]>();
            var temporary = new List<string>();
            foreach (var p in e.Properties)
            {
                if (p.IsTemporary) temporary.Add(p.Metadata.Name);
                if (Secret(e, p.Metadata.Name)) continue;
                var (before, after) = e.State switch
                {
                    EntityState.Added => (null, p.CurrentValue),
                    EntityState.Deleted => (p.OriginalValue, null),
                    _ => (p.OriginalValue, p.CurrentValue),
                };
                if (e.State == EntityState.Modified && !p.IsModified) continue;
                if (e.State != EntityState.Modified && before == null && after == null) continue;
                changes[p.Metadata.Name] = [Safe(e, p.Metadata.Name, before), Safe(e, p.Metadata.Name, after)];
            }
            if (e.State == EntityState.Modified && changes.Count == 0) continue;
            s.areas |= ChangeStamps.Of(e, projects);
            var audit = new AuditEntry
            {
                Utc = now,
                UserName = user,
                Entity = e.Metadata.DisplayName(),
                EntityKey = KeyOf(e),
                Action = e.State.ToString(),
                Changes = JsonSerializer.Serialize(changes, Json),
            };
            if (e.State == EntityState.Added) s.pendingKeys.Add((e, audit, changes, temporary));
            db.Add(audit);
        }
        s.pendingChain.AddRange(db.ChangeTracker.Entries<AuditEntry>().Where(a => a.State == EntityState.Added).Select(a => a.Entity));
        // Entries written by hand (AuditLog: sign-ins and the like) change no list's data but still count.
        if (s.pendingChain.Count > 0 && s.areas == Area.None) s.areas = Area.Other;
    }

    // Never in the log at all: credentials and what only serves to check them; initials derived for search.
    static bool Secret(EntityEntry e, string property) =>
        property is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp" or "NameInitials"
        || (e.Entity is IdentityUserToken<string> && property == "Value");

    // In the log, but not as it is: file contents and whole documents are only sized, people masked.
    static object? Safe(EntityEntry e, string property, object? value)
    {
        if (value == null) return null;
        switch (e.Entity, property)
        {
            case (ImportRecord or PetitionLedgerRecord, "Content") when value is byte[] bytes:
                return $"（文件内容 {bytes.Length} 字节，未记入审计）";
            case (ImportRecord, "DocumentJson") or (ProjectVersion, "FormJson") when value is string text:
                return $"（表单内容 {text.Length} 字符，未记入审计）";
            // People's names wherever a row keeps one to show (steps, comments, sign-offs, ledgers).
            case (Person, "Name") or (AppUser, "DisplayName") or (ProjectStep, "DisplayName") or (ReviewComment, "AuthorName")
                or (MonitoringRoundUnit, "SignedOffBy") or (PetitionLedgerRecord, "SavedBy") when value is string name:
                return Masking.Name(name);
            case (Person, "Phone") or (AppUser, "PhoneNumber") when value is string phone:
                return Masking.Phone(phone);
            case (AppUser, "Email" or "NormalizedEmail") when value is string email:
                return Masking.Email(email);
            case (_, _) when value is IEnumerable<Person> people:
                return people.Select(Masking.Person).ToList();
            default:
                return value;
        }
    }

    static string? KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        return key == null ? null : string.Join(",", key.Properties.Select(p => e.Property(p.Name).CurrentValue));
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
