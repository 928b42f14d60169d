using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Data;

// A hundred kill -9 at random moments, a third each during start-up, during `import --save`, and during
// saves through the API of a running server, on one data folder. After every kill the database passes its
// integrity check, every project is whole (its rows all from one save) with one version kept per save,
// audit rows carry final keys, and the next start serves within 20 seconds.
public partial class CrashTests
{
    // JIXIAO_CRASH_ROUNDS shortens it while working on it; the suite runs the hundred.
    static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("JIXIAO_CRASH_ROUNDS"), out var n) ? n : 100;

    [Fact]
    public async Task A_hundred_kills_during_start_up_import_and_save_lose_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-crash-").FullName;
        try
        {
            var seed = Seeds.PathOf("001");
            var imported = DocumentReader.Read(seed).Projects.ToDictionary(p => p.Name, p => p.Indicators.Count);
            // The first start, measured and left to finish: it prints the demo passwords once.
            var clock = Stopwatch.StartNew();
            string password;
            using (var first = Start(folder, ["serve", "--urls", "http://127.0.0.1:0", "--demo"]))
            {
                await first.Ready(TimeSpan.FromSeconds(120), "首次启动");
                password = DemoPassword().Match(first.Output).Groups[1].Value;
                first.Kill();
            }
            Assert.NotEqual("", password);
            var startUp = clock.Elapsed;
            var random = new Random(20261129);
            int kills = 0, saves = 0;

            for (var round = 0; round < Rounds; round++)
            {
                var what = (round % 3) switch { 0 => "启动", 1 => "导入", _ => "保存" };
                var label = $"第 {round + 1} 次（{what}）";
                switch (round % 3)
                {
                    case 0:
                        using (var victim = Start(folder, ["serve", "--urls", "http://127.0.0.1:0", "--demo"]))
                        {
                            await Task.Delay(startUp * (0.05 + 0.95 * random.NextDouble()));
                            kills += victim.Kill() ? 1 : 0;
                        }
                        break;
                    case 1:
                        using (var victim = Start(folder, ["import", seed, "--save", "--unit", "东城区信访局", "--year", "2023", "--replace"]))
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 3000)));
                            kills += victim.Kill() ? 1 : 0;
                        }
                        break;
                    default:
                        using (var server = Start(folder, ["serve", "--urls", "http://127.0.0.1:0", "--demo"]))
                        {
                            // The start after the previous kill: it must serve within 20 s (plus this machine's start-up).
                            await server.Ready(TimeSpan.FromSeconds(20) + startUp, label + "之前的启动");
                            var (saved, killed) = await SaveWhileKilled(server, password, round, TimeSpan.FromMilliseconds(random.Next(20, 1000)));
                            saves += saved;
                            kills += killed ? 1 : 0;
                        }
                        break;
                }
                await Check(folder, imported, label);
            }

            using (var last = Start(folder, ["serve", "--urls", "http://127.0.0.1:0"]))
            {
                await last.Ready(TimeSpan.FromSeconds(20) + startUp, "最后一次启动");
                last.Kill();
            }
            Assert.True(kills >= Rounds * 2 / 3, $"{Rounds} 次中只有 {kills} 次在进程结束前杀掉");
            Assert.True(saves > 0, "没有一次保存在被杀之前完成");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Replaces the demo project again and again through the API, each save with a different number of
    // indicators (1 to 4), while the server is killed after the given time, most likely in the middle of
    // a save; returns how many saves went through and whether the kill found the server running.
    static async Task<(int Saved, bool Killed)> SaveWhileKilled(Victim server, string password, int round, TimeSpan killAfter)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var token = await client.PostAsJsonAsync("/api/auth/token", new { userName = "east-preparer", password });
        Assert.True(token.IsSuccessStatusCode, $"取令牌返回 {(int)token.StatusCode}");
        var bearer = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/projects?year=2026&unit=101002");
        var id = list.EnumerateArray().First(p => p.GetProperty("name").GetString() == "网上信访系统运维").GetProperty("id").GetInt32();

        // The first save warms the server up; the kill is armed after it.
        Task<bool>? kill = null;
        var saved = 0;
        try
        {
            for (var n = 0; kill is not { IsCompleted: true }; n++)
            {
                var current = await client.GetAsync($"/api/projects/{id}");
                var document = await current.Content.ReadFromJsonAsync<JsonElement>();
                var form = JsonSerializer.Deserialize<ProjectForm>(document.GetProperty("form").GetRawText(), Interchange.Json)!;
                form.Indicators = Enumerable.Range(1, 1 + (round + n) % 4)
                    .Select(k => new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = $"运维巡检次数{k}", AnnualTarget = TargetValue.Parse("≥12次") })
                    .ToList();
                var put = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}") { Content = JsonContent.Create(new { form }, options: Interchange.Json) };
                put.Headers.IfMatch.Add(current.Headers.ETag!);
                var response = await client.SendAsync(put);
                Assert.True(response.IsSuccessStatusCode, $"保存返回 {(int)response.StatusCode}：{await response.Content.ReadAsStringAsync()}");
                saved++;
                kill ??= Task.Delay(killAfter).ContinueWith(_ => server.Kill(), TaskScheduler.Default);
            }
        }
        catch (HttpRequestException) { }   // the server died under the request
        return (saved, kill != null && await kill);
    }

    static async Task Check(string folder, Dictionary<string, int> imported, string label)
    {
        // A connection kept in this process's pool would read the search index through what it cached
        // before the other processes wrote: every check opens the file afresh.
        SqliteConnection.ClearAllPools();
        await using var db = Database.Create(folder, null);
        var integrity = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync();
        Assert.True(integrity.SequenceEqual(["ok"]), $"{label}：数据库完整性检查未通过：{string.Join("；", integrity)}");
        var projects = await db.Projects.Select(p => new
        {
            p.Id, p.FiscalYear, p.Form.Name, p.Version, Indicators = p.Form.Indicators.Select(i => i.Name).ToList(),
            Versions = db.ProjectVersions.Count(v => v.ProjectId == p.Id),
        }).ToListAsync();
        foreach (var p in projects)
        {
            // One version kept per save that replaced the form, none lost and none extra.
            Assert.True(p.Versions == p.Version - 1, $"{label}：{p.Name} 第 {p.Version} 版，却保留了 {p.Versions} 个旧版本");
            if (p.FiscalYear == 2023)
                Assert.True(imported[p.Name] == p.Indicators.Count, $"{label}：导入的 {p.Name} 指标不全（{p.Indicators.Count}/{imported[p.Name]}）");
            else if (p.Name == "网上信访系统运维" && p.Version > 1)
                Assert.True(p.Indicators.SequenceEqual(Enumerable.Range(1, p.Indicators.Count).Select(k => $"运维巡检次数{k}")),
                    $"{label}：{p.Name} 的指标来自不同的保存：{string.Join("、", p.Indicators)}");
        }
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityKey != null && a.EntityKey.StartsWith("-")), $"{label}：审计记录留有临时键");
    }

    [GeneratedRegex(@"east-preparer\t(\S+)")]
    private static partial Regex DemoPassword();

    static Victim Start(string folder, string[] args) => new(folder, args);

    sealed class Victim : IDisposable
    {
        readonly Process process;
        readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        readonly System.Text.StringBuilder output = new();
        public string? Url { get; private set; }
        public string Output { get { lock (output) return output.ToString(); } }

        public Victim(string folder, string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(WebApp).Assembly.Location);
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(folder);
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (output) output.AppendLine(e.Data);
                if (Regex.Match(e.Data, @"Now listening on: (http://\S+)") is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public async Task Ready(TimeSpan within, string what)
        {
            var done = await Task.WhenAny(listening.Task, Task.Delay(within));
            Assert.True(done == listening.Task, $"{what}：{within.TotalSeconds:0} 秒内没有开始服务");
            Url = await listening.Task;
        }

        // SIGKILL; true when the process was still running.
        public bool Kill()
        {
            var running = !process.HasExited;
            if (running) process.Kill();
            process.WaitForExit();
            return running;
        }

        public void Dispose()
        {
            if (!process.HasExited) Kill();
            process.Dispose();
        }
    }
}
