using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Features.Projects;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Import;

public sealed class PreviewModel(JixiaoDb db) : PageModel
{
    public ImportRecord Record { get; private set; } = null!;
    public FormDocument? Document { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public List<string> Existing { get; private set; } = [];
    public string? Message { get; private set; }

    public ReviewReport? Review { get; private set; }
    // The unit the form itself names, when it is not the one chosen: said before saving, and confirmed.
    public string? OtherUnit { get; private set; }

    [BindProperty] public int UnitId { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public bool ConfirmOtherUnit { get; set; }
    [BindProperty] public Dictionary<string, DuplicateChoice> Choices { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // A form that names no year leaves the year to the user: never a silent guess.
        Year = Document?.FiscalYear;
        UnitId = await GuessUnitAsync();
        await FindExistingAsync();
        OtherUnit = await OtherUnitAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id) || Document == null || Record.Outcome != ImportOutcome.Previewed) return NotFound();
        var unit = await db.BudgetUnits.WritableBy(User).FirstOrDefaultAsync(u => u.Id == UnitId);
        if (unit == null)
        {
            Message = "请选择您有权导入的单位";
            return Page();
        }
        if (Year is not (>= 2000 and <= 2100))
        {
            Message = Year == null ? "请填写预算年度" : $"预算年度“{Year}”不正确，请填写 2000 至 2100 之间的年份";
            await FindExistingAsync();
            return Page();
        }
        OtherUnit = await OtherUnitAsync();
        if (OtherUnit != null && !ConfirmOtherUnit)
        {
            Message = $"表中填写的单位是“{OtherUnit}”，与所选的“{unit.Name}”不同：请确认导入到所选单位，或改选单位";
            await FindExistingAsync();
            return Page();
        }
        var outcome = await ImportSaver.SaveAsync(db, Document, unit, Year.Value,
            name => Choices.GetValueOrDefault(name, DuplicateChoice.Ask), User.Identity!.Name, Record.FileName, Record);
        if (!outcome.Saved)
        {
            Message = outcome.Describe();
            await FindExistingAsync();
            return Page();
        }
        Record.Outcome = ImportOutcome.Saved;
        Record.BudgetUnitId = unit.Id;
        Record.FiscalYear = Year;
        Record.Result = outcome.Describe();
        var saved = await ProjectStore.CommitAsync(db);
        if (!saved.Saved)
        {
            Message = saved.Conflict;
            return Page();
        }
        return Redirect($"/?year={Year}");
    }

    // Uploads are private to whoever uploaded them.
    async Task<bool> LoadAsync(int id)
    {
        var user = User.Identity!.Name;
        var record = await db.ImportRecords.FirstOrDefaultAsync(r => r.Id == id && r.UserName == user);
        if (record == null) return false;
        Record = record;
        if (record.DocumentJson != null)
        {
            Document = JsonSerializer.Deserialize<FormDocument>(record.DocumentJson, Interchange.Json)!;
            // The review the form will get once saved, under the profile it was read with.
            foreach (var form in Document.Projects) RowIds.Assign(form);
            Review = Reviewer.Review(Document);
        }
        Units = await db.BudgetUnits.WritableBy(User).OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Name + (u.Code != null ? "（" + u.Code + "）" : ""), u.Id.ToString()))
            .ToListAsync();
        return true;
    }

    async Task<int> GuessUnitAsync()
    {
        var visible = db.BudgetUnits.WritableBy(User);
        var named = Document?.Unit;
        var match = named == null ? null : await visible.FirstOrDefaultAsync(u =>
            (named.Code != null && u.Code == named.Code) || (named.Name != null && u.Name == named.Name));
        return match?.Id ?? (int.TryParse(Units.FirstOrDefault()?.Value, out var first) ? first : 0);
    }

    async Task<string?> OtherUnitAsync()
    {
        var named = Document?.Unit;
        if (named?.Name == null && named?.Code == null) return null;
        var chosen = await db.BudgetUnits.VisibleTo(User).FirstOrDefaultAsync(u => u.Id == UnitId);
        if (chosen == null) return null;
        var same = (named.Code != null && chosen.Code == named.Code)
                   || (named.Name != null && DomainText.Compact(chosen.Name) == DomainText.Compact(named.Name));
        return same ? null : named.Name ?? named.Code;
    }

    async Task FindExistingAsync()
    {
        if (Document == null) return;
        var names = Document.Projects.Select(p => p.Name).ToList();
        var keys = names.Select(ProjectIdentity.NameKey).ToList();
        var existing = await db.Projects.Where(p => p.BudgetUnitId == UnitId && p.FiscalYear == Year && keys.Contains(p.NameKey))
            .Select(p => p.NameKey).Distinct().ToListAsync();
        Existing = names.Where(n => existing.Contains(ProjectIdentity.NameKey(n))).Distinct().ToList();
    }
}
