using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Jixiao.Features;

// A static file's address with a hash of its content, so that browsers keep it until a new release changes
// it. Hashed once per file for the process's life (the files ship with the build and do not change under a
// running server); the asp-append-version tag helpers did the same lookup on every page.
public static class Assets
{
    static readonly ConcurrentDictionary<string, string> Versioned = new();

    public static string Url(string path) => Versioned.GetOrAdd(path, p =>
    {
        var file = Path.Combine(AppContext.BaseDirectory, "wwwroot", p.TrimStart('/'));
        if (!File.Exists(file)) return p;
        using var content = File.OpenRead(file);
        return p + "?v=" + Convert.ToHexStringLower(SHA256.HashData(content))[..16];
    });
}
