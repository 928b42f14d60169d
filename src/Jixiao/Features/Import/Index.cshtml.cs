using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Forms;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Jixiao.Features.Import;

// Upload: each file is read at once (a dry run) and kept, whatever came of it; the preview page
// then shows the form and its warnings and saves it only when the user confirms.
// The request body is read part by part straight from the wire (never buffered as a whole form):
// every file is streamed to a generated name on disk while its hash and size are counted, refused by
// name when it breaks a limit (then only its hash and size are kept), and read into a form with at most
// UploadLimits.ConcurrentReads reads at once in the whole server.
public sealed class IndexModel(JixiaoDb db, UploadLimits limits, UploadGate gate) : PageModel
{
    public List<ImportRecord> Recent { get; private set; } = [];
    public UploadLimits Limits => limits;
    // Whether the user may save into any unit: reviewers and administrators may read a file here, never save it,
    // and are told so before they upload (they met an empty unit list only at the preview).
    public bool MaySave { get; private set; }

    public async Task OnGetAsync()
    {
        MaySave = await db.BudgetUnits.WritableBy(User).AnyAsync();
        var user = User.Identity!.Name;
        Recent = await db.ImportRecords.Where(r => r.UserName == user)
            .OrderByDescending(r => r.Id).Take(20)
            .Select(r => new ImportRecord { Id = r.Id, Utc = r.Utc, FileName = r.FileName, Outcome = r.Outcome, Error = r.Error, Result = r.Result })
            .ToListAsync();
    }

    sealed record Answer(ImportRecord Record, bool TooLarge);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Request.ContentLength > limits.MaxRequestBytes) return RequestTooLarge(Request.ContentLength.Value);
        var answers = new List<Answer>();
        var used = await UsedAsync(ct);
        var folder = Directory.CreateTempSubdirectory("jixiao-upload-").FullName;
        try
        {
            await foreach (var (name, body) in FilesAsync(ct))
            {
                var answer = await OneAsync(answers.Count, name, body, folder, used, ct);
                used += answer.Record.Content.Length;
                answers.Add(answer);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return RequestTooLarge(null);
        }
        catch (InvalidDataException)
        {
            return new JsonResult(new { ok = false, error = "上传的内容不完整或格式不对，请重新选择文件上传" }) { StatusCode = 400 };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        if (answers.Count == 0) return new JsonResult(new { ok = false, error = "没有收到文件" });

        db.ImportRecords.AddRange(answers.Select(a => a.Record));
        await db.SaveChangesAsync(ct);
        var files = answers.Select(a => new
        {
            ok = a.Record.Outcome == ImportOutcome.Previewed, id = a.Record.Id, file = a.Record.FileName,
            error = a.Record.Error, result = a.Record.Result, preview = $"/Import/{a.Record.Id}",
        }).ToList();
        var first = files[0];
        return new JsonResult(new
        {
            first.ok, first.id, first.file, first.error, first.result, first.preview, files,
            maxFileBytes = limits.MaxFileBytes,
        })
        // Nothing could be taken because everything was too large: say so with the status too.
        { StatusCode = answers.All(a => a.TooLarge) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status200OK };
    }

    JsonResult RequestTooLarge(long? size) => new(new
    {
        ok = false,
        error = (size is long s ? $"本次上传共 {UploadLimits.Megabytes(s)}，" : "本次上传") +
                $"超过每次 {limits.MaxRequestMegabytes} MB 的上限（每个文件不超过 {limits.MaxFileMegabytes} MB）；请删去无关内容或分批上传",
        maxFileBytes = limits.MaxFileBytes,
    }) { StatusCode = StatusCodes.Status413PayloadTooLarge };

    async Task<Answer> OneAsync(int index, string original, Stream body, string folder, long used, CancellationToken ct)
    {
        var display = UploadNames.Display(original);
        var record = new ImportRecord { Utc = DateTime.UtcNow, UserName = User.Identity!.Name, FileName = display, Outcome = ImportOutcome.Failed };
        string? refusal = index >= limits.MaxFilesPerRequest
            ? $"每次最多上传 {limits.MaxFilesPerRequest} 个文件，“{display}”未处理，请另行上传"
            : null;
        var temp = Path.Combine(folder, UploadNames.StoredName(index, display));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using var output = refusal == null ? new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1) : null;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
                // Past the limit the rest is only counted and hashed, never stored.
                if (output != null && size <= limits.MaxFileBytes) await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        record.Size = size;
        record.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        var tooLarge = refusal == null && size > limits.MaxFileBytes;
        refusal ??= size == 0 ? $"文件“{display}”是空的"
            : tooLarge ? $"文件“{display}”大小为 {UploadLimits.Megabytes(size)}，超过每个文件 {limits.MaxFileMegabytes} MB 的上限；请删去无关内容（如图片）后再导入"
            : used + size > limits.UnitQuotaBytes ? $"文件“{display}”未保存：本单位上传文件已占用 {UploadLimits.Megabytes(used)}，" +
                $"加上此文件将超过 {limits.UnitQuotaMegabytes} MB 的存储配额；请联系系统管理员"
            : null;
        if (refusal != null)
        {
            record.Error = refusal;
            return new Answer(record, tooLarge);
        }
        try
        {
            var document = await gate.RunAsync(() => DocumentReader.Read(temp, display), ct, size);
            record.Content = await System.IO.File.ReadAllBytesAsync(temp, ct);
            record.DocumentJson = JsonSerializer.Serialize(document, Interchange.Json);
            record.Outcome = ImportOutcome.Previewed;
            record.Result = $"读出 {document.Projects.Count} 个项目、{document.Projects.Sum(p => p.Indicators.Count)} 条指标，{document.Warnings.Count} 条提示";
        }
        catch (FormReadException e)
        {
            // A file that is no form is refused: only its hash and size are kept. The readers name the
            // file they opened; the user knows it by its own name.
            record.Error = e.Message.Replace(Path.GetFileName(temp), display);
        }
        return new Answer(record, false);
    }

    // The file parts of the request, in order. When the form was already read (a browser without
    // scripts posts the anti-forgery token inside the form), its buffered files are used instead.
    async IAsyncEnumerable<(string Name, Stream Body)> FilesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
        {
            foreach (var file in form.Files)
            {
                await using var stream = file.OpenReadStream();
                yield return (file.FileName, stream);
            }
            yield break;
        }
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            yield break;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) yield break;
        var reader = new MultipartReader(boundary, Request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            yield return (name ?? "", section.Body);
        }
    }

    // What the user's unit (or, outside a unit, the user) keeps in stored files.
    async Task<long> UsedAsync(CancellationToken ct)
    {
        var name = User.Identity!.Name;
        var records = int.TryParse(User.FindFirstValue(UserClaims.Unit), out var unit)
            ? db.ImportRecords.Where(r => db.Users.Any(u => u.UserName == r.UserName && u.BudgetUnitId == unit))
            : db.ImportRecords.Where(r => r.UserName == name);
        return await records.SumAsync(r => (long)r.Content.Length, ct);
    }

    public static string Describe(ImportOutcome o) => o switch
    {
        ImportOutcome.Failed => "无法读取",
        ImportOutcome.Previewed => "待确认",
        ImportOutcome.Saved => "已保存",
        _ => o.ToString(),
    };
}
