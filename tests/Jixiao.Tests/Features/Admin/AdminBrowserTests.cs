using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features.Admin;

// The administration pages, the library and the unit overview in Chromium, at desktop (1280 px) and phone
// (390 px) width, with screenshots in artifacts/screenshots (admin-*.png).
public class AdminBrowserTests
{
    static readonly int[] Widths = [1280, 390];

    [Fact]
    public async Task Administration_library_and_overview_work_at_desktop_and_phone_width()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        try
        {
            var app = WebApp.Build(new ServeOptions(folder));
            var console = new StringWriter();
            await Bootstrap.RunAsync(app.Services, demo: true, console);
            string adminPassword;
            int east, project, seedProject;
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                adminPassword = await Bootstrap.CreateUserAsync(users, "boss", "系统管理员（测试）", Roles.SystemAdmin, mustChange: false);
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
                var unit = await db.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局");
                east = unit.Id;
                var saved = await Jixiao.Features.Import.ImportSaver.SaveAsync(db, Jixiao.Forms.DocumentReader.Read(Seeds.PathOf("003")), unit, 2025,
                    _ => Jixiao.Features.Import.DuplicateChoice.Ask, "test", "003.txt");
                Assert.True(saved.Saved, saved.Describe());
                Assert.True((await Jixiao.Features.Projects.ProjectStore.CommitAsync(db)).Saved);
                // Seed 000 (Shanghai 2018) has findings inside merged 一级/二级 groups.
                var shanghai = await Jixiao.Features.Import.ImportSaver.SaveAsync(db, Jixiao.Forms.DocumentReader.Read(Seeds.PathOf("000")), unit, 2018,
                    _ => Jixiao.Features.Import.DuplicateChoice.Ask, "test", "000.txt");
                Assert.True(shanghai.Saved, shanghai.Describe());
                Assert.True((await Jixiao.Features.Projects.ProjectStore.CommitAsync(db)).Saved);
                seedProject = await db.Projects.Where(p => p.FiscalYear == 2018).Select(p => p.Id).FirstAsync();
                project = await db.Projects.Where(p => p.BudgetUnitId == east && p.FiscalYear == 2026).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            }
            var preparerPassword = System.Text.RegularExpressions.Regex.Match(console.ToString(), @"\teast-preparer\t(\S+)").Groups[1].Value;
            await using var server = await LiveServer.Start(app);
            using var browser = new Browser();
            var driver = browser.Driver;
            driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);

            browser.SignIn(server, "boss", adminPassword);
            foreach (var width in Widths)
            {
                SetWidth(browser, width);
                foreach (var (path, name) in new[]
                         {
                             ("/Admin", "admin-index"), ("/Admin/Users", "admin-users"), ("/Admin/Units", "admin-units"),
                             ("/Admin/Departments", "admin-departments"), ("/Library", "admin-library"), ("/Library/Propose", "admin-library-propose"),
                             ("/Library/Proposals", "admin-library-proposals"),
                         })
                    Visit(browser, server, path, $"{name}-{width}");
            }

            // A user created at phone width: the password is shown once, on the answer page.
            SetWidth(browser, 390);
            browser.GoTo(server.Url("/Admin/Users"));
            driver.FindElement(By.Name("Input.UserName")).SendKeys("east-newcomer");
            driver.FindElement(By.Name("Input.DisplayName")).SendKeys("周新");
            driver.FindElement(By.XPath($"//select[@name='Input.Role']/option[text()='{Roles.Preparer}']")).Click();
            driver.FindElement(By.XPath("//select[@name='Input.UnitId']/option[text()='东城区信访局']")).Click();
            browser.Submit(driver.FindElement(By.CssSelector("form.edit button[type=submit]")));
            var secret = driver.FindElement(By.CssSelector("#issued code.secret")).Text;
            Assert.Equal(16, secret.Length);
            AssertFits(browser, "admin-users-created-390");
            browser.SaveScreenshot("admin-users-created-390");

            // An empty unit form answers in Chinese beside the field.
            browser.GoTo(server.Url("/Admin/Units"));
            browser.Submit(driver.FindElement(By.CssSelector("form.edit button[type=submit]")));
            Assert.Equal("请填写单位名称", driver.FindElement(By.CssSelector("span.field-error[data-valmsg-for='Input.Name']")).Text);
            browser.SaveScreenshot("admin-units-empty-390");

            SignOut(browser);
            browser.SignIn(server, "east-preparer", preparerPassword);
            foreach (var width in Widths)
            {
                SetWidth(browser, width);
                foreach (var (path, name) in new[]
                         {
                             ("/?year=2026", "admin-home"), ($"/Units/Overview?unit={east}&year=2026", "admin-overview"),
                             ($"/Units/Overview?unit={east}&year=2025", "admin-overview-goals"), ($"/Projects/{project}", "admin-project"), ($"/Projects/{seedProject}", "admin-project-seed000"),
                             ($"/Projects/{project}/Delete", "admin-project-delete"), ("/Review?year=2025", "admin-review"),
                             ("/Import", "admin-import"), ("/Library?q=xf", "admin-library-xf"), ("/Account/ChangePassword", "admin-change-password"),
                         })
                    Visit(browser, server, path, $"{name}-{width}");
            }

            // Search by pinyin initials as typed.
            SetWidth(browser, 1280);
            browser.GoTo(server.Url("/Library"));
            var box = driver.FindElement(By.CssSelector("main input[name=q]"));   // not the header's search box
            box.SendKeys("myl");
            box.Submit();
            new OpenQA.Selenium.Support.UI.WebDriverWait(driver, TimeSpan.FromSeconds(10)).Until(d => d.Url.Contains("q=myl"));
            var names = driver.FindElements(By.CssSelector("table.library td.name")).Select(e => e.Text).ToList();
            Assert.Contains("参评群众满意率", names);
            Assert.DoesNotContain("信访事项及时受理率", names);

            // Department goals: the last row moved up twice with the buttons, then saved.
            browser.GoTo(server.Url($"/Units/Overview?unit={east}&year=2025"));
            var rows = driver.FindElements(By.CssSelector("[data-goal-row]"));
            var lastStored = rows[^2];
            Assert.Equal("做好信访法治宣传", lastStored.FindElement(By.CssSelector("input[name$='.Title']")).GetAttribute("value"));
            lastStored.FindElement(By.CssSelector("[data-goal-up]")).Click();
            lastStored.FindElement(By.CssSelector("[data-goal-up]")).Click();
            browser.SaveScreenshot("admin-overview-goals-moved-1280");
            browser.Submit(driver.FindElement(By.CssSelector("form.goals-edit button[type=submit]")));
            Assert.Contains("部门整体绩效目标已保存", driver.FindElement(By.CssSelector("#goals .notice")).Text);
            var titles = driver.FindElements(By.CssSelector("[data-goal-row] input[name$='.Title']")).Select(e => e.GetAttribute("value")).ToList();
            Assert.Equal(["持续开展信访隐患排查", "做好信访法治宣传", "涉法涉诉信访问题依法分流", "做好信访值班工作", ""], titles);
            browser.SaveScreenshot("admin-overview-goals-saved-1280");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }


    static void SignOut(Browser browser)
    {
        browser.Driver.FindElement(By.CssSelector("header .user form button")).Click();
        // The click returns before the next page has loaded: wait for it rather than read the old title.
        new OpenQA.Selenium.Support.UI.WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30))
            .Until(d => d.Title == "登录 - 绩效目标管理");
    }

    static void SetWidth(Browser browser, int width)
    {
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(width, 900);
        var inner = Convert.ToInt32(((IJavaScriptExecutor)browser.Driver).ExecuteScript("return window.innerWidth"));
        Assert.InRange(inner, width - 20, width);
    }

    static void Visit(Browser browser, LiveServer server, string path, string screenshot)
    {
        browser.GoTo(server.Url(path));
        Assert.DoesNotContain("出错了", browser.Driver.Title);
        AssertFits(browser, screenshot);
        FullPageScreenshot(browser, screenshot);
    }

    // The window stretched to the page's height for the picture, then put back.
    static void FullPageScreenshot(Browser browser, string name)
    {
        var window = browser.Driver.Manage().Window;
        var size = window.Size;
        var height = Convert.ToInt32(((IJavaScriptExecutor)browser.Driver).ExecuteScript("return document.documentElement.scrollHeight"));
        window.Size = new System.Drawing.Size(size.Width, Math.Min(Math.Max(height + 100, size.Height), 6000));
        browser.SaveScreenshot(name);
        window.Size = size;
    }

    // Nothing wider than the window: wide tables scroll inside their own box, the page itself never sideways.
    static void AssertFits(Browser browser, string what)
    {
        var js = (IJavaScriptExecutor)browser.Driver;
        var scroll = Convert.ToInt32(js.ExecuteScript("return document.documentElement.scrollWidth"));
        var inner = Convert.ToInt32(js.ExecuteScript("return document.documentElement.clientWidth"));
        Assert.True(scroll <= inner + 1, $"{what}: the page is {scroll} px wide in a {inner} px window");
    }
}
