using System.Drawing;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features;

// A new user's walk: each demo role signs in and follows every link it is shown (one page of each address
// shape, from the project list outwards), at 1280 and at 390 px. Each page must be no error page, speak
// Chinese (English words only where they are names: file formats, keys, account names), carry an anti-forgery
// token in every form that posts, and fit a phone's width (tables scroll inside their own box; the print
// views are sheets of paper and scroll as a whole). Screenshots of every page at 390 px under
// artifacts/screenshots/walk/.
public class WalkthroughBrowserTests
{
    static readonly Regex English = new(@"(?<![A-Za-z0-9_./@-])[A-Za-z]{3,}(?![A-Za-z0-9_@])");
    static readonly HashSet<string> Names =
    [
        "PDF", "Excel", "Word", "CSV", "JSON", "API", "docx", "xlsx", "xls", "csv", "pdf", "txt", "tsv", "html", "WPS", "UTC",
        "Tab", "Enter", "Ctrl", "Alt", "Delete",
        // Account names (the security page, the audit log's user column).
        "admin", "auditor", "east", "west", "preparer", "head", "supervisor", "finance", "security", "cli", "root",
    ];

    // Which links to follow: pages, not downloads, posts or the way out.
    static bool Follow(string href) => href.StartsWith('/') && !href.StartsWith("//") && !href.Contains("handler=") && !href.Contains("Logout")
        && !href.StartsWith("/css") && !href.StartsWith("/js") && !href.StartsWith("/lib") && !href.Contains("/Delete") && !href.Contains("/Template")
        && !href.StartsWith("/Public/PageNumbers");

    [Fact]
    public async Task Every_page_each_role_reaches_is_Chinese_safe_and_fits_a_phone()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-walk-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using var server = await LiveServer.Start(app.App);
            var problems = new List<string>();
            var visited = new StringBuilder();
            Directory.CreateDirectory(Path.Combine(Browser.ScreenshotFolder, "walk"));
            foreach (var role in new[] { "east-preparer", "east-head", "west-preparer", "supervisor", "finance", "security", "auditor" })
            {
                using var browser = new Browser();
                var js = (IJavaScriptExecutor)browser.Driver;
                browser.Driver.Manage().Window.Size = new Size(1280, 900);
                browser.SignIn(server, role, app.PasswordOf(role));
                var shapes = new HashSet<string>();
                var queue = new Queue<string>(["/"]);
                var pages = 0;
                while (queue.TryDequeue(out var path))
                {
                    pages++;
                    browser.Driver.Manage().Window.Size = new Size(1280, 900);
                    browser.GoTo(server.Url(path));
                    var title = browser.Driver.Title;
                    // The text a user reads, without the audit log's stored change records (kept verbatim for the hash chain).
                    var text = (string)js.ExecuteScript("var t = document.body.innerText; document.querySelectorAll('td.changes').forEach(e => { t = t.split(e.innerText).join(' '); }); return t;")!;
                    if (title.StartsWith("出错") || title.Contains("错误") || text.Contains("Exception") || text.Contains(" at Jixiao."))
                        problems.Add($"{role} {path}: 错误页「{title}」");
                    var words = English.Matches(text).Select(m => m.Value).Where(w => !Names.Contains(w)).Distinct().ToList();
                    if (words.Count > 0) problems.Add($"{role} {path}: 英文 {string.Join(",", words.Take(10))}");
                    var bare = (long)js.ExecuteScript("return Array.from(document.forms).filter(f => f.method === 'post' && !f.querySelector('input[name=__RequestVerificationToken]')).length")!;
                    if (bare > 0) problems.Add($"{role} {path}: {bare} 个提交表单没有防伪令牌");
                    if ((bool)js.ExecuteScript("return Array.from(document.querySelectorAll('input')).some(i => /year/i.test(i.name) && i.value === '0')")!)
                        problems.Add($"{role} {path}: 年度为 0");

                    browser.Driver.Manage().Window.Size = new Size(390, 900);
                    var paper = (bool)js.ExecuteScript("return document.body.classList.contains('print-doc')")!;
                    var width = (long)js.ExecuteScript("return document.documentElement.scrollWidth")!;
                    if (!paper && width > 390)
                    {
                        var wide = (string)js.ExecuteScript(
                            "var out = []; document.querySelectorAll('body *').forEach(e => { if (out.length < 3 && e.getBoundingClientRect().right > 391) {" +
                            " var p = e.parentElement, inBox = false; while (p) { var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') { inBox = true; break; } p = p.parentElement; }" +
                            " if (!inBox) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')); } }); return out.join(' ');")!;
                        problems.Add($"{role} {path}: 390 px 宽时页面宽 {width} px（{wide}）");
                    }
                    browser.SaveScreenshot($"walk/{role}-{Regex.Replace(path, "[^A-Za-z0-9]+", "_").Trim('_')}-390");
                    visited.AppendLine($"{role}\t{path}\t{title}");

                    var links = ((IEnumerable<object>)js.ExecuteScript("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")!)
                        .Select(o => ((string)o).Split('#')[0]).Where(Follow);
                    shapes.Add(Regex.Replace(path, @"\d+", "N"));
                    foreach (var href in links)
                        if (shapes.Add(Regex.Replace(href, @"\d+", "N"))) queue.Enqueue(href);
                }
                Assert.True(pages >= 3, $"{role} 只到达 {pages} 个页面");
            }
            File.WriteAllText(Path.Combine(Browser.ScreenshotFolder, "walk", "pages.tsv"), visited.ToString());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally { Directory.Delete(folder, true); }
    }
}
