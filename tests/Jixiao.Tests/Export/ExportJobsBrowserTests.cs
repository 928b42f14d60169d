using System.Drawing;
using System.Security.Claims;
using Jixiao.Features.Export;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Export;

// The job page in headless Chromium: a long export shows its stage and progress while it runs (polled by
// export-job.js), then offers its file; a unit's book asked for with the overview's button arrives as a
// real PDF; after a restart the finished export is still there and the one that was running says it was
// interrupted, with the way back. Screenshots at 1280 and 390 px under artifacts/screenshots.
public class ExportJobsBrowserTests
{
    static object? Js(Browser b, string script, params object[] args) => ((IJavaScriptExecutor)b.Driver).ExecuteScript(script, args);

    static void Until(Browser b, Func<bool> condition, string what)
    {
        var wait = new WebDriverWait(b.Driver, TimeSpan.FromSeconds(90));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        try { wait.Until(_ => condition()); }
        catch (WebDriverTimeoutException)
        {
            b.SaveScreenshot("export-job-failed");
            Assert.Fail($"等待超时：{what}；页面上是：{b.Driver.FindElement(By.TagName("main")).Text}");
        }
    }

    static string Text(Browser b, string css) => b.Driver.FindElement(By.CssSelector(css)).Text;

    // Both widths, the page scrolled to the job; no sideways scrolling at phone width.
    static void Screenshots(Browser b, string name)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            b.Driver.Manage().Window.Size = new Size(width, 900);
            Assert.True((long)Js(b, "return document.documentElement.scrollWidth")! <= width, $"{name} 在 {width} px 宽时横向溢出");
            b.SaveScreenshot($"export-job-{name}-{width}");
        }
        b.Driver.Manage().Window.Size = new Size(1280, 900);
    }

    // The file behind the page's download link, fetched by the page itself (same cookies): its type and first bytes.
    static string Fetch(Browser b, string href) => (string)((IJavaScriptExecutor)b.Driver).ExecuteAsyncScript(
        "var done = arguments[arguments.length - 1];" +
        "fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) { return r.arrayBuffer().then(function (a) {" +
        "  var bytes = new Uint8Array(a).slice(0, 8); done(r.status + ' ' + r.headers.get('content-type') + ' ' + String.fromCharCode.apply(null, bytes)); }); })" +
        ".catch(function (e) { done('error ' + e); });", href)!;

    [Fact]
    public async Task The_job_page_shows_progress_then_the_file_and_a_restart_keeps_it()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-export-jobs-").FullName;
        try
        {
            string password, doneJob, lostJob;
            int unit;
            // The live server stops and disposes the app (TestApp itself does not own this folder).
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using (var server = await LiveServer.Start(app.App))
            {
                password = app.PasswordOf("east-preparer");
                (var userId, unit) = await app.Db(async d => (
                    await d.Users.Where(u => u.UserName == "east-preparer").Select(u => u.Id).SingleAsync(),
                    await d.BudgetUnits.Where(u => u.Name == "东城区信访局").Select(u => u.Id).SingleAsync()));
                using var browser = new Browser();
                browser.Driver.Manage().Window.Size = new Size(1280, 900);
                browser.SignIn(server, "east-preparer", password);

                // A list export held at 3 of 10 until the test lets it go: the page shows where it is.
                var jobs = app.App.Services.GetRequiredService<ExportJobs>();
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
                var release = new TaskCompletionSource();
                var counted = new TaskCompletionSource();
                var (held, _) = jobs.Enqueue(user, "东城区信访局2026年度项目清单", "csv", "东城区信访局2026年度项目清单.csv", async (_, job, path, ct) =>
                {
                    job.Report("正在读取项目", 0, 0);
                    await counted.Task.WaitAsync(ct);
                    job.Report("正在写入项目清单", 3, 10);
                    await release.Task.WaitAsync(ct);
                    await File.WriteAllTextAsync(path, "\uFEFF项目名称\r\n信访接待与矛盾排查调处\r\n", ct);
                    job.Report("正在写入项目清单", 10, 10);
                }, again: "/?year=2026");
                browser.GoTo(server.Url($"/Exports/Jobs/{held!.Id}"));
                // A step with no count yet: the bar is indeterminate (no value), not stuck at 0.
                Until(browser, () => Text(browser, ".job-stage") == "正在读取项目", "无计数的步骤");
                Assert.Null(browser.Driver.FindElement(By.CssSelector(".job-progress")).GetDomAttribute("value"));
                counted.SetResult();
                Until(browser, () => Text(browser, ".job-stage") == "正在写入项目清单（3/10）", "进度 3/10");
                Assert.Equal("进行中", Text(browser, ".job-state"));
                Assert.Equal("30", browser.Driver.FindElement(By.CssSelector(".job-progress")).GetAttribute("value"));
                Assert.False(browser.Driver.FindElement(By.CssSelector(".job-file")).Displayed);
                Screenshots(browser, "running");

                release.SetResult();
                Until(browser, () => browser.Driver.FindElement(By.CssSelector(".job-file")).Displayed, "下载链接出现");
                Assert.Equal("已完成", Text(browser, ".job-state"));
                Assert.Equal("100", browser.Driver.FindElement(By.CssSelector(".job-progress")).GetAttribute("value"));
                Assert.Equal("已完成", Text(browser, $"[data-job-state='{held.Id}']"));   // its line in the list too
                var link = browser.Driver.FindElement(By.CssSelector(".job-file a"));
                Assert.Contains("东城区信访局2026年度项目清单.csv", link.Text);
                Assert.StartsWith("200 text/csv", Fetch(browser, link.GetAttribute("href")!));
                Screenshots(browser, "done");
                doneJob = held.Id.ToString();

                // The unit's book as PDF through the overview's button, as a user asks for it.
                browser.GoTo(server.Url($"/Units/Overview?unit={unit}&year=2026"));
                browser.Driver.FindElement(By.CssSelector("form.export-form button[value=pdf]")).Click();
                Until(browser, () => browser.Driver.Url.Contains("/Exports/Jobs/"), "转到导出任务页");
                Until(browser, () => browser.Driver.FindElement(By.CssSelector(".job-file")).Displayed, "PDF 完成");
                var pdf = Fetch(browser, browser.Driver.FindElement(By.CssSelector(".job-file a")).GetAttribute("href")!);
                Assert.StartsWith("200 application/pdf %PDF-", pdf);

                // A job still running when the app stops.
                var (running, _) = jobs.Enqueue(user, "东城区信访局2026年度项目支出绩效目标", "pdf", "book.pdf",
                    async (_, job, _, ct) => { job.Report("正在排版打印 PDF", 0, 1); await Task.Delay(Timeout.Infinite, ct); },
                    again: $"/Units/Overview?unit={unit}&year=2026");
                lostJob = running!.Id.ToString();
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (running.State != ExportJobState.Running && DateTime.UtcNow < deadline) await Task.Delay(100);
                Assert.Equal(ExportJobState.Running, running.State);
            }

            // The same data folder, a new process: the finished export is still offered, the running one is not lost silently.
            app = await TestApp.Start(folder, null, demo: true, live: true);
            await using (var server = await LiveServer.Start(app.App))
            {
                using var browser = new Browser();
                browser.Driver.Manage().Window.Size = new Size(1280, 900);
                browser.SignIn(server, "east-preparer", password);
                browser.GoTo(server.Url("/Exports/Jobs"));
                var list = Text(browser, "table.export-jobs");
                Assert.Contains("东城区信访局2026年度项目清单", list);
                Assert.Contains("已完成", list);
                Assert.Contains("失败", list);

                browser.GoTo(server.Url($"/Exports/Jobs/{doneJob}"));
                Assert.Equal("已完成", Text(browser, ".job-state"));
                Assert.StartsWith("200 text/csv", Fetch(browser, browser.Driver.FindElement(By.CssSelector(".job-file a")).GetAttribute("href")!));

                browser.GoTo(server.Url($"/Exports/Jobs/{lostJob}"));
                Assert.Equal("失败", Text(browser, ".job-state"));
                Assert.Equal(ExportJobs.Interrupted, Text(browser, ".job-error"));
                var again = browser.Driver.FindElement(By.CssSelector(".job-again a"));
                Assert.True(again.Displayed);
                Assert.EndsWith($"/Units/Overview?unit={unit}&year=2026", again.GetAttribute("href"));
                Assert.False(browser.Driver.FindElement(By.CssSelector(".job-file")).Displayed);
                Screenshots(browser, "interrupted");
                again.Click();
                Until(browser, () => browser.Driver.FindElements(By.CssSelector("form.export-form button[value=pdf]")).Count > 0, "回到单位概览");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
