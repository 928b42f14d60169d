CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "Utc" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "Entity" TEXT NOT NULL,
    "EntityKey" TEXT NULL,
    "Action" TEXT NOT NULL,
    "Changes" TEXT NOT NULL
);


CREATE TABLE "DepartmentGoals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DepartmentGoals" PRIMARY KEY AUTOINCREMENT,
    "BudgetUnitId" INTEGER NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Title" TEXT NULL,
    "Goal" TEXT NULL,
    "Indicators" TEXT NULL
);


CREATE TABLE "SupervisingDepartments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SupervisingDepartments" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BudgetUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetUnits" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL,
    "DivisionCode" TEXT NULL,
    "Functions" TEXT NULL,
    "SupervisingDepartmentId" INTEGER NULL,
    CONSTRAINT "FK_BudgetUnits_SupervisingDepartments_SupervisingDepartmentId" FOREIGN KEY ("SupervisingDepartmentId") REFERENCES "SupervisingDepartments" ("Id")
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "BudgetUnitId" INTEGER NULL,
    "SupervisingDepartmentId" INTEGER NULL,
    "MustChangePassword" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_BudgetUnits_BudgetUnitId" FOREIGN KEY ("BudgetUnitId") REFERENCES "BudgetUnits" ("Id"),
    CONSTRAINT "FK_AspNetUsers_SupervisingDepartments_SupervisingDepartmentId" FOREIGN KEY ("SupervisingDepartmentId") REFERENCES "SupervisingDepartments" ("Id")
);


CREATE TABLE "Projects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Projects" PRIMARY KEY AUTOINCREMENT,
    "BudgetUnitId" INTEGER NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "FrameworkId" TEXT NULL,
    "SourceFile" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL,
    "Category" TEXT NULL,
    "Attribute" TEXT NULL,
    "FunctionClass" TEXT NULL,
    "ImplementingUnit" TEXT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "FundingSourceUnit" TEXT NULL,
    "FundingTotal" TEXT NULL,
    "FundingAnnualRequest" TEXT NULL,
    "FundingFiscal" TEXT NULL,
    "FundingAppropriation" TEXT NULL,
    "FundingFromHigherLevel" TEXT NULL,
    "FundingFromSameLevel" TEXT NULL,
    "FundingFromLowerLevel" TEXT NULL,
    "FundingCarryOver" TEXT NULL,
    "FundingSpecialAccount" TEXT NULL,
    "FundingOther" TEXT NULL,
    "LongTermGoal" TEXT NULL,
    "AnnualGoal" TEXT NULL,
    "Sections" TEXT NOT NULL,
    CONSTRAINT "FK_Projects_BudgetUnits_BudgetUnitId" FOREIGN KEY ("BudgetUnitId") REFERENCES "BudgetUnits" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BudgetLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetLines" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Amount" TEXT NULL,
    "Period" TEXT NULL,
    "ProjectId" INTEGER NOT NULL,
    CONSTRAINT "FK_BudgetLines_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY AUTOINCREMENT,
    "Level1" TEXT NULL,
    "Level2" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "PeriodRaw" TEXT NULL,
    "PeriodKind" TEXT NULL,
    "PeriodOperator" TEXT NULL,
    "PeriodValue" TEXT NULL,
    "PeriodUnit" TEXT NULL,
    "PeriodDirection" TEXT NULL,
    "AnnualRaw" TEXT NULL,
    "AnnualKind" TEXT NULL,
    "AnnualOperator" TEXT NULL,
    "AnnualValue" TEXT NULL,
    "AnnualUnit" TEXT NULL,
    "AnnualDirection" TEXT NULL,
    "Basis" TEXT NULL,
    "Remarks" TEXT NULL,
    "Weight" TEXT NULL,
    "ActualRaw" TEXT NULL,
    "ActualKind" TEXT NULL,
    "ActualOperator" TEXT NULL,
    "ActualValue" TEXT NULL,
    "ActualUnit" TEXT NULL,
    "ActualDirection" TEXT NULL,
    "Score" TEXT NULL,
    "DeviationCause" TEXT NULL,
    "ProjectId" INTEGER NOT NULL,
    CONSTRAINT "FK_Indicators_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ProjectPeople" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProjectPeople" PRIMARY KEY AUTOINCREMENT,
    "Role" TEXT NOT NULL,
    "Name" TEXT NULL,
    "Phone" TEXT NULL,
    "ProjectId" INTEGER NOT NULL,
    CONSTRAINT "FK_ProjectPeople_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Safeguards" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Safeguards" PRIMARY KEY AUTOINCREMENT,
    "Category" TEXT NULL,
    "Document" TEXT NULL,
    "Measures" TEXT NULL,
    "Stages" TEXT NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    CONSTRAINT "FK_Safeguards_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "SpendingMilestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpendingMilestones" PRIMARY KEY AUTOINCREMENT,
    "By" TEXT NOT NULL,
    "CumulativePercent" TEXT NULL,
    "ProjectId" INTEGER NOT NULL,
    CONSTRAINT "FK_SpendingMilestones_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_BudgetUnitId" ON "AspNetUsers" ("BudgetUnitId");


CREATE INDEX "IX_AspNetUsers_SupervisingDepartmentId" ON "AspNetUsers" ("SupervisingDepartmentId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_Utc" ON "AuditEntries" ("Utc");


CREATE INDEX "IX_BudgetLines_ProjectId" ON "BudgetLines" ("ProjectId");


CREATE INDEX "IX_BudgetUnits_Code" ON "BudgetUnits" ("Code");


CREATE INDEX "IX_BudgetUnits_SupervisingDepartmentId" ON "BudgetUnits" ("SupervisingDepartmentId");


CREATE INDEX "IX_DepartmentGoals_BudgetUnitId_FiscalYear" ON "DepartmentGoals" ("BudgetUnitId", "FiscalYear");


CREATE INDEX "IX_Indicators_ProjectId" ON "Indicators" ("ProjectId");


CREATE INDEX "IX_ProjectPeople_ProjectId" ON "ProjectPeople" ("ProjectId");


CREATE INDEX "IX_Projects_BudgetUnitId_FiscalYear" ON "Projects" ("BudgetUnitId", "FiscalYear");


CREATE INDEX "IX_Safeguards_ProjectId" ON "Safeguards" ("ProjectId");


CREATE INDEX "IX_SpendingMilestones_ProjectId" ON "SpendingMilestones" ("ProjectId");


