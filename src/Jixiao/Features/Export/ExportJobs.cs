using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Jixiao.Data;
using Jixiao.Export;

namespace Jixiao.Features.Export;

public enum ExportJobState { Queued, Running, Done, Failed }

// One long export (a unit's book, a filtered list) asked for by one user. The worker fills in the
// stage and the counts as it goes; the job page polls them and offers the file when it is done.
public sealed class ExportJob
{
    public required Guid Id { get; init; }
    public required string Owner { get; init; }
    public required string Title { get; init; }
    public required string Format { get; init; }
    public required string FileName { get; init; }
    public DateTime Created { get; init; } = DateTime.UtcNow;
    public DateTime? Finished { get; set; }
    public ExportJobState State { get; internal set; } = ExportJobState.Queued;
    public string Stage { get; private set; } = "排队等候";
    public int Done { get; private set; }
    public int Total { get; private set; }
    public string? Error { get; internal set; }
    public string? FilePath { get; set; }
    // Where the user asked for it (a local path), offered to start again when the job was lost to a restart.
    public string? Again { get; init; }
    // What was asked for, kept in the record: a job the app stopped before it was done is made again from it.
    public ExportRequest? Request { get; init; }
    // The work itself: given a scope's services, writes the file at the path it is handed. Null for a job
    // read back after a restart (the work was lost with the process).
    public Func<IServiceProvider, ExportJob, string, CancellationToken, Task>? Work { get; init; }

    internal void Requeue(string stage)
    {
        State = ExportJobState.Queued;
        Error = null;
        Finished = null;
        Report(stage, 0, 0);
    }

    public void Report(string stage, int done, int total)
    {
        Stage = stage;
        Total = total;
        Done = Math.Min(done, total);
    }

    public int Percent => State == ExportJobState.Done ? 100 : Total > 0 ? (int)(100L * Done / Total) : 0;
}

// The queue of exports: one job at a time (a book's PDF already keeps both cores busy), each user at most
// a few waiting, every job seen only by the user who asked for it, and files removed an hour after they
// were made. Each job's record (a small JSON file, no personal data) and its file live in the data folder
// (exports/), so a finished export can still be downloaded after a restart. A job that was queued or
// running when the app stopped is queued again at the next start from its request (what was asked for,
// run with what its owner may see by then); one without a request (its work was only in memory) says it
// was interrupted, with a link back to where it was started.
public sealed class ExportJobs : BackgroundService
{
    public const int MaxWaitingPerUser = 3;
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    public const string Interrupted = "系统在导出完成前停止或重新启动，此导出已中断，未能生成文件。请重新导出。";
    public const string FileGone = "导出的文件已不存在，请重新导出。";
    public const string OwnerGone = "发起导出的用户已被删除或锁定，此导出未继续。";
    public const string Resuming = "系统重新启动，已重新排队";

    // The folder of the job records and files (under the data folder).
    public sealed record Folder(string Path);

    sealed record JobRecord(Guid Id, string Owner, string Title, string Format, string FileName, DateTime Created,
        DateTime? Finished, ExportJobState State, string? Error, string? Again, ExportRequest? Request = null);

    readonly IServiceScopeFactory scopes;
    readonly ILogger<ExportJobs> log;
    readonly Channel<ExportJob> queue = Channel.CreateUnbounded<ExportJob>();
    readonly ConcurrentDictionary<Guid, ExportJob> jobs;
    readonly string folder;

    public ExportJobs(IServiceScopeFactory scopes, ILogger<ExportJobs> log, Folder store)
    {
        (this.scopes, this.log, folder) = (scopes, log, store.Path);
        jobs = Restore(folder, log);
        // What was waiting or running goes back into the queue in the order it was asked for.
        foreach (var job in jobs.Values.Where(j => j.State == ExportJobState.Queued).OrderBy(j => j.Created))
            queue.Writer.TryWrite(job);
    }

    public static string FolderIn(string dataFolder) => System.IO.Path.Combine(dataFolder, "exports");

    public static string? OwnerOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    string RecordPath(Guid id) => System.IO.Path.Combine(folder, id.ToString("N") + ".json");
    string FilePathOf(ExportJob job) => System.IO.Path.Combine(folder, job.Id.ToString("N") + "." + job.Format);

    void Save(ExportJob job) => Save(folder, job);

    static void Save(string folder, ExportJob job)
    {
        var record = new JobRecord(job.Id, job.Owner, job.Title, job.Format, job.FileName, job.Created, job.Finished, job.State, job.Error, job.Again, job.Request);
        var path = System.IO.Path.Combine(folder, job.Id.ToString("N") + ".json");
        // Written beside and moved over, so a crash never leaves half a record.
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(record));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    // The records left by the last run: finished files stay downloadable; what was queued or running is queued
    // again when its request can be made again, else marked interrupted.
    static ConcurrentDictionary<Guid, ExportJob> Restore(string folder, ILogger log)
    {
        Directory.CreateDirectory(folder);
        FilePermissions.RestrictFolder(folder);
        var restored = new ConcurrentDictionary<Guid, ExportJob>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            JobRecord? r;
            try { r = JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(path)); }
            catch (JsonException e)
            {
                log.LogWarning(e, "unreadable export job record {Path}", path);
                continue;
            }
            // Only the formats the app writes: the format names the file beside the record.
            if (r == null || r.Format is not ("docx" or "xlsx" or "pdf" or "csv")) continue;
            var file = System.IO.Path.Combine(folder, r.Id.ToString("N") + "." + r.Format);
            var resumable = r.State is ExportJobState.Queued or ExportJobState.Running && r.Request is { Known: true };
            var job = new ExportJob
            {
                Id = r.Id, Owner = r.Owner, Title = r.Title, Format = r.Format, FileName = r.FileName, Created = r.Created, Again = r.Again,
                Finished = r.Finished, State = r.State, Error = r.Error, Request = r.Request,
                Work = resumable ? r.Request!.Resumed(r.Owner) : null,
            };
            if (r.State == ExportJobState.Done && File.Exists(file)) job.FilePath = file;
            else if (resumable)
            {
                // Half a file from the run that stopped is never offered: the job starts over.
                if (File.Exists(file)) File.Delete(file);
                job.Requeue(Resuming);
                Save(folder, job);
                restored[job.Id] = job;
                continue;
            }
            else if (r.State != ExportJobState.Failed)
            {
                job.State = ExportJobState.Failed;
                job.Error = r.State == ExportJobState.Done ? FileGone : Interrupted;
                job.Finished ??= DateTime.UtcNow;
                if (File.Exists(file)) File.Delete(file);
                // Saved as failed, so the next start neither marks it again nor keeps it past the keeping time.
                Save(folder, job);
            }
            job.Report(job.State == ExportJobState.Done ? "已完成" : "已中断", 0, 0);
            restored[job.Id] = job;
        }
        return restored;
    }

    // An export made from its request (resumed after a restart if the app stops before it is done).
    public (ExportJob? Job, string? Refused) Enqueue(ClaimsPrincipal user, string title, string format, string fileName,
        ExportRequest request, string? again = null) =>
        Enqueue(user, title, format, fileName, request.WorkFor(user) ?? throw new ArgumentException("unknown export kind " + request.Kind), again, request);

    // Null with a reason when the user already has too many exports waiting. `again`: the local page the
    // export was asked for on.
    public (ExportJob? Job, string? Refused) Enqueue(ClaimsPrincipal user, string title, string format, string fileName,
        Func<IServiceProvider, ExportJob, string, CancellationToken, Task> work, string? again = null, ExportRequest? request = null)
    {
        var owner = OwnerOf(user) ?? throw new InvalidOperationException("export jobs need a signed-in user");
        if (jobs.Values.Count(j => j.Owner == owner && j.State is ExportJobState.Queued or ExportJobState.Running) >= MaxWaitingPerUser)
            return (null, $"您已有 {MaxWaitingPerUser} 个导出任务在排队或进行中，请等其完成后再试。");
        var job = new ExportJob { Id = Guid.NewGuid(), Owner = owner, Title = title, Format = format, FileName = fileName, Work = work, Request = request,
            Again = again != null && again.StartsWith('/') && !again.StartsWith("//") ? again : null };
        jobs[job.Id] = job;
        Save(job);
        queue.Writer.TryWrite(job);
        return (job, null);
    }

    // Another user's job answers like a missing one.
    public ExportJob? Find(Guid id, ClaimsPrincipal user) =>
        jobs.TryGetValue(id, out var job) && job.Owner == OwnerOf(user) ? job : null;

    public IReadOnlyList<ExportJob> Of(ClaimsPrincipal user) =>
        jobs.Values.Where(j => j.Owner == OwnerOf(user)).OrderByDescending(j => j.Created).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Sweep(DateTime.UtcNow);
        using var sweep = new PeriodicTimer(TimeSpan.FromMinutes(5));
        var sweeping = SweepAsync(sweep, stoppingToken);
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await sweeping;
    }

    async Task RunAsync(ExportJob job, CancellationToken ct)
    {
        job.State = ExportJobState.Running;
        job.Report("正在准备", 0, 0);
        Save(job);
        var path = FilePathOf(job);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.Work!(scope.ServiceProvider, job, path, ct);
            job.FilePath = path;
            job.State = ExportJobState.Done;
            job.Report("已完成", job.Total, job.Total);
        }
        catch (PrinterMissingException e) { Fail(job, path, e.Message); }
        catch (ExportRefusedException e) { Fail(job, path, e.Message); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && job.Request is { Known: true })
        {
            // Stopped with the app: left queued, and made again at the next start.
            if (File.Exists(path)) File.Delete(path);
            job.Requeue(Resuming);
            Save(job);
            return;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { Fail(job, path, Interrupted); }
        catch (Exception e)
        {
            log.LogError(e, "export job {Id} ({Format}) failed", job.Id, job.Format);
            Fail(job, path, "导出失败，请稍后重试；如果再次失败，请联系系统管理员。");
        }
        job.Finished = DateTime.UtcNow;
        Save(job);
    }

    static void Fail(ExportJob job, string path, string message)
    {
        job.State = ExportJobState.Failed;
        job.Error = message;
        if (File.Exists(path)) File.Delete(path);
    }

    async Task SweepAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) Sweep(DateTime.UtcNow);
        }
        catch (OperationCanceledException) { }
    }

    // Jobs finished longer ago than KeepFor go, with their files.
    public void Sweep(DateTime now)
    {
        foreach (var job in jobs.Values.Where(j => j.Finished is { } f && now - f > KeepFor).ToList())
        {
            jobs.TryRemove(job.Id, out _);
            if (job.FilePath != null && File.Exists(job.FilePath)) File.Delete(job.FilePath);
            File.Delete(RecordPath(job.Id));
        }
    }
}
