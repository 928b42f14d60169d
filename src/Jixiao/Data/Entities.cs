using Jixiao.Domain;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Data;

public sealed class SupervisingDepartment
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public List<BudgetUnit> Units { get; set; } = [];
}

public sealed class BudgetUnit
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }            // 部门预算代码 / agency_code
    public string? DivisionCode { get; set; }    // 区划代码 / mof_div_code
    public string? Functions { get; set; }
    public int? SupervisingDepartmentId { get; set; }
    public SupervisingDepartment? SupervisingDepartment { get; set; }
}

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    public int? SupervisingDepartmentId { get; set; }
    public SupervisingDepartment? SupervisingDepartment { get; set; }
    public bool MustChangePassword { get; set; }
}

public enum ProjectStatus { Draft, Submitted, UnitApproved, SupervisorApproved, Approved, Returned }

// A stored project: who owns it and where it is in the cycle, around the form itself
// (the interchange model, mapped as owned types so the database holds exactly what the form holds).
public sealed class Project
{
    public int Id { get; set; }
    public int BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    public int FiscalYear { get; set; }
    public ProjectStatus Status { get; set; }
    public string? FrameworkId { get; set; }
    public string? SourceFile { get; set; }
    public int Version { get; set; } = 1;        // application-managed concurrency token
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public ProjectForm Form { get; set; } = new();
}

public sealed class DepartmentGoalRecord
{
    public int Id { get; set; }
    public int BudgetUnitId { get; set; }
    public int FiscalYear { get; set; }
    public int Order { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public string? Indicators { get; set; }
}

public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public string? UserName { get; set; }
    public string Entity { get; set; } = "";
    public string? EntityKey { get; set; }
    public string Action { get; set; } = "";     // Added / Modified / Deleted
    public string Changes { get; set; } = "";    // JSON: property → [old, new]
}
