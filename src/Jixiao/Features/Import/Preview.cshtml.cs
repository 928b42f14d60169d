using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
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

    [BindProperty] public int UnitId { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public Dictionary<string, DuplicateChoice> Choices { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Year = Document?.FiscalYear ?? DateTime.Today.Year;
        UnitId = await GuessUnitAsync();
        await FindExistingAsync();
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
        var outcome = await ImportSaver.SaveAsync(db, Document, unit, Year,
            name => Choices.GetValueOrDefault(name, DuplicateChoice.Ask), User.Identity!.Name, Record.FileName);
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
        await db.SaveChangesAsync();
        return Redirect($"/?year={Year}");
    }

    // Uploads are private to whoever uploaded them.
    async Task<bool> LoadAsync(int id)
    {
        var user = User.Identity!.Name;
        var record = await db.ImportRecords.FirstOrDefaultAsync(r => r.Id == id && r.UserName == user);
        if (record == null) return false;
        Record = record;
        if (record.DocumentJson != null) Document = JsonSerializer.Deserialize<FormDocument>(record.DocumentJson, Interchange.Json);
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

    async Task FindExistingAsync()
    {
        if (Document == null) return;
        var names = Document.Projects.Select(p => p.Name).ToList();
        Existing = await db.Projects.Where(p => p.BudgetUnitId == UnitId && p.FiscalYear == Year && names.Contains(p.Form.Name))
            .Select(p => p.Form.Name).Distinct().ToListAsync();
    }
}
