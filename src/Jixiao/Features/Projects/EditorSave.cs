using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

// Who may write with the editor: a unit's own preparer or head, on its drafts and returned projects.
public static class EditorAccess
{
    public static bool MayWrite(ClaimsPrincipal user, int unitId) =>
        (user.IsInRole(Roles.Preparer) || user.IsInRole(Roles.UnitHead))
        && user.FindFirstValue(UserClaims.Unit) == unitId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool MayEdit(ClaimsPrincipal user, Project project) =>
        MayWrite(user, project.BudgetUnitId) && project.Status is ProjectStatus.Draft or ProjectStatus.Returned;
}

public enum EditorSaveStatus { Saved, Conflict, Duplicate }

// The editor's one write: a new project or a replaced form, staged and saved in one SaveChanges.
// Kept in this one place so it becomes ProjectStore.Create/Replace + CommitAsync when that lands.
public static class EditorSave
{
    public static async Task<(EditorSaveStatus Status, Project? Project)> CreateAsync(
        JixiaoDb db, BudgetUnit unit, int year, ProjectForm form, string frameworkId, string? userName, string reason)
    {
        var name = form.Name;
        if (await db.Projects.AnyAsync(p => p.BudgetUnitId == unit.Id && p.FiscalYear == year && p.Form.Name == name))
            return (EditorSaveStatus.Duplicate, null);
        var now = DateTime.UtcNow;
        var project = new Project
        {
            BudgetUnitId = unit.Id, FiscalYear = year, FrameworkId = frameworkId, SourceFile = null,
            CreatedUtc = now, UpdatedUtc = now, Form = form,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return (EditorSaveStatus.Saved, project);
    }

    public static async Task<EditorSaveStatus> ReplaceAsync(
        JixiaoDb db, Project project, ProjectForm form, int expectedVersion, string? userName, string reason)
    {
        if (project.Version != expectedVersion) return EditorSaveStatus.Conflict;
        var now = DateTime.UtcNow;
        db.ProjectVersions.Add(new ProjectVersion
        {
            ProjectId = project.Id, Version = project.Version, Utc = now, UserName = userName, Reason = reason,
            FormJson = JsonSerializer.Serialize(project.Form, Interchange.Json),
        });
        // The editor has no self-evaluation part: what a stored form has there is kept.
        if (form.SelfEvaluation == null && project.Form.SelfEvaluation is { } kept)
            form.SelfEvaluation = JsonSerializer.Deserialize<SelfEvaluation>(JsonSerializer.Serialize(kept, Interchange.Json), Interchange.Json);
        project.Form = form;
        project.Version++;
        project.UpdatedUtc = now;
        try
        {
            await db.SaveChangesAsync();
            return EditorSaveStatus.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditorSaveStatus.Conflict;
        }
    }
}
