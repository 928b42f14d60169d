using System.Collections.Concurrent;
using System.Security.Claims;
using System.Threading.Channels;
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
    public DateTime Created { get; } = DateTime.UtcNow;
    public DateTime? Finished { get; set; }
    public ExportJobState State { get; internal set; } = ExportJobState.Queued;
    public string Stage { get; private set; } = "排队等候";
    public int Done { get; private set; }
    public int Total { get; private set; }
    public string? Error { get; internal set; }
    public string? FilePath { get; set; }
    // The work itself: given a scope's services, writes the file at the path it is handed.
    public required Func<IServiceProvider, ExportJob, string, CancellationToken, Task> Work { get; init; }

    public void Report(string stage, int done, int total)
    {
        Stage = stage;
        Total = total;
        Done = Math.Min(done, total);
    }

    public int Percent => State == ExportJobState.Done ? 100 : Total > 0 ? (int)(100L * Done / Total) : 0;
}

// The in-process queue of exports: one job at a time (a book's PDF already keeps both cores busy),
// each user at most a few waiting, every job seen only by the user who asked for it, and files removed
// an hour after they were made (or when the app stops).
public sealed class ExportJobs(IServiceScopeFactory scopes, ILogger<ExportJobs> log) : BackgroundService
{
    public const int MaxWaitingPerUser = 3;
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    readonly Channel<ExportJob> queue = Channel.CreateUnbounded<ExportJob>();
    readonly ConcurrentDictionary<Guid, ExportJob> jobs = new();
    readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-jobs-" + Guid.NewGuid().ToString("N"));

    public static string? OwnerOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    // Null with a reason when the user already has too many exports waiting.
    public (ExportJob? Job, string? Refused) Enqueue(ClaimsPrincipal user, string title, string format, string fileName,
        Func<IServiceProvider, ExportJob, string, CancellationToken, Task> work)
    {
        var owner = OwnerOf(user) ?? throw new InvalidOperationException("export jobs need a signed-in user");
        if (jobs.Values.Count(j => j.Owner == owner && j.State is ExportJobState.Queued or ExportJobState.Running) >= MaxWaitingPerUser)
            return (null, $"您已有 {MaxWaitingPerUser} 个导出任务在排队或进行中，请等其完成后再试。");
        var job = new ExportJob { Id = Guid.NewGuid(), Owner = owner, Title = title, Format = format, FileName = fileName, Work = work };
        jobs[job.Id] = job;
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
        Directory.CreateDirectory(folder);
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
        var path = Path.Combine(folder, job.Id.ToString("N") + "." + job.Format);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.Work(scope.ServiceProvider, job, path, ct);
            job.FilePath = path;
            job.State = ExportJobState.Done;
            job.Report("已完成", job.Total, job.Total);
        }
        catch (PrinterMissingException e) { Fail(job, path, e.Message); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { Fail(job, path, "系统正在停止，导出已取消。"); }
        catch (Exception e)
        {
            log.LogError(e, "export job {Id} ({Format}) failed", job.Id, job.Format);
            Fail(job, path, "导出失败，请稍后重试；如果再次失败，请联系系统管理员。");
        }
        job.Finished = DateTime.UtcNow;
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
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
