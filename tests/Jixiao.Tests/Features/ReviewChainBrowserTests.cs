using System.Text.Json;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Features;

// The whole review path in headless Chromium as the "Must show" states: one project drafted from
// nothing in the editor and one imported from a seed form, both submitted; the unit head confirms; the
// supervising department returns one with a comment on one row (shown under that row of the form); the
// preparer answers there, fixes the row in the editor and resubmits; the finance bureau approves; an
// adjustment goes through review while the approved version stays in force; the comparison shows the change.
// Each step is kept as a screenshot at 1280 px and at 390 px.
public class ReviewChainBrowserTests
{
    const string Drafted = "信访矛盾纠纷多元化解服务";
    const string Imported = "政府购买辅助服务";

    // Rows as a spreadsheet puts them on the clipboard: tab-separated, merged level cells left blank.
    const string Indicators =
        "一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\n" +
        "产出指标\t数量指标\t开展矛盾纠纷排查次数\t≥12次\t计划标准\n" +
        "\t质量指标\t信访事项及时受理率\t=100%\t文件规定\n" +
        "\t时效指标\t按期办结率\t≥95%\t文件规定\n" +
        "成本指标\t经济成本指标\t律师驻点接访单价\t≤180元/人/天\t计划标准\n" +
        "效益指标\t社会效益指标\t重复信访件数\t≤120件\t历史标准\n" +
        "满意度指标\t服务对象满意度指标\t群众满意率\t≥90%\t调查问卷\n";

    // Also the editor comments' test session: signing in, posting and waiting are the same.
    internal class Run(TestApp app, LiveServer server, Browser browser)
    {
        public IWebDriver D => browser.Driver;
        public Browser Chromium => browser;
        public TestApp App => app;
        public object? Js(string script, params object[] args) => ((IJavaScriptExecutor)D).ExecuteScript(script, args);
        WebDriverWait Wait(int seconds = 30)
        {
            var wait = new WebDriverWait(D, TimeSpan.FromSeconds(seconds));
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
            return wait;
        }
        public void Until(Func<bool> condition, Func<string> seen)
        {
            try { Wait().Until(_ => condition()); }
            catch (WebDriverTimeoutException)
            {
                browser.SaveScreenshot("review-failed");
                Assert.Fail("等待超时，页面上是：" + seen());
            }
        }

        public void GoTo(string path) => browser.GoTo(server.Url(path));

        public void SignIn(string user)
        {
            D.Manage().Cookies.DeleteAllCookies();
            GoTo("/Account/Login");
            D.FindElement(By.Name("UserName")).SendKeys(user);
            D.FindElement(By.Name("Password")).SendKeys(app.PasswordOf(user));
            browser.Submit(D.FindElement(By.CssSelector("form button[type=submit]")));
            D.FindElement(By.CssSelector("header .user"));
        }

        public void Open(int id) => GoTo($"/Projects/{id}");
        public string Status() => D.FindElement(By.CssSelector("#review h2 .status")).Text;
        public void Press(string button) => browser.Submit(D.FindElement(By.XPath($"//section[@id='review']//button[normalize-space()='{button}']")));
        public void Write(string name, string text) => D.FindElement(By.Id("review")).FindElement(By.Name(name)).SendKeys(text);
        public void Act(int id, string button) { Open(id); Press(button); }

        // The page at desktop width and at phone width, each with the given part in view. At phone width the
        // page itself never scrolls sideways: wide tables scroll inside their own box.
        public void Shot(string name, string? focus = null)
        {
            foreach (var (width, height) in new[] { (1280, 1000), (390, 844) })
            {
                D.Manage().Window.Size = new System.Drawing.Size(width, height);
                Until(() => Convert.ToInt32(Js("return window.innerWidth")) <= width, () => "窗口宽度未改变");
                if (focus != null) Js("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -60);", focus);
                else Js("window.scrollTo(0, 0)");
                browser.SaveScreenshot($"{name}-{width}");
                var scroll = Convert.ToInt32(Js("return document.documentElement.scrollWidth"));
                var inner = Convert.ToInt32(Js("return document.documentElement.clientWidth"));
                Assert.True(scroll <= inner + 1, $"{name}：{width} px 宽时页面宽 {scroll} px，出现横向滚动");
            }
            D.Manage().Window.Size = new System.Drawing.Size(1280, 1800);
        }

        // Every row of the indicator table, merged level cells counted, has as many columns as its head:
        // the comment and finding rows under an indicator never shift a column.
        public void TableKeepsItsShape()
        {
            var widths = (string)Js("""
                const t = document.querySelector('table.form.indicators');
                const rows = [...t.rows], carry = rows.map(() => 0), out = [];
                rows.forEach((tr, r) => {
                  let w = carry[r];
                  [...tr.cells].forEach(c => {
                    w += c.colSpan;
                    for (let k = 1; k < c.rowSpan; k++) { if (r + k >= rows.length) out.push('overflow@' + r); else carry[r + k] += c.colSpan; }
                  });
                  out.push(w);
                });
                return JSON.stringify(out);
                """)!;
            var list = JsonSerializer.Deserialize<List<JsonElement>>(widths)!;
            Assert.All(list, w => Assert.Equal(list[0].ToString(), w.ToString()));
        }

        // The editor: rows by name, a cell by key, saved with the bar's button.
        public IReadOnlyList<IWebElement> Rows() => D.FindElements(By.CssSelector("table[data-rows=indicators] tbody tr.row"));
        public IWebElement Field(string field) => D.FindElement(By.CssSelector($"[data-field='{field}']"));
        public static IWebElement Cell(IWebElement row, string key) => row.FindElement(By.CssSelector($"[data-key='{key}']"));
        public void Type(IWebElement input, string text) { input.Clear(); input.SendKeys(text); }
        public void Pick(IWebElement element, string value) =>
            Js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", element, value);
        public void SaveEditor()
        {
            D.FindElement(By.CssSelector(".editor-bar button[type=submit]")).Click();
            Until(() => D.Url.Contains("/Projects/") && !D.Url.Contains("Edit"), () => D.FindElement(By.TagName("main")).Text);
        }

        public void Revise(int id, string indicator, string target)
        {
            Open(id);
            D.FindElement(By.LinkText("编辑")).Click();
            Until(() => Rows().Any(r => Cell(r, "name").GetAttribute("value") == indicator), () => D.Title);
            Type(Cell(Rows().First(r => Cell(r, "name").GetAttribute("value") == indicator), "annualTarget"), target);
            SaveEditor();
        }
    }

    [Fact]
    public async Task Two_forms_go_from_draft_through_return_to_approved_and_one_through_an_adjustment_in_Chromium()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-review-").FullName;
        var app = await TestApp.Start(folder, null, demo: true, live: true);
        await using var server = await LiveServer.Start(app.App);
        using var browser = new Browser();
        browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
        var r = new Run(app, server, browser);
        var d = r.D;

        // 1. The preparer drafts a project from nothing in the editor.
        r.SignIn("east-preparer");
        r.GoTo("/?year=2027");
        d.FindElement(By.LinkText("＋ 新建项目")).Click();
        r.Until(() => r.Rows().Count == 3, () => d.Title);
        r.Type(r.Field("name"), Drafted);
        r.Type(r.Field("code"), "11010127P000301");
        r.Pick(r.Field("category"), "recurring");
        r.Pick(r.Field("attribute"), "new");
        r.Type(r.Field("functionClass"), "2010308");
        r.Pick(r.Field("startDate"), "2027-01-01");
        r.Pick(r.Field("endDate"), "2027-12-31");
        r.Pick(r.Field("funding.sourceUnit"), "万元");
        foreach (var money in new[] { "total", "annualRequest", "fiscal", "appropriation", "fromSameLevel" }) r.Type(r.Field("funding." + money), "85");
        d.FindElement(By.CssSelector("[data-add-row=budgetLines]")).Click();
        var line = d.FindElement(By.CssSelector("table[data-rows=budgetLines] tbody tr.row"));
        r.Type(Run.Cell(line, "name"), "矛盾纠纷排查调处");
        r.Type(Run.Cell(line, "amount"), "85");
        foreach (var (row, pct) in d.FindElements(By.CssSelector("table[data-rows=spendingPlan] tbody tr.row")).Zip(new[] { "20", "45", "75", "100" }))
            r.Type(Run.Cell(row, "cumulativePercent"), pct);
        r.Type(r.Field("longTermGoal"), "健全矛盾纠纷多元化解机制，依法及时就地解决群众合理诉求。");
        r.Type(r.Field("annualGoal"), "全年组织矛盾纠纷排查不少于12次，信访事项及时受理率100%，群众满意率不低于90%。");
        r.Js("""
            const dt = new DataTransfer();
            dt.setData('text/plain', arguments[1]);
            arguments[0].focus();
            arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
            """, Run.Cell(r.Rows()[0], "name"), Indicators);
        r.Until(() => r.Rows().Count(x => Run.Cell(x, "name").GetAttribute("value") != "") == 6, () => r.Rows().Count.ToString());
        // The live review has read the pasted rows before the picture and the save.
        r.Until(() => !d.FindElement(By.TagName("main")).Text.Contains("未设置绩效指标") && r.Rows()[5].FindElement(By.CssSelector("[data-parse]")).Text.Length > 0,
            () => d.FindElement(By.CssSelector("[data-score]")).Text);
        r.Shot("review-01-drafted-in-editor", "table[data-rows=indicators]");
        r.SaveEditor();
        var drafted = await app.Db(db => db.Projects.Where(p => p.Form.Name == Drafted).Select(p => p.Id).SingleAsync());
        Assert.Equal("草稿", r.Status());

        // 2. And imports another from a seed form through the import page.
        r.GoTo("/Import");
        d.FindElement(By.CssSelector("#upload input[type=file]")).SendKeys(Seeds.PathOf("000"));
        d.FindElement(By.CssSelector("#upload button[type=submit]")).Click();
        r.Until(() => d.FindElements(By.LinkText("预览并确认")).Count == 1, () => d.FindElement(By.Id("uploads")).Text);
        d.FindElement(By.LinkText("预览并确认")).Click();
        foreach (var confirm in d.FindElements(By.CssSelector("input[type=checkbox][name=ConfirmOtherUnit]"))) confirm.Click();
        r.Shot("review-02-import-preview");
        r.Chromium.Submit(d.FindElement(By.CssSelector("form.confirm button[type=submit]")));
        var imported = await app.Db(db => db.Projects.Where(p => p.Form.Name == Imported && p.BudgetUnit!.Name == "东城区信访局").Select(p => p.Id).SingleAsync());

        // Both submitted.
        foreach (var id in new[] { drafted, imported })
        {
            r.Act(id, "提交");
            Assert.Equal("已提交", r.Status());
            Assert.Contains("表单已锁定", d.FindElement(By.CssSelector("#review .locked")).Text);
        }
        r.Shot("review-03-submitted", "#review");

        // 3. The unit head finds both on the desk and confirms them.
        r.SignIn("east-head");
        browser.Submit(d.FindElement(By.CssSelector(".topbar .notices")));
        Assert.Contains(Drafted, d.FindElement(By.TagName("main")).Text);
        Assert.Contains(Imported, d.FindElement(By.TagName("main")).Text);
        r.Shot("review-04-unit-head-desk");
        foreach (var id in new[] { drafted, imported })
        {
            r.Act(id, "确认");
            Assert.Equal("单位已确认", r.Status());
        }

        // 4. The supervising department comments on one indicator row, from that row, and returns the form.
        r.SignIn("supervisor");
        r.Open(drafted);
        var satisfaction = $"//table[contains(@class,'indicators')]//tr[td[starts-with(normalize-space(),'群众满意率')]]";
        d.FindElement(By.XPath(satisfaction + "//a[contains(@class,'comment-add')]")).Click();
        var commentForm = d.FindElement(By.Id("comment-form"));
        Assert.StartsWith("row:", commentForm.FindElement(By.Name("target")).GetAttribute("value"));
        commentForm.FindElement(By.Name("text")).SendKeys("满意度目标偏低，应不低于95%<script>alert(1)</script>");
        r.Chromium.Submit(commentForm.FindElement(By.CssSelector("button")));
        // The comment stands in its own row right under the indicator, and the table keeps its columns.
        var commentRow = d.FindElement(By.XPath(satisfaction + "/following-sibling::tr[1][contains(@class,'comment-row')]"));
        Assert.Contains("满意度目标偏低，应不低于95%<script>alert(1)</script>", commentRow.Text);
        r.TableKeepsItsShape();
        r.Write("comment", "请按意见修改满意度指标");
        r.Press("退回修改");
        Assert.Equal("已退回", r.Status());
        r.Shot("review-05-returned-comment-in-row", "table.form.indicators");

        // 5. The preparer sees it came back, answers under the row, fixes the row in the editor and resubmits.
        r.SignIn("east-preparer");
        Assert.NotEqual("0", d.FindElement(By.CssSelector(".topbar .notices .count")).Text);
        r.GoTo("/Desk");
        d.FindElement(By.LinkText(Drafted)).Click();
        commentRow = d.FindElement(By.CssSelector("table.form.indicators tr.comment-row"));
        var answer = commentRow.FindElement(By.CssSelector("form.answer-form"));
        answer.FindElement(By.Name("answer")).SendKeys("已将满意度调整为≥95%");
        r.Chromium.Submit(answer.FindElement(By.CssSelector("button")));
        Assert.Contains("已将满意度调整为≥95%", d.FindElement(By.CssSelector("table.form.indicators tr.comment-row .answer")).Text);
        r.TableKeepsItsShape();
        r.Shot("review-06-answered-in-row", "table.form.indicators");
        r.Revise(drafted, "群众满意率", "≥95%");
        r.Press("提交");
        Assert.Equal("已提交", r.Status());

        // 6. Confirmed again; the supervising department marks its comment resolved under the row and passes.
        r.SignIn("east-head");
        r.Act(drafted, "确认");
        r.SignIn("supervisor");
        r.Open(drafted);
        r.Chromium.Submit(d.FindElement(By.XPath("//tr[contains(@class,'comment-row')]//button[normalize-space()='标记已解决']")));
        var folded = d.FindElement(By.CssSelector("tr.comment-row details.comment.resolved"));
        Assert.Null(folded.GetAttribute("open"));
        folded.FindElement(By.TagName("summary")).Click();
        Assert.Contains("已将满意度调整为≥95%", folded.Text);
        r.TableKeepsItsShape();
        r.Shot("review-07-resolved-folded", "table.form.indicators");
        foreach (var criterion in new[] { "Completeness", "Relevance", "Appropriateness", "Feasibility" })
            d.FindElement(By.Name("grade_" + criterion)).FindElements(By.TagName("option")).First(o => o.Text.Trim() == "优").Click();
        r.Press("审核通过");
        Assert.Equal("主管部门已审", r.Status());
        Assert.Contains("优", d.FindElement(By.CssSelector("table.steps")).Text);
        r.Act(imported, "审核通过");
        Assert.Equal("主管部门已审", r.Status());

        // 7. The finance bureau approves both; the form is locked and says by whom.
        r.SignIn("finance");
        foreach (var id in new[] { imported, drafted })
        {
            r.Act(id, "批复");
            Assert.Equal("已批复", r.Status());
        }
        Assert.Contains("陈静", d.FindElement(By.CssSelector("#review .locked")).Text);
        r.Shot("review-08-approved-locked", "#review");

        // 8. An adjustment: it goes through the same review while the approved version stays in force.
        r.SignIn("east-preparer");
        r.Open(drafted);
        r.Write("comment", "年中追加接待任务，满意度目标相应提高");
        r.Press("发起调整");
        Assert.Equal("草稿", r.Status());
        Assert.Contains("继续有效", d.FindElement(By.Id("review")).Text);
        var inForce = await app.Db(db => db.Projects.Where(p => p.Id == drafted).Select(p => p.ApprovedVersion).SingleAsync());
        Assert.NotNull(inForce);
        r.Revise(drafted, "群众满意率", "≥96%");
        r.Press("提交");
        r.Shot("review-09-adjustment-submitted", "#review");
        r.SignIn("east-head"); r.Act(drafted, "确认");
        r.SignIn("supervisor"); r.Act(drafted, "审核通过");
        r.SignIn("finance");
        r.Open(drafted);
        Assert.Contains("继续有效", d.FindElement(By.Id("review")).Text);
        browser.Submit(d.FindElement(By.LinkText($"第 {inForce} 版")));
        Assert.Contains("≥95%", d.FindElement(By.CssSelector("article.form-sheet")).Text);
        Assert.DoesNotContain("≥96%", d.FindElement(By.CssSelector("article.form-sheet")).Text);
        r.Shot("review-10-approved-version-in-force", "table.form.indicators");
        r.Act(drafted, "批复");
        Assert.Equal("已批复", r.Status());

        // 9. The comparison of the approved versions shows the changed row, matched by its id.
        r.GoTo($"/Projects/{drafted}/Compare");
        var diff = d.FindElement(By.CssSelector("section.compare")).Text;
        Assert.Contains("≥95%", diff);
        Assert.Contains("≥96%", diff);
        Assert.NotEmpty(d.FindElements(By.CssSelector("table.diff tr.changed")));
        r.Shot("review-11-compare", "section.compare");

        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
