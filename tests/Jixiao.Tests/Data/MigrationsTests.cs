using System.Data.Common;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Data;

// Migrations are generated per provider (tools/ef.sh); these notice a model changed without a migration,
// and a migration edited by hand away from the model: Migrate() must build the schema the model implies.
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

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_generated_migrations_hold_the_whole_model(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = Context(test);
        Assert.False(db.Database.HasPendingModelChanges(), "模型已改动但没有生成迁移：./tools/ef.sh add <Name>");
    }

    static JixiaoDb Context(TestDatabase test) => test.Provider == "sqlite"
        ? new SqliteJixiaoDb(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite(test.ConnectionString).Options)
        : new PostgresJixiaoDb(new DbContextOptionsBuilder<PostgresJixiaoDb>().UseNpgsql(test.ConnectionString).Options);

    // Every table, column (type, nullability), index and constraint, as one sorted list of lines.
    static async Task<List<string>> Schema(TestDatabase test)
    {
        var sql = test.Provider == "sqlite"
            // Column by column rather than each table's CREATE text: a later migration's ADD COLUMN
            // leaves the same table with differently formatted text.
            ? """
              SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || coalesce(p.dflt_value, '') || ' ' || p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'autoincrement ' || name FROM sqlite_master
              WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' AND name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'foreign key ' || m.name || '.' || f."from" || ' ' || f."table" || '.' || f."to" || ' ' || f.on_delete
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
              WHERE m.type = 'table' AND m.name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'index ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
              WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'
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
