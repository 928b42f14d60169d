using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReaderFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Class",
                table: "Projects",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LongTermGoalYears",
                table: "Projects",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nature",
                table: "Projects",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Term",
                table: "Projects",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ActualUpper",
                table: "Indicators",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AnnualUpper",
                table: "Indicators",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PeriodUpper",
                table: "Indicators",
                type: "numeric",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Class",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LongTermGoalYears",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Nature",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Term",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ActualUpper",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "AnnualUpper",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PeriodUpper",
                table: "Indicators");
        }
    }
}
