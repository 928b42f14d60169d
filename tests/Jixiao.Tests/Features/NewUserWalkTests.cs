using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jixiao.Tests.Features;

// What a new user stumbled on in the walk of the review chain with the demo users, each fixed and kept here.
public class NewUserWalkTests
{
    static async Task<HttpResponseMessage> Post(HttpClient client, string page, string url, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", TestApp.AntiforgeryToken(await client.GetStringAsync(page))));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    // The demo's drafts each carry one error finding (to show the review); batches pass clean forms only, so the
    // unit's drafts are made clean here as a unit that fixed them would have them. Returns their ids.
    internal static Task<List<int>> CleanDrafts(TestApp app) => app.Db(async d =>
    {
        var drafts = await d.Projects.Where(p => p.BudgetUnit!.Code == "101002" && p.Status == ProjectStatus.Draft).ToListAsync();
        foreach (var p in drafts) p.Findings.RemoveAll(f => f.Severity == Jixiao.Domain.Review.Severity.Error);
        await d.SaveChangesAsync();
        Assert.NotEmpty(drafts);
        return drafts.Select(p => p.Id).ToList();
    });

    // The unit head's step is 确认, not 审核通过: the desk's batch button, its message and the steps it leaves
    // say the step's own word (the supervising department's desk still says 审核通过).
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_unit_heads_batch_on_the_desk_confirms_in_its_own_word(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await CleanDrafts(app);
        var preparer = await app.SignedIn("east-preparer");
        await Post(preparer, "/Desk", "/Desk?handler=SubmitDrafts", []);

        var head = await app.SignedIn("east-head");
        var desk = await head.GetStringAsync("/Desk");
        Assert.Contains("批量确认所选", desk);
        Assert.DoesNotContain("审核通过", desk);
        var done = await Post(head, "/Desk", "/Desk?handler=Approve", east.Select(id => new KeyValuePair<string, string>("ids", id.ToString())).ToList());
        Assert.Contains($"已确认 {east.Count} 个项目", await done.Content.ReadAsStringAsync());
        var comments = await app.Db(d => d.ProjectSteps.Where(s => east.Contains(s.ProjectId) && s.To == ProjectStatus.UnitApproved).Select(s => s.Comment).ToListAsync());
        Assert.Equal(east.Count, comments.Count);
        Assert.All(comments, c => Assert.Equal("批量确认", c));

        var supervisor = await app.SignedIn("supervisor");
        Assert.Contains("批量审核通过所选", await supervisor.GetStringAsync("/Desk"));

        // The comparison names its project (a user who came by a link did not know which form it was).
        var compare = await preparer.GetStringAsync($"/Projects/{east[0]}/Compare");
        var name = await app.Db(d => d.Projects.Where(p => p.Id == east[0]).Select(p => p.Form.Name).SingleAsync());
        Assert.Contains($"<h1>版本对比：{name}</h1>", compare);

        // The project list names the status as the project page does (it said 单位已审 beside 单位已确认).
        var list = await preparer.GetStringAsync("/?year=2026");
        Assert.Contains("单位已确认", list);
        Assert.DoesNotContain("单位已审", list);
    }
}

// Resetting a password ends the account's sessions at once: on /Security, as on /Admin/Users, it is asked first.
public class SecurityPageAsksTests
{
    [Fact]
    public async Task The_security_administrators_reset_asks_before_it_is_sent()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-security-").FullName;
        try
        {
            await using (var app = await TestApp.Start(folder, null, demo: true))
            {
                var security = await app.SignedIn("security");
                var page = await security.GetStringAsync("/Security");
                var resets = System.Text.RegularExpressions.Regex.Matches(page, "<form[^>]*handler=Reset[^>]*>");
                Assert.NotEmpty(resets);
                Assert.All(resets, f => Assert.Contains("data-confirm=\"重置账号", f.Value));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}

// A reviewer or administrator on /Import may read a file but never save it: told so before the upload, not by
// an empty unit list at the preview.
public class ImportPageSaysWhoSavesTests
{
    [Fact]
    public async Task Who_cannot_save_is_told_on_the_import_page()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-import-who-").FullName;
        try
        {
            await using (var app = await TestApp.Start(folder, null, demo: true))
            {
                foreach (var role in new[] { "supervisor", "finance" })
                    Assert.Contains("不能保存", await (await app.SignedIn(role)).GetStringAsync("/Import"));
                Assert.DoesNotContain("不能保存", await (await app.SignedIn("east-preparer")).GetStringAsync("/Import"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}

// The first start with --demo, as README says: what it writes to the console is read by a new user, and no
// English warning comes with it (the unencrypted key ring, EF's query splitting).
public class FirstStartConsoleTests
{
    sealed class Kept : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<string> Lines = new();
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string category) => new Logger(category, Lines);
        public void Dispose() { }
        sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel level) => true;
            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel level, Microsoft.Extensions.Logging.EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                if (level >= Microsoft.Extensions.Logging.LogLevel.Warning) lines.Enqueue($"{level} {category}: {format(state, e)}");
            }
        }
    }

    [Fact]
    public async Task A_first_start_with_the_demo_and_its_first_pages_warn_of_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-first-").FullName;
        var kept = new Kept();
        try
        {
            await using (var app = await TestApp.Start(folder, null, demo: true, configure: b => b.Logging.AddProvider(kept)))
            {
                var preparer = await app.SignedIn("east-preparer");
                var id = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Code == "101002").Select(p => p.Id).FirstAsync());
                foreach (var page in new[] { "/", "/Desk", $"/Projects/{id}", $"/Projects/Edit/{id}" })
                    Assert.Equal(System.Net.HttpStatusCode.OK, (await preparer.GetAsync(page)).StatusCode);
            }
            Assert.True(kept.Lines.IsEmpty, string.Join("\n", kept.Lines));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
