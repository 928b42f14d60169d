using System.Data.Common;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Data;

// The migrations are written by hand (no EF Design package here), so this is what notices when the
// model changes without a migration: the schema Migrate() builds must equal the one the model implies.
public class MigrationsTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrations_build_the_schema_the_model_describes(string provider)
    {
        await using var migrated = await TestDatabase.Create(provider);
        await using var created = await TestDatabase.Create(provider);
        await using (var db = Context(migrated)) await db.Database.MigrateAsync();
        await using (var db = Context(created)) await db.Database.EnsureCreatedAsync();

        var expected = await Schema(created);
        var actual = await Schema(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task No_migration_is_pending_after_Migrate()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var db = Context(test);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    static JixiaoDb Context(TestDatabase test)
    {
        var options = new DbContextOptionsBuilder<JixiaoDb>();
        if (test.Provider == "sqlite") options.UseSqlite(test.ConnectionString);
        else options.UseNpgsql(test.ConnectionString);
        return new JixiaoDb(options.Options);
    }

    // Every table, column (type, nullability), index and constraint, as one sorted list of lines.
    static async Task<List<string>> Schema(TestDatabase test)
    {
        var sql = test.Provider == "sqlite"
            ? """
              SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
              WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
              UNION ALL
              SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
              WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
              """;
        await using var connection = test.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
