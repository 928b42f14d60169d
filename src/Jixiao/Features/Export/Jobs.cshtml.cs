using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Export;

// /Exports/Jobs: the signed-in user's own exports (a unit's book, filtered lists) with their progress;
// /Exports/Jobs/{id}: one of them, polled by export-job.js (?handler=Status) and downloaded
// (?handler=File) when done. Another user's job answers 404 like a missing one.
public sealed class JobsModel(ExportJobs jobs) : PageModel
{
    public IReadOnlyList<ExportJob> Jobs { get; private set; } = [];
    public ExportJob? Job { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Refused { get; set; }

    public IActionResult OnGet(Guid? id)
    {
        if (id is { } one)
        {
            Job = jobs.Find(one, User);
            if (Job == null) return NotFound();
        }
        Jobs = jobs.Of(User);
        return Page();
    }

    public IActionResult OnGetStatus(Guid id) =>
        jobs.Find(id, User) is { } job
            ? new JsonResult(new
            {
                state = job.State.ToString().ToLowerInvariant(), stage = job.Stage, done = job.Done, total = job.Total,
                percent = job.Percent, error = job.Error,
                file = job.State == ExportJobState.Done ? $"/Exports/Jobs/{job.Id}?handler=File" : null,
            })
            : NotFound();

    public IActionResult OnGetFile(Guid id)
    {
        if (jobs.Find(id, User) is not { State: ExportJobState.Done, FilePath: { } path } job || !System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(path, Exports.ContentType(job.Format), job.FileName);
    }

    public static string StateText(ExportJob job) => job.State switch
    {
        ExportJobState.Queued => "排队中",
        ExportJobState.Running => "进行中",
        ExportJobState.Done => "已完成",
        _ => "失败",
    };
}
