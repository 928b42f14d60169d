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

    // For commands run outside the web app: migrated, with the audit log recording the command's user.
    public static async Task<JixiaoDb> OpenAsync(string dataFolder, string? postgres)
    {
        Directory.CreateDirectory(dataFolder);
        var options = new DbContextOptionsBuilder<JixiaoDb>();
        Configure(options, dataFolder, postgres);
        options.AddInterceptors(new AuditInterceptor(new HttpContextAccessor()));
        var db = new JixiaoDb(options.Options);
        await Migrator.MigrateAsync(db);
        return db;
    }
}
