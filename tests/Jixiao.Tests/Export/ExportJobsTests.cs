using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Export;
using Jixiao.Features.Review;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Export;

// Long exports as background jobs: a unit's book and filtered lists are made by the job queue, the job
// page reports progress and offers the file, and a job is seen only by the user who asked for it.
public class ExportJobsTests
{
    static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    // Posts the export, follows to the job page and waits until the job is done; the job's id and its file.
    static async Task<(string JobPath, HttpResponseMessage File)> RunJob(HttpClient client, string pageUrl, string postUrl, params (string, string)[] fields)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync(pageUrl));
        var posted = await client.PostAsync(postUrl, Form(token, fields));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var jobPath = posted.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/Exports/Jobs/", jobPath);
        Assert.Contains("导出：", await posted.Content.ReadAsStringAsync());
        return (jobPath, await WaitDone(client, jobPath));
    }

    // Polls the job's status until it is no longer waiting or running; it must be done, and its file is fetched.
    static async Task<HttpResponseMessage> WaitDone(HttpClient client, string jobPath)
    {
        JsonObject status;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(200);
            status = JsonNode.Parse(await client.GetStringAsync(jobPath + "?handler=Status"))!.AsObject();
        } while (status["state"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("done", status["state"]!.GetValue<string>());
        Assert.Equal(100, status["percent"]!.GetValue<int>());
        var file = await client.GetAsync(status["file"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        return file;
    }

    static async Task<string> Save(HttpResponseMessage response, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-job-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_units_book_is_made_in_the_background_and_only_its_owner_sees_the_job(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局").Select(p => new { p.Form.Name, p.BudgetUnitId }).ToListAsync());
        var unit = east[0].BudgetUnitId;
        var client = await app.SignedIn("east-preparer");
        var overview = $"/Units/Overview?unit={unit}&year=2026";
        Assert.Contains("?handler=Job", await client.GetStringAsync(overview));

        var (jobPath, file) = await RunJob(client, overview, "/Units/Book?handler=Job",
            ("unit", unit.ToString()), ("year", "2026"), ("layout", "national"), ("to", "docx"));
        Assert.Contains(".docx", file.Content.Headers.ContentDisposition!.ToString());
        var path = await Save(file, "docx");
        try { Assert.Equal(east.Select(p => p.Name).Order(), DocumentReader.Read(path).Projects.Select(p => p.Name).Order()); }
        finally { File.Delete(path); }
        Assert.Contains(jobPath, await client.GetStringAsync("/Exports/Jobs"));

        // Another user: the job, its status and its file answer like missing ones; another unit's book cannot be asked for.
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync(jobPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync(jobPath + "?handler=Status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync(jobPath + "?handler=File")).StatusCode);
        Assert.DoesNotContain(jobPath, await west.GetStringAsync("/Exports/Jobs"));
        var token = TestApp.AntiforgeryToken(await west.GetStringAsync("/Exports/Jobs"));
        var refused = await west.PostAsync("/Units/Book?handler=Job", Form(token, ("unit", unit.ToString()), ("year", "2026"), ("to", "docx")));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/Units/Book?handler=Job",
            Form(TestApp.AntiforgeryToken(await client.GetStringAsync(overview)), ("unit", unit.ToString()), ("year", "2026"), ("to", "exe")))).StatusCode);
    }

    static System.Security.Claims.ClaimsPrincipal UserWithId(string id) => new(new System.Security.Claims.ClaimsIdentity(
        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id)], "test"));

    static ExportJobs Jobs(string folder) =>
        new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportJobs>.Instance, new ExportJobs.Folder(folder));

    [Fact]
    public void Finished_jobs_and_their_files_are_swept_after_the_keeping_time()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-jobs-").FullName;
        try
        {
            var jobs = Jobs(folder);
            var user = UserWithId("u1");
            var (job, _) = jobs.Enqueue(user, "t", "csv", "t.csv", (_, _, _, _) => Task.CompletedTask);
            var file = Path.Combine(folder, job!.Id.ToString("N") + ".csv");
            File.WriteAllText(file, "x");
            job.FilePath = file;
            job.Finished = DateTime.UtcNow;
            jobs.Sweep(DateTime.UtcNow + ExportJobs.KeepFor - TimeSpan.FromSeconds(1));
            Assert.NotNull(jobs.Find(job.Id, user));
            Assert.True(File.Exists(file));
            Assert.True(File.Exists(Path.Combine(folder, job.Id.ToString("N") + ".json")));
            jobs.Sweep(DateTime.UtcNow + ExportJobs.KeepFor + TimeSpan.FromSeconds(1));
            Assert.Null(jobs.Find(job.Id, user));
            Assert.False(File.Exists(file));
            Assert.False(File.Exists(Path.Combine(folder, job.Id.ToString("N") + ".json")));   // its record goes too
            // A user may have only a few jobs waiting at once.
            for (var i = 0; i < ExportJobs.MaxWaitingPerUser; i++) Assert.NotNull(jobs.Enqueue(user, "t", "csv", "t.csv", (_, _, _, _) => Task.CompletedTask).Job);
            Assert.Contains("排队", jobs.Enqueue(user, "t", "csv", "t.csv", (_, _, _, _) => Task.CompletedTask).Refused);
            Assert.NotNull(jobs.Enqueue(UserWithId("u2"), "t", "csv", "t.csv", (_, _, _, _) => Task.CompletedTask).Job);
        }
        finally { Directory.Delete(folder, true); }
    }

    // After a restart (a new queue over the same folder): a finished export is still there with its file;
    // one that was running or waiting is marked interrupted with the page to start it again; a finished one
    // whose file went says so; an unreadable record is skipped. Every job stays its owner's only.
    [Fact]
    public async Task A_restart_keeps_finished_exports_and_says_which_ones_were_interrupted()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-jobs-").FullName;
        try
        {
            var jobs = Jobs(folder);
            var user = UserWithId("u1");
            await jobs.StartAsync(CancellationToken.None);
            var (done, _) = jobs.Enqueue(user, "做完的", "csv", "done.csv", async (_, _, path, _) => await File.WriteAllTextAsync(path, "项目\r\n"));
            var (gone, _) = jobs.Enqueue(user, "文件丢了", "csv", "gone.csv", async (_, _, path, _) => await File.WriteAllTextAsync(path, "x"));
            var running = new TaskCompletionSource();
            var (interrupted, _) = jobs.Enqueue(user, "进行中", "pdf", "running.pdf", async (_, job, _, ct) =>
            {
                job.Report("正在排版打印 PDF", 0, 1);
                running.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }, again: "/Units/Overview?unit=1&year=2026");
            await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(ExportJobState.Done, jobs.Find(done!.Id, user)!.State);
            Assert.Equal(ExportJobState.Running, jobs.Find(interrupted!.Id, user)!.State);
            // Refused: an address off this site is never offered as the way back.
            var (waiting, _) = jobs.Enqueue(user, "排队的", "docx", "waiting.docx", (_, _, _, _) => Task.CompletedTask, again: "//evil.example/");
            Assert.Null(waiting!.Again);
            File.Delete(jobs.Find(gone!.Id, user)!.FilePath!);
            File.WriteAllText(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json"), "{ not json");
            // A process that dies leaves the running job's record as running (simulated by not stopping the
            // queue); a process stopped in order marks it interrupted itself. Both read back the same.
            var runningRecord = File.ReadAllText(Path.Combine(folder, interrupted.Id.ToString("N") + ".json"));

            var after = Jobs(folder);
            var again = after.Find(done.Id, user)!;
            Assert.Equal(ExportJobState.Done, again.State);
            Assert.Equal(100, again.Percent);
            Assert.Equal("项目\r\n", File.ReadAllText(again.FilePath!));
            Assert.Equal(("做完的", "csv", "done.csv", done.Created), (again.Title, again.Format, again.FileName, again.Created));
            Assert.Null(after.Find(done.Id, UserWithId("u2")));
            var lost = after.Find(interrupted.Id, user)!;
            Assert.Equal((ExportJobState.Failed, ExportJobs.Interrupted, "/Units/Overview?unit=1&year=2026"), (lost.State, lost.Error, lost.Again));
            Assert.Null(lost.FilePath);
            Assert.NotNull(lost.Finished);   // swept after the keeping time like any finished job
            Assert.Equal((ExportJobState.Failed, ExportJobs.Interrupted), (after.Find(waiting.Id, user)!.State, after.Find(waiting.Id, user)!.Error));
            Assert.Equal((ExportJobState.Failed, ExportJobs.FileGone), (after.Find(gone.Id, user)!.State, after.Find(gone.Id, user)!.Error));
            Assert.Equal(4, after.Of(user).Count);
            // Read back once more: the interrupted job keeps the time it was found lost (it is swept after the
            // keeping time, not marked again at every start).
            Assert.Equal(lost.Finished, Jobs(folder).Find(interrupted.Id, user)!.Finished);
            // Interrupted jobs no longer count as waiting: the user may ask again at once.
            Assert.NotNull(after.Enqueue(user, "t", "csv", "t.csv", (_, _, _, _) => Task.CompletedTask).Job);

            await jobs.StopAsync(CancellationToken.None);
            Assert.Contains("\"State\":1", runningRecord);   // ExportJobState.Running
            Assert.Equal((ExportJobState.Failed, ExportJobs.Interrupted), (jobs.Find(interrupted.Id, user)!.State, jobs.Find(interrupted.Id, user)!.Error));
            Assert.Contains("\"State\":3", File.ReadAllText(Path.Combine(folder, interrupted.Id.ToString("N") + ".json")));
        }
        finally { Directory.Delete(folder, true); }
    }

    // A restart in the middle of the work: the app stops with one export waiting (behind another user's long
    // one) and the record of another says running (a process killed while it ran). A new app on the same data
    // folder and database makes both, from what was asked for, with what the owner may see; a job whose work
    // was only in memory is marked interrupted, and one whose owner was removed says so.
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Exports_waiting_or_running_when_the_app_stopped_are_made_after_the_next_start(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var folder = provider == "sqlite"
            ? Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource)!
            : Directory.CreateTempSubdirectory("jixiao-data-").FullName;
        var database = provider == "sqlite" ? null : db.ConnectionString;
        try
        {
            string password, bookPath, listPath;
            Guid blocker;
            var first = await TestApp.Start(folder, database, demo: true);
            await using (first)
            {
                password = first.PasswordOf("east-preparer");
                var unit = await first.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync());
                var jobs = first.App.Services.GetRequiredService<ExportJobs>();
                var started = new TaskCompletionSource();
                blocker = jobs.Enqueue(UserWithId("someone-else"), "长时间的导出", "pdf", "long.pdf", async (_, _, _, ct) =>
                {
                    started.SetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }).Job!.Id;
                await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

                var client = await first.SignedIn("east-preparer", password);
                var overview = $"/Units/Overview?unit={unit}&year=2026";
                var posted = await client.PostAsync("/Units/Book?handler=Job", Form(TestApp.AntiforgeryToken(await client.GetStringAsync(overview)),
                    ("unit", unit.ToString()), ("year", "2026"), ("layout", "national"), ("to", "docx")));
                bookPath = posted.RequestMessage!.RequestUri!.AbsolutePath;
                posted = await client.PostAsync("/?handler=Export", Form(TestApp.AntiforgeryToken(await client.GetStringAsync("/?year=2026")),
                    ("year", "2026"), ("format", "csv")));
                listPath = posted.RequestMessage!.RequestUri!.AbsolutePath;
                foreach (var path in new[] { bookPath, listPath })
                    Assert.Equal("queued", JsonNode.Parse(await client.GetStringAsync(path + "?handler=Status"))!["state"]!.GetValue<string>());
            }

            // The list's record as a killed process leaves it: running, with half a file beside it.
            var exports = ExportJobs.FolderIn(folder);
            var listId = Guid.Parse(listPath.Split('/')[^1]);
            var listRecord = Path.Combine(exports, listId.ToString("N") + ".json");
            File.WriteAllText(listRecord, File.ReadAllText(listRecord).Replace("\"State\":0", "\"State\":1"));
            File.WriteAllText(Path.Combine(exports, listId.ToString("N") + ".csv"), "半个文件");
            // A copy of the book's request whose owner no longer exists.
            var bookId = Guid.Parse(bookPath.Split('/')[^1]);
            var orphan = Guid.NewGuid();
            var bookRecord = File.ReadAllText(Path.Combine(exports, bookId.ToString("N") + ".json"));
            var owner = JsonNode.Parse(bookRecord)!["Owner"]!.GetValue<string>();
            File.WriteAllText(Path.Combine(exports, orphan.ToString("N") + ".json"),
                bookRecord.Replace(bookId.ToString(), orphan.ToString()).Replace(owner, "removed-user"));

            await using var second = await TestApp.Start(folder, database, demo: false);
            var again = await second.SignedIn("east-preparer", password);
            var book = await WaitDone(again, bookPath);
            var docx = await Save(book, "docx");
            try
            {
                var expected = await second.Db(d => d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局" && p.FiscalYear == 2026).Select(p => p.Form.Name).ToListAsync());
                Assert.NotEmpty(expected);
                Assert.Equal(expected.Order(), DocumentReader.Read(docx).Projects.Select(p => p.Name).Order());
            }
            finally { File.Delete(docx); }
            var list = await (await WaitDone(again, listPath)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("半个文件", list);
            var visible = await second.Db(d => d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局" && p.FiscalYear == 2026).Select(p => p.Form.Name).ToListAsync());
            Assert.Equal(visible.Order(), Csv(list).Skip(1).Select(r => r[0]).Order());

            var jobsAfter = second.App.Services.GetRequiredService<ExportJobs>();
            var lost = jobsAfter.Find(blocker, UserWithId("someone-else"))!;
            Assert.Equal((ExportJobState.Failed, ExportJobs.Interrupted), (lost.State, lost.Error));
            var deadline = DateTime.UtcNow.AddMinutes(1);
            ExportJob gone;
            while ((gone = jobsAfter.Find(orphan, UserWithId("removed-user"))!).State is ExportJobState.Queued or ExportJobState.Running && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.Equal((ExportJobState.Failed, ExportJobs.OwnerGone), (gone.State, gone.Error));
            Assert.False(File.Exists(Path.Combine(exports, orphan.ToString("N") + ".docx")));
            // The page of the resumed job shows it done, in Chinese, with its file.
            var page = await again.GetStringAsync(bookPath);
            Assert.Contains("已完成", page);
            Assert.Contains("?handler=File", page);
        }
        finally
        {
            if (provider != "sqlite") Directory.Delete(folder, true);
        }
    }

    static List<string[]> Csv(string text) =>
        text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

    static List<List<string>> XlsxRows(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_filtered_review_list_exports_exactly_its_rows_masked_outside_the_unit(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        // More rows than one export page, spread over both units, some with a contact person.
        var units = await app.Db(d => d.BudgetUnits.Where(u => u.Name == "东城区信访局" || u.Name == "西城区信访局").ToListAsync());
        await app.Db(async d =>
        {
            for (var i = 0; i < ListExports.PageSize + 20; i++)
            {
                var form = new ProjectForm
                {
                    Name = $"导出测试项目{i:000}", Code = $"EXP{i:000}", Funding = new() { Total = 10_000m * i },
                    People = i % 2 == 0 ? [new Person { Role = "项目负责人", Name = "李晓明", Phone = "13512341234" }] : [],
                };
                RowIds.Assign(form);
                d.Projects.Add(new Project { BudgetUnitId = units[i % 2].Id, FiscalYear = 2026, Form = form, Status = i % 3 == 0 ? ProjectStatus.Submitted : ProjectStatus.Draft, QualityScore = i % 100 });
            }
            return await d.SaveChangesAsync();
        });
        var finance = await app.SignedIn("finance");
        var filter = new ReviewFilter(2026, null, null, null, ProjectStatus.Submitted, 10, null, null, null, null, null);
        var expected = await app.Db(d => filter.Apply(d.Projects).Select(p => p.Form.Name).ToListAsync());
        Assert.True(expected.Count > 100);
        var list = "/Review?year=2026&status=Submitted&min=10";
        Assert.Contains($"共 {expected.Count} 项", await finance.GetStringAsync(list));

        var (_, csvFile) = await RunJob(finance, list, list + "&handler=Export", ("format", "csv"));
        Assert.Equal("text/csv", csvFile.Content.Headers.ContentType!.MediaType);
        var bytes = await csvFile.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);   // UTF-8 with BOM, for Excel
        var rows = Csv(Encoding.UTF8.GetString(bytes));
        Assert.Equal("项目名称", rows[0][0]);
        Assert.Equal(expected.Order(), rows.Skip(1).Select(r => r[0]).Order());
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("李晓明", text);
        Assert.DoesNotContain("13512341234", text);
        Assert.Contains("李**", text);
        Assert.Contains("135****1234", text);

        var (_, xlsxFile) = await RunJob(finance, list, list + "&handler=Export", ("format", "xlsx"));
        var path = await Save(xlsxFile, "xlsx");
        try
        {
            var sheet = XlsxRows(path);
            Assert.Equal(expected.Order(), sheet.Skip(1).Select(r => r[0]).Order());
            Assert.DoesNotContain(sheet.SelectMany(r => r), c => c.Contains("李晓明"));
        }
        finally { File.Delete(path); }

        // The unit's own preparer sees only the unit's rows, with its own people unmasked.
        var east = await app.SignedIn("east-preparer");
        var eastId = units.Single(u => u.Name == "东城区信访局").Id;
        var eastExpected = await app.Db(d => filter.Apply(d.Projects.Where(p => p.BudgetUnitId == eastId)).Select(p => p.Form.Name).ToListAsync());
        var (_, eastCsv) = await RunJob(east, list, list + "&handler=Export", ("format", "csv"));
        var eastText = await eastCsv.Content.ReadAsStringAsync();
        Assert.Equal(eastExpected.Order(), Csv(eastText).Skip(1).Select(r => r[0]).Order());
        Assert.Contains("李晓明", eastText);

        // The project list of the year: every visible project of the units found.
        var all = await app.Db(d => d.Projects.Where(p => p.FiscalYear == 2026).Select(p => p.Form.Name).ToListAsync());
        var (_, projectsCsv) = await RunJob(finance, "/?year=2026", "/?handler=Export", ("year", "2026"), ("format", "csv"));
        Assert.Equal(all.Order(), Csv(await projectsCsv.Content.ReadAsStringAsync()).Skip(1).Select(r => r[0]).Order());
    }

    [Fact]
    public void Csv_fields_are_quoted_and_formulas_are_defused()
    {
        Assert.Equal("\"a,b\"", CsvRowWriter.Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvRowWriter.Field("say \"hi\""));
        Assert.Equal("'=1+1", CsvRowWriter.Field("=1+1"));
        Assert.Equal("-5", CsvRowWriter.Field(-5));
        Assert.Equal("12.5", CsvRowWriter.Field(12.5m));
        Assert.Equal("", CsvRowWriter.Field(null));
    }
}
