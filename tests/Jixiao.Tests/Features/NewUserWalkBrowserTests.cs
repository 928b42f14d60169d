using Jixiao.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Jixiao.Tests.Features;

// What a new user stumbled on in Chromium while walking the review chain with the demo users, at 1280 and
// 390 px, each kept here. Screenshots under artifacts/screenshots/newuser-*.
public class NewUserWalkBrowserTests
{
    // The new project's indicator table on a phone: its head is one line high (it was a column of single
    // characters, three rows high, when a head cell wrapped in the squeezed columns).
    [Fact]
    public async Task The_editors_indicator_head_and_the_security_lists_buttons_stay_one_line_on_a_phone()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-newuser-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using var server = await LiveServer.Start(app.App);
            using var browser = new Browser();
            browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            var r = new ReviewChainBrowserTests.Run(app, server, browser);
            r.SignIn("east-preparer");
            r.GoTo("/?year=2027");
            browser.Submit(r.D.FindElement(By.LinkText("＋ 新建项目")));
            r.Until(() => r.Rows().Count == 3, () => r.D.Title);
            foreach (var width in new[] { 1280, 390 })
            {
                r.D.Manage().Window.Size = new System.Drawing.Size(width, 844);
                r.Until(() => Convert.ToInt32(r.Js("return window.innerWidth")) <= width, () => "窗口宽度未改变");
                r.Js("const t = document.querySelector('table[data-rows=indicators]'); window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY - 160);");
                browser.SaveScreenshot($"newuser-editor-indicators-{width}");
                // The head's words are on the screen, not covered: the first head cell is what is seen at its middle.
                var seen = (string)r.Js("const th = document.querySelector('table[data-rows=indicators] thead th'); const b = th.getBoundingClientRect();" +
                    " const e = document.elementFromPoint(b.left + Math.min(b.width, 80) / 2, b.top + b.height / 2); return (e === th || th.contains(e)) ? th.innerText : 'covered by ' + (e ? e.tagName + '.' + e.className : 'nothing');")!;
                Assert.Equal("一级指标", seen);
                var head = Convert.ToDouble(r.Js("return document.querySelector('table[data-rows=indicators] thead tr').getBoundingClientRect().height"));
                var row = Convert.ToDouble(r.Js("return document.querySelector('table[data-rows=indicators] tbody tr.row').getBoundingClientRect().height"));
                Assert.True(head <= row * 1.5, $"{width} px：表头高 {head} px，而一行只有 {row} px（表头文字被挤成竖排）");
            }

            // The security administrator's list on a phone: 重置密码 is one line, not a column of four characters.
            r.SignIn("security");
            r.GoTo("/Security");
            r.D.Manage().Window.Size = new System.Drawing.Size(390, 844);
            r.Until(() => Convert.ToInt32(r.Js("return window.innerWidth")) <= 390, () => "窗口宽度未改变");
            browser.SaveScreenshot("newuser-security-390");
            var tallest = Convert.ToDouble(r.Js("return Math.max(...Array.from(document.querySelectorAll('main table button')).map(b => b.getBoundingClientRect().height))"));
            var line = Convert.ToDouble(r.Js("return parseFloat(getComputedStyle(document.querySelector('main table button')).lineHeight) || 24"));
            Assert.True(tallest < line * 2, $"390 px：按钮高 {tallest} px（文字折成多行）");
            Assert.True(Convert.ToInt32(r.Js("return document.documentElement.scrollWidth")) <= 390, "390 px 时页面横向滚动");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    // Batch work and the reviewer's panel as each role meets them, every step at 1280 and 390 px: the unit submits
    // all its drafts from the desk; the header counts what waits; the unit head confirms them in one go (in its own
    // word); the supervisor and finance see the 四性 checklist on the form and act; the messages are read.
    [Fact]
    public async Task The_desk_counts_batches_and_the_reviewers_panel_read_as_each_role_expects()
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-newuser-desk-").FullName;
        try
        {
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            await using var server = await LiveServer.Start(app.App);
            using var browser = new Browser();
            browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            var r = new ReviewChainBrowserTests.Run(app, server, browser);
            var d = r.D;
            string Main() => d.FindElement(By.TagName("main")).Text;
            int Count() => int.Parse(d.FindElement(By.CssSelector(".topbar .notices .count")).Text);

            await NewUserWalkTests.CleanDrafts(app);
            r.SignIn("east-preparer");
            r.GoTo("/Desk");
            var drafts = int.Parse(System.Text.RegularExpressions.Regex.Match(Main(), @"本单位有 (\d+) 个草稿").Groups[1].Value);
            r.Shot("newuser-01-preparer-desk");
            r.Js("window.confirm = () => true;");
            browser.Submit(d.FindElement(By.XPath("//button[normalize-space()='全部提交']")));
            Assert.Contains($"已提交本单位 {drafts} 个草稿", Main());
            r.Shot("newuser-02-preparer-submitted-all");

            r.SignIn("east-head");
            Assert.Equal(drafts, Count());
            r.GoTo("/Desk");
            r.Shot("newuser-03-head-desk");
            var clean = d.FindElements(By.CssSelector("input[name=ids]:not([disabled])"));
            foreach (var box in clean) box.Click();
            browser.Submit(d.FindElement(By.XPath("//button[starts-with(normalize-space(),'批量确认所选')]")));
            Assert.Contains($"已确认 {clean.Count} 个项目", Main());
            r.Shot("newuser-04-head-confirmed");
            Assert.Equal(drafts - clean.Count, Count());

            r.SignIn("supervisor");
            Assert.Equal(clean.Count, Count());
            r.GoTo("/Desk");
            r.Shot("newuser-05-supervisor-desk");
            browser.Submit(d.FindElement(By.CssSelector("section.desk table a")));
            r.Shot("newuser-06-supervisor-panel", "#review");
            foreach (var criterion in new[] { "Completeness", "Relevance", "Appropriateness", "Feasibility" })
                d.FindElement(By.Name("grade_" + criterion)).FindElements(By.TagName("option")).First(o => o.Text.Trim() == "优").Click();
            r.Press("审核通过");
            Assert.Equal("主管部门已审", r.Status());

            r.SignIn("finance");
            Assert.True(Count() >= 1);
            r.GoTo("/Desk");
            r.Shot("newuser-07-finance-desk");
            browser.Submit(d.FindElement(By.CssSelector("section.desk table a")));
            r.Shot("newuser-08-finance-panel", "#review");
            // At phone width the reason boxes are boxes one can type in, and the buttons are words on one line.
            d.Manage().Window.Size = new System.Drawing.Size(390, 844);
            r.Until(() => Convert.ToInt32(r.Js("return window.innerWidth")) <= 390, () => "窗口宽度未改变");
            var narrowest = Convert.ToDouble(r.Js("return Math.min(...Array.from(document.querySelectorAll('#review .criterion input')).map(i => i.getBoundingClientRect().width))"));
            Assert.True(narrowest >= 60, $"390 px：理由输入框只有 {narrowest} px 宽");
            var buttonHeight = Convert.ToDouble(r.Js("return Math.max(...Array.from(document.querySelectorAll('#review .buttons button')).map(b => b.getBoundingClientRect().height))"));
            var lineHeight = Convert.ToDouble(r.Js("return parseFloat(getComputedStyle(document.querySelector('#review .buttons button')).lineHeight) || 24"));
            Assert.True(buttonHeight < lineHeight * 2, $"390 px：批复/退回修改按钮高 {buttonHeight} px（文字折成多行）");
            d.Manage().Window.Size = new System.Drawing.Size(1280, 1800);
            // 中 cannot be approved: the page says why, in place.
            d.FindElement(By.Name("grade_Feasibility")).FindElements(By.TagName("option")).First(o => o.Text.Trim() == "中").Click();
            r.Press("批复");
            r.Shot("newuser-09-finance-refused-fair", "#review");
            Assert.NotEqual("已批复", r.Status());
            // What the reviewer chose is still there to correct, not reset to 未评.
            Assert.Equal("Fair", d.FindElement(By.Name("grade_Feasibility")).GetAttribute("value"));
            foreach (var criterion in new[] { "Completeness", "Relevance", "Appropriateness" })
                d.FindElement(By.Name("grade_" + criterion)).FindElements(By.TagName("option")).First(o => o.Text.Trim() == "优").Click();
            d.FindElement(By.Name("grade_Feasibility")).FindElements(By.TagName("option")).First(o => o.Text.Trim() == "良").Click();
            d.FindElement(By.Name("reason_Feasibility")).SendKeys("实施进度安排偏紧，已与单位会商");
            r.Press("批复");
            Assert.Equal("已批复", r.Status());
            r.Shot("newuser-10-finance-approved", "#review");
            // The step shows the ratings and the reason behind 良, for the unit to read.
            var steps = d.FindElement(By.CssSelector("table.steps")).Text;
            Assert.Contains("可行性良（实施进度安排偏紧，已与单位会商）", steps);
            Assert.Contains("完整性优", steps);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
