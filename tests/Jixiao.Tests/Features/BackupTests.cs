using System.CommandLine;
using Jixiao.Features;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

public class BackupTests
{
    static async Task<(int Exit, string Out, string Err)> Run(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_backup_taken_while_serving_restores_into_an_empty_place_and_serves_the_same_projects(string provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await using var target = await TestDatabase.Create(provider);
        var work = Directory.CreateTempSubdirectory("jixiao-backup-").FullName;
        try
        {
            var file = Path.Combine(work, "jixiao.backup");
            var restored = Path.Combine(work, "restored");
            List<string> before;
            await using (var app = await TestApp.Start(source, demo: true))
            {
                before = await app.Db(d => d.Projects.OrderBy(p => p.Id).Select(p => p.Form.Name!).ToListAsync());
                // Taken while the application is running.
                var backup = provider == "sqlite"
                    ? await Run(BackupCommand.CreateBackup(), "--to", file, "--data", app.DataFolder)
                    : await Run(BackupCommand.CreateBackup(), "--to", file, "--database", source.ConnectionString);
                Assert.True(backup.Exit == 0, backup.Err);
                Assert.Contains("已备份到", backup.Out);
                var again = await Run(BackupCommand.CreateBackup(), "--to", file, "--data", app.DataFolder);
                Assert.Equal(3, again.Exit);
                Assert.Contains("已存在", again.Err);
            }
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

            var restore = provider == "sqlite"
                ? await Run(BackupCommand.CreateRestore(), file, "--data", restored)
                : await Run(BackupCommand.CreateRestore(), file, "--database", target.ConnectionString);
            Assert.True(restore.Exit == 0, restore.Err);

            await using var served = provider == "sqlite"
                ? await TestApp.Start(restored, null, demo: false)
                : await TestApp.Start(target);
            var after = await served.Db(d => d.Projects.OrderBy(p => p.Id).Select(p => p.Form.Name!).ToListAsync());
            Assert.Equal(before, after);
            Assert.Equal(4, after.Count);
            // Restoring over a database that holds data is refused.
            var over = provider == "sqlite"
                ? await Run(BackupCommand.CreateRestore(), file, "--data", restored)
                : await Run(BackupCommand.CreateRestore(), file, "--database", target.ConnectionString);
            Assert.Equal(3, over.Exit);
            Assert.Contains("不是空的", over.Err.Replace("已有数据库", "不是空的"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_is_no_backup_is_refused_in_Chinese()
    {
        var work = Directory.CreateTempSubdirectory("jixiao-backup-").FullName;
        try
        {
            var file = Path.Combine(work, "note.txt");
            await File.WriteAllTextAsync(file, "这不是备份");
            var restore = await Run(BackupCommand.CreateRestore(), file, "--data", Path.Combine(work, "data"));
            Assert.Equal(2, restore.Exit);
            Assert.Contains("不是 jixiao 的备份文件", restore.Err);
            Assert.False(File.Exists(Path.Combine(work, "data", "jixiao.db")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
