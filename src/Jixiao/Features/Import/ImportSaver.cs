using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Features.Projects;
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
// (the old form is kept as a version) or to keep both; while any is undecided nothing is staged.
// Everything is only staged here: the caller commits it, with its import record, through
// ProjectStore.CommitAsync in one transaction.
public static class ImportSaver
{
    public static async Task<SaveOutcome> SaveAsync(JixiaoDb db, FormDocument doc, BudgetUnit unit, int year,
        Func<string, DuplicateChoice> choiceFor, string? userName, string? sourceFile, ImportRecord? record = null)
    {
        var existing = await db.Projects.AsSplitQuery().Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .Where(p => p.BudgetUnitId == unit.Id && p.FiscalYear == year).ToListAsync();
        var outcome = new SaveOutcome([], [], []);
        var plan = new List<(ProjectForm Form, Project? Old, DuplicateChoice Choice)>();
        foreach (var form in doc.Projects)
        {
            var key = ProjectIdentity.NameKey(form.Name);
            var old = existing.Where(p => p.NameKey == key || (form.Code != null && p.Form.Code == form.Code))
                .OrderBy(p => p.Copy).FirstOrDefault();
            var choice = old == null ? DuplicateChoice.KeepBoth : choiceFor(form.Name);
            if (choice == DuplicateChoice.Ask) outcome.Conflicts.Add(form.Name);
            else plan.Add((form, old, choice));
        }
        if (!outcome.Saved) return outcome;

        // The profile the document was read with stays the project's, whatever its unit's region.
        var profile = ReviewProfiles.For(doc);
        var reason = "导入：" + sourceFile;
        var copies = new Dictionary<string, int>();
        foreach (var (form, old, choice) in plan)
        {
            if (old != null && choice == DuplicateChoice.Replace)
            {
                ProjectStore.Replace(db, old, form, old.Version, userName, "导入替换：" + sourceFile);
                old.SourceFile = sourceFile;
                old.SourceImport = record;
                old.ReviewProfileId = profile.Id;
                old.FrameworkId = profile.Framework;
                outcome.Replaced.Add(form.Name);
                continue;
            }
            var key = ProjectIdentity.NameKey(form.Name);
            var copy = copies.TryGetValue(key, out var taken) ? taken + 1
                : existing.Where(p => p.NameKey == key).Select(p => p.Copy + 1).DefaultIfEmpty(0).Max();
            copies[key] = copy;
            var project = ProjectStore.Create(db, unit, year, form, profile, userName, reason, copy);
            project.SourceFile = sourceFile;
            project.SourceImport = record;
            outcome.Created.Add(form.Name);
        }

        if (doc.DepartmentGoals.Count > 0)
        {
            db.DepartmentGoals.RemoveRange(await db.DepartmentGoals.Where(g => g.BudgetUnitId == unit.Id && g.FiscalYear == year).ToListAsync());
            db.DepartmentGoals.AddRange(doc.DepartmentGoals.Select((g, i) => new DepartmentGoalRecord
            {
                BudgetUnitId = unit.Id, FiscalYear = year, Order = i, Title = g.Title, Goal = g.Goal, Indicators = g.Indicators,
            }));
        }
        db.DeclarationForms.Add(new DeclarationForm
        {
            BudgetUnitId = unit.Id, FiscalYear = year, Utc = DateTime.UtcNow, SourceFile = sourceFile, Layout = doc.Source.Layout,
            Sections = doc.Sections, People = doc.Unit.People, UnitFunding = doc.Unit.Funding, Warnings = doc.Warnings,
        });
        unit.Code ??= doc.Unit.Code;
        unit.Functions ??= doc.Unit.Functions;
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
