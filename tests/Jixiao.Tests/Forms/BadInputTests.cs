using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Jixiao.Forms;
using NPOI.POIFS.FileSystem;

namespace Jixiao.Tests.Forms;

// Every broken, hostile or oversized file ends in a FormReadException that names the file and says
// why, never in another exception type or a hang.
public class BadInputTests
{
    static string Refused(string path) => Assert.Throws<FormReadException>(() => GridReader.Read(path)).Message;

    [Fact]
    public void Missing_file()
    {
        using var dir = new TempFolder();
        Assert.Equal("找不到文件“无.docx”", Refused(dir.PathOf("无.docx")));
    }

    [Fact]
    public void Empty_file()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("空.docx");
        File.WriteAllBytes(path, []);

        Assert.Equal("文件“空.docx”是空文件", Refused(path));
    }

    [Theory]
    [InlineData("乱码.docx", "文件“乱码.docx”已损坏：不是有效的 Word 文档")]
    [InlineData("乱码.xlsx", "文件“乱码.xlsx”已损坏：不是有效的 Excel 工作簿")]
    [InlineData("乱码.pdf", "文件“乱码.pdf”已损坏：不是有效的 PDF 文件")]
    [InlineData("乱码.txt", "文件“乱码.txt”不是文本文件：含有二进制内容")]
    [InlineData("乱码.bin", "文件“乱码.bin”的格式无法识别，请使用 .docx、.xlsx、.xls、.pdf、.html 或文本文件")]
    public void Binary_garbage_under_any_name(string name, string message)
    {
        using var dir = new TempFolder();
        var path = dir.PathOf(name);
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        Assert.Equal(message, Refused(path));
    }

    [Fact]
    public void Truncated_docx()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("半截.docx");
        Docx.Write(path, Docx.P("项目名称"), Docx.Table(Docx.Row(Docx.Cell("预算"), Docx.Cell("10"))));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Equal("文件“半截.docx”已损坏：不是有效的 Word 文档", Refused(path));
    }

    [Fact]
    public void Zip_that_is_no_office_document()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("压缩包.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            writer.Write("不是 Word");

        Assert.Equal("文件“压缩包.docx”已损坏：不是有效的 Word 文档", Refused(path));
    }

    [Fact]
    public void Zip_bomb_of_many_entries_is_refused_by_total_size()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("炸弹.docx");
        var megabyte = new byte[1024 * 1024];
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            for (var i = 0; i < 110; i++)
            {
                using var entry = zip.CreateEntry($"word/media/image{i}.bin", CompressionLevel.Fastest).Open();
                entry.Write(megabyte);
            }

        Assert.Equal("文件“炸弹.docx”解压后超过 100 MB 的上限，拒绝读取", Refused(path));
    }

    [Fact]
    public void Zip_bomb_of_one_entry_is_refused_by_its_ratio()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("炸弹.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open())
            entry.Write(new byte[40 * 1024 * 1024]);

        Assert.Equal("文件“炸弹.xlsx”中的“xl/worksheets/sheet1.xml”压缩比异常（超过 200 倍），拒绝读取", Refused(path));
    }

    [Fact]
    public void Zip_that_declares_less_than_it_unpacks_is_refused()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("谎报.docx");
        var xml = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (var i = 0; i < 200_000; i++) xml.Append("<w:p/>");
        xml.Append("</w:body></w:document>");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var entry = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            entry.Write(xml);
        DeclareSize(path, "word/document.xml", 1000);

        Assert.Equal("文件“谎报.docx”已损坏：不是有效的 Word 文档", Refused(path));
    }

    [Fact]
    public void Zip_entry_in_an_unsupported_compression_method_is_a_damaged_file()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("怪压缩.xlsx");
        Xlsx.Write(path, new Xlsx.Sheet("Sheet1", [["预算数"]]));
        // Method 14 is LZMA, which .NET cannot unpack.
        PatchEntry(path, "xl/workbook.xml", (8, 10), 2, 14);

        var e = Assert.Throws<FormReadException>(() => GridReader.Read(path));

        Assert.Equal("文件“怪压缩.xlsx”已损坏：不是有效的 Excel 工作簿", e.Message);
    }

    static void DeclareSize(string path, string entry, uint size) => PatchEntry(path, entry, (22, 24), 4, size);

    // Rewrites a field of an entry's local header and central directory record, at the given offsets.
    static void PatchEntry(string path, string entry, (int Local, int Central) offset, int width, uint value)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (at, nameAt) = signature switch
            {
                0x04034b50 => (offset.Local, 30),
                0x02014b50 => (offset.Central, 46),
                _ => (-1, -1),
            };
            if (at < 0 || !bytes.AsSpan(i + nameAt).StartsWith(name)) continue;
            if (width == 2) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i + at), (ushort)value);
            else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + at), value);
            patched++;
        }
        Assert.Equal(2, patched);
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_before_reading()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("巨大.xlsx");
        using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024);

        Assert.Equal("文件“巨大.xlsx”大小为 200 MB，超过 50 MB 的上限，请删去无关内容后再导入", Refused(path));
    }

    [Fact]
    public void Password_protected_office_file()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("加密.docx");
        var fs = new POIFSFileSystem();
        fs.CreateDocument(new MemoryStream(new byte[600]), "EncryptionInfo");
        fs.CreateDocument(new MemoryStream(new byte[5000]), "EncryptedPackage");
        using (var stream = File.Create(path)) fs.WriteFileSystem(stream);

        Assert.Equal("文件“加密.docx”已加密，请在 Word 或 Excel 中去掉密码并另存为 .docx 或 .xlsx 后再导入", Refused(path));
    }

    [Fact]
    public void Compound_file_signature_followed_by_garbage()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("旧或加密.xlsx");
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        File.WriteAllBytes(path, bytes);

        Assert.Equal("文件“旧或加密.xlsx”已加密或为旧格式，无法读取，请去掉密码并另存为 .docx 或 .xlsx", Refused(path));
    }

    [Fact]
    public void Legacy_doc_asks_for_docx()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("旧文档.doc");
        var fs = new POIFSFileSystem();
        fs.CreateDocument(new MemoryStream(new byte[4096]), "WordDocument");
        using (var stream = File.Create(path)) fs.WriteFileSystem(stream);

        Assert.Equal("文件“旧文档.doc”是旧版 .doc 格式，暂不支持，请另存为 .docx", Refused(path));
    }

    [Fact]
    public void Broken_legacy_xls_reports_the_library_failure_as_a_damaged_file()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("坏表.xls");
        var fs = new POIFSFileSystem();
        var junk = new byte[4096];
        new Random(5).NextBytes(junk);
        fs.CreateDocument(new MemoryStream(junk), "Workbook");
        using (var stream = File.Create(path)) fs.WriteFileSystem(stream);

        var e = Assert.Throws<FormReadException>(() => GridReader.Read(path));

        Assert.Equal("文件“坏表.xls”已损坏：不是有效的 Excel 工作簿", e.Message);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void External_entity_in_a_docx_is_not_resolved()
    {
        using var dir = new TempFolder();
        var secret = dir.PathOf("secret.txt");
        File.WriteAllText(secret, "机密内容-7731");
        var path = dir.PathOf("外部实体.docx");
        Docx.Write(path, Docx.P("正文"));
        ReplaceEntry(path, "word/document.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """);

        var message = Refused(path);

        Assert.Equal("文件“外部实体.docx”中的“word/document.xml”含有 DTD 声明（可能引用外部文件），拒绝读取", message);
        Assert.DoesNotContain("7731", message);
    }

    [Fact]
    public void Xml_nested_deep_enough_to_overflow_the_stack_is_refused()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("深.docx");
        Docx.Write(path, Docx.P("正文"));
        var deep = string.Concat(Enumerable.Repeat("<w:customXml w:element=\"x\">", 5000))
            + string.Concat(Enumerable.Repeat("</w:customXml>", 5000));
        ReplaceEntry(path, "word/document.xml",
            $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{deep}</w:body></w:document>");

        Assert.Equal("文件“深.docx”中的“word/document.xml”嵌套超过 256 层，拒绝读取", Refused(path));
    }

    static void ReplaceEntry(string path, string entry, string content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(entry)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    [Fact]
    public void PowerPoint_and_rtf_are_named_as_unsupported()
    {
        using var dir = new TempFolder();
        var pptx = dir.PathOf("汇报.pptx");
        using (var zip = ZipFile.Open(pptx, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("ppt/presentation.xml").Open()))
            writer.Write("<p:presentation xmlns:p=\"urn:x\"/>");
        var rtf = dir.PathOf("表.doc");
        File.WriteAllText(rtf, @"{\rtf1\ansi 项目名称}");

        Assert.Equal("文件“汇报.pptx”是 PowerPoint 演示文稿，不支持导入，请使用 Word 或 Excel 格式", Refused(pptx));
        Assert.Equal("文件“表.doc”是 RTF 格式，暂不支持，请另存为 .docx", Refused(rtf));
    }

    [Fact]
    public void Office_web_archive_and_2003_xml_are_named_as_unsupported()
    {
        using var dir = new TempFolder();
        var mht = dir.PathOf("网页.doc");
        File.WriteAllText(mht, "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n");
        var xml = dir.PathOf("表2003.xls");
        File.WriteAllText(xml, """
            <?xml version="1.0"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>
            """);

        Assert.Equal("文件“网页.doc”是单个文件网页（MHT），暂不支持，请另存为 .docx 或 .xlsx", Refused(mht));
        Assert.Equal("文件“表2003.xls”是 Office 2003 XML 格式，暂不支持，请另存为 .docx 或 .xlsx", Refused(xml));
    }

    [Fact]
    public void Html_nested_ten_thousand_deep_is_read_without_overflowing_the_stack()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("深.html");
        File.WriteAllText(path, "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 10_000)) + "字</body></html>");

        Assert.Equal("字", GridReader.Read(path).Rows.Single().Cells.Single().Text);
    }

    [Fact]
    public void Html_that_parses_too_slowly_is_stopped_at_the_deadline()
    {
        using var dir = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "</body></html>");

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<FormReadException>(() => HtmlGrid.Read(bytes, "慢.html", TimeSpan.FromSeconds(1)));

        Assert.Equal("读取网页文件“慢.html”超时（超过 1 秒），请检查文件或另存为 .docx", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Content_decides_over_the_extension()
    {
        using var dir = new TempFolder();
        var docx = dir.PathOf("其实是Word.xlsx");
        Docx.Write(docx, Docx.P("项目名称"));
        var xlsx = dir.PathOf("其实是Excel.txt");
        Xlsx.Write(xlsx, new Xlsx.Sheet("Sheet1", [["预算数", 12.0]]));
        var csv = dir.PathOf("导出.xls");
        File.WriteAllText(csv, "项目名称,预算数\n信访储备金,120\n");

        Assert.Equal("第1段", GridReader.Read(docx).Rows.Single().Where);
        Assert.Equal("Sheet1!B1", GridReader.Read(xlsx).Rows.Single().Cells[1].Where);
        // Chinese systems often export CSV under a .xls name: the text reader takes it.
        Assert.Contains(GridReader.Read(csv).Rows, r => r.Cells.Any(c => c.Text.Contains("信访储备金")));
    }
}
