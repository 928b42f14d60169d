using System.Net;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Features.Projects;

// A returned form revised in the editor, in headless Chromium: the supervising department comments on one
// indicator row and returns the form; the preparer opens the editor and finds the comment under that row,
// moves the row and the comment follows, deletes it and the comment goes to the top, brings it back, and
// answers there. Screenshots at 1280 px and 390 px.
public class EditorCommentsBrowserTests
{
    const string RowComment = "满意度目标偏低，应不低于95%<script>alert(1)</script>";

    sealed class Run(TestApp app, LiveServer server, Browser browser) : ReviewChainBrowserTests.Run(app, server, browser)
    {
        // The page at desktop and at phone width with the given part in view; the page itself never scrolls
        // sideways, and the comment under the row stays inside the screen.
        public new void Shot(string name, string focus)
        {
            foreach (var (width, height) in new[] { (1280, 1000), (390, 844) })
            {
                D.Manage().Window.Size = new System.Drawing.Size(width, height);
                Until(() => Convert.ToInt32(Js("return window.innerWidth")) <= width, () => "窗口宽度未改变");
                Js("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -130);", focus);
                Chromium.SaveScreenshot($"{name}-{width}");
                var scroll = Convert.ToInt32(Js("return document.documentElement.scrollWidth"));
                var inner = Convert.ToInt32(Js("return document.documentElement.clientWidth"));
                Assert.True(scroll <= inner + 1, $"{name}：{width} px 宽时页面宽 {scroll} px，出现横向滚动");
                // The note under the row stays whole inside the table's scroll box, however far the table is scrolled.
                var outside = Convert.ToString(Js("""
                    const n = document.querySelector('tr.editor-comment-row .note');
                    if (!n) return '';
                    const box = n.closest('.table-scroll').getBoundingClientRect(), r = n.getBoundingClientRect();
                    return r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= window.innerWidth ? '' : `${r.left}-${r.right} / ${box.left}-${box.right}`;
                    """));
                Assert.True(outside == "", $"{name}：{width} px 宽时行下的意见超出表格框：{outside}");
            }
            D.Manage().Window.Size = new System.Drawing.Size(1280, 1800);
        }

        // What stands under the row of this id: its comment rows' text, after its findings.
        public string UnderRow(Guid rowId) => (string)Js("""
            const tr = document.querySelector('table[data-rows=indicators] tr.row[data-row-id="' + arguments[0] + '"]');
            if (!tr) return 'no row';
            let out = '', n = tr.nextElementSibling;
            while (n && n.classList.contains('finding-row')) n = n.nextElementSibling;
            while (n && n.classList.contains('editor-comment-row')) { out += n.innerText + '\n'; n = n.nextElementSibling; }
            return out;
            """, rowId.ToString())!;

        public int IndexOfRow(Guid rowId) => Convert.ToInt32(Js("""
            return [...document.querySelectorAll('table[data-rows=indicators] tbody tr.row')].findIndex(r => r.dataset.rowId === arguments[0]);
            """, rowId.ToString()));

        public string Top() => D.FindElement(By.CssSelector("[data-comments-panel]")).Text;
        // The comments standing at the top themselves (the panel also lists the others as jumps to their place).
        public string TopComments() => D.FindElement(By.CssSelector("[data-comments-at=top]")).Text;
        public string Jumps() => D.FindElement(By.CssSelector("[data-comments-links]")).Text;

        public IWebElement Button(Guid rowId, string action) =>
            D.FindElement(By.CssSelector($"table[data-rows=indicators] tr.row[data-row-id='{rowId}'] [data-row-action={action}]"));
    }

    // The steps before the review, as the unit does them, over HTTP against the live server.
    static async Task<HttpClient> SignedIn(TestApp app, LiveServer server, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
        var response = await TestApp.SignIn(client, user, app.PasswordOf(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    static async Task Step(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await client.GetStringAsync($"/Projects/{id}"));
        var response = await client.PostAsync($"/Projects/{id}/Steps?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_preparer_sees_each_comment_under_its_row_in_the_editor_and_it_follows_the_row()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-editor-comments-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using var server = await LiveServer.Start(app.App);
            using var browser = new Browser();
            browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            var r = new Run(app, server, browser);
            var d = r.D;

            var project = await app.Db(async db => db.InFormOrder(await db.Projects.AsSplitQuery()
                .Where(p => p.BudgetUnit!.Code == "101002").OrderBy(p => p.Id).FirstAsync()));
            var id = project.Id;
            var rows = project.Form.Indicators;
            Assert.True(rows.Count >= 4);
            var target = rows[2];
            var rowId = target.Id!.Value;
            await Step(await SignedIn(app, server, "east-preparer"), id, "Step", new() { ["action"] = "submit" });
            await Step(await SignedIn(app, server, "east-head"), id, "Step", new() { ["action"] = "approve" });
            var supervisorHttp = await SignedIn(app, server, "supervisor");
            await Step(supervisorHttp, id, "Comment", new() { ["target"] = "", ["text"] = "请补充项目立项依据" });
            await Step(supervisorHttp, id, "Comment", new() { ["target"] = "field:annualGoal", ["text"] = "年度目标应与指标对应" });
            // One on a budget line, resolved before the return: folded away at the top, not under its line.
            var line = project.Form.BudgetLines[0];
            await Step(supervisorHttp, id, "Comment", new() { ["target"] = $"row:{line.Id}", ["text"] = "明细金额已核实" });
            var resolvedId = await app.Db(db => db.ReviewComments.Where(c => c.RowId == line.Id).Select(c => c.Id).SingleAsync());
            await Step(supervisorHttp, id, "Resolve", new() { ["commentId"] = resolvedId.ToString() });

            // The supervising department comments from the row itself and returns the form.
            r.SignIn("supervisor");
            r.GoTo($"/Projects/{id}");
            d.FindElement(By.CssSelector($"a.comment-add[data-comment-target='row:{rowId}']")).Click();
            var commentForm = d.FindElement(By.Id("comment-form"));
            Assert.Equal($"row:{rowId}", commentForm.FindElement(By.Name("target")).GetAttribute("value"));
            commentForm.FindElement(By.Name("text")).SendKeys(RowComment);
            r.Chromium.Submit(commentForm.FindElement(By.CssSelector("button")));
            d.FindElement(By.Id("review")).FindElement(By.Name("comment")).SendKeys("请按意见修改");
            r.Chromium.Submit(d.FindElement(By.XPath("//section[@id='review']//button[normalize-space()='退回修改']")));
            Assert.Equal("已退回", d.FindElement(By.CssSelector("#review h2 .status")).Text);

            // The preparer opens the editor: the row comment under its row, shown as text.
            r.SignIn("east-preparer");
            r.GoTo($"/Projects/Edit/{id}");
            r.Until(() => r.UnderRow(rowId).Contains(RowComment), () => r.UnderRow(rowId));
            Assert.Contains("赵磊（区政府办公室）", r.UnderRow(rowId));
            Assert.Contains("到项目页答复", r.UnderRow(rowId));
            Assert.Empty(d.FindElements(By.CssSelector("[data-comment-id] script")));
            Assert.Matches($"/Projects/{id}#comment-\\d+$", d.FindElement(By.CssSelector("tr.editor-comment-row a.to-page")).GetAttribute("href"));
            // The form comment at the top with the count; the field comment beside the annual goal.
            Assert.Contains("审核意见（3 条未解决）", r.Top());
            Assert.Contains("请补充项目立项依据", r.Top());
            Assert.Contains("（整张表）", r.Top());
            Assert.DoesNotContain(RowComment, r.TopComments());
            // And lists the ones in the form as jumps to their place.
            Assert.Contains($"绩效指标“{target.Name}”：满意度目标偏低", r.Jumps());
            Assert.Contains("年度目标：年度目标应与指标对应", r.Jumps());
            var jump = d.FindElement(By.XPath("//ul[@data-comments-links]//a[starts-with(normalize-space(), '绩效指标')]"));
            Assert.EndsWith("#" + d.FindElement(By.CssSelector("tr.editor-comment-row [data-comment-id]")).GetAttribute("id"), jump.GetAttribute("href"));
            Assert.Contains("年度目标应与指标对应", d.FindElement(By.CssSelector("[data-comments-at=annualGoal]")).Text);
            var folded = d.FindElement(By.CssSelector("[data-comments-resolved]"));
            Assert.Equal("已解决的意见（1 条）", folded.FindElement(By.TagName("summary")).Text);
            Assert.DoesNotContain("明细金额已核实", r.Top());
            Assert.DoesNotContain("明细金额已核实", r.Jumps());
            folded.FindElement(By.TagName("summary")).Click();
            Assert.Contains("明细金额已核实", folded.Text);
            Assert.Contains("（项目预算明细“" + line.Name + "”）", folded.Text);
            Assert.Contains("到项目页查看", folded.Text);
            Assert.Single(d.FindElements(By.CssSelector("tr.editor-comment-row")));
            r.Shot("editor-comments-01-under-row", "tr.editor-comment-row");
            r.Shot("editor-comments-02-top", "[data-comments-panel]");

            // Moved up: the comment goes with the row.
            var at = r.IndexOfRow(rowId);
            r.Button(rowId, "up").Click();
            Assert.Equal(at - 1, r.IndexOfRow(rowId));
            r.Until(() => r.UnderRow(rowId).Contains(RowComment), () => r.UnderRow(rowId));
            Assert.Single(d.FindElements(By.CssSelector("tr.editor-comment-row")));
            // And down past the next row with its findings and comments.
            r.Button(rowId, "down").Click();
            r.Button(rowId, "down").Click();
            Assert.Equal(at + 1, r.IndexOfRow(rowId));
            r.Until(() => r.UnderRow(rowId).Contains(RowComment), () => r.UnderRow(rowId));
            r.Shot("editor-comments-03-moved", "tr.editor-comment-row");

            // Deleted: the comment moves to the top as on a deleted row; brought back, it is under the row again.
            r.Button(rowId, "delete").Click();
            r.Until(() => r.TopComments().Contains(RowComment), () => r.Top());
            Assert.Contains("（已删除的行）", r.TopComments());
            Assert.DoesNotContain("满意度目标偏低", r.Jumps());
            Assert.Empty(d.FindElements(By.CssSelector("tr.editor-comment-row")));
            Assert.Contains("审核意见（3 条未解决）", r.Top());
            d.FindElement(By.CssSelector("[data-undo]")).Click();
            r.Until(() => r.UnderRow(rowId).Contains(RowComment), () => r.UnderRow(rowId));
            Assert.DoesNotContain(RowComment, r.TopComments());
            Assert.Contains("满意度目标偏低", r.Jumps());

            // Answered under the row without leaving the editor (Enter sends the answer, not the form).
            var box = d.FindElement(By.CssSelector("tr.editor-comment-row input[data-comment-answer]"));
            box.SendKeys("已将满意度调整为≥95%" + Keys.Enter);
            r.Until(() => r.UnderRow(rowId).Contains("答复已保存"), () => r.UnderRow(rowId));
            Assert.Contains("答复（张敏（东城区信访局））：已将满意度调整为≥95%", r.UnderRow(rowId));
            Assert.Contains("/Projects/Edit/", d.Url);
            Assert.Contains("（已答复）", r.Jumps());
            Assert.Equal("已将满意度调整为≥95%", await app.Db(db => db.ReviewComments.Where(c => c.RowId == rowId).Select(c => c.Answer).SingleAsync()));
            r.Shot("editor-comments-04-answered", "tr.editor-comment-row");

            // Renamed, the row is named anew in the list at the top.
            var name = d.FindElement(By.CssSelector($"table[data-rows=indicators] tr.row[data-row-id='{rowId}'] input[data-key=name]"));
            name.Clear();
            name.SendKeys("群众满意度（已调整）" + Keys.Tab);
            r.Until(() => r.Jumps().Contains("绩效指标“群众满意度（已调整）”：满意度目标偏低"), () => r.Jumps());

            // Resolved in the editor: the form comment folds into the resolved ones and the count falls.
            var resolve = d.FindElement(By.XPath("//div[@data-comments-at='top']/div[contains(@class,'comment')][div[@class='text' and text()='请补充项目立项依据']]//button[text()='标记已解决']"));
            r.Js("arguments[0].scrollIntoView({ block: 'center' });", resolve);
            resolve.Click();
            r.Until(() => r.Top().Contains("审核意见（2 条未解决）"), () => r.Top());
            Assert.Equal("已解决的意见（2 条）", folded.FindElement(By.TagName("summary")).Text);
            Assert.DoesNotContain("请补充项目立项依据", r.TopComments());
            Assert.Contains("请补充项目立项依据", folded.Text);
            Assert.Contains("由 张敏（东城区信访局） 标记已解决", folded.Text);
            Assert.True(await app.Db(db => db.ReviewComments.Where(c => c.Text == "请补充项目立项依据").Select(c => c.Resolved).SingleAsync()));
            r.Shot("editor-comments-05-resolved", "[data-comments-panel]");

            // The moved row is saved in its new place and keeps its id; the project page shows the comment under it.
            r.Button(rowId, "up").Click();
            d.FindElement(By.CssSelector(".editor-bar button[type=submit]")).Click();
            r.Until(() => !d.Url.Contains("Edit"), () => d.FindElement(By.TagName("main")).Text);
            var saved = await app.Db(async db => db.InFormOrder(await db.Projects.AsSplitQuery().SingleAsync(p => p.Id == id)).Form.Indicators.Select(i => i.Id).ToList());
            Assert.Equal(at, saved.IndexOf(rowId));
            Assert.Contains(RowComment, d.FindElement(By.CssSelector($"tr.comment-row[data-row-id='{rowId}']")).Text);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
