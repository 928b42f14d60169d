using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

// The first schema, one script per provider, written from the model with GenerateCreateScript and
// kept beside this class. Later migrations are written as MigrationBuilder operations; the drift test
// (tests/Data/MigrationsTests) fails when the model and the migrations disagree.
[DbContext(typeof(JixiaoDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder mb) => mb.Sql(Script(mb.ActiveProvider));

    protected override void Down(MigrationBuilder mb) =>
        throw new InvalidOperationException("初始架构不能回退。");

    static string Script(string? provider)
    {
        var kind = provider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "postgres" : "sqlite";
        var name = $"Jixiao.Data.Migrations.20261122000000_Initial.{kind}.sql";
        using var stream = typeof(Initial).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing migration script " + name);
        return new StreamReader(stream).ReadToEnd();
    }
}
