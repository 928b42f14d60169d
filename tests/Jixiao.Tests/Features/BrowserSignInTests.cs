using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features;

public class BrowserSignInTests
{
    [Fact]
    public async Task A_preparer_signs_in_and_opens_a_project_in_Chromium()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        var console = new StringWriter();
        var app = WebApp.Build(new ServeOptions(folder));
        await Bootstrap.RunAsync(app.Services, demo: true, console);
        var password = System.Text.RegularExpressions.Regex.Match(console.ToString(), @"\teast-preparer\t(\S+)").Groups[1].Value;
        await using var server = await LiveServer.Start(app);
        using var browser = new Browser();
        browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(10);

        browser.GoTo(server.Url("/"));
        Assert.Equal("登录 - 绩效目标管理", browser.Driver.Title);
        browser.SaveScreenshot("01-sign-in");
        browser.Driver.FindElement(By.Name("UserName")).SendKeys("east-preparer");
        browser.Driver.FindElement(By.Name("Password")).SendKeys(password);
        browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();

        var link = browser.Driver.FindElement(By.LinkText("信访接待与矛盾排查调处经费"));
        browser.SaveScreenshot("02-projects");
        browser.Submit(link);
        Assert.Equal("项目支出绩效目标申报表", browser.Driver.FindElement(By.CssSelector("h1.form-title")).Text);
        // The level-1 cell spans the rows of its indicators, as on the paper form.
        var output = browser.Driver.FindElement(By.XPath("//table[contains(@class,'indicators')]//td[text()='产出指标']"));
        Assert.Equal("4", output.GetAttribute("rowspan"));
        Assert.Contains("≥1200批次", browser.Driver.PageSource);
        var png = browser.SaveScreenshot("03-project");
        Assert.True(new FileInfo(png).Length > 10_000);

        // Two files at once: each gets its own progress bar, then a link to its preview.
        browser.GoTo(server.Url("/Import"));
        browser.Driver.FindElement(By.CssSelector("input[type=file]")).SendKeys(Seeds.PathOf("003") + "\n" + Seeds.PathOf("004"));
        browser.Driver.FindElement(By.CssSelector("#upload button[type=submit]")).Click();
        var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30));
        wait.Until(d => d.FindElements(By.LinkText("预览并确认")).Count == 2);
        Assert.All(browser.Driver.FindElements(By.CssSelector("#uploads progress")), p => Assert.Equal("100", p.GetAttribute("value")));
        browser.SaveScreenshot("04-upload");
        browser.Submit(browser.Driver.FindElements(By.LinkText("预览并确认"))[1]);
        Assert.Contains("信访储备金", browser.Driver.FindElement(By.CssSelector("article.form-sheet table.form")).Text);
        // Before saving, the preview already shows the form's review: its score and the findings in place.
        Assert.Contains("自动审核（保存前）", browser.Driver.PageSource);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("article.form-sheet .finding")));
        browser.SaveScreenshot("05-preview");

        browser.GoTo(server.Url("/Review?year=2026"));
        Assert.Equal("网上信访系统运维", browser.Driver.FindElement(By.CssSelector("table.grid tbody tr td a, table.grid tr td a")).Text);
        browser.SaveScreenshot("06-review-list");
        browser.Submit(browser.Driver.FindElement(By.LinkText("网上信访系统运维")));
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("tr.finding-row td.finding.error")));
        browser.SaveScreenshot("07-project-findings");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
