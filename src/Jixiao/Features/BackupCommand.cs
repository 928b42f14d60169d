using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Jixiao.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Features;

// jixiao backup --to FILE / jixiao restore FILE: a whole copy of the database, taken while the service
// runs. SQLite: VACUUM INTO writes one consistent snapshot (readers and writers go on meanwhile).
// PostgreSQL: pg_dump's custom format, restored with pg_restore into an empty database.
// Exit 0 done, 2 the backup file cannot be used, 3 the target is not empty, 4 a tool is missing.
public static class BackupCommand
{
    static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    public static Command CreateBackup()
    {
        var to = new Option<string>("--to") { Description = "备份文件（不能已存在）", Required = true };
        var data = new Option<string>("--data") { Description = "数据文件夹（SQLite）", DefaultValueFactory = _ => "./data" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL 连接字符串（也可用环境变量 JIXIAO_DATABASE）" };
        var cmd = new Command("backup", "备份数据库（服务运行中也可以）") { to, data, database };
        cmd.SetAction(async (pr, ct) =>
        {
            var error = pr.InvocationConfiguration.Error;
            var target = Path.GetFullPath(pr.GetValue(to)!);
            if (File.Exists(target))
            {
                error.WriteLine($"备份文件 {target} 已存在，请换一个文件名（不会覆盖已有的备份）");
                return 3;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var postgres = Database.ConnectionFrom(pr.GetValue(database));
            var code = postgres == null
                ? await BackupSqliteAsync(Path.GetFullPath(pr.GetValue(data)!), target, error)
                : await RunPgToolAsync("pg_dump", postgres, ["--format=custom", "--no-owner", "--file", target], error, ct);
            if (code != 0) return code;
            FilePermissions.RestrictFile(target);
            pr.InvocationConfiguration.Output.WriteLine($"已备份到 {target}（{new FileInfo(target).Length:N0} 字节）");
            return 0;
        });
        return cmd;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<string>("file") { Description = "由 jixiao backup 生成的备份文件" };
        var data = new Option<string>("--data") { Description = "恢复到哪个数据文件夹（SQLite，须为空）", DefaultValueFactory = _ => "./data" };
        var database = new Option<string?>("--database") { Description = "恢复到哪个 PostgreSQL 数据库（须为空；也可用环境变量 JIXIAO_DATABASE）" };
        var cmd = new Command("restore", "从备份文件恢复数据库（恢复到空的数据文件夹或空数据库）") { file, data, database };
        cmd.SetAction(async (pr, ct) =>
        {
            var error = pr.InvocationConfiguration.Error;
            var source = Path.GetFullPath(pr.GetValue(file)!);
            if (!File.Exists(source))
            {
                error.WriteLine($"找不到备份文件 {source}");
                return 2;
            }
            var head = new byte[16];
            await using (var s = File.OpenRead(source)) await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var postgres = Database.ConnectionFrom(pr.GetValue(database));
            int code;
            if (postgres == null)
            {
                if (!head.AsSpan().StartsWith(SqliteMagic))
                {
                    error.WriteLine(head.AsSpan().StartsWith(PgDumpMagic)
                        ? $"{source} 是 PostgreSQL 的备份，请用 --database 指定要恢复到的 PostgreSQL 数据库"
                        : $"{source} 不是 jixiao 的备份文件");
                    return 2;
                }
                code = await RestoreSqliteAsync(source, Path.GetFullPath(pr.GetValue(data)!), error);
            }
            else
            {
                if (!head.AsSpan().StartsWith(PgDumpMagic))
                {
                    error.WriteLine(head.AsSpan().StartsWith(SqliteMagic)
                        ? $"{source} 是 SQLite 的备份，请不要指定 --database，用 --data 指定要恢复到的文件夹"
                        : $"{source} 不是 jixiao 的 PostgreSQL 备份文件");
                    return 2;
                }
                if (await PostgresHasTablesAsync(postgres, ct))
                {
                    error.WriteLine("目标 PostgreSQL 数据库不是空的：请恢复到新建的空数据库，以免覆盖现有数据");
                    return 3;
                }
                code = await RunPgToolAsync("pg_restore", postgres, ["--no-owner", "--exit-on-error", "--dbname", new NpgsqlConnectionStringBuilder(postgres).Database ?? "postgres", source], error, ct);
            }
            if (code == 0) pr.InvocationConfiguration.Output.WriteLine($"已从 {source} 恢复，可以启动 jixiao serve");
            return code;
        });
        return cmd;
    }

    static async Task<int> BackupSqliteAsync(string dataFolder, string target, TextWriter error)
    {
        var file = Path.Combine(dataFolder, "jixiao.db");
        if (!File.Exists(file))
        {
            error.WriteLine($"数据文件夹 {dataFolder} 中没有数据库 jixiao.db");
            return 2;
        }
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync();
        return 0;
    }

    static async Task<int> RestoreSqliteAsync(string source, string dataFolder, TextWriter error)
    {
        var file = Path.Combine(dataFolder, "jixiao.db");
        if (File.Exists(file))
        {
            error.WriteLine($"数据文件夹 {dataFolder} 中已有数据库 jixiao.db：请恢复到空文件夹，或先把现有文件移走");
            return 3;
        }
        // Checked before it is put in place: a damaged copy must not become the live database.
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync();
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            if (await command.ExecuteScalarAsync() is not "ok")
            {
                error.WriteLine($"备份文件 {source} 已损坏（完整性检查未通过），未恢复");
                return 2;
            }
        }
        Directory.CreateDirectory(dataFolder);
        var partial = file + ".restoring";
        File.Copy(source, partial, overwrite: true);
        File.Move(partial, file);
        FilePermissions.RestrictDatabase(file);
        return 0;
    }

    static async Task<bool> PostgresHasTablesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
    }

    // pg_dump and pg_restore take libpq settings: the connection string is passed as environment variables,
    // so that the password never shows in the process list.
    static async Task<int> RunPgToolAsync(string tool, string connectionString, string[] arguments, TextWriter error, CancellationToken ct)
    {
        var path = FindPgTool(tool);
        if (path == null)
        {
            error.WriteLine($"找不到 {tool}：PostgreSQL 的备份与恢复需要 PostgreSQL 客户端工具（Debian/Ubuntu：apt install postgresql-client，" +
                            $"版本不低于服务器），请安装后确保 {tool} 在 PATH 中，或设置环境变量 JIXIAO_PG_BIN 指向其所在文件夹");
            return 4;
        }
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["PGHOST"] = cs.Host ?? "localhost";
        start.Environment["PGPORT"] = cs.Port.ToString();
        if (cs.Database != null) start.Environment["PGDATABASE"] = cs.Database;
        if (cs.Username != null) start.Environment["PGUSER"] = cs.Username;
        if (cs.Password != null) start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode == 0) return 0;
        error.WriteLine($"{tool} 失败（退出码 {process.ExitCode}）：{(await stderr).Trim()}");
        return 2;
    }

    static string? FindPgTool(string tool)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("JIXIAO_PG_BIN") is { Length: > 0 } configured) folders.Add(configured);
        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        // Debian keeps the versioned tools outside PATH; the newest can read every older server.
        if (Directory.Exists("/usr/lib/postgresql"))
            folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        var name = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }
}
