using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Bench;

// A long run of mixed work against `jixiao serve --demo` in its own process, as an office would use it:
// 50 users reading pages (lists, a project, the review list, the desk, search), the API reading and
// replacing forms, and uploads of a real form. Counts errors (5xx, unexpected answers; a 409 to a stale
// save is an expected answer, counted apart) and samples the server's resident memory, to show that it
// stays flat after warm-up. Throughput is given against the sign-in page measured first in the same run.
public static class SoakBench
{
    public static async Task RunAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var minutes = double.Parse(Option("--minutes") ?? "10");
        var users = int.Parse(Option("--users") ?? "50");
        var postgres = Option("--database");
        var upload = Option("--file") ?? throw new ArgumentException("--file FORM (a form to upload, e.g. ../shared/seeds/001…)");
        var folder = Directory.CreateTempSubdirectory("jixiao-soak-").FullName;

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { typeof(WebApp).Assembly.Location, "serve", "--demo", "--data", folder, "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(a);
        if (postgres != null) { start.ArgumentList.Add("--database"); start.ArgumentList.Add(postgres); }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var url = new TaskCompletionSource<string>();
        var failing = 0;
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            // The server's own account of an error: its first lines.
            if (e.Data.StartsWith("fail:")) failing = 12;
            if (failing > 0) { failing--; Console.Error.WriteLine("server: " + e.Data); }
            if (Regex.Match(e.Data, @"Now listening on: (http://\S+)") is { Success: true } m) url.TrySetResult(m.Groups[1].Value);
        };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var baseUrl = await url.Task.WaitAsync(TimeSpan.FromMinutes(3));
            string Password(string user) { lock (output) return Regex.Match(output.ToString(), user + @"\t(\S+)").Groups[1].Value; }

            var finance = await PagesBench.SignedInClient(baseUrl, "finance", Password("finance"));
            var supervisor = await PagesBench.SignedInClient(baseUrl, "supervisor", Password("supervisor"));
            var preparer = await PagesBench.SignedInClient(baseUrl, "east-preparer", Password("east-preparer"));
            var anonymous = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var issued = await api.PostAsJsonAsync("/api/auth/token", new { userName = "east-preparer", password = Password("east-preparer") });
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
            var ids = (await api.GetFromJsonAsync<JsonElement>("/api/projects?year=2026&unit=101002")).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray();
            var importPage = await preparer.GetStringAsync("/Import");
            var uploadToken = Regex.Match(importPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var fileBytes = await File.ReadAllBytesAsync(upload);

            var reads = new (HttpClient Client, string Path)[]
            {
                (preparer, "/?year=2026"), (preparer, $"/Projects/{ids[0]}"), (preparer, "/Search?q=%E4%BF%A1%E8%AE%BF"),
                (supervisor, "/Review?year=2026"), (supervisor, "/Desk"), (supervisor, "/Summary?year=2026"),
                (finance, "/?year=2026"), (finance, "/Review?year=2026"), (finance, "/Search?q=xf"), (finance, $"/Projects/{ids[^1]}"),
            };

            var reference = await ReferenceRate(anonymous, users);
            Console.WriteLine($"soak: {users} users for {minutes} min on {(postgres == null ? "SQLite" : "PostgreSQL")}; reference (sign-in page) {reference:F0} req/s");
            var clock = Stopwatch.StartNew();
            var until = TimeSpan.FromMinutes(minutes);
            long done = 0, errors = 0, conflicts = 0;
            var memory = new List<(double Minute, long Mb)>();
            var sampler = Task.Run(async () =>
            {
                while (clock.Elapsed < until && !server.HasExited)
                {
                    server.Refresh();
                    lock (memory) memory.Add((clock.Elapsed.TotalMinutes, server.WorkingSet64 / 1024 / 1024));
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            });
            var workers = Enumerable.Range(0, users).Select(async user =>
            {
                var random = new Random(user);
                while (clock.Elapsed < until)
                {
                    var roll = random.Next(100);
                    HttpResponseMessage response;
                    var expected = new List<HttpStatusCode> { HttpStatusCode.OK };
                    if (roll < 75)
                    {
                        var (client, path) = reads[random.Next(reads.Length)];
                        response = await client.GetAsync(path);
                    }
                    else if (roll < 88) response = await api.GetAsync($"/api/projects/{ids[random.Next(ids.Length)]}");
                    else if (roll < 98)
                    {
                        // A save: the form as read, saved back on the version read; another user may have saved first.
                        var id = ids[random.Next(ids.Length)];
                        using var current = await api.GetAsync($"/api/projects/{id}");
                        var document = await current.Content.ReadFromJsonAsync<JsonElement>();
                        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}")
                        {
                            Content = new StringContent($"{{\"form\":{document.GetProperty("form").GetRawText()}}}", System.Text.Encoding.UTF8, "application/json"),
                        };
                        put.Headers.IfMatch.Add(current.Headers.ETag!);
                        response = await api.SendAsync(put);
                        expected.Add(HttpStatusCode.Conflict);
                        if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref conflicts);
                    }
                    else
                    {
                        using var content = new MultipartFormDataContent();
                        content.Add(new ByteArrayContent(fileBytes), "file", Path.GetFileName(upload));
                        var post = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = content };
                        post.Headers.Add("RequestVerificationToken", uploadToken);
                        response = await preparer.SendAsync(post);
                    }
                    using (response)
                    {
                        await response.Content.CopyToAsync(Stream.Null);
                        if (!expected.Contains(response.StatusCode))
                        {
                            if (Interlocked.Increment(ref errors) <= 10)
                                Console.Error.WriteLine($"error: {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}");
                        }
                    }
                    Interlocked.Increment(ref done);
                }
            });
            await Task.WhenAll(workers);
            await sampler;

            var rate = done / clock.Elapsed.TotalSeconds;
            var warm = memory.Where(m => m.Minute >= Math.Min(1, minutes / 5)).ToList();
            Console.WriteLine($"requests {done} ({rate:F0}/s, ratio to reference {rate / reference:F3}), errors {errors}, stale saves answered 409 {conflicts}");
            if (warm.Count > 1)
            {
                var half = warm.Count / 2;
                Console.WriteLine($"server working set after warm-up: min {warm.Min(m => m.Mb)} MB, max {warm.Max(m => m.Mb)} MB; " +
                    $"mean of first half {warm.Take(half).Average(m => m.Mb):F0} MB, of second half {warm.Skip(half).Average(m => m.Mb):F0} MB");
            }
            Console.WriteLine("memory (minute: MB): " + string.Join(", ", memory.Where((_, i) => i % 12 == 0).Select(m => $"{m.Minute:F0}: {m.Mb}")));
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<double> ReferenceRate(HttpClient client, int users)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                using var response = await client.GetAsync("/Account/Login");
                await response.Content.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref count);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }
}
