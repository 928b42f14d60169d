using System.Drawing;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Projects;
using Jixiao.Features.SelfEvaluations;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Features.SelfEvaluations;

// In headless Chromium: the target advice page (last year's actual, the peers' spread, the notes) and the
// 自评表 downloads of the 绩效自评 page (busy state, Word, the public PDF, the print view); screenshots at
// 1280 and 390 px under artifacts/screenshots.
public class YearEndBrowserTests
{
    static object? Js(Browser b, string script) => ((IJavaScriptExecutor)b.Driver).ExecuteScript(script);

    [Fact]
    public async Task Target_advice_and_the_self_evaluation_downloads_work_in_a_browser_at_desktop_and_phone_width()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-yearend-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);   // the live server stops and disposes it
            await using var server = await LiveServer.Start(app.App);
            var seed = Seeds.PathOf("004");
            // Last year in 东城区信访局: 信访人员满意度 (target 95%) reached 96.5%.
            await TargetAdvicePageTests.LastYearActual(app, seed);
            var id = await SelfEvaluationPageTests.ApprovedSeed(app);   // this year, approved
            // Three peers of the same department set 97%, 98% and 90%.
            await TargetAdvicePageTests.PeersWithTargets(app, seed);
            // Part of this year's self-evaluation is saved: two actuals.
            await app.Db(async d =>
            {
                var p = d.InFormOrder(await d.Projects.AsSplitQuery().Include(x => x.BudgetUnit).SingleAsync(x => x.Id == id));
                SelfEvaluationStore.ApplyActuals(d, p, new Dictionary<Guid, TargetValue>
                {
                    [p.Form.Indicators[0].Id!.Value] = TargetValue.Parse("2起"),
                    [p.Form.Indicators[1].Id!.Value] = TargetValue.Parse("99%"),
                }, "east-preparer", "绩效自评");
                return await ProjectStore.CommitAsync(d);
            });

            using var b = new Browser();
            var driver = b.Driver;
            driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            driver.Manage().Window.Size = new Size(1280, 1400);
            b.GoTo(server.Url("/Account/Login"));
            driver.FindElement(By.Name("UserName")).SendKeys("east-preparer");
            driver.FindElement(By.Name("Password")).SendKeys(app.PasswordOf("east-preparer"));
            driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
            driver.FindElement(By.CssSelector("header .user"));

            // Target advice: the satisfaction row with last year's actual, three peers and both notes.
            b.GoTo(server.Url($"/Projects/{id}/TargetAdvice"));
            var row = driver.FindElements(By.CssSelector("table.advice tbody tr")).Single(r => r.Text.Contains("信访人员满意度"));
            Assert.Contains("96.5", row.Text);
            Assert.Contains("90 / 97 / 98", row.Text);
            Assert.Contains("目标低于上年实际完成值96.5", row.Text);
            Assert.Contains("目标低于多数同类单位（3家中2家更高）", row.Text);
            b.SaveScreenshot("yearend-01-advice-1280");
            driver.Manage().Window.Size = new Size(390, 1400);
            b.GoTo(server.Url($"/Projects/{id}/TargetAdvice"));
            var width = Convert.ToInt64(Js(b, "return document.documentElement.scrollWidth"));
            Assert.True(width <= 390, $"目标建议页宽 {width}px");
            Js(b, "[...document.querySelectorAll('table.advice tbody tr')].find(r => r.textContent.includes('信访人员满意度')).scrollIntoView()");
            b.SaveScreenshot("yearend-02-advice-390");

            // The 自评表 downloads from the 绩效自评 page.
            driver.Manage().Window.Size = new Size(1280, 1400);
            b.GoTo(server.Url($"/Projects/{id}/SelfEvaluation"));
            var form = driver.FindElement(By.CssSelector("form.selfeval-export[data-export]"));
            var status = form.FindElement(By.CssSelector(".export-status"));
            form.FindElement(By.CssSelector("button[value=docx]")).Click();
            new WebDriverWait(driver, TimeSpan.FromSeconds(60)).Until(_ => status.Text.StartsWith("已生成"));
            Assert.EndsWith("信访储备金 绩效自评表.docx", status.Text);
            form.FindElement(By.Name("public")).Click();
            form.FindElement(By.CssSelector("button[value=pdf]")).Click();
            new WebDriverWait(driver, TimeSpan.FromSeconds(120)).Until(_ => status.Text.StartsWith("已生成") && status.Text.EndsWith("绩效自评表（公开版）.pdf"));
            b.SaveScreenshot("yearend-03-selfeval-export-1280");
            driver.Manage().Window.Size = new Size(390, 1400);
            b.GoTo(server.Url($"/Projects/{id}/SelfEvaluation"));
            Js(b, "document.querySelector('form.selfeval-export').scrollIntoView()");
            var right = Convert.ToInt64(Js(b, "return Math.ceil(document.querySelector('form.selfeval-export').getBoundingClientRect().right)"));
            Assert.True(right <= 390, $"导出表单宽到 {right}px");
            width = Convert.ToInt64(Js(b, "return document.documentElement.scrollWidth"));
            Assert.True(width <= 390, $"绩效自评页宽 {width}px");
            b.SaveScreenshot("yearend-04-selfeval-export-390");

            // The print view: the national 自评表 with the saved actuals.
            driver.Manage().Window.Size = new Size(1280, 1400);
            b.Submit(driver.FindElement(By.LinkText("打印预览")));
            Assert.Contains("项目支出绩效自评表", driver.PageSource);
            Assert.Contains("2起", driver.FindElement(By.TagName("main")).Text);
            b.SaveScreenshot("yearend-05-selfeval-print-1280");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
