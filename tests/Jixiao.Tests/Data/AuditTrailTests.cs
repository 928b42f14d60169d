using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Tests.Data;

// The audit log as 等保 wants it: committed with the change, final keys, chained, append-only,
// no file contents and no readable personal data.
public class AuditTrailTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_change_and_its_audit_rows_commit_together_or_not_at_all(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (await TestApp.Start(test, demo: true)) { }
        var folder = Folder(test);
        int before;
        await using (var db = Database.Create(folder, Pg(test))) before = await db.Projects.CountAsync();

        // The second step of the save (writing the rows' final keys into their entries) fails, as a
        // crash between the two would: the project must not stay behind without its record.
        await using (var db = Database.Create(folder, Pg(test), new AuditInterceptor(new HttpContextAccessor()), new FailOn("UPDATE \"AuditEntries\"")))
        {
            var unit = await db.BudgetUnits.FirstAsync();
            db.DepartmentGoals.Add(new DepartmentGoalRecord { BudgetUnitId = unit.Id, FiscalYear = 2031, Title = "不应留下的目标" });
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }
        await using (var db = Database.Create(folder, Pg(test)))
        {
            Assert.False(await db.DepartmentGoals.AnyAsync(g => g.FiscalYear == 2031));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Changes.Contains("不应留下的目标")));
            Assert.Equal(before, await db.Projects.CountAsync());
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityKey!.StartsWith("-")));
            Assert.True((await AuditChain.VerifyAsync(db)).Intact);
        }

        // Without the failure it goes through, with final keys.
        await using (var db = await Database.OpenAsync(folder, Pg(test)))
        {
            var unit = await db.BudgetUnits.FirstAsync();
            var goal = new DepartmentGoalRecord { BudgetUnitId = unit.Id, FiscalYear = 2031, Title = "留下的目标" };
            db.DepartmentGoals.Add(goal);
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "DepartmentGoalRecord" && a.EntityKey == goal.Id.ToString() && a.UserName!.StartsWith("cli:")));
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_chain_shows_an_edited_or_removed_entry_and_the_log_cannot_be_changed_through_the_application(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var verdict = await app.Db(db => AuditChain.VerifyAsync(db));
        Assert.True(verdict.Intact, verdict.Describe());
        Assert.True(verdict.Checked > 50);
        Assert.False(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Hash == null)));

        // Through the application: refused.
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Db(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            entry.UserName = "someone-else";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Db(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
            return await db.SaveChangesAsync();
        }));

        // Straight in the database: the chain shows where.
        var ids = await app.Db(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        await Execute(test, $"UPDATE \"AuditEntries\" SET \"UserName\" = 'forged' WHERE \"Id\" = {ids[10]}");
        Assert.Equal(ids[10], (await app.Db(db => AuditChain.VerifyAsync(db))).BrokenAt);
        var broken = await app.Db(db => AuditChain.VerifyAsync(db));
        Assert.Contains($"第 {ids[10]} 号记录", broken.Describe());

        await using var fresh = await TestDatabase.Create(provider);
        await using var other = await TestApp.Start(fresh, demo: true);
        var otherIds = await other.Db(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        await Execute(fresh, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {otherIds[20]}");
        Assert.Equal(otherIds[21], (await other.Db(db => AuditChain.VerifyAsync(db))).BrokenAt);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_log_holds_no_file_contents_and_no_readable_names_or_phone_numbers(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var client = await app.SignedIn("east-preparer");
        var form = await File.ReadAllTextAsync(Seeds.PathOf("004"));
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Import"));
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", "申报表.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var log = await app.Db(db => db.AuditEntries.Select(a => a.Changes).ToListAsync());
        var all = string.Join("\n", log);
        // The demo's people and users: masked.
        Assert.DoesNotContain("13810001234", all);
        Assert.DoesNotContain("王建国", all);
        Assert.DoesNotContain("张敏", all);
        Assert.Contains("138****1234", all);
        Assert.Contains("王**", all);
        Assert.Contains("张*（东城区信访局）", all);
        // The upload: sized, never copied.
        Assert.Contains("文件内容", all);
        Assert.DoesNotContain(form.Split('\n').First(l => l.Trim().Length > 12).Trim(), all);
        Assert.DoesNotContain("\"projects\"", all);
    }

    [Fact]
    public async Task Refusals_are_recorded_under_the_signed_in_user()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var client = await app.SignedIn("east-preparer");

        // A post without its anti-forgery token, and a page of another role.
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var denied = await client.GetAsync("/Audit");
        Assert.Equal("/Account/Denied", denied.RequestMessage!.RequestUri!.AbsolutePath);

        var refusals = await app.Db(db => db.AuditEntries.Where(a => a.Action == "Refused").ToListAsync());
        Assert.Contains(refusals, a => a.UserName == "east-preparer" && a.EntityKey == "POST /Account/Logout" && a.Changes.Contains("防伪令牌"));
        Assert.Contains(refusals, a => a.UserName == "east-preparer" && a.EntityKey == "GET /Audit" && a.Changes.Contains("无权访问"));
    }

    static string Folder(TestDatabase test) => test.Provider == "sqlite"
        ? Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(test.ConnectionString).DataSource)!
        : Path.GetTempPath();

    static string? Pg(TestDatabase test) => test.Provider == "postgres" ? test.ConnectionString : null;

    static async Task Execute(TestDatabase test, string sql)
    {
        await using var connection = test.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    // Fails the first command whose text contains the given SQL, as a crash at that moment would.
    sealed class FailOn(string sql) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains(sql) ? throw new IOException("模拟的崩溃") : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains(sql) ? throw new IOException("模拟的崩溃") : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
