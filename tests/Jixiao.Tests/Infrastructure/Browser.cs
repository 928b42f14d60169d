using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Infrastructure;

// Debian's headless Chromium driven by Debian's chromedriver (both installed by test.sh).
public sealed class Browser : IDisposable
{
    readonly string profileFolder;

    public ChromeDriver Driver { get; }

    public static string ScreenshotFolder => Path.Combine(Seeds.RepoRoot, "artifacts", "screenshots");

    public Browser()
    {
        profileFolder = Directory.CreateTempSubdirectory("jixiao-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1280,1800", "--lang=zh-CN",
            "--user-data-dir=" + profileFolder);
        // An explicit driver path keeps Selenium Manager (which would download drivers) out of the way.
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            service.Dispose();
            Directory.Delete(profileFolder, recursive: true);
            throw;
        }
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public void GoTo(Uri address) => Driver.Navigate().GoToUrl(address);

    // Through the sign-in page, as a user does; signed in once the header names the user.
    public void SignIn(LiveServer server, string user, string password)
    {
        GoTo(server.Url("/Account/Login"));
        Driver.FindElement(By.Name("UserName")).SendKeys(user);
        Driver.FindElement(By.Name("Password")).SendKeys(password);
        Submit(Driver.FindElement(By.CssSelector("form button[type=submit]")));
        Assert.True(Driver.FindElements(By.CssSelector("header .user")).Count > 0, $"{user} 未能登录：{Driver.FindElement(By.TagName("body")).Text}");
    }

    // A click that posts a form or follows a link: done when a new document has replaced the old one and
    // finished loading, so nothing after it reads the page being left.
    public void Submit(IWebElement button)
    {
        var page = Driver.FindElement(By.TagName("html"));
        button.Click();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(30)).Until(d =>
        {
            try { return !d.FindElement(By.TagName("html")).Equals(page) && ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState")?.ToString() == "complete"; }
            catch (WebDriverException) { return false; }
        });
    }

    // Writes a PNG of the current viewport into artifacts/screenshots and returns its path.
    public string SaveScreenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? name : name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            Directory.Delete(profileFolder, recursive: true);
        }
    }
}
