using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PreviousActual : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousActualDirection",
                table: "Indicators",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousActualKind",
                table: "Indicators",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousActualOperator",
                table: "Indicators",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousActualRaw",
                table: "Indicators",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousActualUnit",
                table: "Indicators",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PreviousActualValue",
                table: "Indicators",
                type: "numeric",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousActualDirection",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PreviousActualKind",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PreviousActualOperator",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PreviousActualRaw",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PreviousActualUnit",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PreviousActualValue",
                table: "Indicators");
        }
    }
}
