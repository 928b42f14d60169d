using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Tests.Features.Api;
using Jixiao.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Data;

// SQLite takes one writer at a time. Writers of one process queue at the SqliteWriteGate, asynchronously
// and in arrival order, instead of spinning in Microsoft.Data.Sqlite's Thread.Sleep retries (which under
// 50 users starved the pool and ended in HTTP 500 "database is locked"); a write that cannot get the
// database within its bound is answered 503 in Chinese and loses nothing.
public sealed class WriteGateTests
{
    [Fact]
    public async Task Writers_queue_in_arrival_order_without_blocking_the_caller()
    {
        await using var test = await TestDatabase.Create("sqlite");
        var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(test.ConnectionString).DataSource)!;
        await (await Database.OpenAsync(folder, null)).DisposeAsync();
        await using var first = Database.Create(folder, null);
        await using var second = Database.Create(folder, null);
        await using var third = Database.Create(folder, null);
        await using var fourth = Database.Create(folder, null);

        var holding = await first.Database.BeginTransactionAsync();
        var clock = Stopwatch.StartNew();
        var secondBegins = second.Database.BeginTransactionAsync();
        var thirdBegins = third.Database.BeginTransactionAsync();
        // The calls return at once with pending tasks: nobody sleeps on a thread while the first one writes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"BeginTransactionAsync blocked its caller for {clock.Elapsed}");
        await Task.Delay(300);
        Assert.False(secondBegins.IsCompleted);
        Assert.False(thirdBegins.IsCompleted);

        await holding.CommitAsync();
        var secondTx = await secondBegins.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.False(thirdBegins.IsCompleted); // first come, first served

        // A transaction disposed without commit or rollback still lets the next one in.
        await secondTx.DisposeAsync();
        var thirdTx = await thirdBegins.WaitAsync(TimeSpan.FromSeconds(10));
        await thirdTx.RollbackAsync();
        await using var fourthTx = await fourth.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await fourthTx.CommitAsync();

        // A request keeps its connection open throughout (WebApp.Build): a transaction disposed unended
        // there, then another on the same connection, must not wait for itself.
        await fourth.Database.OpenConnectionAsync();
        await (await fourth.Database.BeginTransactionAsync()).DisposeAsync();
        clock.Restart();
        await using var again = await fourth.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await again.CommitAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the same connection waited {clock.Elapsed} for its own gate");
        await using var fifth = Database.Create(folder, null);
        await using var fifthTx = await fifth.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_write_that_cannot_get_the_database_is_answered_503_in_Chinese_and_loses_nothing()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true, configure: b => b.Configuration["Database:BusySeconds"] = "1");
        var api = await ApiClient.For(app, "east-preparer");
        var (_, list, _) = await api.Get($"/api/projects?year={DemoWorkspace.Year}");
        var id = list!.AsArray().First(p => p!["status"]!.GetValue<string>() == "draft")!["id"]!.GetValue<int>();
        var (_, doc, got) = await api.Get($"/api/projects/{id}");
        var version = got.Headers.ETag!.Tag;
        var form = doc!["form"]!.DeepClone().AsObject();
        form["annualGoal"] = "繁忙时提交的年度目标";
        var adminPassword = await app.CreateUser("sysadmin", Roles.SystemAdmin);
        var admin = await app.SignedIn("sysadmin", adminPassword);
        var departments = await admin.GetStringAsync("/Admin/Departments");

        // Another process (a command-line import, say) holds the write lock.
        await using (var other = new SqliteConnection(test.ConnectionString))
        {
            await other.OpenAsync();
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var (status, body, response) = await api.Put($"/api/projects/{id}", new JsonObject { ["form"] = form.DeepClone() }, version);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("系统繁忙", body!["error"]!.GetValue<string>());
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());

            var page = await admin.PostAsync("/Admin/Departments?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Name"] = "市人民政府办公厅", ["Input.Code"] = "301001",
                ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(departments),
            }));
            var text = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"{page.StatusCode}: {text}\n{app.Console}");
            Assert.Contains("系统繁忙", text);
            Assert.DoesNotContain("SqliteException", text);

            // Reading goes on meanwhile.
            Assert.Equal(HttpStatusCode.OK, (await api.Get($"/api/projects/{id}")).Status);
            await using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        // Nothing was half saved, and the same save goes through once the database is free.
        Assert.Equal(version, (await api.Get($"/api/projects/{id}")).Response.Headers.ETag!.Tag);
        Assert.False(await app.Db(d => d.SupervisingDepartments.AnyAsync(x => x.Code == "301001")));
        var (again, saved, _) = await api.Put($"/api/projects/{id}", new JsonObject { ["form"] = form.DeepClone() }, version);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal("繁忙时提交的年度目标", saved!["form"]!["annualGoal"]!.GetValue<string>());
    }
}
