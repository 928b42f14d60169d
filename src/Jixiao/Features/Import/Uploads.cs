using System.Text;

namespace Jixiao.Features.Import;

// How much one upload, one request and one unit may bring in; configuration section "Uploads"
// (e.g. Uploads__UnitQuotaMegabytes=2048 in the environment).
public sealed class UploadLimits
{
    public long MaxFileMegabytes { get; set; } = 50;
    public long MaxRequestMegabytes { get; set; } = 100;
    public int MaxFilesPerRequest { get; set; } = 20;
    public long UnitQuotaMegabytes { get; set; } = 1024;
    // Reading a form (Word, Excel, PDF) can take many times the file's size in memory: at most this many at once.
    public int ConcurrentReads { get; set; } = 2;

    public long MaxFileBytes => MaxFileMegabytes * 1024 * 1024;
    public long MaxRequestBytes => MaxRequestMegabytes * 1024 * 1024;
    public long UnitQuotaBytes => UnitQuotaMegabytes * 1024 * 1024;

    public static string Megabytes(long bytes) => bytes >= 1000 * 1024
        ? $"{Math.Ceiling(bytes / 1048576.0 * 10) / 10:0.#} MB"
        : $"{Math.Ceiling(bytes / 1024.0):0} KB";
}

// The one place where reading uploads waits its turn, so that parallel uploads cannot add up their memory.
public sealed class UploadGate(UploadLimits limits)
{
    readonly SemaphoreSlim slots = new(Math.Max(1, limits.ConcurrentReads));
    int active;

    // The most reads ever seen at once (for tests and the operator's curiosity).
    public int Peak { get; private set; }

    public async Task<T> RunAsync<T>(Func<T> read, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            lock (slots) Peak = Math.Max(Peak, ++active);
            return await Task.Run(read, ct);
        }
        finally
        {
            lock (slots) active--;
            slots.Release();
        }
    }
}

// A file name from the browser is only ever text to show: never a path. It loses any folders, control
// characters (NUL) and its excess length; the file is stored under a generated name.
public static class UploadNames
{
    public const int MaxDisplayLength = 120;
    static readonly string[] Kinds = [".txt", ".tsv", ".csv", ".docx", ".xlsx", ".xls", ".doc", ".html", ".htm", ".pdf"];

    public static string Display(string? original)
    {
        var name = original ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) name = name[(slash + 1)..];
        var text = new StringBuilder(name.Length);
        foreach (var c in name) if (!char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u200E' or '\u200F')) text.Append(c);
        name = text.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0) return "未命名文件";
        if (name.Length <= MaxDisplayLength) return name;
        // Long names keep their kind at the end, so the reader and the user still see what it is.
        var kind = Kind(name) ?? "";
        var head = new StringInfoCut(name[..^kind.Length], MaxDisplayLength - kind.Length - 1).Text;
        return head + "…" + kind;
    }

    // The extension the readers know, or null: the stored file's only inherited part.
    public static string? Kind(string displayName)
    {
        var dot = displayName.LastIndexOf('.');
        if (dot < 0) return null;
        var kind = displayName[dot..].ToLowerInvariant();
        return Kinds.Contains(kind) ? kind : null;
    }

    public static string StoredName(int index, string displayName) => $"upload-{index:D3}{Kind(displayName) ?? ".bin"}";

    // Cuts at a text-element boundary so that a surrogate pair is never split.
    readonly struct StringInfoCut(string s, int max)
    {
        public string Text { get; } = Cut(s, max);

        static string Cut(string s, int max)
        {
            var e = System.Globalization.StringInfo.GetTextElementEnumerator(s);
            var end = 0;
            while (e.MoveNext() && e.ElementIndex + e.GetTextElement().Length <= max) end = e.ElementIndex + e.GetTextElement().Length;
            return s[..end];
        }
    }
}
