using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Jixiao.Data.Migrations;

// Temporary, until the generated per-provider migrations land on main: the indicator library table.
[DbContext(typeof(JixiaoDb))]
[Migration("20261129090000_IndicatorLibrary")]
public sealed class IndicatorLibrary : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "LibraryIndicators",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Level1 = t.Column<string>(nullable: false),
                Level2 = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Definition = t.Column<string>(nullable: true),
                Formula = t.Column<string>(nullable: true),
                Unit = t.Column<string>(nullable: true),
                Direction = t.Column<string>(nullable: true),
                TypicalTarget = t.Column<string>(nullable: true),
                Basis = t.Column<string>(nullable: true),
                Framework = t.Column<string>(nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                ProposedBy = t.Column<string>(nullable: true),
                ProposalReason = t.Column<string>(nullable: true),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                DecidedBy = t.Column<string>(nullable: true),
                DecidedUtc = t.Column<DateTime>(nullable: true),
                DecisionNote = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_LibraryIndicators", x => x.Id));
        mb.CreateIndex(name: "IX_LibraryIndicators_Status_Level1", table: "LibraryIndicators", columns: ["Status", "Level1"]);
    }

    protected override void Down(MigrationBuilder mb) => mb.DropTable("LibraryIndicators");
}
