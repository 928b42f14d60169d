using System.IO.Compression;
using System.Text;

namespace Jixiao.Forms;

// A file that cannot be turned into a grid. The message is one line of Chinese naming the file,
// ready to show to the user as it is.
public sealed class FormReadException(string message, Exception? inner = null) : Exception(message, inner);

// Turns an uploaded file into a CellGrid. The kind is decided by the file's content first and its
// extension second, so a renamed file is read as what it is, and every failure, including a library's
// own exception, reaches the caller as a FormReadException that names the file.
public static class GridReader
{
    // Forms are a few hundred KB; the limits leave room for large department tables while keeping
    // one upload's memory and time bounded.
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;
    public const int MaxCompressionRatio = 200;
    public const int MaxPackageEntries = 10_000;
    public const int MaxRows = 20_000;
    public const int MaxCells = 500_000;
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    static GridReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal enum Kind { Docx, Xlsx, Xls, Html, Pdf, Text }

    public static CellGrid Read(string path)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw new FormReadException($"找不到文件“{name}”");
        if (info.Length == 0) throw new FormReadException($"文件“{name}”是空文件");
        if (info.Length > MaxFileBytes)
            throw new FormReadException(
                $"文件“{name}”大小为 {Megabytes(info.Length)} MB，超过 {Megabytes(MaxFileBytes)} MB 的上限，请删去无关内容后再导入");

        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormReadException($"无法打开文件“{name}”，请检查文件是否被占用或没有读取权限", e);
        }

        var kind = KindOfExtension(name);
        ZipArchive? package = null;
        try
        {
            kind = Sniff(bytes, name, out package);
            return kind switch
            {
                // The Word package the check opened is read as it is; the Open XML SDK opens a workbook itself.
                Kind.Docx => DocxGrid.Read(package!, name),
                Kind.Xlsx => XlsxGrid.Read(new MemoryStream(bytes, writable: false), name),
                Kind.Xls => XlsGrid.Read(bytes, name),
                Kind.Html => HtmlGrid.Read(bytes, name, ReadTimeout),
                Kind.Pdf => PdfGrid.Read(Path.GetFullPath(path), name, "pdftotext", ReadTimeout),
                _ => TextGrid.Read(bytes, name),
            };
        }
        catch (FormReadException) { throw; }
        catch (InvalidDataException e) { throw new FormReadException($"文件“{name}”无法读取：{e.Message}", e); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Damaged(name, kind, e);
        }
        finally
        {
            package?.Dispose();
        }
    }

    static Kind Sniff(byte[] bytes, string name, out ZipArchive? package)
    {
        package = null;
        if (StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04]) || StartsWith(bytes, [0x50, 0x4B, 0x05, 0x06]))
            return SniffPackage(bytes, name, out package);
        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return SniffCompound(bytes, name);
        // The PDF header may follow some junk within the first KB.
        if (IndexOf(bytes, "%PDF-"u8, 1024) >= 0) return Kind.Pdf;

        // RTF, MHT, Office XML and HTML all start (after a BOM and blanks) with one of these characters: a plain
        // text is not decoded here (4 KB of it as a string was a tenth of what reading a .txt form allocated).
        if (FirstSignificant(bytes) is not ((byte)'{' or (byte)'M' or (byte)'m' or (byte)'<')) return KindOfText(bytes, name);
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith(@"{\rtf", StringComparison.Ordinal))
            throw new FormReadException($"文件“{name}”是 RTF 格式，暂不支持，请另存为 .docx");
        // Office saves these too, often under a .doc or .xls name.
        if (head.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase))
            throw new FormReadException($"文件“{name}”是单个文件网页（MHT），暂不支持，请另存为 .docx 或 .xlsx");
        if (head.StartsWith("<?xml", StringComparison.Ordinal)
            && (head.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.Ordinal)
                || head.Contains("progid=\"Word.Document\"", StringComparison.Ordinal)))
            throw new FormReadException($"文件“{name}”是 Office 2003 XML 格式，暂不支持，请另存为 .docx 或 .xlsx");
        if (LooksLikeHtml(head)) return Kind.Html;
        return KindOfText(bytes, name);
    }

    // The first byte after UTF-8 byte order marks and blanks, as the head's TrimStart sees them; 0 when none.
    static byte FirstSignificant(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
            else if (bytes.AsSpan(i).StartsWith("\uFEFF"u8)) i += 3;
            else return bytes[i];
        }
        return 0;
    }

    static Kind KindOfText(byte[] bytes, string name)
    {
        var byName = KindOfExtension(name);
        if (IsBinary(bytes))
            throw byName switch
            {
                Kind.Text => new FormReadException($"文件“{name}”不是文本文件：含有二进制内容"),
                null or Kind.Html => new FormReadException($"文件“{name}”的格式无法识别，请使用 .docx、.xlsx、.xls、.pdf、.html 或文本文件"),
                _ => Damaged(name, byName, null),
            };
        // Text under an Office name is usually a CSV or tab-separated export saved as .xls.
        return byName == Kind.Html ? Kind.Html : Kind.Text;
    }

    static Kind SniffPackage(byte[] bytes, string name, out ZipArchive? package)
    {
        var zip = OfficePackage.Open(bytes, name);
        IReadOnlySet<string> entries;
        try { entries = OfficePackage.Inspect(zip, name); }
        catch { zip.Dispose(); throw; }
        package = null;
        // The SDK finds the main part through the package's relationships; its folder tells the kind.
        if (entries.Any(e => e.StartsWith("word/", StringComparison.OrdinalIgnoreCase))) { package = zip; return Kind.Docx; }
        zip.Dispose();
        if (entries.Any(e => e.StartsWith("xl/", StringComparison.OrdinalIgnoreCase))) return Kind.Xlsx;
        if (entries.Any(e => e.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)))
            throw new FormReadException($"文件“{name}”是 PowerPoint 演示文稿，不支持导入，请使用 Word 或 Excel 格式");
        throw KindOfExtension(name) is Kind.Docx or Kind.Xlsx or Kind.Xls
            ? Damaged(name, KindOfExtension(name), null)
            : new FormReadException($"文件“{name}”是压缩包而不是 Word 或 Excel 文件，不支持导入");
    }

    // Compound files hold legacy .doc/.xls, and also password-protected .docx/.xlsx (an
    // "EncryptedPackage" stream), which look the same from outside. Their directory entries name the
    // streams in UTF-16, so the names are looked for in the bytes rather than parsing the whole format.
    static Kind SniffCompound(byte[] bytes, string name)
    {
        bool Has(string stream) => bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(stream + "\0")) >= 0;
        if (Has("EncryptedPackage") || Has("EncryptionInfo"))
            throw new FormReadException($"文件“{name}”已加密，请在 Word 或 Excel 中去掉密码并另存为 .docx 或 .xlsx 后再导入");
        if (Has("Workbook") || Has("Book")) return Kind.Xls;
        if (Has("WordDocument"))
            throw new FormReadException($"文件“{name}”是旧版 .doc 格式，暂不支持，请另存为 .docx");
        throw new FormReadException($"文件“{name}”已加密或为旧格式，无法读取，请去掉密码并另存为 .docx 或 .xlsx");
    }

    static bool LooksLikeHtml(string head)
    {
        var start = head.Length > 512 ? head[..512] : head;
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<table", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith('<') && start.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }

    // Text in any encoding has no NUL bytes, except UTF-16, which announces itself with a BOM.
    static bool IsBinary(byte[] bytes)
    {
        if (StartsWith(bytes, [0xFF, 0xFE]) || StartsWith(bytes, [0xFE, 0xFF])) return false;
        var n = Math.Min(bytes.Length, 8192);
        var control = 0;
        for (var i = 0; i < n; i++)
        {
            var b = bytes[i];
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) control++;
        }
        return control * 20 > n;
    }

    internal static Kind? KindOfExtension(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".docx" or ".doc" => Kind.Docx,
        ".xlsx" => Kind.Xlsx,
        ".xls" => Kind.Xls,
        ".pdf" => Kind.Pdf,
        ".html" or ".htm" => Kind.Html,
        ".txt" or ".tsv" or ".csv" => Kind.Text,
        _ => null,
    };

    internal static FormReadException Damaged(string name, Kind? kind, Exception? inner) => new(kind switch
    {
        Kind.Docx => $"文件“{name}”已损坏：不是有效的 Word 文档",
        Kind.Xlsx or Kind.Xls => $"文件“{name}”已损坏：不是有效的 Excel 工作簿",
        Kind.Pdf => $"文件“{name}”已损坏：不是有效的 PDF 文件",
        Kind.Html => $"文件“{name}”已损坏：不是有效的网页文件",
        Kind.Text => $"文件“{name}”已损坏：不是有效的文本文件",
        _ => $"文件“{name}”已损坏，无法读取",
    }, inner);

    static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int within) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, within)).IndexOf(value);

    static long Megabytes(long bytes) => (bytes + 1024 * 1024 - 1) / (1024 * 1024);
}
