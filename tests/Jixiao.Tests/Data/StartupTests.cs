using System.Diagnostics;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Tests.Data;

// A start killed half-way (kill -9 during the schema upgrade) must never keep the next start out,
// and a start that waits for a live one says so in Chinese instead of hanging.
public class StartupTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_start_is_cleared_on_SQLite()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using (await TestApp.Start(test)) { }
        // What a process killed between EF's lock and its release leaves behind.
        await Execute(test, "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-29 08:00:00+00:00')");

        await using var app = await TestApp.Start(test).WaitAsync(Bound);

        Assert.Equal(0L, await Scalar(test, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Client().GetAsync("/healthz")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_database_from_another_version_is_refused_in_Chinese_and_left_untouched(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = Context(test)) await Migrator.MigrateAsync(db);
        // The first wave's hand-written history, as its data folders still have it.
        await Execute(test, "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261122040000_DeclarationForms', '10.0.14')");

        await using (var db = Context(test))
        {
            var e = await Assert.ThrowsAsync<StartupException>(() => Migrator.MigrateAsync(db, TimeSpan.FromSeconds(5)));
            Assert.Contains("由另一版本的绩效系统建立", e.Message);
            Assert.Contains("20261122040000_DeclarationForms", e.Message);
        }
        Assert.Equal(1L, await Scalar(test, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261122040000_DeclarationForms'"));
    }

    [Fact]
    public async Task A_live_migration_on_SQLite_is_waited_for_only_as_long_as_the_bound()
    {
        await using var test = await TestDatabase.Create("sqlite");
        var file = new SqliteConnectionStringBuilder(test.ConnectionString).DataSource;
        // Another live process migrating holds this file lock.
        await using (new FileStream(file + ".migrate-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            await using var db = Context(test);
            var clock = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<StartupException>(() => Migrator.MigrateAsync(db, TimeSpan.FromSeconds(1)));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
            Assert.Contains("另一个 jixiao 进程正在升级数据库", e.Message);
            Assert.Contains("已等待 1 秒", e.Message);
        }
        // Once it is gone, the start goes through.
        await using (var db = Context(test)) await Migrator.MigrateAsync(db, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostgreSQL_migration_lock_dies_with_its_session_and_a_live_one_is_waited_for_within_the_bound()
    {
        await using var test = await TestDatabase.Create("postgres");
        await using (var db = Context(test)) await Migrator.MigrateAsync(db);

        // A live migrator: EF 10 Npgsql locks the history table inside the migration transaction.
        var holder = new NpgsqlConnection(test.ConnectionString + ";Pooling=false");
        await holder.OpenAsync();
        var tx = await holder.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", holder, tx))
            await lockCommand.ExecuteNonQueryAsync();

        await using (var db = Context(test))
        {
            var e = await Assert.ThrowsAsync<StartupException>(() => Migrator.MigrateAsync(db, TimeSpan.FromSeconds(1)).WaitAsync(Bound));
            Assert.Contains("已等待 1 秒", e.Message);
        }

        // The holder's process dies (its session ends without commit): the next start goes through.
        await using (var killer = new NpgsqlConnection(test.ConnectionString))
        {
            await killer.OpenAsync();
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({holder.ProcessID})", killer);
            await kill.ExecuteScalarAsync();
        }
        await using (var db = Context(test)) await Migrator.MigrateAsync(db, TimeSpan.FromSeconds(5)).WaitAsync(Bound);
        await using var app = await TestApp.Start(test).WaitAsync(Bound);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Client().GetAsync("/healthz")).StatusCode);
        try { await holder.DisposeAsync(); } catch (NpgsqlException) { }
    }

    // The real thing: `jixiao serve` killed with SIGKILL at moments spread over its start-up, then started
    // again; every next start must serve within 20 seconds.
    [Fact]
    public async Task Serve_killed_at_any_moment_of_start_up_starts_again_on_SQLite()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-kill-").FullName;
        try
        {
            var random = new Random(13);
            for (var round = 0; round < 6; round++)
            {
                using (var victim = Serve(folder, out _))
                {
                    await Task.Delay(random.Next(150, 1500));
                    victim.Kill();
                    await victim.WaitForExitAsync();
                }
                using var next = Serve(folder, out var ready);
                var started = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(20)));
                next.Kill();
                await next.WaitForExitAsync();
                Assert.True(started == ready.Task, $"第 {round + 1} 次被杀后，下一次启动 20 秒内没有开始服务");
            }
            await using var check = new SqliteConnection($"Data Source={Path.Combine(folder, "jixiao.db")};Pooling=false");
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await integrity.ExecuteScalarAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Database_files_and_keys_are_readable_by_the_service_user_only()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test);
        await app.Client().GetAsync("/Account/Login");
        var folder = app.DataFolder;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "jixiao.db")));
        var keys = Path.Combine(folder, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var keyFiles = Directory.GetFiles(keys);
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    static Process Serve(string folder, out TaskCompletionSource ready)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "jixiao.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "serve", "--data", folder, "--urls", "http://127.0.0.1:0", "--demo" }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Now listening on") == true) signal.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ready = signal;
        return process;
    }

    static JixiaoDb Context(TestDatabase test) => test.Provider == "sqlite"
        ? Database.Create(Path.GetDirectoryName(new SqliteConnectionStringBuilder(test.ConnectionString).DataSource)!, null)
        : Database.Create("unused", test.ConnectionString);

    static async Task Execute(TestDatabase test, string sql)
    {
        await using var connection = test.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    static async Task<long> Scalar(TestDatabase test, string sql)
    {
        await using var connection = test.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
