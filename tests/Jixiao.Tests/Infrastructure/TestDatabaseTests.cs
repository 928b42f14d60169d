using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Tests.Infrastructure;

public class TestDatabaseTests
{
    const string ProjectName = "2024年度城乡居民基本医疗保险补助资金（绩效目标）";

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Stores_and_reads_back_Chinese_text(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        Assert.Equal(provider, db.Provider);

        await using var connection = db.CreateConnection();
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE projects (id integer PRIMARY KEY, name varchar(200) NOT NULL)");
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO projects (id, name) VALUES (1, @name)";
            var name = insert.CreateParameter();
            name.ParameterName = "name";
            name.Value = ProjectName;
            insert.Parameters.Add(name);
            await insert.ExecuteNonQueryAsync();
        }

        await using var select = connection.CreateCommand();
        // length() counts characters only when the database really stores UTF-8 text.
        select.CommandText = "SELECT name, length(name) FROM projects WHERE id = 1";
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(ProjectName, reader.GetString(0));
        Assert.Equal(ProjectName.Length, Convert.ToInt32(reader.GetValue(1)));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_test_database_is_new_and_is_removed_at_dispose(string provider)
    {
        var first = await TestDatabase.Create(provider);
        await using (var second = await TestDatabase.Create(provider))
            Assert.NotEqual(first.ConnectionString, second.ConnectionString);

        await using (var connection = first.CreateConnection())
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE t (x integer)");
        }
        await first.DisposeAsync();

        Assert.False(await Exists(first));
    }

    static async Task<bool> Exists(TestDatabase db)
    {
        if (db.Provider == "sqlite")
            return File.Exists(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource);

        var name = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database;
        var admin = Environment.GetEnvironmentVariable("JIXIAO_TEST_PG");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name!);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
