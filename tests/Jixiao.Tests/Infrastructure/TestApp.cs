using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Infrastructure;

// The real application (WebApp.Build, the same as `jixiao serve`) on a test database,
// with intent methods so that tests read like what a user does.
public sealed partial class TestApp : IAsyncDisposable
{
    public WebApplication App { get; }
    public string DataFolder { get; }
    public string Console => console.ToString();
    readonly StringWriter console;
    readonly bool ownsFolder;

    TestApp(WebApplication app, string dataFolder, StringWriter console, bool ownsFolder)
    {
        App = app;
        DataFolder = dataFolder;
        this.console = console;
        this.ownsFolder = ownsFolder;
    }

    public static Task<TestApp> Start(TestDatabase db, bool demo = false, Action<WebApplicationBuilder>? configure = null) =>
        db.Provider == "sqlite"
            ? Start(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource)!, null, demo, ownsFolder: false, configure: configure)
            : Start(Directory.CreateTempSubdirectory("jixiao-data-").FullName, db.ConnectionString, demo, ownsFolder: true, configure: configure);

    // The SQLite database lives in the data folder as jixiao.db, exactly as `serve --data` keeps it.
    public static async Task<TestApp> Start(string dataFolder, string? database, bool demo, bool ownsFolder = false, bool live = false,
        Action<WebApplicationBuilder>? configure = null)
    {
        var app = WebApp.Build(new ServeOptions(dataFolder, database), b =>
        {
            if (!live) b.WebHost.UseTestServer();
            // The in-process server has no client addresses, so every test client would share one sign-in
            // throttle: raised here; SessionTests sets the real limit where it tests the throttle.
            b.Configuration["Security:SignInAttemptsPerMinute"] = "1000";
            // Tests write beside the application as a command would (Database.Create) and look at once:
            // the change stamp is read on every look here; ChangeClockTests test the kept stamp.
            b.Configuration["Database:ExternalChangeSeconds"] = "0";
            configure?.Invoke(b);
        });
        var console = new StringWriter();
        await Bootstrap.RunAsync(app.Services, demo, console);
        if (!live) await app.StartAsync();
        return new TestApp(app, dataFolder, console, ownsFolder);
    }

    // A client that keeps cookies and follows redirects, like a browser.
    public HttpClient Client()
    {
        var server = App.GetTestServer();
        var cookies = new CookieContainerHandler { InnerHandler = server.CreateHandler() };
        return new HttpClient(new RedirectHandler { InnerHandler = cookies }) { BaseAddress = server.BaseAddress };
    }

    public async Task<string> CreateUser(string userName, string role, int? unitId = null, int? departmentId = null)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await Bootstrap.CreateUserAsync(users, userName, userName, role, mustChange: false, unitId, departmentId);
    }

    public async Task<T> Db<T>(Func<JixiaoDb, Task<T>> work)
    {
        using var scope = App.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<JixiaoDb>());
    }

    // A form file read and saved into a unit's year, as a confirmed import does; returns the unit's id.
    public Task<int> ImportInto(string unitName, string path, int year) => Db(async d =>
    {
        var unit = await d.BudgetUnits.SingleAsync(u => u.Name == unitName);
        var outcome = await Jixiao.Features.Import.ImportSaver.SaveAsync(d, Jixiao.Forms.DocumentReader.Read(path), unit, year,
            _ => Jixiao.Features.Import.DuplicateChoice.Ask, "test", Path.GetFileName(path));
        Assert.True(outcome.Saved, outcome.Describe());
        var saved = await Jixiao.Features.Projects.ProjectStore.CommitAsync(d);
        Assert.True(saved.Saved, saved.Conflict);
        return unit.Id;
    });

    // The demo prints "  <role>\t<user>\t<password>" for each account.
    public string PasswordOf(string userName) =>
        Regex.Match(Console, $@"\t{Regex.Escape(userName)}\t(\S+)").Groups[1].Value is { Length: > 0 } p
            ? p : throw new InvalidOperationException("no password printed for " + userName);

    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string userName, string password)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public async Task<HttpClient> SignedIn(string userName, string? password = null)
    {
        var client = Client();
        var response = await SignIn(client, userName, password ?? PasswordOf(userName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("用户名或密码错误", await response.Content.ReadAsStringAsync());
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html).Groups[1].Value is { Length: > 0 } t ? t : throw new InvalidOperationException("no antiforgery token in page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownsFolder) Directory.Delete(DataFolder, recursive: true);
    }
}
