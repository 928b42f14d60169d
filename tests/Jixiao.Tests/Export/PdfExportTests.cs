using Jixiao.Export;

namespace Jixiao.Tests.Export;

// PDF from the print view through one headless Chromium: real text (pdftotext finds every project and
// indicator), one browser for many documents, and a page picture per layout kept under artifacts/.
public class PdfExportTests
{
    static string Artifacts => Directory.CreateDirectory(Path.Combine(Seeds.RepoRoot, "artifacts", "export")).FullName;

    static string Text(string pdf)
    {
        var (code, output) = ExportFiles.Run("pdftotext", ["-raw", pdf, "-"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, code);
        return output;
    }

    // Read in the order Chromium drew the text (cell by cell, -raw); a cell wraps its words over lines,
    // so spaces and line breaks are no part of the words compared.
    static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Every_seed_prints_in_its_own_layout_with_every_project_and_indicator_as_text_through_one_browser()
    {
        var folder = ExportFiles.Folder("pdf");
        await using var printer = new PdfPrinter();
        int? browser = null;
        foreach (var seed in ExportFiles.SeedNames)
        {
            var doc = ExportFiles.Seed(seed);
            var layout = ExportLayouts.Choose(null, doc.Source.Layout);
            var pdf = Path.Combine(folder, $"{seed}-{layout.Name}.pdf");
            await File.WriteAllBytesAsync(pdf, await printer.PrintAsync(FormComposer.Compose(doc, layout)));
            browser ??= printer.BrowserProcessId;
            Assert.Equal(browser, printer.BrowserProcessId);   // the same Chromium, reused
            var text = Squeeze(Text(pdf));
            foreach (var p in doc.Projects)
            {
                Assert.Contains(Squeeze(p.Name), text);
                foreach (var i in p.Indicators) Assert.Contains(Squeeze(i.Name), text);
            }
            Assert.Contains("单位负责人", text);
            Assert.Matches("第1页共\\d+页", text);
        }
        Assert.Equal(5, printer.Printed);
        Directory.Delete(folder, true);
    }

    // A book printed in parts (tabs side by side, joined with PDFsharp) numbers its pages across the whole
    // book: page k of n says 第k页共n页, and every project and indicator is still real text.
    [Fact]
    public async Task A_book_printed_in_parts_is_numbered_across_the_book()
    {
        var doc = ExportFiles.Seed("001");
        var more = ExportFiles.Seed("001");
        foreach (var p in more.Projects) { p.Name += "（续）"; doc.Projects.Add(p); }
        var book = FormComposer.Compose(doc, ExportLayouts.National, new ComposeOptions { Book = true });
        Assert.True(BookParts.Split(book, 4, 0).Count > 1);
        await using var printer = new PdfPrinter { SplitAbove = 0, Parallel = 2, PartsPerBook = 3 };
        var pdf = Path.Combine(ExportFiles.Folder("pdf-parts"), "book.pdf");
        await File.WriteAllBytesAsync(pdf, await printer.PrintAsync(book));
        var (_, info) = ExportFiles.Run("pdfinfo", [pdf], TimeSpan.FromMinutes(1));
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value);
        Assert.True(pages > 4);
        var text = Squeeze(Text(pdf));
        foreach (var p in doc.Projects)
        {
            Assert.Contains(Squeeze(p.Name), text);
            foreach (var i in p.Indicators) Assert.Contains(Squeeze(i.Name), text);
        }
        foreach (var k in new[] { 1, pages / 2, pages })
        {
            var (code, page) = ExportFiles.Run("pdftotext", ["-raw", "-f", k.ToString(), "-l", k.ToString(), pdf, "-"], TimeSpan.FromMinutes(1));
            Assert.Equal(0, code);
            Assert.Contains($"第{k}页共{pages}页", Squeeze(page));
        }
        // The cut is only where the book breaks the page anyway: the parts hold every block once, in order.
        var parts = BookParts.Split(book, 3, 0);
        Assert.Equal(book.Blocks.Where(b => b is not PageBreakBlock), parts.SelectMany(p => p.Blocks).Where(b => b is not PageBreakBlock));
        Assert.Single(BookParts.Split(book, 3, int.MaxValue));
    }

    [Fact]
    public async Task A_page_picture_of_every_layout_is_kept()
    {
        var doc = ExportFiles.Seed("001");
        await using var printer = new PdfPrinter();
        foreach (var layout in ExportLayouts.All)
        {
            var pdf = Path.Combine(Artifacts, $"001-{layout.Name}.pdf");
            await File.WriteAllBytesAsync(pdf, await printer.PrintAsync(FormComposer.Compose(doc, layout, new ComposeOptions { Date = new DateOnly(2026, 11, 29) })));
            // Page 2: the first project's form (page 1 is the cover of the book).
            var (code, output) = ExportFiles.Run("pdftoppm", ["-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", pdf, Path.Combine(Artifacts, $"001-{layout.Name}-page2")], TimeSpan.FromMinutes(1));
            Assert.True(code == 0, output);
            Assert.True(File.Exists(Path.Combine(Artifacts, $"001-{layout.Name}-page2.png")));
        }
    }

    [Fact]
    public void Missing_chromium_is_named_with_what_to_install()
    {
        var saved = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("JIXIAO_CHROMIUM", "/nonexistent/chromium");
            Assert.Equal("未找到 Chromium 浏览器，无法生成 PDF。请安装：apt-get install chromium fonts-noto-cjk", PdfPrinter.MissingReason());
        }
        finally { Environment.SetEnvironmentVariable("JIXIAO_CHROMIUM", saved); }
        Assert.Null(PdfPrinter.MissingReason());
    }
}
