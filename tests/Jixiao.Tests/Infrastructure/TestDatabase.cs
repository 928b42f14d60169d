using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Tests.Infrastructure;

// Lets one test run against both database providers:
// [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
public static class TestDatabases
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };
}

// A fresh, empty database for one test, removed again at dispose.
public sealed class TestDatabase : IAsyncDisposable
{
    const string PgVariable = "JIXIAO_TEST_PG";

    readonly string? sqliteFolder;
    readonly string? pgAdminConnectionString;
    readonly string? pgDatabaseName;

    public string Provider { get; }
    public string ConnectionString { get; }

    TestDatabase(string provider, string connectionString, string? sqliteFolder, string? pgAdmin, string? pgName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFolder = sqliteFolder;
        pgAdminConnectionString = pgAdmin;
        pgDatabaseName = pgName;
    }

    public static async Task<TestDatabase> Create(string provider) => provider switch
    {
        "sqlite" => CreateSqlite(),
        "postgres" => await CreatePostgres(),
        _ => throw new ArgumentException($"未知的数据库类型：{provider}（应为 sqlite 或 postgres）", nameof(provider)),
    };

    // A plain ADO.NET connection (SqliteConnection or NpgsqlConnection), not yet open.
    public DbConnection CreateConnection() => Provider == "sqlite"
        ? new SqliteConnection(ConnectionString)
        : new NpgsqlConnection(ConnectionString);

    static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-test-").FullName;
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "jixiao.db") }.ToString();
        return new TestDatabase("sqlite", cs, folder, null, null);
    }

    static async Task<TestDatabase> CreatePostgres()
    {
        // A missing server must fail loudly: a skipped PostgreSQL test would hide provider bugs.
        var admin = Environment.GetEnvironmentVariable(PgVariable);
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException($"PostgreSQL 未启动：请用 ./test.sh 运行测试 / set {PgVariable}");

        var name = "jixiao_test_" + Guid.NewGuid().ToString("N");
        // template0 keeps the new database independent of whatever encoding or objects template1 has.
        await Execute(admin, $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0");
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase("postgres", cs, null, admin, name);
    }

    static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == "sqlite")
        {
            // Pooled connections keep the file open.
            using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
            Directory.Delete(sqliteFolder!, recursive: true);
        }
        else
        {
            using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
            await Execute(pgAdminConnectionString!, $"DROP DATABASE IF EXISTS {pgDatabaseName} WITH (FORCE)");
        }
    }
}
