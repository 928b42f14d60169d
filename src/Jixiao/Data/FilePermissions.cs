namespace Jixiao.Data;

// The data folder holds the database and the keys that sign every session: on Unix only the service's
// own user may read them (folders 0700, files 0600). Windows keeps its inherited ACLs.
public static class FilePermissions
{
    const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void RestrictFolder(string path)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(path)) return;
        System.IO.File.SetUnixFileMode(path, Folder);
    }

    public static void RestrictFile(string path)
    {
        if (OperatingSystem.IsWindows() || !System.IO.File.Exists(path)) return;
        System.IO.File.SetUnixFileMode(path, File);
    }

    // The SQLite file and its journal companions, and the folder they are in.
    public static void RestrictDatabase(string databaseFile)
    {
        RestrictFolder(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) RestrictFile(databaseFile + suffix);
    }

    // Everything under a folder (the data-protection key ring).
    public static void RestrictTree(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder)) return;
        RestrictFolder(folder);
        foreach (var d in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)) RestrictFolder(d);
        foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) RestrictFile(f);
    }
}
