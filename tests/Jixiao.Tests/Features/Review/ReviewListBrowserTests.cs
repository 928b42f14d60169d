using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features.Review;

// The review list in Chromium at desktop (1280 px) and phone (390 px) width: each row with its counts and
// first findings, "另有 N 项" opening the form, the pager's next page. Screenshots: artifacts/screenshots/review-list-*.
public class ReviewListBrowserTests
{
    [Fact]
    public async Task The_review_list_reads_at_desktop_and_phone_width_and_pages_on()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        try
        {
            var app = WebApp.Build(new ServeOptions(folder));
            var console = new StringWriter();
            await Bootstrap.RunAsync(app.Services, demo: true, console);
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
                var units = await db.BudgetUnits.OrderBy(u => u.Id).Take(2).ToListAsync();
                for (var n = 0; n < 60; n++)
                    db.Projects.Add(new Project
                    {
                        BudgetUnitId = units[n % 2].Id, FiscalYear = 2031, Status = ProjectStatus.Submitted, QualityScore = 55 + n % 40,
                        Form = new ProjectForm { Name = $"信访事项办理项目{n:00}" },
                        Findings =
                        [
                            new StoredFinding { Rule = "R01-empty-target", Severity = Severity.Error, Indicator = "群众满意度", Message = "指标值为空" },
                            new StoredFinding { Rule = "R05-vague-number", Severity = Severity.Warning, Indicator = "越级信访量", Message = "“下降”无法衡量：“越级信访量”是定量指标，应填写数值" },
                            .. Enumerable.Range(0, n % 4).Select(k => new StoredFinding { Rule = "R07", Severity = Severity.Info, Message = $"年度目标第{k + 1}句没有对应的绩效指标" }),
                        ],
                    });
                await db.SaveChangesAsync();
            }
            var password = System.Text.RegularExpressions.Regex.Match(console.ToString(), @"\tfinance\t(\S+)").Groups[1].Value;
            await using var server = await LiveServer.Start(app);
            using var browser = new Browser();
            var driver = browser.Driver;
            driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            browser.SignIn(server, "finance", password);

            foreach (var width in new[] { 1280, 390 })
            {
                driver.Manage().Window.Size = new System.Drawing.Size(width, 900);
                browser.GoTo(server.Url("/Review?year=2031"));
                Assert.Equal(50, driver.FindElements(By.CssSelector("table.review-list tbody tr")).Count);
                Assert.Contains("共 60 项，第 1 / 2 页", driver.FindElement(By.CssSelector("nav.pager")).Text);
                AssertFits(driver, $"review-list-{width}");
                Screenshot(browser, $"review-list-{width}");

                browser.Submit(driver.FindElement(By.LinkText("下一页")));
                Assert.Contains("共 60 项，第 2 / 2 页", driver.FindElement(By.CssSelector("nav.pager")).Text);
                Assert.Equal(10, driver.FindElements(By.CssSelector("table.review-list tbody tr")).Count);
                Assert.Contains("after=", driver.Url);
                AssertFits(driver, $"review-list-page2-{width}");
                Screenshot(browser, $"review-list-page2-{width}");
            }

            // "另有 N 项" opens the form, where every finding stands.
            browser.Submit(driver.FindElement(By.CssSelector("td.matching a.more")));
            Assert.Matches("/Projects/\\d+$", driver.Url);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static void AssertFits(IWebDriver driver, string what)
    {
        var js = (IJavaScriptExecutor)driver;
        var scroll = Convert.ToInt32(js.ExecuteScript("return document.documentElement.scrollWidth"));
        var inner = Convert.ToInt32(js.ExecuteScript("return document.documentElement.clientWidth"));
        Assert.True(scroll <= inner + 1, $"{what}: the page is {scroll} px wide in a {inner} px window");
    }

    // The window stretched to the page's height for the picture, then put back.
    static void Screenshot(Browser browser, string name)
    {
        var window = browser.Driver.Manage().Window;
        var size = window.Size;
        var height = Convert.ToInt32(((IJavaScriptExecutor)browser.Driver).ExecuteScript("return document.documentElement.scrollHeight"));
        window.Size = new System.Drawing.Size(size.Width, Math.Min(height + 120, 6000));
        browser.SaveScreenshot(name);
        window.Size = size;
    }
}
