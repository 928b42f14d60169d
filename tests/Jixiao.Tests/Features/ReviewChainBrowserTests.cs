using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Features.Projects;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features;

public class ReviewChainBrowserTests
{
    static void Choose(IWebElement select, Func<string, bool> text) =>
        select.FindElements(By.TagName("option")).First(o => text(o.Text.Trim())).Click();

    const string ProjectName = "信访接待与矛盾排查调处经费";

    [Fact]
    public async Task A_form_goes_from_draft_to_approved_and_through_an_adjustment_in_Chromium()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-browser-").FullName;
        var console = new StringWriter();
        // Five people sign in turn by turn from one address: more sign-ins a minute than the throttle allows.
        var app = WebApp.Build(new ServeOptions(folder), b => b.Configuration["Security:SignInAttemptsPerMinute"] = "1000");
        await Bootstrap.RunAsync(app.Services, demo: true, console);
        string Password(string user) => Regex.Match(console.ToString(), $@"\t{user}\t(\S+)").Groups[1].Value;
        await using var server = await LiveServer.Start(app);
        using var browser = new Browser();
        var driver = browser.Driver;
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
        int id;
        using (var scope = app.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<JixiaoDb>().Projects.Where(p => p.Form.Name == ProjectName).Select(p => p.Id).SingleAsync();

        void SignIn(string user)
        {
            driver.Manage().Cookies.DeleteAllCookies();
            browser.GoTo(server.Url("/Account/Login"));
            driver.FindElement(By.Name("UserName")).SendKeys(user);
            driver.FindElement(By.Name("Password")).SendKeys(Password(user));
            Submit(driver.FindElement(By.CssSelector("form button[type=submit]")));
            Assert.DoesNotContain("用户名或密码错误", driver.PageSource);
        }
        void Open() => browser.GoTo(server.Url($"/Projects/{id}#review"));
        string Status() => driver.FindElement(By.CssSelector("#review h2 .status")).Text;
        // A click that posts a form: wait for the next page before reading it.
        void Submit(IWebElement button)
        {
            var page = driver.FindElement(By.TagName("html"));
            button.Click();
            // Done when a new document has replaced the old one and finished loading, so that the next
            // navigation can never cut the post short.
            new OpenQA.Selenium.Support.UI.WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(d =>
            {
                try
                {
                    var now = d.FindElement(By.TagName("html"));
                    return !now.Equals(page) && ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState")?.ToString() == "complete";
                }
                catch (WebDriverException) { return false; }
            });
        }
        void Press(string button) => Submit(driver.FindElement(By.XPath($"//section[@id='review']//button[normalize-space()='{button}']")));
        void Write(string name, string text, IWebElement? within = null) =>
            (within ?? driver.FindElement(By.Id("review"))).FindElement(By.Name(name)).SendKeys(text);
        async Task Revise(Action<ProjectForm> change)
        {
            // The form editor is another part of the system: the revision is written through the same store it uses.
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var project = await db.Projects.Include(p => p.BudgetUnit).AsSplitQuery().SingleAsync(p => p.Id == id);
            db.InFormOrder(project);
            var form = System.Text.Json.JsonSerializer.Deserialize<ProjectForm>(System.Text.Json.JsonSerializer.Serialize(project.Form, Jixiao.Forms.Interchange.Json), Jixiao.Forms.Interchange.Json)!;
            change(form);
            Assert.True(ProjectStore.Replace(db, project, form, project.Version, "east-preparer", "在线编辑").Saved);
            Assert.True((await ProjectStore.CommitAsync(db)).Saved);
        }

        // The preparer submits the draft.
        SignIn("east-preparer");
        Open();
        Assert.Equal("草稿", Status());
        Press("提交");
        Assert.Equal("已提交", Status());
        Assert.Contains("表单已锁定", driver.FindElement(By.CssSelector("#review .locked")).Text);
        browser.SaveScreenshot("review-01-submitted");

        // The unit head finds it on the desk and confirms.
        SignIn("east-head");
        Assert.Equal("1", driver.FindElement(By.CssSelector(".topbar .notices .count")).Text);
        driver.FindElement(By.CssSelector(".topbar .notices")).Click();
        browser.SaveScreenshot("review-02-desk");
        driver.FindElement(By.LinkText(ProjectName)).Click();
        Press("确认");
        Assert.Equal("单位已确认", Status());

        // The supervising department comments on one indicator row and returns the form.
        SignIn("supervisor");
        Open();
        var commentForm = driver.FindElement(By.CssSelector("#review form.comment-form"));
        Choose(commentForm.FindElement(By.Name("target")), t => t.StartsWith("指标：") && t.Contains("满意度"));
        Write("text", "满意度目标偏低，应不低于95%<script>alert(1)</script>", commentForm);
        Submit(commentForm.FindElement(By.CssSelector("button")));
        Assert.Contains("<script>alert(1)</script>", driver.FindElement(By.CssSelector("li.comment .text")).Text);
        Write("comment", "请按意见修改满意度指标");
        Press("退回修改");
        Assert.Equal("已退回", Status());
        browser.SaveScreenshot("review-03-returned-with-row-comment");

        // The preparer sees it came back, answers, fixes and resubmits.
        SignIn("east-preparer");
        Assert.Equal("1", driver.FindElement(By.CssSelector(".topbar .notices .count")).Text);
        browser.GoTo(server.Url("/Desk"));
        driver.FindElement(By.LinkText(ProjectName)).Click();
        var answer = driver.FindElement(By.CssSelector("#review form.answer-form"));
        answer.FindElement(By.Name("answer")).SendKeys("已将满意度调整为≥95%");
        Submit(answer.FindElement(By.CssSelector("button")));
        Assert.Contains("已将满意度调整为≥95%", driver.FindElement(By.CssSelector("li.comment .answer")).Text);
        await Revise(f => f.Indicators.First(i => i.Name.Contains("满意")).AnnualTarget = TargetValue.Parse("≥95%"));
        Open();
        Submit(driver.FindElement(By.XPath("//li[contains(@class,'comment')]//button[normalize-space()='标记已解决']")));
        Assert.Contains("已解决", driver.FindElement(By.CssSelector("li.comment")).Text);
        Press("提交");
        Assert.Equal("已提交", Status());
        browser.SaveScreenshot("review-04-answered-resubmitted");

        SignIn("east-head");
        Open();
        Press("确认");
        SignIn("supervisor");
        Open();
        foreach (var criterion in new[] { "Completeness", "Relevance", "Appropriateness", "Feasibility" })
            Choose(driver.FindElement(By.Name("grade_" + criterion)), t => t == "优");
        Press("审核通过");
        Assert.Equal("主管部门已审", Status());
        Assert.Contains("优", driver.FindElement(By.CssSelector("table.steps")).Text);

        // The finance bureau approves; the form is locked and says by whom.
        SignIn("finance");
        Open();
        Press("批复");
        Assert.Equal("已批复", Status());
        Assert.Contains("陈静", driver.FindElement(By.CssSelector("#review .locked")).Text);
        browser.SaveScreenshot("review-05-approved-locked");

        // An adjustment: the approved version stays in force while it goes through review.
        SignIn("east-preparer");
        Open();
        Write("comment", "年中追加接待任务");
        Press("发起调整");
        Assert.Equal("草稿", Status());
        Assert.Contains("继续有效", driver.FindElement(By.Id("review")).Text);
        await Revise(f => f.Indicators.First(i => i.Name.Contains("满意")).AnnualTarget = TargetValue.Parse("≥96%"));
        Open();
        Press("提交");
        SignIn("east-head"); Open(); Press("确认");
        SignIn("supervisor"); Open(); Press("审核通过");
        SignIn("finance"); Open();
        Assert.True(driver.FindElements(By.XPath("//section[@id='review']//button[normalize-space()='批复']")).Count > 0, driver.FindElement(By.Id("review")).Text);
        Press("批复");
        Assert.Equal("已批复", Status());

        // The comparison of the first approved version with the adjusted one shows the changed row.
        browser.GoTo(server.Url($"/Projects/{id}/Compare"));
        var diff = driver.FindElement(By.CssSelector("section.compare")).Text;
        Assert.Contains("≥95%", diff);
        Assert.Contains("≥96%", diff);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("table.diff tr.changed")));
        browser.SaveScreenshot("review-06-compare");
        driver.Manage().Window.Size = new System.Drawing.Size(390, 1400);
        browser.SaveScreenshot("review-07-compare-390");
        Open();
        browser.SaveScreenshot("review-08-project-390");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
