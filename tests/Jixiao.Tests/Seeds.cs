namespace Jixiao.Tests;

// The five real forms live beside the repository in ../shared/seeds; they are read from there, never copied.
public static class Seeds
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));

    public static string PathOf(string prefix) =>
        Directory.GetFiles(Folder, prefix + "_*").Single();

    public static IEnumerable<string> All() => Directory.GetFiles(Folder).Order();

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
    }
}
