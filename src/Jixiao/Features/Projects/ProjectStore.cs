using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

public sealed record SaveResult(bool Saved, string? Conflict)
{
    public static readonly SaveResult Ok = new(true, null);
}

// The one way a project's form is written, whether by import, the editor or the API. Create and Replace
// stage the change (the form, its review, the previous version); CommitAsync writes everything staged in
// one transaction and turns a lost race (a stale version, a second project of the same name) into a
// conflict the user can act on.
public static class ProjectStore
{
    public static Project Create(JixiaoDb db, BudgetUnit unit, int year, ProjectForm form, ReviewProfile profile,
        string? userName, string reason, int copy = 0)
    {
        var now = DateTime.UtcNow;
        RowIds.Assign(form);
        var project = new Project
        {
            BudgetUnit = unit, BudgetUnitId = unit.Id, FiscalYear = year, Copy = copy,
            NameKey = ProjectIdentity.NameKey(form.Name),
            FrameworkId = profile.Framework, ReviewProfileId = profile.Id,
            CreatedUtc = now, UpdatedUtc = now, UpdatedBy = userName, ChangeReason = reason, Form = form,
        };
        StoreReview(project);
        db.Projects.Add(project);
        return project;
    }

    // The project must be tracked with its unit loaded. The previous form is kept as a version with the
    // review it had; the new form keeps the row ids of the rows it replaces.
    public static SaveResult Replace(JixiaoDb db, Project project, ProjectForm form, int expectedVersion,
        string? userName, string reason)
    {
        if (project.Version != expectedVersion)
            return new SaveResult(false, $"项目“{project.Form.Name}”已被他人修改（当前第 {project.Version} 版，您编辑的是第 {expectedVersion} 版）");
        var now = DateTime.UtcNow;
        KeepVersion(db, project);
        RowIds.Assign(form, project.Form);
        project.Form = form;
        project.Version = expectedVersion + 1;
        project.UpdatedUtc = now;
        project.UpdatedBy = userName;
        project.ChangeReason = reason;
        StoreReview(project);
        return SaveResult.Ok;
    }

    // The project's current state (form, status, who and why, its review) kept as a version before it changes.
    public static void KeepVersion(JixiaoDb db, Project project)
    {
        db.InFormOrder(project);
        db.ProjectVersions.Add(new ProjectVersion
        {
            ProjectId = project.Id, Version = project.Version, Utc = project.UpdatedUtc, UserName = project.UpdatedBy,
            Reason = project.ChangeReason ?? "", Status = project.Status,
            FormJson = JsonSerializer.Serialize(project.Form, Interchange.Json),
            QualityScore = project.QualityScore,
            FindingsJson = JsonSerializer.Serialize(project.Findings, Interchange.Json),
        });
    }

    static void StoreReview(Project project)
    {
        var report = StoredReview.Review(project);
        project.QualityScore = report.Score;
        project.Findings = report.Findings.Select(StoredFinding.From).ToList();
    }

    public static async Task<SaveResult> CommitAsync(JixiaoDb db, CancellationToken ct = default)
    {
        // One transaction, begun by the AuditInterceptor once it has recorded the changes, so that the
        // database is held only for the writing: the rows and their audit entries commit together.
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(false, "项目已被他人同时修改，您的内容未保存：请刷新后查看最新版本再修改");
        }
        catch (DbUpdateException e) when (IsDuplicate(e))
        {
            return new SaveResult(false, "同一单位同一年度已有同名项目（可能刚被他人保存），您的内容未保存：请刷新后选择替换为新版本或保留两份");
        }
    }

    static bool IsDuplicate(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555, // UNIQUE, PRIMARY KEY
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    // The copy number for one more project of a name already in the unit's year.
    public static async Task<int> NextCopyAsync(JixiaoDb db, int unitId, int year, string name)
    {
        var key = ProjectIdentity.NameKey(name);
        var copies = await db.Projects.Where(p => p.BudgetUnitId == unitId && p.FiscalYear == year && p.NameKey == key)
            .Select(p => (int?)p.Copy).MaxAsync();
        return copies is int c ? c + 1 : 0;
    }
}
