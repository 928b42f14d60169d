using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features.Monitoring;

public class MonitoringBrowserTests
{
    [Fact]
    public async Task A_whole_round_in_Chromium()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        var console = new StringWriter();
        var app = WebApp.Build(new ServeOptions(folder), b => b.Configuration["Security:SignInAttemptsPerMinute"] = "1000");
        await Bootstrap.RunAsync(app.Services, demo: true, console);
        string Password(string user) => Regex.Match(console.ToString(), $@"\t{user}\t(\S+)").Groups[1].Value;
        async Task<T> Db<T>(Func<JixiaoDb, Task<T>> work)
        {
            using var scope = app.Services.CreateScope();
            return await work(scope.ServiceProvider.GetRequiredService<JixiaoDb>());
        }
        // The review chain ran before (another part of the system): the east bureau's projects are approved;
        // the demo's own round makes way for the one finance opens here.
        var (projects, east) = await Db(async d =>
        {
            d.MonitoringRounds.RemoveRange(await d.MonitoringRounds.ToListAsync());
            var list = await d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局").OrderBy(p => p.Form.Name).ToListAsync();
            foreach (var p in list) { p.Status = ProjectStatus.Approved; p.ApprovedVersion = p.Version; }
            await d.SaveChangesAsync();
            return (list.Select(p => (p.Id, p.Form.Name)).ToList(), list[0].BudgetUnitId);
        });
        await using var server = await LiveServer.Start(app);
        using var browser = new Browser();
        var driver = browser.Driver;
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);

        void SignIn(string user)
        {
            driver.Manage().Cookies.DeleteAllCookies();
            browser.GoTo(server.Url("/Account/Login"));
            driver.FindElement(By.Name("UserName")).SendKeys(user);
            driver.FindElement(By.Name("Password")).SendKeys(Password(user));
            browser.Submit(driver.FindElement(By.CssSelector("form button[type=submit]")));
        }
        void Wide() => driver.Manage().Window.Size = new System.Drawing.Size(1280, 1800);
        void Narrow() => driver.Manage().Window.Size = new System.Drawing.Size(390, 1400);
        void Choose(IWebElement select, string text) =>
            select.FindElements(By.TagName("option")).First(o => o.Text.Trim() == text).Click();

        // Finance opens the round for the east bureau.
        SignIn("finance");
        browser.GoTo(server.Url("/Monitoring"));
        Choose(driver.FindElement(By.Name("Input.EndMonth")), "1–6月");
        var due = Jixiao.Features.Monitoring.Monitor.Today().AddDays(5);
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].value = arguments[1]", driver.FindElement(By.Name("Input.DueDate")), due.ToString("yyyy-MM-dd"));
        driver.FindElement(By.XPath("//label[contains(., '东城区信访局')]/input")).Click();
        browser.SaveScreenshot("monitoring-01-open-1280");
        browser.Submit(driver.FindElement(By.XPath("//button[normalize-space()='开启']")));
        Assert.Contains("已开启2026年1–6月运行监控", driver.PageSource);
        var roundUrl = driver.Url;
        var roundId = int.Parse(Regex.Match(roundUrl, @"/Round/(\d+)").Groups[1].Value);

        // The unit's preparer sees the reminder on the desk and fills the first project on the page.
        SignIn("east-preparer");
        browser.GoTo(server.Url("/Desk"));
        Assert.Contains("还有 5 天截止", driver.PageSource);
        browser.GoTo(server.Url($"/Monitoring/Round/{roundId}/Report/{projects[0].Id}"));
        driver.FindElement(By.Name("Input.Spent")).SendKeys("50000");
        var rows = driver.FindElements(By.CssSelector("table.monitoring-rows tr[id^=row-]"));
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].FindElement(By.CssSelector($"input[name='Input.Rows[{i}].Value']")).SendKeys("10");
            rows[i].FindElement(By.CssSelector($"input[name='Input.Rows[{i}].Expected']")).SendKeys("20");
            Choose(rows[i].FindElement(By.CssSelector($"select[name='Input.Rows[{i}].Likelihood']")), i == 1 ? "完全不可能" : "确定能");
        }
        browser.Submit(driver.FindElement(By.XPath("//button[normalize-space()='提交']")));
        Assert.Contains("未提交：请先补全下列内容", driver.PageSource);
        Assert.Contains("预算执行为红灯", driver.PageSource);
        browser.SaveScreenshot("monitoring-02-report-errors-1280");
        Choose(driver.FindElement(By.Name("Input.Cause")), "经费");
        driver.FindElement(By.Name("Input.CauseText")).SendKeys("上半年合同尚未结算");
        driver.FindElement(By.Name("Input.Measures")).SendKeys("7月完成结算");
        var second = driver.FindElements(By.CssSelector("table.monitoring-rows tr[id^=row-]"))[1];
        Choose(second.FindElement(By.CssSelector("select[name='Input.Rows[1].Cause']")), "人员");
        second.FindElement(By.CssSelector("textarea[name='Input.Rows[1].CauseText']")).SendKeys("排查人员借调");
        second.FindElement(By.CssSelector("textarea[name='Input.Rows[1].Measures']")).SendKeys("调整年度目标");
        browser.Submit(driver.FindElement(By.XPath("//button[normalize-space()='提交']")));
        Assert.Contains("已提交，等待主管部门审核", driver.PageSource);
        browser.SaveScreenshot("monitoring-03-report-submitted-1280");
        Narrow();
        browser.SaveScreenshot("monitoring-03-report-submitted-390");
        Wide();

        // The other project by the Excel template: generated by the server, filled, uploaded as a dry run, saved.
        var template = await Db(async d =>
        {
            var round = await d.MonitoringRounds.Include(r => r.Units).SingleAsync(r => r.Id == roundId);
            return MonitoringWorkbook.Write(round.Id, round.Title, round.EndMonth, await Jixiao.Features.Monitoring.TemplateModel.Sheets(d, round, east));
        });
        var rowCount = (await Db(async d => d.InFormOrder(await d.Projects.SingleAsync(p => p.Id == projects[1].Id)).Form.Indicators.Count));
        var filled = MonitoringTemplateTests.Fill(template, (_, sheet) => sheet == 1
            ? new[] { ("C3", "200000") }.Concat(Enumerable.Range(0, rowCount).SelectMany(k => new[] { ($"F{9 + k}", "5"), ($"G{9 + k}", "10"), ($"H{9 + k}", "确定能") }))
            : []);
        var file = Path.Combine(folder, "监控模板.xlsx");
        await File.WriteAllBytesAsync(file, filled);
        browser.GoTo(server.Url($"/Monitoring/Round/{roundId}/Upload?unit={east}"));
        driver.FindElement(By.Name("file")).SendKeys(file);
        browser.Submit(driver.FindElement(By.XPath("//button[contains(., '试导入')]")));
        browser.SaveScreenshot("monitoring-04-upload-dry-run-1280");
        Assert.True(driver.PageSource.Contains("试导入结果（尚未保存）"), driver.FindElement(By.TagName("body")).Text);
        Narrow();
        browser.SaveScreenshot("monitoring-04-upload-dry-run-390");
        Wide();
        driver.FindElement(By.Name("submit")).Click();
        browser.Submit(driver.FindElement(By.XPath("//button[normalize-space()='确认保存']")));
        Assert.Contains("监控模板导入：保存 1 个项目，提交 1 个", driver.PageSource);

        // The supervisor signs off; the round locks and says by whom.
        SignIn("supervisor");
        browser.GoTo(server.Url($"/Monitoring/Round/{roundId}"));
        browser.Submit(driver.FindElement(By.XPath("//button[contains(., '签发确认')]")));
        Assert.Contains("已签发确认 东城区信访局", driver.PageSource);
        Assert.Contains("由 赵磊（区政府办公室） 签发确认，已锁定", driver.PageSource);
        browser.SaveScreenshot("monitoring-05-signed-off-1280");

        // Finance's dashboard, drilled down to the unit, then to the row that will not be completed.
        SignIn("finance");
        browser.GoTo(server.Url($"/Monitoring/Dashboard?round={roundId}"));
        new OpenQA.Selenium.Support.UI.WebDriverWait(driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElements(By.CssSelector(".chart canvas")).Count >= 3);
        browser.SaveScreenshot("monitoring-06-dashboard-1280");
        Narrow();
        browser.SaveScreenshot("monitoring-06-dashboard-390");
        Wide();
        browser.Submit(driver.FindElement(By.XPath("//table[@id='lights-table']//a[normalize-space()='东城区信访局']")));
        Assert.Contains("监控看板：东城区信访局", driver.PageSource);
        browser.Submit(driver.FindElement(By.XPath("//table[@id='alerts-table']//td[4]/a")));
        Assert.Contains("#row-", driver.Url);
        Assert.Contains("项目支出绩效目标执行监控表", driver.PageSource);
        browser.SaveScreenshot("monitoring-07-drilled-to-row-1280");
        await app.DisposeAsync();
    }
}
