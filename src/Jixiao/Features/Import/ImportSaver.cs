using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Import;

public enum DuplicateChoice { Ask, Replace, KeepBoth }

public sealed record SaveOutcome(List<string> Created, List<string> Replaced, List<string> Conflicts)
{
    public bool Saved => Conflicts.Count == 0;

    public string Describe() => Saved
        ? $"新建 {Created.Count} 个项目" + (Replaced.Count > 0 ? $"，替换为新版本 {Replaced.Count} 个：{string.Join("、", Replaced)}" : "")
        : $"以下项目已存在，未导入：{string.Join("、", Conflicts)}（请选择替换为新版本或保留两份）";
}

// Puts the projects of one read document into a unit's fiscal year. A project that already exists
// (same name or code) is never silently duplicated: the caller says, per project, to replace it
// (the old form is kept as a version) or to keep both; while any is undecided nothing is saved.
public static class ImportSaver
{
    public static async Task<SaveOutcome> SaveAsync(JixiaoDb db, FormDocument doc, BudgetUnit unit, int year,
        Func<string, DuplicateChoice> choiceFor, string? userName, string? sourceFile)
    {
        var existing = await db.Projects.AsSplitQuery()
            .Where(p => p.BudgetUnitId == unit.Id && p.FiscalYear == year).ToListAsync();
        var outcome = new SaveOutcome([], [], []);
        var plan = new List<(ProjectForm Form, Project? Old)>();
        foreach (var form in doc.Projects)
        {
            var old = existing.FirstOrDefault(p => p.Form.Name == form.Name || (form.Code != null && p.Form.Code == form.Code));
            var choice = old == null ? DuplicateChoice.KeepBoth : choiceFor(form.Name);
            if (choice == DuplicateChoice.Ask) outcome.Conflicts.Add(form.Name);
            else plan.Add((form, choice == DuplicateChoice.Replace ? old : null));
        }
        if (!outcome.Saved) return outcome;

        var now = DateTime.UtcNow;
        var framework = IndicatorFramework.ChooseDefault(doc.Unit.Name ?? unit.Name, year.ToString()).Id;
        foreach (var (form, old) in plan)
        {
            if (old == null)
            {
                db.Projects.Add(new Project
                {
                    BudgetUnitId = unit.Id, FiscalYear = year, FrameworkId = framework, SourceFile = sourceFile,
                    CreatedUtc = now, UpdatedUtc = now, Form = form,
                });
                outcome.Created.Add(form.Name);
                continue;
            }
            db.ProjectVersions.Add(new ProjectVersion
            {
                ProjectId = old.Id, Version = old.Version, Utc = now, UserName = userName,
                Reason = "导入替换：" + sourceFile,
                FormJson = JsonSerializer.Serialize(db.InFormOrder(old).Form, Interchange.Json),
            });
            old.Form = form;
            old.Version++;
            old.UpdatedUtc = now;
            old.SourceFile = sourceFile;
            outcome.Replaced.Add(form.Name);
        }

        if (doc.DepartmentGoals.Count > 0)
        {
            await db.DepartmentGoals.Where(g => g.BudgetUnitId == unit.Id && g.FiscalYear == year).ExecuteDeleteAsync();
            db.DepartmentGoals.AddRange(doc.DepartmentGoals.Select((g, i) => new DepartmentGoalRecord
            {
                BudgetUnitId = unit.Id, FiscalYear = year, Order = i, Title = g.Title, Goal = g.Goal, Indicators = g.Indicators,
            }));
        }
        db.DeclarationForms.Add(new DeclarationForm
        {
            BudgetUnitId = unit.Id, FiscalYear = year, Utc = now, SourceFile = sourceFile, Layout = doc.Source.Layout,
            Sections = doc.Sections, People = doc.Unit.People, UnitFunding = doc.Unit.Funding, Warnings = doc.Warnings,
        });
        unit.Code ??= doc.Unit.Code;
        unit.Functions ??= doc.Unit.Functions;
        await db.SaveChangesAsync();
        return outcome;
    }

    // Every file that reaches the system is kept as it came, with who and when.
    public static ImportRecord Keep(string fileName, byte[] content, string? userName) => new()
    {
        Utc = DateTime.UtcNow, UserName = userName, FileName = fileName, Size = content.Length,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content,
    };

    // A unit named on the command line by its code or its name.
    public static Task<BudgetUnit?> FindUnitAsync(JixiaoDb db, string codeOrName) =>
        db.BudgetUnits.FirstOrDefaultAsync(u => u.Code == codeOrName || u.Name == codeOrName);
}
