using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// One place that says where the data live: PostgreSQL when a connection string is given,
// otherwise SQLite in the data folder. The web app and the command line both use it.
public static class Database
{
    public static string? ConnectionFrom(string? option) =>
        option is { Length: > 0 } ? option : Environment.GetEnvironmentVariable("JIXIAO_DATABASE") is { Length: > 0 } env ? env : null;

    public static void Configure(DbContextOptionsBuilder db, string dataFolder, string? postgres)
    {
        if (postgres is { Length: > 0 }) db.UseNpgsql(postgres);
        else db.UseSqlite($"Data Source={Path.Combine(Path.GetFullPath(dataFolder), "jixiao.db")}");
    }

    // The context registered for the application: the provider's own type, so its migrations are found.
    public static void Register(IServiceCollection services, string dataFolder, string? postgres,
        Action<IServiceProvider, DbContextOptionsBuilder>? more = null)
    {
        void Options(IServiceProvider sp, DbContextOptionsBuilder db)
        {
            Configure(db, dataFolder, postgres);
            more?.Invoke(sp, db);
        }
        if (postgres is { Length: > 0 }) services.AddDbContext<JixiaoDb, PostgresJixiaoDb>(Options);
        else services.AddDbContext<JixiaoDb, SqliteJixiaoDb>(Options);
    }

    // A context outside the web app, of the provider's own type.
    public static JixiaoDb Create(string dataFolder, string? postgres, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        if (postgres is { Length: > 0 })
            return new PostgresJixiaoDb(new DbContextOptionsBuilder<PostgresJixiaoDb>().UseNpgsql(postgres).AddInterceptors(interceptors).Options);
        var file = Path.Combine(Path.GetFullPath(dataFolder), "jixiao.db");
        return new SqliteJixiaoDb(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite($"Data Source={file}").AddInterceptors(interceptors).Options);
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
