using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Bench;

// Requests per second of the project page (signed in, real SQLite, real Kestrel on loopback)
// against a minimal endpoint in the same process, alternating rounds so drift hits both alike.
public static class PagesBench
{
    public static async Task RunAsync(double seconds)
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-bench-").FullName;
        var console = new StringWriter();
        var app = WebApp.Build(new ServeOptions(folder, Urls: "http://127.0.0.1:0"));
        app.MapGet("/bench/minimal", () => Results.Text("ok")).AllowAnonymous();
        await Bootstrap.RunAsync(app.Services, demo: true, console);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        try
        {
            var password = Regex.Match(console.ToString(), @"\teast-preparer\t(\S+)").Groups[1].Value;
            using var client = await SignedInClient(baseUrl, "east-preparer", password);
            var project = Regex.Match(await client.GetStringAsync("/?year=" + DemoWorkspace.Year), "href=\"(/Projects/\\d+)\"").Groups[1].Value;
            const int concurrency = 8;
            Console.WriteLine($"pages: {concurrency} concurrent clients, 3 rounds of {seconds}s each, alternating, after an untimed round");
            // The tiered JIT and the caches need a round before the rates settle.
            await Rate(client, project, concurrency, seconds);
            await Rate(client, "/bench/minimal", concurrency, seconds);
            var ratios = new List<double>();
            for (var round = 1; round <= 3; round++)
            {
                var page = await Rate(client, project, concurrency, seconds);
                var minimal = await Rate(client, "/bench/minimal", concurrency, seconds);
                ratios.Add(page / minimal);
                Console.WriteLine($"  round {round}: project page {page:F0} req/s, minimal endpoint {minimal:F0} req/s, ratio {page / minimal:F3}");
            }
            ratios.Sort();
            Console.WriteLine($"project page / minimal endpoint, median ratio: {ratios[1]:F3}");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<double> Rate(HttpClient client, string path, int concurrency, double seconds)
    {
        var stop = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var n = 0;
            while (stop.Elapsed < limit)
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {response.StatusCode}");
                await response.Content.CopyToAsync(Stream.Null);
                n++;
            }
            return n;
        }));
        return counts.Sum() / stop.Elapsed.TotalSeconds;
    }

    internal static async Task<HttpClient> SignedInClient(string baseUrl, string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var login = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        var home = await response.Content.ReadAsStringAsync();
        if (home.Contains("用户名或密码错误")) throw new InvalidOperationException("sign-in failed");
        return client;
    }
}
