using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    Entity = table.Column<string>(type: "text", nullable: false),
                    EntityKey = table.Column<string>(type: "text", nullable: true),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeclarationForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SourceFile = table.Column<string>(type: "text", nullable: true),
                    Layout = table.Column<string>(type: "text", nullable: true),
                    Sections = table.Column<string>(type: "text", nullable: false),
                    People = table.Column<string>(type: "text", nullable: false),
                    UnitFunding = table.Column<string>(type: "text", nullable: true),
                    Warnings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Goal = table.Column<string>(type: "text", nullable: true),
                    Indicators = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    DocumentJson = table.Column<string>(type: "text", nullable: true),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: true),
                    FiscalYear = table.Column<int>(type: "integer", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LibraryIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Level1 = table.Column<string>(type: "text", nullable: false),
                    Level2 = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: true),
                    Formula = table.Column<string>(type: "text", nullable: true),
                    Unit = table.Column<string>(type: "text", nullable: true),
                    Direction = table.Column<string>(type: "text", nullable: true),
                    TypicalTarget = table.Column<string>(type: "text", nullable: true),
                    Basis = table.Column<string>(type: "text", nullable: true),
                    Framework = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedBy = table.Column<string>(type: "text", nullable: true),
                    ProposalReason = table.Column<string>(type: "text", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryIndicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    EndMonth = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    QualityScore = table.Column<int>(type: "integer", nullable: true),
                    FindingsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisingDepartments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisingDepartments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: true),
                    DivisionCode = table.Column<string>(type: "text", nullable: true),
                    Functions = table.Column<string>(type: "text", nullable: true),
                    SupervisingDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    NameInitials = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetUnits_SupervisingDepartments_SupervisingDepartmentId",
                        column: x => x.SupervisingDepartmentId,
                        principalTable: "SupervisingDepartments",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: true),
                    SupervisingDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_BudgetUnits_BudgetUnitId",
                        column: x => x.BudgetUnitId,
                        principalTable: "BudgetUnits",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AspNetUsers_SupervisingDepartments_SupervisingDepartmentId",
                        column: x => x.SupervisingDepartmentId,
                        principalTable: "SupervisingDepartments",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRoundUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: false),
                    SignedOffUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedOffBy = table.Column<string>(type: "text", nullable: true)
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
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    NameKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Copy = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApprovedVersion = table.Column<int>(type: "integer", nullable: true),
                    MadePublic = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    FrameworkId = table.Column<string>(type: "text", nullable: true),
                    ReviewProfileId = table.Column<string>(type: "text", nullable: true),
                    SourceFile = table.Column<string>(type: "text", nullable: true),
                    SourceImportId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    ChangeReason = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Attribute = table.Column<string>(type: "text", nullable: true),
                    Nature = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Class = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Term = table.Column<string>(type: "text", nullable: true),
                    FunctionClass = table.Column<string>(type: "text", nullable: true),
                    ImplementingUnit = table.Column<string>(type: "text", nullable: true),
                    StartDate = table.Column<string>(type: "text", nullable: true),
                    EndDate = table.Column<string>(type: "text", nullable: true),
                    FundingSourceUnit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    FundingTotal = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingAnnualRequest = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingFiscal = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingAppropriation = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingFromHigherLevel = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingFromSameLevel = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingFromLowerLevel = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingCarryOver = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingSpecialAccount = table.Column<decimal>(type: "numeric", nullable: true),
                    FundingOther = table.Column<decimal>(type: "numeric", nullable: true),
                    LongTermGoal = table.Column<string>(type: "text", nullable: true),
                    LongTermGoalYears = table.Column<string>(type: "text", nullable: true),
                    AnnualGoal = table.Column<string>(type: "text", nullable: true),
                    Sections = table.Column<string>(type: "text", nullable: false),
                    QualityScore = table.Column<int>(type: "integer", nullable: true),
                    SearchName = table.Column<string>(type: "text", nullable: false),
                    SearchInitials = table.Column<string>(type: "text", nullable: false),
                    SearchGoals = table.Column<string>(type: "text", nullable: false),
                    SearchIndicators = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_BudgetUnits_BudgetUnitId",
                        column: x => x.BudgetUnitId,
                        principalTable: "BudgetUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Projects_ImportRecords_SourceImportId",
                        column: x => x.SourceImportId,
                        principalTable: "ImportRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
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

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: true),
                    Period = table.Column<string>(type: "text", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Key);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level1 = table.Column<string>(type: "text", nullable: true),
                    Level2 = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    PeriodRaw = table.Column<string>(type: "text", nullable: true),
                    PeriodKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PeriodOperator = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PeriodValue = table.Column<decimal>(type: "numeric", nullable: true),
                    PeriodUnit = table.Column<string>(type: "text", nullable: true),
                    PeriodDirection = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PeriodUpper = table.Column<decimal>(type: "numeric", nullable: true),
                    AnnualRaw = table.Column<string>(type: "text", nullable: true),
                    AnnualKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AnnualOperator = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    AnnualValue = table.Column<decimal>(type: "numeric", nullable: true),
                    AnnualUnit = table.Column<string>(type: "text", nullable: true),
                    AnnualDirection = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    AnnualUpper = table.Column<decimal>(type: "numeric", nullable: true),
                    Basis = table.Column<string>(type: "text", nullable: true),
                    Remarks = table.Column<string>(type: "text", nullable: true),
                    Weight = table.Column<decimal>(type: "numeric", nullable: true),
                    ActualRaw = table.Column<string>(type: "text", nullable: true),
                    ActualKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ActualOperator = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ActualValue = table.Column<decimal>(type: "numeric", nullable: true),
                    ActualUnit = table.Column<string>(type: "text", nullable: true),
                    ActualDirection = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ActualUpper = table.Column<decimal>(type: "numeric", nullable: true),
                    Score = table.Column<decimal>(type: "numeric", nullable: true),
                    DeviationCause = table.Column<string>(type: "text", nullable: true),
                    PreviousActualRaw = table.Column<string>(type: "text", nullable: true),
                    PreviousActualKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PreviousActualOperator = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PreviousActualValue = table.Column<decimal>(type: "numeric", nullable: true),
                    PreviousActualUnit = table.Column<string>(type: "text", nullable: true),
                    PreviousActualDirection = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PreviousActualUpper = table.Column<decimal>(type: "numeric", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Key);
                    table.ForeignKey(
                        name: "FK_Indicators_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    BudgetUnitId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Spent = table.Column<decimal>(type: "numeric", nullable: true),
                    Budget = table.Column<decimal>(type: "numeric", nullable: true),
                    PacePercent = table.Column<decimal>(type: "numeric", nullable: false),
                    SpentPercent = table.Column<decimal>(type: "numeric", nullable: true),
                    Light = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CauseText = table.Column<string>(type: "text", nullable: true),
                    Measures = table.Column<string>(type: "text", nullable: true),
                    ReturnComment = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
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
                name: "ProjectFindings",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Indicator = table.Column<string>(type: "text", nullable: true),
                    Field = table.Column<string>(type: "text", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: false),
                    Suggestion = table.Column<string>(type: "text", nullable: false),
                    Basis = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFindings", x => x.Key);
                    table.ForeignKey(
                        name: "FK_ProjectFindings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectPeople",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPeople", x => x.Key);
                    table.ForeignKey(
                        name: "FK_ProjectPeople_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    DisplayName = table.Column<string>(type: "text", nullable: true),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ChecklistJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectSteps_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Field = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Author = table.Column<string>(type: "text", nullable: true),
                    AuthorName = table.Column<string>(type: "text", nullable: true),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    AnsweredBy = table.Column<string>(type: "text", nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false),
                    ResolvedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewComments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Safeguards",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Document = table.Column<string>(type: "text", nullable: true),
                    Measures = table.Column<string>(type: "text", nullable: true),
                    Stages = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Safeguards", x => x.Key);
                    table.ForeignKey(
                        name: "FK_Safeguards_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfEvaluations",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    SourceUnit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    AnnualGoalActual = table.Column<string>(type: "text", nullable: true),
                    TotalPoints = table.Column<decimal>(type: "numeric", nullable: true),
                    TotalScore = table.Column<decimal>(type: "numeric", nullable: true),
                    Grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfEvaluations", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_SelfEvaluations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpendingMilestones",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    By = table.Column<string>(type: "text", nullable: false),
                    CumulativePercent = table.Column<decimal>(type: "numeric", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendingMilestones", x => x.Key);
                    table.ForeignKey(
                        name: "FK_SpendingMilestones_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRows",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    Expected = table.Column<string>(type: "text", nullable: true),
                    Likelihood = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CauseText = table.Column<string>(type: "text", nullable: true),
                    Measures = table.Column<string>(type: "text", nullable: true),
                    ReportId = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "BudgetExecutions",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Item = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    InitialBudget = table.Column<decimal>(type: "numeric", nullable: true),
                    AnnualBudget = table.Column<decimal>(type: "numeric", nullable: true),
                    Executed = table.Column<decimal>(type: "numeric", nullable: true),
                    BudgetExecutionRate = table.Column<decimal>(type: "numeric", nullable: true),
                    Points = table.Column<decimal>(type: "numeric", nullable: true),
                    Score = table.Column<decimal>(type: "numeric", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetExecutions", x => x.Key);
                    table.ForeignKey(
                        name: "FK_BudgetExecutions_SelfEvaluations_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "SelfEvaluations",
                        principalColumn: "ProjectId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_BudgetUnitId",
                table: "AspNetUsers",
                column: "BudgetUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SupervisingDepartmentId",
                table: "AspNetUsers",
                column: "SupervisingDepartmentId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Utc",
                table: "AuditEntries",
                column: "Utc");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetExecutions_ProjectId_Position",
                table: "BudgetExecutions",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetExecutions_ProjectId_RowId",
                table: "BudgetExecutions",
                columns: new[] { "ProjectId", "RowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_ProjectId_Position",
                table: "BudgetLines",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_ProjectId_RowId",
                table: "BudgetLines",
                columns: new[] { "ProjectId", "RowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetUnits_Code",
                table: "BudgetUnits",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetUnits_SupervisingDepartmentId",
                table: "BudgetUnits",
                column: "SupervisingDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationForms_BudgetUnitId_FiscalYear",
                table: "DeclarationForms",
                columns: new[] { "BudgetUnitId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentGoals_BudgetUnitId_FiscalYear",
                table: "DepartmentGoals",
                columns: new[] { "BudgetUnitId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRecords_Utc",
                table: "ImportRecords",
                column: "Utc");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProjectId_Position",
                table: "Indicators",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProjectId_RowId",
                table: "Indicators",
                columns: new[] { "ProjectId", "RowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryIndicators_Status_Level1",
                table: "LibraryIndicators",
                columns: new[] { "Status", "Level1" });

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

            migrationBuilder.CreateIndex(
                name: "IX_PetitionLedgerCases_LedgerId_Position",
                table: "PetitionLedgerCases",
                columns: new[] { "LedgerId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PetitionLedgers_BudgetUnitId_Year_Outcome",
                table: "PetitionLedgers",
                columns: new[] { "BudgetUnitId", "Year", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFindings_ProjectId",
                table: "ProjectFindings",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFindings_Rule",
                table: "ProjectFindings",
                column: "Rule");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPeople_ProjectId_Position",
                table: "ProjectPeople",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPeople_ProjectId_RowId",
                table: "ProjectPeople",
                columns: new[] { "ProjectId", "RowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_BudgetUnitId_FiscalYear_NameKey_Copy",
                table: "Projects",
                columns: new[] { "BudgetUnitId", "FiscalYear", "NameKey", "Copy" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_FiscalYear_QualityScore",
                table: "Projects",
                columns: new[] { "FiscalYear", "QualityScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SearchGoals",
                table: "Projects",
                column: "SearchGoals")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SearchIndicators",
                table: "Projects",
                column: "SearchIndicators")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SearchInitials",
                table: "Projects",
                column: "SearchInitials")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SearchName",
                table: "Projects",
                column: "SearchName")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SourceImportId",
                table: "Projects",
                column: "SourceImportId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Status_UpdatedUtc",
                table: "Projects",
                columns: new[] { "Status", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectSteps_ProjectId_Utc",
                table: "ProjectSteps",
                columns: new[] { "ProjectId", "Utc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectVersions_ProjectId_Version",
                table: "ProjectVersions",
                columns: new[] { "ProjectId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_ProjectId_Resolved",
                table: "ReviewComments",
                columns: new[] { "ProjectId", "Resolved" });

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_ProjectId_Position",
                table: "Safeguards",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_ProjectId_RowId",
                table: "Safeguards",
                columns: new[] { "ProjectId", "RowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpendingMilestones_ProjectId_Position",
                table: "SpendingMilestones",
                columns: new[] { "ProjectId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SpendingMilestones_ProjectId_RowId",
                table: "SpendingMilestones",
                columns: new[] { "ProjectId", "RowId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BudgetExecutions");

            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropTable(
                name: "DeclarationForms");

            migrationBuilder.DropTable(
                name: "DepartmentGoals");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "LibraryIndicators");

            migrationBuilder.DropTable(
                name: "MonitoringRoundUnits");

            migrationBuilder.DropTable(
                name: "MonitoringRows");

            migrationBuilder.DropTable(
                name: "PetitionLedgerCases");

            migrationBuilder.DropTable(
                name: "ProjectFindings");

            migrationBuilder.DropTable(
                name: "ProjectPeople");

            migrationBuilder.DropTable(
                name: "ProjectSteps");

            migrationBuilder.DropTable(
                name: "ProjectVersions");

            migrationBuilder.DropTable(
                name: "ReviewComments");

            migrationBuilder.DropTable(
                name: "Safeguards");

            migrationBuilder.DropTable(
                name: "SpendingMilestones");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "SelfEvaluations");

            migrationBuilder.DropTable(
                name: "MonitoringReports");

            migrationBuilder.DropTable(
                name: "PetitionLedgers");

            migrationBuilder.DropTable(
                name: "MonitoringRounds");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "BudgetUnits");

            migrationBuilder.DropTable(
                name: "ImportRecords");

            migrationBuilder.DropTable(
                name: "SupervisingDepartments");
        }
    }
}
