using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Tests.Data;

// What Jixiao adds to a PostgreSQL connection string: statements prepared, pooled connections not reset,
// each unless the string says otherwise.
public class DatabaseOptionsTests
{
    static NpgsqlConnectionStringBuilder Used(string connectionString)
    {
        using var db = Database.Create(".", connectionString);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }

    [Fact]
    public void Statements_are_prepared_and_pooled_connections_not_reset_by_default()
    {
        var used = Used("Host=127.0.0.1;Database=jixiao;Username=jixiao");
        Assert.Equal(100, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
    }

    [Fact]
    public void The_connection_string_decides_when_it_says()
    {
        var used = Used("Host=127.0.0.1;Database=jixiao;Username=jixiao;Max Auto Prepare=20;No Reset On Close=false");
        Assert.Equal(20, used.MaxAutoPrepare);
        Assert.False(used.NoResetOnClose);
        Assert.False(Used("Host=127.0.0.1;Database=jixiao;Username=jixiao;NoResetOnClose=false").NoResetOnClose);
        Assert.Equal(0, Used("Host=127.0.0.1;Database=jixiao;Username=jixiao;Max Auto Prepare=0").MaxAutoPrepare);   // README: 0 turns it off
    }
}
