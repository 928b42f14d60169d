using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BudgetUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", nullable: true),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    RowsNotCounted = table.Column<int>(type: "INTEGER", nullable: false),
                    Columns = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LedgerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Where = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Registered = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Accepted = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotAccepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notified = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LedgerDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionApproved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Closed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evaluated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Repeat = table.Column<bool>(type: "INTEGER", nullable: false)
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
