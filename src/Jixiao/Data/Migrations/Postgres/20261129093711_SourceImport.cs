using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SourceImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceImportId",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SourceImportId",
                table: "Projects",
                column: "SourceImportId");

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_ImportRecords_SourceImportId",
                table: "Projects",
                column: "SourceImportId",
                principalTable: "ImportRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Projects_ImportRecords_SourceImportId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_SourceImportId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SourceImportId",
                table: "Projects");
        }
    }
}
