using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Jixiao.Data.Migrations;

// The unit-level part of each saved declaration: sections, people, unit totals, import warnings.
[DbContext(typeof(JixiaoDb))]
[Migration("20261122040000_DeclarationForms")]
public sealed class DeclarationForms : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "DeclarationForms",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                BudgetUnitId = t.Column<int>(nullable: false),
                FiscalYear = t.Column<int>(nullable: false),
                Utc = t.Column<DateTime>(nullable: false),
                SourceFile = t.Column<string>(nullable: true),
                Layout = t.Column<string>(nullable: true),
                Sections = t.Column<string>(nullable: false),
                People = t.Column<string>(nullable: false),
                UnitFunding = t.Column<string>(nullable: true),
                Warnings = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DeclarationForms", x => x.Id));
        mb.CreateIndex(name: "IX_DeclarationForms_BudgetUnitId_FiscalYear", table: "DeclarationForms", columns: ["BudgetUnitId", "FiscalYear"]);
    }

    protected override void Down(MigrationBuilder mb) => mb.DropTable("DeclarationForms");
}
