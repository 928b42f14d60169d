using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Data;

// The schema is brought up to date at every start (serve, import, check). A start killed half-way must
// never keep the next one out, and a start that has to wait for another says so instead of hanging.
//
// SQLite: EF marks "migrating" with a row in __EFMigrationsLock, which a killed process leaves behind for
// good. So every migrator first takes an operating-system lock on a file beside the database; the kernel
// drops it when its process dies, however it dies. Whoever holds the file lock is the only live migrator,
// so a lock row it finds is stale and is deleted.
// PostgreSQL: EF takes LOCK TABLE inside the migration transaction, which the server releases with the
// session of a dead process; the wait for a live one is bounded by lock_timeout.
public static class Migrator
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public static async Task MigrateAsync(DbContext db, TimeSpan? wait = null, CancellationToken ct = default)
    {
        var bound = wait ?? DefaultWait;
        if (db.Database.IsSqlite()) await MigrateSqliteAsync(db, bound, ct);
        else if (db.Database.IsNpgsql()) await MigratePostgresAsync(db, bound, ct);
        else await db.Database.MigrateAsync(ct);
    }

    static async Task MigrateSqliteAsync(DbContext db, TimeSpan wait, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        await using var gate = await AcquireFileLockAsync(Path.GetFullPath(file) + ".migrate-lock", wait, ct);
        await ClearStaleSqliteLockAsync(db, ct);
        await RefuseUnknownHistoryAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        // Write-ahead logging, kept in the file: readers never wait for a writer nor a writer for readers.
        // With the rollback journal, saves under 50 users waited out their timeout behind a stream of reads.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
        await SearchIndex.EnsureSqliteAsync(db, ct);
        // The planner's statistics (sqlite_stat1): without them it walks a whole year in sort order to find one
        // department's projects. Tables never analysed or grown much since are analysed (approximately: fast).
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002", ct);
        FilePermissions.RestrictDatabase(file);
    }

    // Only called while holding the file lock: no other live process can be migrating.
    static async Task ClearStaleSqliteLockAsync(DbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) == 0) return;
            await using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            var stale = await clear.ExecuteNonQueryAsync(ct);
            if (stale > 0) Console.Error.WriteLine("已清除上次异常退出遗留的数据库升级锁。");
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    static async Task<FileStream> AcquireFileLockAsync(string path, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                // FileShare.None takes flock(LOCK_EX) on Unix and a share lock on Windows: both die with the process.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                FilePermissions.RestrictFile(path);
                return stream;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, ct);
                if (delay < TimeSpan.FromSeconds(1)) delay += delay;
            }
            catch (IOException)
            {
                throw new StartupException(
                    $"另一个 jixiao 进程正在升级数据库（{Path.GetDirectoryName(path)}），已等待 {wait.TotalSeconds:0} 秒仍未结束。" +
                    "请等它完成，或确认没有其他 jixiao 进程在使用这个数据文件夹后再试。");
            }
        }
    }

    static async Task MigratePostgresAsync(DbContext db, TimeSpan wait, CancellationToken ct)
    {
        // The session holds lock_timeout for the migration's own LOCK TABLE; it is reset before the
        // connection goes back to the pool.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await Execute(db.Database.GetDbConnection(), $"SET lock_timeout = '{(int)wait.TotalMilliseconds}ms'", ct);
            await RefuseUnknownHistoryAsync(db, ct);
            await db.Database.MigrateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new StartupException(
                $"另一个 jixiao 进程正在升级 PostgreSQL 数据库，已等待 {wait.TotalSeconds:0} 秒仍未结束。请等它完成后再试。");
        }
        finally
        {
            try { await Execute(db.Database.GetDbConnection(), "RESET lock_timeout", CancellationToken.None); } catch (DbException) { }
            await db.Database.CloseConnectionAsync();
        }
    }

    // A database built by migrations this version does not have (the hand-written ones of the first wave,
    // or a newer version's) is left untouched, with a message, rather than migrated into a broken schema.
    static async Task RefuseUnknownHistoryAsync(DbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new StartupException(
                $"这个数据库由另一版本的绩效系统建立（数据库版本 {unknown[^1]}），本版本无法升级它。" +
                "请用建立它的版本导出项目（jixiao backup），或换一个新的数据文件夹后重新导入申报表。");
    }

    static async Task Execute(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

// A start-up that cannot go on, with a message for the operator (printed alone, without a stack trace).
public sealed class StartupException(string message) : Exception(message);
