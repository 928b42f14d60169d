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
            foreach (var role in new[] { "east-preparer", "east-head", "west-preparer", "supervisor", "finance" })
            {
                using var browser = new Browser();
                browser.Driver.Manage().Window.Size = new Size(1280, 900);
                browser.SignIn(server, role, app.PasswordOf(role));
                Walk(browser, server, role, problems, visited);
            }
            File.WriteAllText(Path.Combine(Browser.ScreenshotFolder, "walk", "pages.tsv"), visited.ToString());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally { Directory.Delete(folder, true); }
    }

    // The three administrators of 等保2.0. The first-start `admin` signs in with the printed password, is sent to
    // change it (as every first sign-in is), changes it on that page and then walks; the security and audit
    // administrators of the demo walk as they are. The auditor's log is read with its change records too.
    [Fact]
    public async Task The_administrators_change_the_first_password_and_every_page_they_reach_is_Chinese_safe_and_fits_a_phone()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-walk-admin-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using var server = await LiveServer.Start(app.App);
            var problems = new List<string>();
            var visited = new StringBuilder();
            Directory.CreateDirectory(Path.Combine(Browser.ScreenshotFolder, "walk"));

            using (var browser = new Browser())
            {
                var d = browser.Driver;
                d.Manage().Window.Size = new Size(1280, 900);
                var first = Regex.Match(app.Console, @"系统管理员账号 admin，初始密码[^：]*：(\S+)").Groups[1].Value;
                Assert.NotEmpty(first);
                browser.SignIn(server, "admin", first);
                // Sent to the change of password before anything else, and told why.
                Assert.EndsWith("/Account/ChangePassword", new Uri(d.Url).AbsolutePath);
                Assert.Contains("初始密码", d.FindElement(By.TagName("main")).Text);
                // No links in the header that would only lead back here.
                Assert.Empty(d.FindElements(By.CssSelector("header nav a")));
                Check(browser, "admin", new Uri(d.Url).PathAndQuery, problems);
                browser.SaveScreenshot("walk/admin-change-password-first-1280");
                d.Manage().Window.Size = new Size(390, 900);
                browser.SaveScreenshot("walk/admin-change-password-first-390");
                d.Manage().Window.Size = new Size(1280, 900);
                d.FindElement(By.Name("Current")).SendKeys(first);
                d.FindElement(By.Name("New")).SendKeys("Zhanghu2026xf");
                d.FindElement(By.Name("Confirm")).SendKeys("Zhanghu2026xf");
                browser.Submit(d.FindElement(By.CssSelector("main form button[type=submit]")));
                var said = d.FindElement(By.TagName("main")).Text;
                Assert.Contains("密码已修改", said);
                Check(browser, "admin", new Uri(d.Url).PathAndQuery, problems);
                browser.SaveScreenshot("walk/admin-change-password-done-390");
                d.Manage().Window.Size = new Size(1280, 900);
                // The way on is on the page, and it is no longer sent back to the password change.
                browser.Submit(d.FindElement(By.LinkText("进入系统")));
                Assert.DoesNotContain("/Account/ChangePassword", d.Url);
                Assert.NotEmpty(d.FindElements(By.CssSelector("header nav a")));
                Walk(browser, server, "admin", problems, visited);
            }
            foreach (var role in new[] { "security", "auditor" })
            {
                using var browser = new Browser();
                browser.Driver.Manage().Window.Size = new Size(1280, 900);
                browser.SignIn(server, role, app.PasswordOf(role));
                Walk(browser, server, role, problems, visited);
                if (role != "auditor") continue;
                // The log's 内容 of the forms' changes, at desktop width: fields in the forms' words.
                browser.Driver.Manage().Window.Size = new Size(1280, 900);
                browser.GoTo(server.Url("/Audit?Entity=ProjectForm"));
                ((IJavaScriptExecutor)browser.Driver).ExecuteScript("document.querySelector('table.audit').scrollIntoView()");
                browser.SaveScreenshot("walk/auditor-Audit-ProjectForm-1280");
                var contents = browser.Driver.FindElement(By.CssSelector("table.audit")).Text;
                Assert.Contains("项目名称：", contents);
                Assert.Contains("年度总体目标：", contents);
            }
            File.WriteAllText(Path.Combine(Browser.ScreenshotFolder, "walk", "pages-admin.tsv"), visited.ToString());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally { Directory.Delete(folder, true); }
    }

    // From the start page outwards, one page of each address shape, each checked at 1280 and 390 px.
    static void Walk(Browser browser, LiveServer server, string role, List<string> problems, StringBuilder visited)
    {
        var js = (IJavaScriptExecutor)browser.Driver;
        var shapes = new HashSet<string>();
        var queue = new Queue<string>(["/"]);
        var pages = 0;
        while (queue.TryDequeue(out var path))
        {
            pages++;
            browser.Driver.Manage().Window.Size = new Size(1280, 900);
            browser.GoTo(server.Url(path));
            var title = Check(browser, role, path, problems);
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

    // The page as it stands (at 1280 px): error page, English, bare posting forms, year 0; then at 390 px its width.
    // Leaves the window at 390 px. Returns the page's title.
    static string Check(Browser browser, string role, string path, List<string> problems)
    {
        var js = (IJavaScriptExecutor)browser.Driver;
        var title = browser.Driver.Title;
        var text = (string)js.ExecuteScript("return document.body.innerText")!;
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
        return title;
    }
}
