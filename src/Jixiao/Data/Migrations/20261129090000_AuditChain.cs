using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Data.Migrations;

// Each audit entry's link in the hash chain.
[DbContext(typeof(JixiaoDb))]
[Migration("20261129090000_AuditChain")]
public sealed class AuditChain : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.AddColumn<string>(name: "Hash", table: "AuditEntries", nullable: true);

    protected override void Down(MigrationBuilder mb) => mb.DropColumn(name: "Hash", table: "AuditEntries");
}
