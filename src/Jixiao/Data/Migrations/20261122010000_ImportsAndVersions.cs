using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Jixiao.Data.Migrations;

// Kept uploads (ImportRecords) and the history of replaced forms (ProjectVersions).
[DbContext(typeof(JixiaoDb))]
[Migration("20261122010000_ImportsAndVersions")]
public sealed class ImportsAndVersions : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "ImportRecords",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Utc = t.Column<DateTime>(nullable: false),
                UserName = t.Column<string>(nullable: true),
                FileName = t.Column<string>(nullable: false),
                Size = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                Outcome = t.Column<string>(maxLength: 16, nullable: false),
                Error = t.Column<string>(nullable: true),
                DocumentJson = t.Column<string>(nullable: true),
                BudgetUnitId = t.Column<int>(nullable: true),
                FiscalYear = t.Column<int>(nullable: true),
                Result = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ImportRecords", x => x.Id));
        mb.CreateIndex(name: "IX_ImportRecords_Utc", table: "ImportRecords", column: "Utc");

        mb.CreateTable(
            name: "ProjectVersions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProjectId = t.Column<int>(nullable: false),
                Version = t.Column<int>(nullable: false),
                Utc = t.Column<DateTime>(nullable: false),
                UserName = t.Column<string>(nullable: true),
                Reason = t.Column<string>(nullable: false),
                FormJson = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ProjectVersions", x => x.Id));
        mb.CreateIndex(name: "IX_ProjectVersions_ProjectId", table: "ProjectVersions", column: "ProjectId");
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("ImportRecords");
        mb.DropTable("ProjectVersions");
    }
}
