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

    static int Pages(string pdf) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(Info(pdf), @"Pages:\s+(\d+)").Groups[1].Value);

    static string Info(string pdf)
    {
        var (code, info) = ExportFiles.Run("pdfinfo", [pdf], TimeSpan.FromMinutes(1));
        Assert.Equal(0, code);
        return info;
    }

    // A book heavier than TagBelow prints in one piece, untagged (Chromium's accessibility tree doubled a
    // 500-project book's time), and numbers its pages with CSS page-margin boxes: page k of n says 第k页共n页
    // in the footer text, even when the unit's name holds quotes and backslashes (escaped as CSS). A single
    // form stays tagged.
    [Fact]
    public async Task A_long_book_prints_untagged_in_one_piece_numbered_across_the_book()
    {
        var doc = ExportFiles.Seed("001");
        var more = ExportFiles.Seed("001");
        foreach (var p in more.Projects) { p.Name += "（续）"; doc.Projects.Add(p); }
        doc.Unit.Name = "东城区\"信访\"局\\";
        var book = FormComposer.Compose(doc, ExportLayouts.National, new ComposeOptions { Book = true });
        // The book is exactly at the edge (untagged); the single form below is lighter (tagged).
        await using var printer = new PdfPrinter { TagBelow = PageNumbers.Weight(book) };
        var folder = ExportFiles.Folder("pdf-book");
        var pdf = Path.Combine(folder, "book.pdf");
        await File.WriteAllBytesAsync(pdf, await printer.PrintAsync(book));
        var pages = Pages(pdf);
        Assert.True(pages > 4);
        Assert.Matches(@"Tagged:\s+no", Info(pdf));
        var text = Squeeze(Text(pdf));
        foreach (var p in doc.Projects)
        {
            Assert.Contains(Squeeze(p.Name), text);
            foreach (var i in p.Indicators) Assert.Contains(Squeeze(i.Name), text);
        }
        foreach (var k in new[] { 1, 2, pages / 2, pages })
        {
            var (code, page) = ExportFiles.Run("pdftotext", ["-raw", "-f", k.ToString(), "-l", k.ToString(), pdf, "-"], TimeSpan.FromMinutes(1));
            Assert.Equal(0, code);
            Assert.Contains($"东城区\"信访\"局\\{doc.FiscalYear}年度第{k}页共{pages}页", Squeeze(page));
        }
        Assert.Equal(pages, System.Text.RegularExpressions.Regex.Matches(text, $"第\\d+页共{pages}页").Count);

        var form = Path.Combine(folder, "form.pdf");
        var single = FormComposer.Compose(ExportFiles.Seed("001"), ExportLayouts.National);
        Assert.True(PageNumbers.Weight(single) < printer.TagBelow);
        await File.WriteAllBytesAsync(form, await printer.PrintAsync(single));
        Assert.Matches(@"Tagged:\s+yes", Info(form));
        Assert.Equal(2, printer.Printed);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void The_page_line_is_a_css_string_that_no_footer_text_can_close()
    {
        Assert.Equal("东城区 2026年度", PageNumbers.CssString("东城区 2026年度"));
        Assert.Equal("a\\22 b\\5C c\\A d\\9 e", PageNumbers.CssString("a\"b\\c\nd\te"));
        Assert.Equal("", PageNumbers.CssString(""));
        Assert.Equal("@page { @bottom-center { content: \"单位\\22 　第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
            + " font-family: \"WenQuanYi Zen Hei\", \"Noto Sans CJK SC\", sans-serif; font-size: 8pt; color: #000; } }\n", PageNumbers.Css("单位\""));
        Assert.StartsWith("@page { @bottom-center { content: \"　第 \"", PageNumbers.Css(null));
    }

    [Fact]
    public void A_documents_weight_is_its_table_cells_and_one_for_every_other_block()
    {
        var book = new DocBook { Title = "t", LayoutName = "national" };
        Assert.Equal(0, PageNumbers.Weight(book));
        book.Blocks.Add(new HeadingBlock("h"));
        book.Blocks.Add(new PageBreakBlock());
        Assert.Equal(2, PageNumbers.Weight(book));
        // A table: its cells (a merged cell counts once) plus one.
        book.Blocks.Add(new TableBlock([1, 1, 1], [[DocCell.H("a"), DocCell.H("b", 2)], [new("c"), new("d"), new("e")]], 1));
        Assert.Equal(2 + 5 + 1, PageNumbers.Weight(book));
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
