using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Features.Ledger;

// A ledger uploaded, tried and saved in Chromium at desktop (1280 px) and phone (390 px) width,
// with screenshots in artifacts/screenshots (ledger-*.png).
public class LedgerBrowserTests
{
    [Fact]
    public async Task A_preparer_uploads_a_ledger_and_reads_the_figures_at_desktop_and_phone_width()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        var ledger = Path.Combine(folder, "东城区2025年信访事项台账.csv");
        await File.WriteAllTextAsync(ledger, LedgerPageTests.Csv);
        try
        {
            var app = WebApp.Build(new ServeOptions(Path.Combine(folder, "data")));
            var console = new StringWriter();
            await Bootstrap.RunAsync(app.Services, demo: true, console);
            int east;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
                east = (await db.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id;
            }
            var password = System.Text.RegularExpressions.Regex.Match(console.ToString(), @"\teast-preparer\t(\S+)").Groups[1].Value;
            await using var server = await LiveServer.Start(app);
            using var browser = new Browser();
            var driver = browser.Driver;
            driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);

            browser.SignIn(server, "east-preparer", password);

            foreach (var width in new[] { 1280, 390 })
            {
                SetWidth(browser, width);
                // The nav leads to the ledgers; the demo's own 2026 ledger is listed.
                browser.GoTo(server.Url("/"));
                driver.FindElement(By.LinkText("信访台账")).Click();
                Wait(browser, "信访事项台账 - 绩效目标管理");
                Assert.Contains("东城区信访局", driver.FindElement(By.CssSelector("table.grid")).Text);
                Fits(browser, $"ledger-index-{width}");
                Screenshot(browser, $"ledger-index-{width}");

                var year = driver.FindElement(By.Name("Year"));
                year.Clear();
                year.SendKeys("2025");
                driver.FindElement(By.Name("LedgerFile")).SendKeys(ledger);
                driver.FindElement(By.CssSelector(".ledger-upload button[type=submit]")).Click();
                Wait(browser, "台账试算：东城区2025年信访事项台账.csv - 绩效目标管理");
                var body = driver.FindElement(By.TagName("main")).Text;
                Assert.Contains("这是试算结果，尚未保存", body);
                Assert.Contains("83.33%", body);
                Assert.Contains("第7行“告知日期”列", body);
                Assert.Contains("登记后第61日才办结，超过60日期限", body);
                Fits(browser, $"ledger-preview-{width}");
                Screenshot(browser, $"ledger-preview-{width}");

                driver.FindElement(By.XPath("//button[text()='确认保存']")).Click();
                Wait(browser, "东城区信访局 2025年信访事项台账 - 绩效目标管理");
                Assert.Contains("当前台账：东城区2025年信访事项台账.csv", driver.FindElement(By.TagName("main")).Text);
                Fits(browser, $"ledger-results-{width}");
                Screenshot(browser, $"ledger-results-{width}");

                // The demo ledger of 2026, whose figures answer rows of east's projects.
                browser.GoTo(server.Url($"/Ledger/{east}/2026"));
                var demo = driver.FindElement(By.TagName("main")).Text;
                Assert.Contains("95.24%", demo);
                Assert.Contains("信访事项及时受理率", driver.FindElement(By.CssSelector("table.ledger-matches")).Text);
                Fits(browser, $"ledger-demo-{width}");
                Screenshot(browser, $"ledger-demo-{width}");
            }
            // Each saved upload is kept; the second one is the current ledger of 2025.
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
                Assert.Equal(2, await db.PetitionLedgers.CountAsync(l => l.BudgetUnitId == east && l.Year == 2025 && l.Outcome == LedgerOutcome.Saved));
            }
            browser.GoTo(server.Url($"/Ledger/{east}/2025"));
            Assert.Contains("此前保存的台账", driver.FindElement(By.TagName("main")).Text);
            Screenshot(browser, "ledger-results-history-390");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static void Wait(Browser browser, string title) =>
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30)).Until(d => d.Title == title);

    static void SetWidth(Browser browser, int width)
    {
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(width, 900);
        var inner = Convert.ToInt32(((IJavaScriptExecutor)browser.Driver).ExecuteScript("return window.innerWidth"));
        Assert.InRange(inner, width - 20, width);
    }

    // The page never scrolls sideways: tables stack into one column at phone width.
    static void Fits(Browser browser, string what)
    {
        var js = (IJavaScriptExecutor)browser.Driver;
        var scroll = Convert.ToInt32(js.ExecuteScript("return document.documentElement.scrollWidth"));
        var inner = Convert.ToInt32(js.ExecuteScript("return document.documentElement.clientWidth"));
        Assert.True(scroll <= inner + 1, $"{what}: the page is {scroll} px wide in a {inner} px window");
    }

    // The whole page in one picture: the window stretched to its height, then put back.
    static void Screenshot(Browser browser, string name)
    {
        var window = browser.Driver.Manage().Window;
        var size = window.Size;
        var height = Convert.ToInt32(((IJavaScriptExecutor)browser.Driver).ExecuteScript("return document.documentElement.scrollHeight"));
        window.Size = new System.Drawing.Size(size.Width, Math.Min(Math.Max(height + 100, size.Height), 6000));
        browser.SaveScreenshot(name);
        window.Size = size;
    }
}
