using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Jixiao.Data.Migrations;

// Year-end self-evaluations (绩效自评表): one row per evaluated project, and its budget execution rows.
[DbContext(typeof(JixiaoDb))]
[Migration("20261122030000_SelfEvaluations")]
public sealed class SelfEvaluations : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "SelfEvaluations",
            columns: t => new
            {
                ProjectId = t.Column<int>(nullable: false),
                SourceUnit = t.Column<string>(maxLength: 8, nullable: true),
                AnnualGoalActual = t.Column<string>(nullable: true),
                TotalPoints = t.Column<decimal>(nullable: true),
                TotalScore = t.Column<decimal>(nullable: true),
                Grade = t.Column<string>(maxLength: 16, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SelfEvaluations", x => x.ProjectId);
                t.ForeignKey("FK_SelfEvaluations_Projects_ProjectId", x => x.ProjectId, "Projects", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        mb.CreateTable(
            name: "BudgetExecutions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = t.Column<string>(nullable: false),
                Item = t.Column<string>(maxLength: 32, nullable: true),
                InitialBudget = t.Column<decimal>(nullable: true),
                AnnualBudget = t.Column<decimal>(nullable: true),
                Executed = t.Column<decimal>(nullable: true),
                BudgetExecutionRate = t.Column<decimal>(nullable: true),
                Points = t.Column<decimal>(nullable: true),
                Score = t.Column<decimal>(nullable: true),
                ProjectId = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_BudgetExecutions", x => x.Id);
                t.ForeignKey("FK_BudgetExecutions_SelfEvaluations_ProjectId", x => x.ProjectId, "SelfEvaluations", "ProjectId",
                    onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex(name: "IX_BudgetExecutions_ProjectId", table: "BudgetExecutions", column: "ProjectId");
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("BudgetExecutions");
        mb.DropTable("SelfEvaluations");
    }
}
