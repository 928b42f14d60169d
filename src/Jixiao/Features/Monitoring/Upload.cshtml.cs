using System.Security.Cryptography;
using Jixiao.Data;
using Jixiao.Features.Import;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Monitoring;

// A filled template comes in as a dry run: every sheet is read and checked, errors named by sheet and
// cell, nothing saved. The file is kept (ImportRecord, with who and when); saving applies it in one
// transaction. Projects without missing entries may be submitted at once.
public sealed class UploadModel(JixiaoDb db, UploadLimits limits, UploadGate gate) : PageModel
{
    public sealed record ProjectResult(int ProjectId, string Name, string Sheet, string Light, List<string> Missing, List<string> Warnings);

    public MonitoringRound Round { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public int Unit { get; private set; }
    public int? Record { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public List<ProjectResult> Results { get; private set; } = [];
    public List<string> Skipped { get; private set; } = [];
    public string? Lock { get; private set; }
    [TempData] public string? Message { get; set; }

    async Task<IActionResult?> Load(int id, int unit)
    {
        var round = await Monitor.RoundsVisibleTo(db, User).Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == id);
        var part = round?.Units.FirstOrDefault(u => u.BudgetUnitId == unit);
        if (round is null || part is null) return NotFound();
        var name = await db.BudgetUnits.WritableBy(User).Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync();
        if (name is null) return await db.BudgetUnits.VisibleTo(User).AnyAsync(u => u.Id == unit) ? Forbid() : NotFound();
        (Round, UnitName, Unit, Lock) = (round, name, unit, Monitor.LockReason(part));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int unit) => await Load(id, unit) ?? Page();

    public async Task<IActionResult> OnPostCheckAsync(int id, int unit, IFormFile? file, CancellationToken ct)
    {
        if (await Load(id, unit) is { } missing) return missing;
        if (Lock is not null) { Errors.Add(Lock); return Page(); }
        if (file is null || file.Length == 0) { Errors.Add("请选择填好的Excel模板（.xlsx）"); return Page(); }
        var name = UploadNames.Display(file.FileName);
        if (file.Length > limits.MaxFileBytes) { Errors.Add($"文件“{name}”超过 {limits.MaxFileMegabytes} MB 的上限"); return Page(); }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var record = new ImportRecord
        {
            Utc = DateTime.UtcNow, UserName = User.Identity?.Name, FileName = name, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes, Outcome = ImportOutcome.Previewed,
            BudgetUnitId = unit, FiscalYear = Round.FiscalYear,
        };
        var ok = await Apply(bytes, name, save: false, submit: false, ct);
        record.Outcome = ok ? ImportOutcome.Previewed : ImportOutcome.Failed;
        record.Error = ok ? null : string.Join("\n", Errors.Take(20));
        record.Result = ok ? $"监控模板试导入：{Results.Count} 个项目" : null;
        db.ChangeTracker.Clear();   // the dry run changed tracked reports: none of it is kept
        db.ImportRecords.Add(record);
        await db.SaveChangesAsync(ct);
        if (ok) Record = record.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int unit, int record, bool submit, CancellationToken ct)
    {
        if (await Load(id, unit) is { } missing) return missing;
        if (Lock is not null) { Errors.Add(Lock); return Page(); }
        var stored = await db.ImportRecords.FirstOrDefaultAsync(r => r.Id == record && r.BudgetUnitId == unit
            && r.UserName == User.Identity!.Name && r.Outcome == ImportOutcome.Previewed, ct);
        if (stored is null) return NotFound();
        if (!await Apply(stored.Content, stored.FileName, save: true, submit, ct) || Results.Count == 0) return Page();
        stored.Outcome = ImportOutcome.Saved;
        var submitted = Results.Count(r => r.Missing.Count == 0);
        stored.Result = $"监控模板导入：保存 {Results.Count} 个项目" + (submit ? $"，提交 {submitted} 个" : "");
        var saved = await Projects.ProjectStore.CommitAsync(db, ct);
        Message = saved.Saved ? stored.Result + (submit && submitted < Results.Count ? $"；{Results.Count - submitted} 个项目尚有缺项，已保存未提交" : "")
            : "监控表已被他人同时修改，模板内容未保存：请重新上传";
        return RedirectToPage("Round", new { id });
    }

    // Reads the workbook and puts each sheet into its project's report; with save the reports stay
    // tracked for the caller's commit. False when anything is wrong: then nothing may be saved.
    async Task<bool> Apply(byte[] bytes, string name, bool save, bool submit, CancellationToken ct)
    {
        MonitoringWorkbook.ReadResult read;
        try { read = await gate.RunAsync(() => MonitoringWorkbook.Read(new MemoryStream(bytes), name, Round.Id), ct, bytes.Length); }
        catch (FormReadException e) { Errors.Add(e.Message); return false; }
        catch (Exception e) when (e is InvalidDataException or System.IO.FileFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        { Errors.Add($"文件“{name}”不是有效的Excel（.xlsx）文件，请用本系统下载的模板填写后上传"); return false; }
        Errors.AddRange(read.Errors);
        var monitored = await Monitor.Monitored(db, Round, Unit)
            .AsSplitQuery().ToListAsync(ct);
        var reports = await db.MonitoringReports.Include(r => r.Rows).Where(r => r.RoundId == Round.Id && r.BudgetUnitId == Unit).ToListAsync(ct);
        foreach (var sheet in read.Sheets)
        {
            var project = monitored.FirstOrDefault(p => p.Id == sheet.ProjectId);
            if (project is null) { Errors.Add($"{sheet.Sheet}!A1：此工作表的项目不在本单位本轮监控范围内"); continue; }
            var form = await Monitor.FormInForce(db, project);
            var ids = form.Indicators.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
            foreach (var row in sheet.Rows.Where(r => !ids.Contains(r.Id)))
                Errors.Add($"{sheet.Sheet}!A{row.Line}：此行的指标已不在项目中（可能已被删除），请删去此行或重新下载模板");
            var report = reports.FirstOrDefault(r => r.ProjectId == project.Id);
            // A project already submitted keeps what was submitted: its sheet is left out, and the page says so.
            if (report?.Status == ReportStatus.Submitted)
            { Skipped.Add($"{sheet.Sheet}：项目“{form.Name}”已提交，本表未导入；如需修改请主管部门退回"); continue; }
            report ??= new MonitoringReport { RoundId = Round.Id, ProjectId = project.Id, BudgetUnitId = Unit, Status = ReportStatus.Draft };
            var input = new ReportInput
            {
                Spent = sheet.Spent, Cause = sheet.Cause, CauseText = sheet.CauseText, Measures = sheet.Measures,
                Rows = sheet.Rows.Select(r => new RowInput
                {
                    IndicatorId = r.Id, Value = r.Value, Expected = r.Expected, Likelihood = r.Likelihood,
                    Cause = r.Cause, CauseText = r.CauseText, Measures = r.Measures,
                }).ToList(),
            };
            Monitor.Apply(report, input, form, Round);
            var (missing, warnings) = Monitor.Check(report, form, Round);
            var lines = sheet.Rows.ToDictionary(r => r.Id, r => r.Line);
            string Cell(Located l) => l.RowId is Guid rowId
                ? (lines.TryGetValue(rowId, out var line) ? $"{sheet.Sheet}!{MonitoringWorkbook.Columns.GetValueOrDefault(l.Field, "A")}{line}" : $"{sheet.Sheet}（{l.Where}，模板中缺少此行）")
                : $"{sheet.Sheet}!{MonitoringWorkbook.BudgetCells.GetValueOrDefault(l.Field, MonitoringWorkbook.SpentCell)}";
            Results.Add(new ProjectResult(project.Id, form.Name, sheet.Sheet, Monitor.LightLabel(report.Light),
                missing.Select(m => $"{Cell(m)}：{m.Message}").ToList(), warnings.Select(w => $"{Cell(w)}：{w.Message}").ToList()));
            if (!save) continue;
            if (submit && missing.Count == 0) { report.Status = ReportStatus.Submitted; report.ReturnComment = null; }
            report.UpdatedUtc = DateTime.UtcNow;
            report.UpdatedBy = User.Identity?.Name;
            if (report.Id == 0) db.MonitoringReports.Add(report); else report.Version++;
        }
        return Errors.Count == 0;
    }
}
