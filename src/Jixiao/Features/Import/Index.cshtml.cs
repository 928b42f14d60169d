using System.Text.Json;
using Jixiao.Data;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Import;

// Upload: each file is read at once (a dry run) and kept, whatever came of it; the preview page
// then shows the form and its warnings and saves it only when the user confirms.
[RequestSizeLimit(MaxUpload), RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class IndexModel(JixiaoDb db) : PageModel
{
    const long MaxUpload = 60 * 1024 * 1024;

    public List<ImportRecord> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var user = User.Identity!.Name;
        Recent = await db.ImportRecords.Where(r => r.UserName == user)
            .OrderByDescending(r => r.Id).Take(20)
            .Select(r => new ImportRecord { Id = r.Id, Utc = r.Utc, FileName = r.FileName, Outcome = r.Outcome, Error = r.Error, Result = r.Result })
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file == null || file.Length == 0)
            return new JsonResult(new { ok = false, error = "没有收到文件，或文件为空" });
        var fileName = Path.GetFileName(file.FileName) is { Length: > 0 } n ? n : "未命名文件";
        // Under its own name in a private folder, so that every message names the file the user chose.
        var folder = Directory.CreateTempSubdirectory("jixiao-upload-").FullName;
        var temp = Path.Combine(folder, fileName);
        try
        {
            await using (var stream = System.IO.File.Create(temp)) await file.CopyToAsync(stream);
            var content = await System.IO.File.ReadAllBytesAsync(temp);
            var record = ImportSaver.Keep(fileName, content, User.Identity!.Name);
            try
            {
                var document = DocumentReader.Read(temp, fileName);
                record.DocumentJson = JsonSerializer.Serialize(document, Interchange.Json);
                record.Outcome = ImportOutcome.Previewed;
                record.Result = $"读出 {document.Projects.Count} 个项目、{document.Projects.Sum(p => p.Indicators.Count)} 条指标，{document.Warnings.Count} 条提示";
            }
            catch (FormReadException e)
            {
                record.Outcome = ImportOutcome.Failed;
                record.Error = e.Message;
            }
            db.ImportRecords.Add(record);
            await db.SaveChangesAsync();
            return new JsonResult(new
            {
                ok = record.Outcome == ImportOutcome.Previewed, id = record.Id, file = fileName,
                error = record.Error, result = record.Result, preview = $"/Import/{record.Id}",
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static string Describe(ImportOutcome o) => o switch
    {
        ImportOutcome.Failed => "无法读取",
        ImportOutcome.Previewed => "待确认",
        ImportOutcome.Saved => "已保存",
        _ => o.ToString(),
    };
}
