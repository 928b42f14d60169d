using System.Drawing;
using System.Net;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;

namespace Jixiao.Tests.Export;

// The print views printed from the user's own browser carry the same page line as the PDFs
// ("东城区信访局 2026年度　第 k 页 共 n 页"), as CSS page-margin boxes from a stylesheet (no inline style under the CSP).
public class PrintPageNumbersTests
{
    [Fact]
    public async Task The_page_line_stylesheet_keeps_any_footer_text_inside_its_string()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db);
        // Anonymous: the public targets print too.
        var response = await app.Client().GetAsync("/Public/PageNumbers?footer=" + Uri.EscapeDataString("东城区\"; } body { color: red; } \\ x\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("@page { @bottom-center { content: \"东城区\\22 ; } body { color: red; } \\5C  x\\A 　第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";", css);
        Assert.Single(css.Split('"').Where((_, i) => i % 2 == 1), s => s.Contains("body"));
        var longText = await app.Client().GetStringAsync("/Public/PageNumbers?footer=" + new string('单', 500));
        Assert.Contains(new string('单', 200) + "　第", longText);
        Assert.DoesNotContain(new string('单', 201), longText);
    }

    [Fact]
    public async Task The_print_view_printed_by_the_browser_numbers_its_pages()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-print-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using var server = await LiveServer.Start(app.App);
            var first = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局")
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.BudgetUnitId }).FirstAsync());
            var (project, unit) = (first.Id, first.BudgetUnitId);
            using var browser = new Browser();
            browser.Driver.Manage().Window.Size = new Size(1280, 900);
            browser.SignIn(server, "east-preparer", app.PasswordOf("east-preparer"));

            foreach (var (name, path) in new[] { ("project", $"/Projects/{project}/Print"), ("book", $"/Units/Book?unit={unit}&year=2026") })
            {
                browser.GoTo(server.Url(path));
                var link = browser.Driver.FindElements(By.CssSelector("link[rel=stylesheet]")).Select(l => l.GetDomAttribute("href")).ToList();
                Assert.Contains(link, h => h != null && h.StartsWith("/Public/PageNumbers?footer="));
                var pdf = Path.Combine(folder, name + ".pdf");
                browser.Driver.Print(new PrintOptions()).SaveAsFile(pdf);
                var pages = ExportFiles.Run("pdfinfo", [pdf], TimeSpan.FromMinutes(1)).Output;
                var count = int.Parse(System.Text.RegularExpressions.Regex.Match(pages, @"Pages:\s+(\d+)").Groups[1].Value);
                Assert.True(count >= 2, $"{name}: {count} 页");
                var text = ExportFiles.Run("pdftotext", ["-raw", pdf, "-"], TimeSpan.FromMinutes(1)).Output;
                // Every page has its line, counted over the whole document.
                // (pdftotext writes the ideographic space between unit and page as a plain one.)
                for (var k = 1; k <= count; k++) Assert.Matches($@"东城区信访局 2026年度[\s　]第 {k} 页 共 {count} 页", text);
                Assert.DoesNotContain($"第 {count + 1} 页", text);
                // A picture of the first page to look at.
                Directory.CreateDirectory(Browser.ScreenshotFolder);
                ExportFiles.Run("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(Browser.ScreenshotFolder, $"print-page-numbers-{name}")], TimeSpan.FromMinutes(1));
                Assert.True(File.Exists(Path.Combine(Browser.ScreenshotFolder, $"print-page-numbers-{name}.png")));
            }
        }
        finally { Directory.Delete(folder, true); }
    }
}
