using System.Security.Cryptography;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Features.Import;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Ledger;

// 信访事项台账: the ledgers the user may see, and for a unit's own people the upload. An upload is read
// at once (a dry run: located errors and the figures) and kept with its file; it counts only once confirmed.
public sealed class IndexModel(JixiaoDb db, UploadLimits limits, UploadGate gate) : PageModel
{
    public sealed record Saved(int UnitId, string Unit, int Year, string FileName, DateTime Utc, string? By, int Cases, int NotCounted);

    public List<SelectListItem> Units { get; private set; } = [];
    public List<Saved> Ledgers { get; private set; } = [];
    public List<PetitionLedgerRecord> Recent { get; private set; } = [];
    public string? Message { get; private set; }
    public UploadLimits Limits => limits;

    [BindProperty] public int UnitId { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public IFormFile? LedgerFile { get; set; }

    static readonly string[] Kinds = [".xlsx", ".xls", ".csv", ".txt", ".tsv"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = LedgerQueries.AsOf(9999, DateTime.UtcNow).Year;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = await db.BudgetUnits.WritableBy(User).FirstOrDefaultAsync(u => u.Id == UnitId, ct);
        Message = unit == null ? "请选择本单位：只有本单位的填报人或单位负责人可以上传台账"
            : Year is not (>= 2000 and <= 2100) ? (Year == null ? "请填写年度" : $"年度“{Year}”不正确，请填写 2000 至 2100 之间的年份")
            : LedgerFile == null || LedgerFile.Length == 0 ? "请选择台账文件（.xlsx、.xls 或 .csv）"
            : null;
        if (Message == null && LedgerFile!.Length > limits.MaxFileBytes)
            Message = $"文件“{UploadNames.Display(LedgerFile.FileName)}”大小为 {UploadLimits.Megabytes(LedgerFile.Length)}，超过每个文件 {limits.MaxFileMegabytes} MB 的上限";
        var display = UploadNames.Display(LedgerFile?.FileName);
        var kind = Path.GetExtension(display).ToLowerInvariant();
        if (Message == null && !Kinds.Contains(kind))
            Message = $"文件“{display}”不是台账表格：请上传 Excel（.xlsx、.xls）或 CSV 文件";
        if (Message != null)
        {
            await LoadAsync(ct);
            return Page();
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await LedgerFile!.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var record = new PetitionLedgerRecord
        {
            BudgetUnitId = unit!.Id, Year = Year!.Value, Utc = DateTime.UtcNow, UserName = User.Identity!.Name,
            FileName = display, Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes,
        };
        var folder = Directory.CreateTempSubdirectory("jixiao-ledger-").FullName;
        try
        {
            var path = Path.Combine(folder, "ledger" + kind);
            await System.IO.File.WriteAllBytesAsync(path, bytes, ct);
            var reading = await gate.RunAsync(() => LedgerReader.Read(path, display), ct, bytes.Length);
            record.Outcome = LedgerOutcome.Previewed;
            record.ErrorsJson = JsonSerializer.Serialize(reading.Errors);
            record.RowsNotCounted = reading.RowsNotCounted;
            record.Columns = string.Join("、", reading.Columns);
            record.Cases = reading.Cases.Select(PetitionLedgerCase.From).ToList();
        }
        catch (FormReadException e)
        {
            record.Outcome = LedgerOutcome.Failed;
            record.Error = e.Message;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        db.PetitionLedgers.Add(record);
        await db.SaveChangesAsync(ct);
        if (record.Outcome == LedgerOutcome.Failed)
        {
            Message = record.Error;
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/Ledger/Preview/{record.Id}");
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Units = await db.BudgetUnits.WritableBy(User).OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(ct);
        var visible = db.BudgetUnits.VisibleTo(User).Select(u => u.Id);
        var saved = await db.PetitionLedgers.AsNoTracking()
            .Where(l => l.Outcome == LedgerOutcome.Saved && visible.Contains(l.BudgetUnitId))
            .Select(l => new { l.Id, l.BudgetUnitId, Unit = l.BudgetUnit!.Name, l.Year, l.FileName, l.SavedUtc, l.SavedBy, Cases = l.Cases.Count, l.RowsNotCounted })
            .ToListAsync(ct);
        // The current ledger of each unit and year: the latest saved.
        Ledgers = saved.GroupBy(l => (l.BudgetUnitId, l.Year))
            .Select(g => g.OrderByDescending(l => l.SavedUtc).ThenByDescending(l => l.Id).First())
            .OrderByDescending(l => l.Year).ThenBy(l => l.Unit)
            .Select(l => new Saved(l.BudgetUnitId, l.Unit, l.Year, l.FileName, l.SavedUtc ?? default, l.SavedBy, l.Cases, l.RowsNotCounted))
            .ToList();
        var user = User.Identity!.Name;
        Recent = await db.PetitionLedgers.AsNoTracking().Where(l => l.UserName == user).OrderByDescending(l => l.Id).Take(10)
            .Select(l => new PetitionLedgerRecord { Id = l.Id, Utc = l.Utc, FileName = l.FileName, Year = l.Year, Outcome = l.Outcome, Error = l.Error, BudgetUnitId = l.BudgetUnitId })
            .ToListAsync(ct);
        if (UnitId == 0 && int.TryParse(Units.FirstOrDefault()?.Value, out var first)) UnitId = first;
    }
}
