using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

public enum EditorSaveStatus { Saved, Conflict, Duplicate }

// The editor's writes, through the one write path (ProjectStore): staged, then committed in one transaction.
public static class EditorSave
{
    public static async Task<(EditorSaveStatus Status, Project? Project)> CreateAsync(
        JixiaoDb db, BudgetUnit unit, int year, ProjectForm form, ReviewProfile profile, string? userName, string reason)
    {
        // Told at the name field before trying; a save racing this one is caught by the commit.
        var key = ProjectIdentity.NameKey(form.Name);
        if (await db.Projects.AnyAsync(p => p.BudgetUnitId == unit.Id && p.FiscalYear == year && p.NameKey == key))
            return (EditorSaveStatus.Duplicate, null);
        var project = ProjectStore.Create(db, unit, year, form, profile, userName, reason);
        var result = await ProjectStore.CommitAsync(db);
        return result.Saved ? (EditorSaveStatus.Saved, project) : (EditorSaveStatus.Duplicate, null);
    }

    public static async Task<EditorSaveStatus> ReplaceAsync(
        JixiaoDb db, Project project, ProjectForm form, int expectedVersion, string? userName, string reason)
    {
        // The editor has no self-evaluation part: what a stored form has there is kept.
        if (form.SelfEvaluation == null && project.Form.SelfEvaluation is { } kept)
            form.SelfEvaluation = JsonSerializer.Deserialize<SelfEvaluation>(JsonSerializer.Serialize(kept, Interchange.Json), Interchange.Json);
        if (!ProjectStore.Replace(db, project, form, expectedVersion, userName, reason).Saved) return EditorSaveStatus.Conflict;
        return (await ProjectStore.CommitAsync(db)).Saved ? EditorSaveStatus.Saved : EditorSaveStatus.Conflict;
    }
}
