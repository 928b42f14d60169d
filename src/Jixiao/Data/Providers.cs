using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Data;

// One context type per provider, so that each provider keeps its own generated migrations and model
// snapshot (Data/Migrations/Sqlite, Data/Migrations/Postgres); the application only ever sees JixiaoDb.
public sealed class SqliteJixiaoDb : JixiaoDb
{
    // Every save in a transaction, so that every write queues at the SqliteWriteGate.
    public SqliteJixiaoDb(DbContextOptions<SqliteJixiaoDb> options) : base(options) =>
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
}

public sealed class PostgresJixiaoDb(DbContextOptions<PostgresJixiaoDb> options) : JixiaoDb(options)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        SearchIndex.MapPostgres(b);
    }
}

// For dotnet-ef (tools/ef.sh): generating a migration reads the model and needs no server.
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteJixiaoDb>
{
    public SqliteJixiaoDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresJixiaoDb>
{
    public PostgresJixiaoDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJixiaoDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
