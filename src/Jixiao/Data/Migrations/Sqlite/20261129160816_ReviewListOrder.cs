using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_FiscalYear_QualityScore",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_FiscalYear_QualityScore_NameKey_Id",
                table: "Projects",
                columns: new[] { "FiscalYear", "QualityScore", "NameKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_FiscalYear_QualityScore_NameKey_Id",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_FiscalYear_QualityScore",
                table: "Projects",
                columns: new[] { "FiscalYear", "QualityScore" });
        }
    }
}
