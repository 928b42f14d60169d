using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Jixiao.Features;
using Jixiao.Tests.Features.Api;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features;

// Kept lists follow the change stamps of the areas they name: a save in an area shows at the next look of
// every list naming it (firing), and leaves the lists of other areas kept (silent).
public class ChangeStampTests
{
    static readonly Area[] Areas = [.. Enum.GetValues<Area>().Where(a => a is not (Area.None or Area.All))];

    // Each change is saved on a fresh context (as a request would), through the audit interceptor.
    static readonly (string What, Area Moves, Func<JixiaoDb, Task> Change)[] Changes =
    [
        ("a draft's form", Area.Projects, async db => (await Draft(db)).Form.AnnualGoal += "。"),
        ("one indicator row of a draft", Area.Projects, async db => (await Draft(db)).Form.Indicators[0].Name += "（改）"),
        ("a history row of a draft whose row is read", Area.Projects, async db =>
        {
            var draft = await Draft(db);
            db.ProjectVersions.Add(new ProjectVersion { ProjectId = draft.Id, Version = 100 + draft.Version, Utc = DateTime.UtcNow, Reason = "测试" });
        }),
        ("a history row alone (its project not read: both project areas)", Area.Projects | Area.Approved, async db =>
        {
            var draft = await db.Projects.AsNoTracking().Where(p => p.ApprovedVersion == null).OrderBy(p => p.Id).Select(p => new { p.Id, p.Version }).FirstAsync();
            db.ProjectVersions.Add(new ProjectVersion { ProjectId = draft.Id, Version = 200 + draft.Version, Utc = DateTime.UtcNow, Reason = "测试" });
        }),
        ("a draft's form replaced, as an edit does (its rows and their target values with it)", Area.Projects, async db => Replace(db, await Draft(db))),
        ("an approved project's form replaced", Area.Projects | Area.Approved, async db =>
            Replace(db, await db.Projects.Include(p => p.BudgetUnit).Where(p => p.ApprovedVersion != null).OrderBy(p => p.Id).FirstAsync())),
        ("one indicator row of an approved project", Area.Projects | Area.Approved, async db =>
            (await db.Projects.Where(p => p.ApprovedVersion != null).OrderBy(p => p.Id).FirstAsync()).Form.Indicators[0].Name += "（改）"),
        ("a draft approved", Area.Projects | Area.Approved, async db =>
        {
            var draft = await Draft(db);
            draft.Status = ProjectStatus.Approved;
            draft.ApprovedVersion = draft.Version;
        }),
        ("a review comment", Area.Review, async db =>
        {
            var project = await db.Projects.OrderBy(p => p.Id).Select(p => new { p.Id, p.Version }).FirstAsync();
            db.ReviewComments.Add(new ReviewComment { ProjectId = project.Id, Version = project.Version, Text = "请补充", Utc = DateTime.UtcNow });
        }),
        ("a round's due date", Area.Monitoring, async db => (await db.MonitoringRounds.OrderBy(r => r.Id).FirstAsync()).DueDate = DateOnly.FromDateTime(DateTime.Today).AddDays(30)),
        ("a report's light", Area.Monitoring, async db => (await db.MonitoringReports.OrderBy(r => r.Id).FirstAsync()).Light = Jixiao.Domain.Monitoring.Light.Red),
        ("a unit's name", Area.Organisation, async db => (await db.BudgetUnits.OrderBy(u => u.Id).FirstAsync()).Name += "（更名）"),
        ("a department goal", Area.Declarations, async db =>
        {
            var unit = await db.BudgetUnits.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            db.DepartmentGoals.Add(new DepartmentGoalRecord { BudgetUnitId = unit, FiscalYear = 2026, Order = 9, Title = "测试目标", Goal = "测试" });
        }),
        ("an account's display name", Area.Users, async db => (await db.Users.OrderBy(u => u.UserName).FirstAsync()).DisplayName += "乙"),
        ("an entry of the indicator library", Area.Other, async db =>
            db.LibraryIndicators.Add(new LibraryIndicator { Level1 = "产出指标", Level2 = "数量指标", Name = "缓存分区测试指标" })),
    ];

    static void Replace(JixiaoDb db, Project project)
    {
        var form = System.Text.Json.JsonSerializer.Deserialize<ProjectForm>(System.Text.Json.JsonSerializer.Serialize(project.Form, Interchange.Json), Interchange.Json)!;
        form.Indicators[0].AnnualTarget = TargetValue.Parse("≥99%");
        Assert.True(Jixiao.Features.Projects.ProjectStore.Replace(db, project, form, project.Version, "test", "测试").Saved);
    }

    static Task<Project> Draft(JixiaoDb db) => db.Projects.Include(p => p.BudgetUnit).Where(p => p.ApprovedVersion == null).OrderBy(p => p.Id).FirstAsync();

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_save_computes_again_the_lists_of_its_areas_and_no_other(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var cache = app.App.Services.GetRequiredService<ListCache>();
        var computed = new ConcurrentDictionary<Area, int>();
        // One kept list per area, one over the monitoring dashboard's areas, one over all.
        Area[] lists = [.. Areas, Area.Monitoring | Area.Approved | Area.Organisation, Area.All];
        async Task<Dictionary<Area, int>> Look()
        {
            foreach (var areas in lists)
                await app.Db(db => cache.GetAsync(db, $"stamp-test:{areas}", areas, () => Task.FromResult(computed.AddOrUpdate(areas, 1, (_, n) => n + 1))));
            return lists.ToDictionary(a => a, a => computed[a]);
        }

        var before = await Look();
        Assert.Equal(before, await Look());   // nothing changed: nothing computed again
        foreach (var (what, moves, change) in Changes)
        {
            await app.Db(async db =>
            {
                await change(db);
                return await db.SaveChangesAsync();
            });
            var after = await Look();
            foreach (var areas in lists)
                Assert.True((after[areas] > before[areas]) == ((areas & moves) != 0),
                    $"{what}: the list over {areas} was {(after[areas] > before[areas] ? "" : "not ")}computed again");
            before = after;
            Assert.Equal(before, await Look());
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_drafts_save_leaves_the_dashboard_kept_and_shows_on_the_lists_at_once(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        using var commands = await Commands.On(app);
        var finance = await app.SignedIn("finance");
        var preparer = await app.SignedIn("east-preparer");
        var api = await ApiClient.For(app, "east-preparer");
        var dashboard = await finance.GetStringAsync("/Monitoring/Dashboard");
        Assert.Contains("西城区信访局", dashboard);
        Assert.DoesNotContain("预算执行红灯</td>", dashboard);
        await finance.GetStringAsync("/Summary?year=2026");

        // The preparer saves a draft through the API, as a platform does.
        var (_, list, _) = await api.Get("/api/projects?year=2026");
        var id = list!.AsArray().First(p => (string?)p!["status"] == "draft")!["id"]!.GetValue<int>();
        var (_, document, response) = await api.Get($"/api/projects/{id}");
        var form = document!["form"]!.DeepClone().AsObject();
        form["name"] = "缓存分区测试项目";
        var (status, _, _) = await api.Put($"/api/projects/{id}", new JsonObject { ["form"] = form }, response.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, status);

        // Silent: the dashboard does not read the reports again (the draft is not monitored).
        commands.Clear();
        Assert.Contains("西城区信访局", await finance.GetStringAsync("/Monitoring/Dashboard"));
        Assert.DoesNotContain(commands.Texts, c => c.Contains("MonitoringReports"));
        // Firing: the same user and another see the new name at their next look.
        Assert.Contains("缓存分区测试项目", await preparer.GetStringAsync("/Units/Overview?year=2026"));
        Assert.Contains("缓存分区测试项目", await finance.GetStringAsync("/Search?q=%E7%BC%93%E5%AD%98%E5%88%86%E5%8C%BA"));

        // A report turns red: the dashboard shows it at the next look; the summary (computed again after the
        // draft's save) stays kept: one query, the stamps.
        await finance.GetStringAsync("/Summary?year=2026");
        await app.Db(async db =>
        {
            (await db.MonitoringReports.SingleAsync()).Light = Jixiao.Domain.Monitoring.Light.Red;
            return await db.SaveChangesAsync();
        });
        commands.Clear();
        await finance.GetStringAsync("/Summary?year=2026");
        Assert.Single(commands.Texts);
        Assert.Contains("预算执行红灯</td>", await finance.GetStringAsync("/Monitoring/Dashboard"));

        // The approved project renamed: the dashboard's red list names it at the next look.
        await app.Db(async db =>
        {
            (await db.Projects.SingleAsync(p => p.ApprovedVersion != null)).Form.Name = "人民调解服务（更名）";
            return await db.SaveChangesAsync();
        });
        Assert.Contains("人民调解服务（更名）", await finance.GetStringAsync("/Monitoring/Dashboard"));
    }

    // The commands the application sends to this test's database (EF Core's diagnostic events).
    sealed class Commands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        readonly string target;
        readonly List<IDisposable> subscriptions = [];
        readonly ConcurrentQueue<string> texts = new();
        Commands(string target) => this.target = target;

        public static async Task<Commands> On(TestApp app)
        {
            var target = await app.Db(db => Task.FromResult(Key(db.Database.GetDbConnection())));
            var commands = new Commands(target);
            lock (commands.subscriptions) commands.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(commands));
            return commands;
        }

        static string Key(System.Data.Common.DbConnection c) => $"{c.DataSource}/{c.Database}";
        public List<string> Texts => [.. texts];
        public void Clear() => texts.Clear();

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (subscriptions) subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandExecutedEventData data && data.Command.Connection is { } c && Key(c) == target) texts.Enqueue(data.Command.CommandText);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() { lock (subscriptions) foreach (var s in subscriptions) s.Dispose(); }
    }
}
