using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// One place that says where the data live: PostgreSQL when a connection string is given,
// otherwise SQLite in the data folder. The web app and the command line both use it.
public static class Database
{
    public static string? ConnectionFrom(string? option) =>
        option is { Length: > 0 } ? option : Environment.GetEnvironmentVariable("JIXIAO_DATABASE") is { Length: > 0 } env ? env : null;

    // How long a write waits for the database before the request is refused as busy.
    public static readonly TimeSpan DefaultBusyWait = TimeSpan.FromSeconds(30);

    public static void Configure(DbContextOptionsBuilder db, string dataFolder, string? postgres, TimeSpan? busyWait = null)
    {
        // Single queries, as EF does by default, said once here: unsaid, EF warns in English at the first query
        // that loads two collections (the demo's first start showed it to every new user).
        if (postgres is { Length: > 0 }) db.UseNpgsql(WithDefaults(postgres), o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        else UseSqlite(db, Path.Combine(Path.GetFullPath(dataFolder), "jixiao.db"), busyWait ?? DefaultBusyWait);
    }

    // PostgreSQL plans every statement again unless it is prepared: the pages send the same few statements
    // all day, so Npgsql prepares those it sees twice (unless the connection string says otherwise).
    // A connection taken from the pool is not reset either (unless the connection string asks for it): the
    // reset is five statements on the server (CLOSE ALL, UNLISTEN, advisory unlock, DISCARD SEQUENCES and
    // TEMP) before every request's first query, and Jixiao leaves no session state behind (its advisory lock
    // is the transaction's, the migration resets its lock_timeout itself).
    static string WithDefaults(string postgres)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        if (!Says(postgres, "MaxAutoPrepare")) builder.MaxAutoPrepare = 100;
        if (!Says(postgres, "NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    // Whether the connection string names a setting itself, written with or without spaces ("No Reset On Close").
    static bool Says(string connectionString, string key) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", "").Equals(key, StringComparison.OrdinalIgnoreCase));

    static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder db, string file, TimeSpan busyWait) =>
        db.UseSqlite($"Data Source={file};Default Timeout={(int)Math.Ceiling(busyWait.TotalSeconds)}", o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(new SqliteWriteGate(busyWait));

    // The context registered for the application: the provider's own type, so its migrations are found.
    // Pooled: a request gets a context used before and reset, instead of building one with its services and
    // options each time (a fifth of a small page's work). So the options, and the interceptors in them, are
    // built once and shared: an interceptor keeps nothing of one save or request in itself.
    public static void Register(IServiceCollection services, string dataFolder, string? postgres,
        Action<IServiceProvider, DbContextOptionsBuilder>? more = null, TimeSpan? busyWait = null)
    {
        void Options(IServiceProvider sp, DbContextOptionsBuilder db)
        {
            Configure(db, dataFolder, postgres, busyWait);
            more?.Invoke(sp, db);
        }
        if (postgres is { Length: > 0 }) services.AddDbContextPool<JixiaoDb, PostgresJixiaoDb>(Options);
        else services.AddDbContextPool<JixiaoDb, SqliteJixiaoDb>(Options);
    }

    // A context outside the web app, of the provider's own type.
    public static JixiaoDb Create(string dataFolder, string? postgres, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        if (postgres is { Length: > 0 })
            return new PostgresJixiaoDb(new DbContextOptionsBuilder<PostgresJixiaoDb>().UseNpgsql(WithDefaults(postgres), o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).AddInterceptors(interceptors).Options);
        var sqlite = new DbContextOptionsBuilder<SqliteJixiaoDb>();
        UseSqlite(sqlite, Path.Combine(Path.GetFullPath(dataFolder), "jixiao.db"), DefaultBusyWait);
        return new SqliteJixiaoDb(sqlite.AddInterceptors(interceptors).Options);
    }

    // For commands run outside the web app: migrated, with the audit log recording the command's user.
    public static async Task<JixiaoDb> OpenAsync(string dataFolder, string? postgres)
    {
        Directory.CreateDirectory(dataFolder);
        var db = Create(dataFolder, postgres, new AuditInterceptor(new HttpContextAccessor()));
        await Migrator.MigrateAsync(db);
        return db;
    }
}
