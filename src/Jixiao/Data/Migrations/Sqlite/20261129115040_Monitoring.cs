using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitoringRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", nullable: true),
                    PacePercent = table.Column<decimal>(type: "TEXT", nullable: false),
                    SpentPercent = table.Column<decimal>(type: "TEXT", nullable: true),
                    Light = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CauseText = table.Column<string>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringReports_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringReports_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRoundUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedOffUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedOffBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRoundUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringRoundUnits_BudgetUnits_BudgetUnitId",
                        column: x => x.BudgetUnitId,
                        principalTable: "BudgetUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringRoundUnits_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRows",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    Expected = table.Column<string>(type: "TEXT", nullable: true),
                    Likelihood = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CauseText = table.Column<string>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRows", x => x.Key);
                    table.ForeignKey(
                        name: "FK_MonitoringRows_MonitoringReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "MonitoringReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReports_ProjectId",
                table: "MonitoringReports",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReports_RoundId_BudgetUnitId",
                table: "MonitoringReports",
                columns: new[] { "RoundId", "BudgetUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReports_RoundId_ProjectId",
                table: "MonitoringReports",
                columns: new[] { "RoundId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRounds_FiscalYear_EndMonth",
                table: "MonitoringRounds",
                columns: new[] { "FiscalYear", "EndMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRoundUnits_BudgetUnitId",
                table: "MonitoringRoundUnits",
                column: "BudgetUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRoundUnits_RoundId_BudgetUnitId",
                table: "MonitoringRoundUnits",
                columns: new[] { "RoundId", "BudgetUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRows_ReportId_IndicatorId",
                table: "MonitoringRows",
                columns: new[] { "ReportId", "IndicatorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringRoundUnits");

            migrationBuilder.DropTable(
                name: "MonitoringRows");

            migrationBuilder.DropTable(
                name: "MonitoringReports");

            migrationBuilder.DropTable(
                name: "MonitoringRounds");
        }
    }
}
