using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

// SQLite lets one writer in at a time. Microsoft.Data.Sqlite makes the others wait by retrying with
// Thread.Sleep, which under load blocks pool threads, starves the very writer they wait for, and ends in
// "database is locked" (the soak's 163 errors). Writers of this process queue here instead, one queue
// per database file, asynchronously and first come first served. Other processes (a command-line import)
// still meet SQLite's own wait. A wait past the bound is a DatabaseBusyException, answered 503 in Chinese.
public sealed class SqliteWriteGate(TimeSpan wait) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = new();

    static SemaphoreSlim For(DbConnection connection) => Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (Held.TryGetValue(connection, out _)) return result; // its last transaction was disposed unended
        var gate = For(connection);
        if (!gate.Wait(wait)) throw new DatabaseBusyException();
        Held.AddOrUpdate(connection, gate);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        if (Held.TryGetValue(connection, out _)) return result;
        var gate = For(connection);
        if (!await gate.WaitAsync(wait, cancellationToken)) throw new DatabaseBusyException();
        Held.AddOrUpdate(connection, gate);
        return result;
    }

    // The gate opens when the transaction ends however it ends. A transaction disposed without commit or
    // rollback raises no event: its connection keeps the gate until it closes or begins the next one.
    internal static void Release(DbConnection connection)
    {
        if (Held.TryGetValue(connection, out var gate) && Held.Remove(connection)) gate.Release();
    }

    static void Release(TransactionEventData eventData)
    {
        if (eventData.Context is { } db) Release(db.Database.GetDbConnection());
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);
    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData);
    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }
    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);
    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }
}

// The database could not take a write within the bound: the request is answered 503 "系统繁忙", never 500.
public sealed class DatabaseBusyException() : Exception("The database stayed busy past the wait bound.")
{
    public const string Chinese = "系统繁忙：其他用户正在保存，您的内容未保存。请稍候几秒再试。";

    // SQLite's own busy and locked answers (another process held the file) count the same.
    public static bool Is(Exception? e) => e switch
    {
        null => false,
        DatabaseBusyException => true,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode is 5 or 6,
        _ => Is(e.InnerException),
    };
}
