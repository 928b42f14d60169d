using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// The audit log is a hash chain: each entry's Hash is SHA-256 over the previous entry's hash and the
// entry's own fields, so an entry edited, inserted or removed in the database breaks every hash after it.
// Writers take their turn (SQLite transactions begin IMMEDIATE; PostgreSQL takes an advisory lock for
// the transaction) so that two saves never chain onto the same predecessor.
public static class AuditChain
{
    const long LockKey = 0x4A69_5869_616F; // "JiXiao"

    // The time of an entry as both databases keep it (PostgreSQL stores microseconds, so milliseconds it is).
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    public static async Task LockAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
    }

    // Called inside the saving transaction once the new entries have their ids.
    public static async Task LinkAsync(DbContext db, List<AuditEntry> added, CancellationToken ct)
    {
        var ordered = added.OrderBy(a => a.Id).ToList();
        var first = ordered[0].Id;
        var previous = await db.Set<AuditEntry>().Where(a => a.Id < first).OrderByDescending(a => a.Id)
            .Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? "";
        foreach (var entry in ordered)
        {
            entry.Hash = Compute(previous, entry);
            previous = entry.Hash;
        }
    }

    public static string Compute(string previous, AuditEntry e)
    {
        var text = string.Join("\u001F", previous, e.Id, e.Utc.ToString("yyyy-MM-ddTHH:mm:ss.fff"), e.UserName, e.Entity, e.EntityKey, e.Action, e.Changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public sealed record Verdict(int Checked, long? BrokenAt)
    {
        public bool Intact => BrokenAt == null;
        public string Describe() => Intact
            ? $"审计日志完整：{Checked} 条记录的哈希链校验通过"
            : $"审计日志已被改动：第 {BrokenAt} 号记录的哈希与链不符（该记录或其前一条被修改、插入或删除）";
    }

    // Walks the whole log in order; entries written before the chain existed (no hash) may only come first.
    public static async Task<Verdict> VerifyAsync(DbContext db, CancellationToken ct = default)
    {
        var previous = "";
        var chained = false;
        var count = 0;
        await foreach (var e in db.Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Hash == null)
            {
                if (chained) return new Verdict(count, e.Id);
                continue;
            }
            chained = true;
            if (Compute(previous, e) != e.Hash) return new Verdict(count, e.Id);
            previous = e.Hash;
        }
        return new Verdict(count, null);
    }
}
