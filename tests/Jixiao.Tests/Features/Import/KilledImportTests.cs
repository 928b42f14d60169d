using System.Diagnostics;
using Jixiao.Data;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Import;

// `jixiao import --save` killed at random moments, as a power cut or an impatient operator would:
// after each kill the database is whole, every project is whole or absent, and each saved import
// has its record and its audit rows with final keys.
public class KilledImportTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_import_killed_mid_save_leaves_every_project_whole_or_absent(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var folder = Directory.CreateTempSubdirectory("jixiao-kill-").FullName;
        var pg = provider == "postgres" ? test.ConnectionString : null;
        try
        {
            var seed = Seeds.PathOf("001");
            var expected = DocumentReader.Read(seed).Projects.ToDictionary(p => p.Name, p => p.Indicators.Count);
            await using (await Database.OpenAsync(folder, pg)) { }   // the schema, as a first start makes it

            var random = new Random(20261129);
            var killed = 0;
            for (var run = 0; run < 8; run++)
            {
                var args = new List<string> { Jixiao, "import", seed, "--save", "--unit", "松江区信访办公室", "--year", "2023", "--replace", "--data", folder };
                if (pg != null) args.AddRange(["--database", pg]);
                var start = new ProcessStartInfo("dotnet", args) { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(start)!;
                var delay = TimeSpan.FromMilliseconds(random.Next(300, 3000));
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var exited = process.WaitForExitAsync(timeout.Token);
                if (await Task.WhenAny(exited, Task.Delay(delay)) != exited)
                {
                    process.Kill(entireProcessTree: true);
                    killed++;
                }
                try { await process.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException) { Assert.Fail($"第 {run + 1} 次导入 60 秒未结束：数据库被上次中断的导入卡住"); }

                await using var db = Database.Create(folder, pg);
                if (pg == null)
                    Assert.Equal(["ok"], (await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()));
                var projects = await db.Projects.Where(p => p.FiscalYear == 2023)
                    .Select(p => new { p.Id, p.Form.Name, p.Version, Indicators = p.Form.Indicators.Count }).ToListAsync();
                foreach (var p in projects) Assert.Equal(expected[p.Name], p.Indicators);
                if (projects.Count == 0) continue;
                // Every project was replaced by every import that committed: one version each, and one record.
                Assert.Equal(expected.Count, projects.Count);
                var version = Assert.Single(projects.Select(p => p.Version).Distinct());
                Assert.Equal(version, await db.ImportRecords.CountAsync(r => r.Outcome == ImportOutcome.Saved));
                Assert.Equal(projects.Count * (version - 1), await db.ProjectVersions.CountAsync());
                Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityKey != null && a.EntityKey.StartsWith("-")));
            }
            Assert.True(killed >= 2, $"only {killed} of 8 runs were killed before they ended");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string Jixiao => typeof(WebApp).Assembly.Location;
}
