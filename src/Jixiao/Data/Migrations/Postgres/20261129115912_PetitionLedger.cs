using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PetitionLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PetitionLedgers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SavedBy = table.Column<string>(type: "text", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    ErrorsJson = table.Column<string>(type: "text", nullable: false),
                    RowsNotCounted = table.Column<int>(type: "integer", nullable: false),
                    Columns = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionLedgers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionLedgers_BudgetUnits_BudgetUnitId",
                        column: x => x.BudgetUnitId,
                        principalTable: "BudgetUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PetitionLedgerCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LedgerId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Where = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Registered = table.Column<DateOnly>(type: "date", nullable: false),
                    Accepted = table.Column<DateOnly>(type: "date", nullable: true),
                    NotAccepted = table.Column<bool>(type: "boolean", nullable: false),
                    Notified = table.Column<DateOnly>(type: "date", nullable: true),
                    LedgerDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionApproved = table.Column<bool>(type: "boolean", nullable: false),
                    Closed = table.Column<DateOnly>(type: "date", nullable: true),
                    Evaluated = table.Column<bool>(type: "boolean", nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Repeat = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionLedgerCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionLedgerCases_PetitionLedgers_LedgerId",
                        column: x => x.LedgerId,
                        principalTable: "PetitionLedgers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PetitionLedgerCases_LedgerId_Position",
                table: "PetitionLedgerCases",
                columns: new[] { "LedgerId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PetitionLedgers_BudgetUnitId_Year_Outcome",
                table: "PetitionLedgers",
                columns: new[] { "BudgetUnitId", "Year", "Outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PetitionLedgerCases");

            migrationBuilder.DropTable(
                name: "PetitionLedgers");
        }
    }
}
