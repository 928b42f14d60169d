using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Bench;

// The pages people use all day, on a province-sized database, under 50 concurrent users on loopback:
// p50/p95/p99 latency and throughput of each page, as a ratio to a minimal endpoint measured in the
// same run just before it. The province is built once into DIR and reused by later runs.
public static class ProvinceBench
{
    public static async Task RunAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var folder = Option("--data") ?? Path.Combine(Path.GetTempPath(), "jixiao-province");
        var postgres = Option("--database");
        var seconds = double.Parse(Option("--seconds") ?? "10");
        var users = int.Parse(Option("--users") ?? "50");
        var size = Option("--size") switch { "small" => new Province.Size(5, 200, 2_000), "national" => Province.National, _ => Province.Full };
        // --only 单位,项目页: only the pages whose name contains one of these words.
        var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        // --writes R: while each page is measured, the unit's preparer saves one of its drafts R times a second
        // (through the API, as a platform would): every save moves the change stamp that the kept lists follow.
        var writes = double.Parse(Option("--writes") ?? "0");

        var app = WebApp.Build(new ServeOptions(folder, postgres, Urls: "http://127.0.0.1:0"));
        app.MapGet("/bench/minimal", () => Results.Text("ok")).AllowAnonymous();
        await Bootstrap.RunAsync(app.Services, demo: false, TextWriter.Null);
        using (var scope = app.Services.CreateScope())
            if (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(Province.Users[0].User) == null)
            {
                Console.WriteLine($"生成省级数据到 {(postgres == null ? folder : "PostgreSQL")} …");
                await Province.BuildAsync(folder, postgres, app.Services, size, Console.Out);
            }
        // The national tier measures the lists and the search: its year is not monitored.
        if (size != Province.National) await Province.AddMonitoringAsync(folder, postgres, Console.Out);
        int round;
        await using (var db = Database.Create(folder, postgres))
        {
            round = await db.MonitoringRounds.MinAsync(r => (int?)r.Id) ?? 0;
            // As a restart would (Migrator): the planner's statistics of the data just loaded.
            if (postgres == null) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002");
            else await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        try
        {
            var finance = await PagesBench.SignedInClient(baseUrl, "bench-finance", Province.Password);
            var supervisor = await PagesBench.SignedInClient(baseUrl, "bench-supervisor", Province.Password);
            var preparer = await PagesBench.SignedInClient(baseUrl, "bench-preparer", Province.Password);
            var anonymous = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var issued = await api.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName = "bench-finance", password = Province.Password }));
            var token = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var unit = Regex.Match(await preparer.GetStringAsync($"/?year={Province.Year}"), "Overview\\?unit=(\\d+)").Groups[1].Value;
            var project = Regex.Match(await preparer.GetStringAsync($"/?year={Province.Year}"), "href=\"(/Projects/\\d+)\"").Groups[1].Value;
            var pages = new (string Name, HttpClient Client, string Path)[]
            {
                // The floor of a signed-in page: the layout and one small form, no data of its own.
                ("版式底线：修改密码页（填报人）", preparer, "/Account/ChangePassword"),
                ("单位项目列表（填报人）", preparer, $"/?year={Province.Year}"),
                ("单位项目总览（填报人）", preparer, $"/Units/Overview?unit={unit}&year={Province.Year}"),
                ("项目页（填报人）", preparer, project),
                ("自动审核列表（主管部门）", supervisor, $"/Review?year={Province.Year}"),
                ("自动审核列表（财政）", finance, $"/Review?year={Province.Year}"),
                ("项目列表（财政）", finance, $"/?year={Province.Year}"),
                ("审核待办（主管部门）", supervisor, "/Desk"),
                ("审核待办（财政）", finance, "/Desk"),
                ("GET /api/projects（财政，一个单位）", api, $"/api/projects?year={Province.Year}&unit=U00001"),
                ("搜索“救助”（财政）", finance, "/Search?q=%E6%95%91%E5%8A%A9"),
                ("搜索拼音 xfjz（财政）", finance, "/Search?q=xfjz"),
                ("搜索“信访”（填报人）", preparer, "/Search?q=%E4%BF%A1%E8%AE%BF"),
                ("各主管部门汇总（财政）", finance, $"/Summary?year={Province.Year}"),
                ("本部门各单位汇总（主管部门）", supervisor, $"/Summary?year={Province.Year}"),
                ("监控看板（财政）", finance, $"/Monitoring/Dashboard?round={round}"),
                ("监控看板（主管部门）", supervisor, $"/Monitoring/Dashboard?round={round}"),
                ("监控看板（填报人）", preparer, $"/Monitoring/Dashboard?round={round}"),
                ("监控轮次列表（财政）", finance, "/Monitoring"),
                ("监控轮次（财政）", finance, $"/Monitoring/Round/{round}"),
                ("监控轮次（主管部门）", supervisor, $"/Monitoring/Round/{round}"),
            };
            var writer = writes > 0 ? await Writer.StartAsync(baseUrl, project) : null;
            Console.WriteLine($"province: {users} concurrent users, {seconds}s per page after a warm-up, minimal endpoint measured before each page"
                + (writer != null ? $", {writes} saves/s while each page is measured" : ""));
            Console.WriteLine("| page | p50 ms | p95 ms | p99 ms | req/s | minimal req/s | ratio | errors | queries/req | exceptions/req | KB/req | CPU ms/req | minimal CPU ms/req | KB allocated/req |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            using var queries = new QueryCounter();
            // Exceptions thrown and caught inside a request cost as much as a page's rendering (the desk bound a
            // route value to an int and threw on every view): counted so that none hides again.
            var thrown = 0;
            AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref thrown);
            var selected = pages.Where(p => (only == null || only.Any(o => p.Name.Contains(o))) && (round > 0 || !p.Path.StartsWith("/Monitoring"))).ToList();
            // One pass over every page first, so that the first page measured does not also pay for the
            // process's own warm-up (JIT tiers, caches): without it, its minimal endpoint cost 3 times the later ones.
            foreach (var (_, client, path) in selected) await Load(client, path, users, Math.Min(2, seconds));
            foreach (var (name, client, path) in selected)
            {
                await Load(client, path, users, Math.Min(3, seconds));   // warm-up
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var minimal = await Load(anonymous, "/bench/minimal", users, seconds);
                var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
                var before = queries.Count;
                var thrownBefore = thrown;
                var allocated = GC.GetTotalAllocatedBytes();
                using var stop = new CancellationTokenSource();
                var writing = writer?.RunAsync(writes, stop.Token);
                var page = await Load(client, path, users, seconds);
                stop.Cancel();
                if (writing != null) await writing;
                var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
                // Memory allocated per request (server and client): on a shared machine steadier than the CPU time.
                var allocatedPerRequest = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / Math.Max(1, page.Millis.Count);
                var perRequest = (double)(queries.Count - before) / Math.Max(1, page.Millis.Count);
                Console.WriteLine($"| {name} | {page.P(50):F0} | {page.P(95):F0} | {page.P(99):F0} | {page.Rate:F0} | {minimal.Rate:F0} | {page.Rate / minimal.Rate:F3} | {page.Errors} | {perRequest:F1} | {(double)(thrown - thrownBefore) / Math.Max(1, page.Millis.Count):F2} | {page.Bytes / 1024.0 / Math.Max(1, page.Millis.Count):F0} | {(cpu2 - cpu1).TotalMilliseconds / Math.Max(1, page.Millis.Count):F2} | {(cpu1 - cpu0).TotalMilliseconds / Math.Max(1, minimal.Millis.Count):F3} | {allocatedPerRequest:F0} |");
            }
            if (writer != null) Console.WriteLine($"writes during the pages: {writer.Saved} saved, {writer.Failed} failed ({writes}/s asked)");
            Console.WriteLine($"peak working set of the process (server and clients): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    // The preparer's API client saving one draft of its unit (not the page measured) again and again, each
    // time with the version it got back: a new version per save, through the one write path.
    sealed class Writer(HttpClient api, int id, System.Text.Json.Nodes.JsonNode form, int version)
    {
        public int Saved, Failed;

        public static async Task<Writer> StartAsync(string baseUrl, string measuredPage)
        {
            var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var issued = await api.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName = "bench-preparer", password = Province.Password }));
            var token = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var list = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"/api/projects?year={Province.Year}"))!.AsArray();
            var draft = list.First(p => (string?)p!["status"] == "draft" && $"/Projects/{(int)p["id"]!}" != measuredPage)!;
            var id = (int)draft["id"]!;
            var document = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"/api/projects/{id}"))!;
            return new Writer(api, id, document["form"]!, (int)document["version"]!);
        }

        public async Task RunAsync(double perSecond, CancellationToken stop)
        {
            var every = TimeSpan.FromSeconds(1 / perSecond);
            var clock = Stopwatch.StartNew();
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}")
                {
                    Content = System.Net.Http.Json.JsonContent.Create(new System.Text.Json.Nodes.JsonObject { ["form"] = form.DeepClone() }),
                };
                request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
                using var response = await api.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    version = (int)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!;
                    Saved++;
                }
                else Failed++;
                var wait = n * every - clock.Elapsed;
                if (wait > TimeSpan.Zero) try { await Task.Delay(wait, stop); } catch (OperationCanceledException) { }
            }
        }
    }

    sealed record Result(List<double> Millis, double Rate, int Errors, long Bytes)
    {
        public double P(int percent) => Millis.Count == 0 ? double.NaN : Millis[Math.Min(Millis.Count - 1, Millis.Count * percent / 100)];
    }

    static async Task<Result> Load(HttpClient client, string path, int users, double seconds)
    {
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        var errors = 0;
        long bytes = 0;
        var all = await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < limit)
            {
                var start = clock.Elapsed;
                using var response = await client.GetAsync(path);
                var body = new Counting();
                await response.Content.CopyToAsync(body);
                Interlocked.Add(ref bytes, body.Length);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                mine.Add((clock.Elapsed - start).TotalMilliseconds);
            }
            return mine;
        }));
        var millis = all.SelectMany(x => x).Order().ToList();
        return new Result(millis, millis.Count / clock.Elapsed.TotalSeconds, errors, bytes);
    }

    // Stream.Null that counts what it is given.
    sealed class Counting : Stream
    {
        long length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }

    // Database commands executed by the server, counted from EF Core's diagnostic events.
    sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        long count;
        readonly List<IDisposable> subscriptions = [];
        public QueryCounter() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        public long Count => Interlocked.Read(ref count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
                lock (subscriptions) subscriptions.Add(listener.Subscribe(this, name => name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted"));
        }

        public void OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref count);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() { lock (subscriptions) foreach (var s in subscriptions) s.Dispose(); }
    }
}
