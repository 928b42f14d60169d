using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Features.SelfEvaluations;

// A preparer fills a self-evaluation in headless Chromium: scores appear as the values are typed,
// a missing cause is refused, the saved page shows the total; screenshots at 1280 and 390 px.
public class SelfEvaluationBrowserTests
{
    static object? Js(Browser b, string script, params object[] args) => ((IJavaScriptExecutor)b.Driver).ExecuteScript(script, args);

    static void Eventually(Browser b, Func<bool> condition, Func<string> seen, string name)
    {
        var wait = new WebDriverWait(b.Driver, TimeSpan.FromSeconds(15));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        try { wait.Until(_ => condition()); }
        catch (WebDriverTimeoutException)
        {
            b.SaveScreenshot(name + "-failed");
            Assert.Fail("等待超时，页面上是：" + seen());
        }
    }

    [Fact]
    public async Task A_preparer_fills_a_self_evaluation_scored_live()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-selfeval-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);   // the live server stops and disposes it
            await using var server = await LiveServer.Start(app.App);
            var id = await SelfEvaluationPageTests.ApprovedSeed(app);
            using var b = new Browser();
            b.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            b.GoTo(server.Url("/Account/Login"));
            b.Driver.FindElement(By.Name("UserName")).SendKeys("east-preparer");
            b.Driver.FindElement(By.Name("Password")).SendKeys(app.PasswordOf("east-preparer"));
            b.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
            b.Driver.FindElement(By.CssSelector("header .user"));

            // From the project page, as a user goes.
            b.GoTo(server.Url($"/Projects/{id}"));
            b.Driver.FindElement(By.LinkText("绩效自评")).Click();
            b.Driver.FindElement(By.Id("self-evaluation"));
            string Total() => b.Driver.FindElement(By.CssSelector("[data-total]")).Text;
            string Grade() => b.Driver.FindElement(By.CssSelector("[data-grade]")).Text;
            Assert.Equal("0", Total());

            void Type(string name, string text)
            {
                var input = b.Driver.FindElement(By.Name(name));
                input.Clear();
                input.SendKeys(text);
            }
            void Choose(string name, string text) =>
                b.Driver.FindElement(By.CssSelector($"select[name='{name}'] option[value='{text}']")).Click();

            Type("Rows[0].Actual", "2起");
            // 2 ÷ 3 × 12.5 = 8.33, shown in the row as soon as it is typed.
            Eventually(b, () => b.Driver.FindElement(By.CssSelector(".selfeval-rows tbody tr:nth-child(1) [data-score]")).Text == "8.33",
                () => b.Driver.FindElement(By.CssSelector(".selfeval-rows tbody tr:nth-child(1)")).Text, "selfeval-row");
            Assert.Contains("cause-required", b.Driver.FindElement(By.CssSelector(".selfeval-rows tbody tr:nth-child(1)")).GetAttribute("class"));
            Type("Rows[1].Actual", "99%");
            Choose("Rows[2].Actual", "部分达成");
            Type("Rows[2].Score", "9");
            Type("Rows[3].Actual", "1.5元/人");
            Choose("Rows[4].Actual", "达成");
            Type("Rows[4].Score", "10");
            Choose("Rows[5].Actual", "达成");
            Type("Rows[5].Score", "8");
            Type("Rows[6].Actual", "1年");
            Type("Rows[7].Actual", "93.1%");
            Type("Money[0].Executed", "552000");
            Type("GoalActual", "全年解决信访问题2起，资金按标准发放。");
            Eventually(b, () => Total() == "89.33", () => Total(), "selfeval-total");
            Assert.Equal("良", Grade());
            Assert.Equal("92%", b.Driver.FindElement(By.CssSelector("tr[data-money=AnnualRequest] [data-rate]")).Text);
            b.SaveScreenshot("selfeval-live-1280");

            // Saving without the causes is refused, row by row.
            b.Submit(b.Driver.FindElement(By.CssSelector("#self-evaluation button[type=submit]")));
            var errors = b.Driver.FindElement(By.CssSelector(".errors")).Text;
            Assert.Contains("第1行“全年解决信访问题数量”：扣分（得分8.33，分值12.5），请填写偏差原因分析及改进措施", errors);
            Assert.Equal("2起", b.Driver.FindElement(By.Name("Rows[0].Actual")).GetAttribute("value"));   // what was typed stays

            foreach (var k in new[] { 0, 2, 5, 7 }) Type($"Rows[{k}].Cause", "部分问题跨年度化解，下年度提前排查。");
            b.Submit(b.Driver.FindElement(By.CssSelector("#self-evaluation button[type=submit]")));
            Eventually(b, () => b.Driver.PageSource.Contains("绩效自评已保存"), () => b.Driver.FindElement(By.TagName("main")).Text, "selfeval-save");
            Assert.Equal(("89.33", "良"), (Total(), Grade()));
            b.SaveScreenshot("selfeval-saved-1280");

            var saved = await app.Db(async d => await d.Projects.Where(p => p.Id == id).Select(p => p.Form.SelfEvaluation!.TotalScore).SingleAsync());
            Assert.Equal(89.33m, saved);

            // On a phone each row is a card: nothing wider than the screen.
            b.Driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
            Eventually(b, () => (long)Js(b, "return window.innerWidth")! <= 390, () => "width", "selfeval-phone");
            b.GoTo(server.Url($"/Projects/{id}/SelfEvaluation"));
            var width = (long)Js(b, "return document.documentElement.scrollWidth")!;
            Assert.True(width <= 390, $"页面宽 {width}px");
            b.SaveScreenshot("selfeval-saved-390");
            Js(b, "document.querySelector('.selfeval-rows').scrollIntoView()");
            b.SaveScreenshot("selfeval-rows-390");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
