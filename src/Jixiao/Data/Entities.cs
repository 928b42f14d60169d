using Jixiao.Domain;
using Jixiao.Domain.Review;
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
    public string NameInitials { get; set; } = "";   // 信访局 → xfj, kept by JixiaoDb on every save, for search
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


// A stored project: who owns it and where it is in the cycle, around the form itself
// (the interchange model, mapped as owned types so the database holds exactly what the form holds).
// Its identity is unit, year, name and copy number: a second project of the same name in a unit's
// year exists only as a numbered copy (保留两份), so concurrent saves can never duplicate it.
public sealed class Project
{
    public int Id { get; set; }
    public int BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    public int FiscalYear { get; set; }
    public string NameKey { get; set; } = "";    // the form's name, normalised: kept by JixiaoDb on every save
    public int Copy { get; set; }                 // 0, or 1, 2 … for the projects kept beside one of the same name
    public ProjectStatus Status { get; set; }
    // The version that was last approved and stays in force while an adjustment (调整) goes through review.
    public int? ApprovedVersion { get; set; }
    // Shown on the public page (/Public) though not yet approved: set by a 财政审核 user (audited).
    public bool MadePublic { get; set; }
    public string? FrameworkId { get; set; }
    public string? ReviewProfileId { get; set; } // the profile the form was read and is reviewed under
    public string? SourceFile { get; set; }
    public int? SourceImportId { get; set; }      // the upload the current form came from, downloadable
    public ImportRecord? SourceImport { get; set; }
    public int Version { get; set; } = 1;        // application-managed concurrency token
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedBy { get; set; }       // who wrote the current version
    public string? ChangeReason { get; set; }    // and why: 新建, 导入：file, 在线编辑 …
    public ProjectForm Form { get; set; } = new();
    // The automatic review of the current version, stored with it so that lists never re-review.
    public int? QualityScore { get; set; }
    public List<StoredFinding> Findings { get; set; } = [];
    // What the search index reads (Data/SearchIndex.cs), derived from the form by JixiaoDb on every save:
    // name and code, the name's pinyin initials, the goals, the indicators' names with their initials.
    public ProjectSearch Search { get; set; } = new();
}

public sealed class ProjectSearch
{
    public string Name { get; set; } = "";
    public string Initials { get; set; } = "";
    public string Goals { get; set; } = "";
    public string Indicators { get; set; } = "";

    public static ProjectSearch Of(ProjectForm form) => new()
    {
        Name = SearchText.Tokens(form.Name, " ", form.Code),
        Initials = SearchText.InitialTokens(form.Name),
        Goals = SearchText.Tokens(form.LongTermGoal, " ", form.AnnualGoal),
        Indicators = string.Join(" ", form.Indicators.Select(i => SearchText.Tokens(i.Name) + " " + SearchText.InitialTokens(i.Name))).Trim(),
    };

    // Assigned property by property: an unchanged text leaves the row unchanged.
    public void Keep(ProjectForm form)
    {
        var now = Of(form);
        if (Name != now.Name) Name = now.Name;
        if (Initials != now.Initials) Initials = now.Initials;
        if (Goals != now.Goals) Goals = now.Goals;
        if (Indicators != now.Indicators) Indicators = now.Indicators;
    }
}

// One finding of a project's stored review, pointing at its row by id.
public sealed class StoredFinding
{
    public string Rule { get; set; } = "";
    public Severity Severity { get; set; }
    public Guid? RowId { get; set; }
    public string? Indicator { get; set; }
    public string? Field { get; set; }
    public string Message { get; set; } = "";
    public string Suggestion { get; set; } = "";
    public string Basis { get; set; } = "";

    public static StoredFinding From(Finding f) => new()
    {
        Rule = f.Rule, Severity = f.Severity, RowId = f.RowId, Indicator = f.Indicator, Field = f.Field,
        Message = f.Message, Suggestion = f.Suggestion, Basis = f.Basis,
    };

    public Finding ToFinding(string? project) =>
        new(Rule, Severity, project, Indicator, Field, Message, Suggestion, Basis) { RowId = RowId };
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
    public string? Hash { get; set; }            // SHA-256 chain: see AuditChain
}

// A form as it was before a replacing import or an edit, with who wrote it, why and its review:
// the project's history. The current version lives on the project itself.
public sealed class ProjectVersion
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Version { get; set; }
    public DateTime Utc { get; set; }
    public string? UserName { get; set; }
    public string Reason { get; set; } = "";
    public ProjectStatus Status { get; set; }
    public string FormJson { get; set; } = "";   // the interchange ProjectForm, with its row ids
    public int? QualityScore { get; set; }
    public string FindingsJson { get; set; } = "[]";
}

public enum ImportOutcome { Failed, Previewed, Saved }

// Every uploaded or imported file is kept, with who, when and what came of it.
public sealed class ImportRecord
{
    public int Id { get; set; }
    public DateTime Utc { get; set; }
    public string? UserName { get; set; }
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public ImportOutcome Outcome { get; set; }
    public string? Error { get; set; }
    public string? DocumentJson { get; set; }    // the interchange document read from the file
    public int? BudgetUnitId { get; set; }
    public int? FiscalYear { get; set; }
    public string? Result { get; set; }          // what saving did, in words
}

// What a declaration document says of the unit as a whole, beyond its projects: the labelled texts
// (summary sentence, 工作保障措施, cover fields), the people it names, the unit's own totals and what the
// importer could not place. One per saved import; the latest for a unit and year is the current one.
public sealed class DeclarationForm
{
    public int Id { get; set; }
    public int BudgetUnitId { get; set; }
    public int FiscalYear { get; set; }
    public DateTime Utc { get; set; }
    public string? SourceFile { get; set; }
    public string? Layout { get; set; }
    public Dictionary<string, string> Sections { get; set; } = [];
    public List<Person> People { get; set; } = [];
    public Funding? UnitFunding { get; set; }
    public List<ImportWarning> Warnings { get; set; } = [];
}

// One step of the review chain: who moved the project from one status to the next, when, with what
// comment and, for a reviewer, which conclusion (and the 四性 ratings behind it, as JSON).
public sealed class ProjectStep
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Version { get; set; }               // the version the step produced
    public string Action { get; set; } = "";       // submit, approve, return, adjust
    public ProjectStatus From { get; set; }
    public ProjectStatus To { get; set; }
    public DateTime Utc { get; set; }
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Comment { get; set; }
    public string? Conclusion { get; set; }        // 优 / 良 / 中 / 差
    public string? ChecklistJson { get; set; }
}

// A reviewer's comment on a version of a project: on the whole form, on a field, or on one row (by row id),
// with the preparer's answer and whether it is settled.
public sealed class ReviewComment
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Version { get; set; }
    public Guid? RowId { get; set; }
    public string? Field { get; set; }
    public string Text { get; set; } = "";
    public string? Author { get; set; }
    public string? AuthorName { get; set; }
    public DateTime Utc { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredUtc { get; set; }
    public bool Resolved { get; set; }
    public string? ResolvedBy { get; set; }
}
