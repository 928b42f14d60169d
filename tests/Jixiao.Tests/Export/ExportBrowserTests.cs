using System.Drawing;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Export;

public class ExportBrowserTests
{
    [Fact]
    public async Task Export_buttons_and_the_public_page_work_in_Chromium_at_1280_and_390_px()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        var console = new StringWriter();
        var app = WebApp.Build(new ServeOptions(folder));
        await Bootstrap.RunAsync(app.Services, demo: true, console);
        string Password(string user) => System.Text.RegularExpressions.Regex.Match(console.ToString(), $@"\t{user}\t(\S+)").Groups[1].Value;
        await using var server = await LiveServer.Start(app);
        using var browser = new Browser();
        var driver = browser.Driver;
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(10);

        void SignIn(string user)
        {
            driver.Manage().Cookies.DeleteAllCookies();
            browser.GoTo(server.Url("/Account/Login"));
            driver.FindElement(By.Name("UserName")).SendKeys(user);
            driver.FindElement(By.Name("Password")).SendKeys(Password(user));
            driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
            driver.FindElement(By.CssSelector("nav"));
        }

        SignIn("finance");
        browser.GoTo(server.Url("/?year=2026"));
        driver.FindElement(By.LinkText("信访接待与矛盾排查调处经费")).Click();
        var projectUrl = driver.Url;
        var form = driver.FindElement(By.CssSelector("form[data-export]"));
        form.FindElement(By.CssSelector("select[name=layout] option[value=national]")).Click();
        form.FindElement(By.CssSelector("button[value=docx]")).Click();
        var status = form.FindElement(By.CssSelector(".export-status"));
        new WebDriverWait(driver, TimeSpan.FromSeconds(60)).Until(_ => status.Text.StartsWith("已生成"));
        Assert.EndsWith(".docx", status.Text);
        form.FindElement(By.Name("public")).Click();
        form.FindElement(By.CssSelector("button[value=pdf]")).Click();
        new WebDriverWait(driver, TimeSpan.FromSeconds(120)).Until(_ => status.Text.StartsWith("已生成") && status.Text.EndsWith("（公开版）.pdf"));
        browser.SaveScreenshot("export-01-project-1280");
        driver.Manage().Window.Size = new Size(390, 1400);
        ((IJavaScriptExecutor)driver).ExecuteScript("document.querySelector('form[data-export]').scrollIntoView()");
        browser.SaveScreenshot("export-02-project-390");
        // No table on the page may be wider than the phone's screen except inside its own scroller.
        var width = Convert.ToInt64(((IJavaScriptExecutor)driver).ExecuteScript("return document.querySelector('form[data-export]').getBoundingClientRect().right"));
        Assert.True(width <= 390, $"export form is {width}px wide");

        // Finance makes the form public; the public page, without sign-in, lists it with its PDF.
        driver.Manage().Window.Size = new Size(1280, 1800);
        browser.GoTo(new Uri(projectUrl));
        browser.Submit(driver.FindElement(By.CssSelector("form.publish-form button")));
        driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(server.Url("/Public"));
        Assert.Contains("信访接待与矛盾排查调处经费", driver.PageSource);
        Assert.NotEmpty(driver.FindElements(By.LinkText("PDF")));
        browser.SaveScreenshot("export-03-public-1280");
        driver.Manage().Window.Size = new Size(390, 1000);
        browser.GoTo(server.Url("/Public"));
        browser.SaveScreenshot("export-04-public-390");
        browser.Submit(driver.FindElement(By.LinkText("信访接待与矛盾排查调处经费")));
        Assert.Contains("项目支出绩效目标申报表", driver.PageSource);
        browser.SaveScreenshot("export-05-public-target-390");
        driver.Manage().Window.Size = new Size(1280, 1800);
        browser.SaveScreenshot("export-06-public-target-1280");
        // Still not signed in: the rest of the system asks for sign-in.
        browser.GoTo(new Uri(projectUrl));
        Assert.Contains("/Account/Login", driver.Url);
        Directory.Delete(folder, true);
    }
}
