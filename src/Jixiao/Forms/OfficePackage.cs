using System.IO.Compression;
using System.Xml;

namespace Jixiao.Forms;

// .docx and .xlsx are zip packages. Before the Open XML SDK sees one, every entry is unpacked
// once while counting: the sizes the archive declares and the sizes it really produces must both
// stay under the limits, so a zip bomb is refused before it fills memory. Every XML part is
// parsed once on the way, refusing DTDs (external entities) and nesting deep enough to overflow
// the recursive DOM code that reads it later. A Word package is the exception: no DOM reads any of
// its parts, DocxGrid reads the two it needs (the package's relationships and the main part) with the
// same guards in its own pass, and the others (content types, styles, fonts, settings) are read by no
// one, so parsing them here was only cost (an XmlReader's buffers each).
internal static class OfficePackage
{
    internal const int MaxXmlDepth = 256;

    static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public static IReadOnlySet<string> Inspect(byte[] bytes, string name)
    {
        using var zip = Open(bytes, name);
        return Inspect(zip, name);
    }

    // The archive over the bytes, for Inspect and then for the reader of its kind (opened once, not twice).
    public static ZipArchive Open(byte[] bytes, string name)
    {
        try { return new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException e) { throw Corrupt(name, e); }
    }

    public static IReadOnlySet<string> Inspect(ZipArchive zip, string name)
    {
        {
            if (zip.Entries.Count > GridReader.MaxPackageEntries)
                throw new FormReadException($"文件“{name}”包含 {zip.Entries.Count} 个部件，超过 {GridReader.MaxPackageEntries} 个的上限，拒绝读取");

            long declared = 0;
            var word = false;
            foreach (var entry in zip.Entries)
            {
                word |= entry.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
                declared += entry.Length;
                if (declared > GridReader.MaxUnpackedBytes) throw TooLarge(name);
                if (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * GridReader.MaxCompressionRatio)
                    throw new FormReadException($"文件“{name}”中的“{entry.FullName}”压缩比异常（超过 {GridReader.MaxCompressionRatio} 倍），拒绝读取");
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var budget = new Budget(name);
            foreach (var entry in zip.Entries)
            {
                try
                {
                    using var stream = new CountingStream(entry.Open(), entry.Length, budget);
                    if (!word && IsXml(entry.FullName)) CheckXml(stream, name, entry.FullName);
                    stream.CopyTo(Stream.Null);
                    if (stream.Count != entry.Length) throw Corrupt(name, null);
                }
                catch (InvalidDataException e) { throw Corrupt(name, e); }
                names.Add(entry.FullName.Replace('\\', '/').TrimStart('/'));
            }
            return names;
        }
    }

    static bool IsXml(string entry) =>
        entry.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    static void CheckXml(Stream stream, string name, string entry)
    {
        try
        {
            using var reader = XmlReader.Create(stream, XmlSettings);
            while (reader.Read())
                if (reader.Depth > MaxXmlDepth)
                    throw new FormReadException($"文件“{name}”中的“{entry}”嵌套超过 {MaxXmlDepth} 层，拒绝读取");
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new FormReadException($"文件“{name}”中的“{entry}”含有 DTD 声明（可能引用外部文件），拒绝读取", e);
        }
        catch (XmlException e) { throw Corrupt(name, e); }
    }

    static FormReadException TooLarge(string name) =>
        new($"文件“{name}”解压后超过 {GridReader.MaxUnpackedBytes / (1024 * 1024)} MB 的上限，拒绝读取");

    // Before the entries are known, only the file's name can say what it was meant to be.
    static FormReadException Corrupt(string name, Exception? inner) =>
        GridReader.Damaged(name, GridReader.KindOfExtension(name), inner);

    sealed class Budget(string name)
    {
        long used;

        public string Name => name;

        public void Spend(int bytes)
        {
            used += bytes;
            if (used > GridReader.MaxUnpackedBytes) throw TooLarge(name);
        }
    }

    // Counts what an entry really unpacks to; more than it declared means the archive lies.
    sealed class CountingStream(Stream inner, long declared, Budget budget) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Count += n;
            budget.Spend(n);
            if (Count > declared) throw Corrupt(budget.Name, null);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
