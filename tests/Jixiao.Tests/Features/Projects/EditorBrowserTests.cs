using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Jixiao.Tests.Features.Projects;

// The editor in headless Chromium, worked as a preparer would: typed, pasted from a spreadsheet,
// reviewed live, saved, copied to the next year, and saved twice at once from two browsers.
public class EditorBrowserTests
{
    // Rows as Excel or WPS put them on the clipboard: tab-separated, merged level cells left blank.
    const string PastedBlock =
        "一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\n" +
        "产出指标\t数量指标\t开展矛盾纠纷排查次数\t≥12次\t计划标准\n" +
        "\t质量指标\t信访事项及时受理率\t=100.00(%)\t文件规定\n" +
        "\t时效指标\t按期办结率\t≥95%\t文件规定\n" +
        "成本指标\t经济成本指标\t律师驻点接访单价\t180元/人/天\t计划标准\n" +
        "效益指标\t社会效益指标\t重复信访件数\t较上年下降\t历史标准\n" +
        "\t\t信访秩序\t较好\t工作需要\n" +
        "满意度指标\t服务对象满意度指标\t群众满意率\t≥90%\t调查问卷\n";

    sealed class Session : IAsyncDisposable
    {
        public TestApp App { get; private init; } = null!;
        public LiveServer Server { get; private init; } = null!;
        readonly string folder;

        Session(string folder) => this.folder = folder;

        public static async Task<Session> Start()
        {
            var folder = Directory.CreateTempSubdirectory("jixiao-editor-").FullName;
            var app = await TestApp.Start(folder, null, demo: true, live: true);
            return new Session(folder) { App = app, Server = await LiveServer.Start(app.App) };
        }

        public Browser SignIn(string user)
        {
            var browser = new Browser();
            browser.Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(5);
            browser.GoTo(Server.Url("/Account/Login"));
            browser.Driver.FindElement(By.Name("UserName")).SendKeys(user);
            browser.Driver.FindElement(By.Name("Password")).SendKeys(App.PasswordOf(user));
            browser.Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
            browser.Driver.FindElement(By.CssSelector("header .user"));
            return browser;
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static IWebDriver D(Browser b) => b.Driver;
    static object? Js(Browser b, string script, params object[] args) => ((IJavaScriptExecutor)b.Driver).ExecuteScript(script, args);
    static WebDriverWait Wait(Browser b)
    {
        var wait = new WebDriverWait(b.Driver, TimeSpan.FromSeconds(15));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    // Waits for a condition; on timeout the screenshot and what was seen say why.
    static void Eventually(Browser b, Func<bool> condition, Func<string> seen)
    {
        try { Wait(b).Until(_ => condition()); }
        catch (WebDriverTimeoutException)
        {
            b.SaveScreenshot("editor-failed");
            Assert.Fail("等待超时，页面上是：" + seen());
        }
    }

    static IWebElement Field(Browser b, string field) => D(b).FindElement(By.CssSelector($"[data-field='{field}']"));
    static IReadOnlyList<IWebElement> Rows(Browser b) => D(b).FindElements(By.CssSelector("table[data-rows=indicators] tbody tr.row"));
    static IWebElement Cell(IWebElement row, string key) => row.FindElement(By.CssSelector($"[data-key='{key}']"));

    // Sets a select or date the way a user's pick does: the value, then the change event.
    static void Pick(Browser b, IWebElement element, string value) =>
        Js(b, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", element, value);

    static void Chord(Browser b, IWebElement input, string key)
    {
        input.Click();
        new OpenQA.Selenium.Interactions.Actions(b.Driver).KeyDown(Keys.Alt).SendKeys(key).KeyUp(Keys.Alt).Perform();
    }

    static void Type(IWebElement input, string text)
    {
        input.Clear();
        input.SendKeys(text);
    }

    // What the browser does when the user presses Ctrl+V on a cell with this text on the clipboard.
    static void Paste(Browser b, IWebElement cell, string text) => Js(b, """
        const dt = new DataTransfer();
        dt.setData('text/plain', arguments[1]);
        arguments[0].focus();
        arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        """, cell, text);

    static string FindingsOfRow(Browser b, int row) => (string)Js(b, """
        const rows = [...document.querySelectorAll('table[data-rows=indicators] tbody tr.row')];
        let out = '', next = rows[arguments[0]].nextElementSibling;
        while (next && next.classList.contains('finding-row')) { out += next.textContent + '\n'; next = next.nextElementSibling; }
        return out;
        """, row)!;

    [Fact]
    public async Task A_preparer_declares_a_project_from_nothing_copies_it_and_keeps_a_draft()
    {
        await using var session = await Session.Start();
        using var b = session.SignIn("east-preparer");

        b.GoTo(session.Server.Url("/?year=2027"));
        b.Submit(D(b).FindElement(By.LinkText("＋ 新建项目")));
        Assert.Equal("新建项目 - 绩效目标管理", D(b).Title);
        Wait(b).Until(_ => Rows(b).Count == 3);

        Type(Field(b, "name"), "信访矛盾纠纷多元化解服务");
        Type(Field(b, "code"), "11010127P000301");
        Pick(b, Field(b, "category"), "recurring");
        Pick(b, Field(b, "attribute"), "new");
        Type(Field(b, "functionClass"), "2010308");
        Pick(b, Field(b, "startDate"), "2027-01-01");
        Pick(b, Field(b, "endDate"), "2027-12-31");
        Pick(b, Field(b, "funding.sourceUnit"), "万元");
        Type(Field(b, "funding.total"), "85");
        Type(Field(b, "funding.annualRequest"), "85");
        Type(Field(b, "funding.fiscal"), "85");
        Type(Field(b, "funding.appropriation"), "85");
        Type(Field(b, "funding.fromSameLevel"), "85");
        D(b).FindElement(By.CssSelector("[data-add-row=budgetLines]")).Click();
        var line = D(b).FindElement(By.CssSelector("table[data-rows=budgetLines] tbody tr.row"));
        Type(Cell(line, "name"), "矛盾纠纷排查调处");
        Type(Cell(line, "amount"), "50");
        D(b).FindElement(By.CssSelector("[data-add-row=budgetLines]")).Click();
        line = D(b).FindElements(By.CssSelector("table[data-rows=budgetLines] tbody tr.row"))[1];
        Type(Cell(line, "name"), "律师参与接访");
        Type(Cell(line, "amount"), "35");
        Assert.Equal("85 万元", D(b).FindElement(By.CssSelector("[data-budget-total]")).Text);
        var plan = D(b).FindElements(By.CssSelector("table[data-rows=spendingPlan] tbody tr.row"));
        foreach (var (row, pct) in plan.Zip(new[] { "20", "45", "75", "100" })) Type(Cell(row, "cumulativePercent"), pct);
        Type(Field(b, "longTermGoal"), "健全矛盾纠纷多元化解机制，依法及时就地解决群众合理诉求。");
        Type(Field(b, "annualGoal"), "全年组织矛盾纠纷排查不少于12次，信访事项及时受理率100%，群众满意率不低于90%。");

        // The first indicator typed cell by cell, moving with Tab and Enter as in a spreadsheet.
        var first = Rows(b)[0];
        Pick(b, Cell(first, "level1"), "产出指标");
        Pick(b, Cell(first, "level2"), "数量指标");
        Cell(first, "name").SendKeys("接待来访群众批次" + Keys.Tab + "≥1200批次" + Keys.Tab);
        Assert.Equal("basis", D(b).SwitchTo().ActiveElement().GetAttribute("data-key"));
        Wait(b).Until(_ => Rows(b)[0].FindElement(By.CssSelector("[data-parse]")).Text.Replace("\n", "").Replace(" ", "") == "定量≥1200批次正向");

        // Seven more pasted from a spreadsheet with the level columns: they land as rows below.
        Paste(b, Cell(Rows(b)[1], "name"), PastedBlock);
        Wait(b).Until(_ => Rows(b).Count >= 9);
        var names = Rows(b).Select(r => Cell(r, "name").GetAttribute("value")).ToList();
        Assert.Equal(["接待来访群众批次", "开展矛盾纠纷排查次数", "信访事项及时受理率", "按期办结率", "律师驻点接访单价", "重复信访件数", "信访秩序", "群众满意率", ""], names);
        Assert.Equal("质量指标", Cell(Rows(b)[2], "level2").GetAttribute("value"));
        Assert.Equal("产出指标", Cell(Rows(b)[3], "level1").GetAttribute("value"));
        Assert.Equal("效益指标", Cell(Rows(b)[6], "level1").GetAttribute("value"));
        Assert.Equal("社会效益指标", Cell(Rows(b)[6], "level2").GetAttribute("value"));
        Wait(b).Until(_ => Rows(b)[4].FindElement(By.CssSelector("[data-parse]")).Text.Replace("\n", "").Replace(" ", "") == "定量=180元/人/天");
        Wait(b).Until(_ => Rows(b)[5].FindElement(By.CssSelector("[data-parse]")).Text.Replace("\n", "").Replace(" ", "") == "定性下降");
        Wait(b).Until(_ => Rows(b)[2].FindElement(By.CssSelector("[data-parse]")).Text.Length > 0);

        // The vague "较好" gets its findings beside its own row.
        Wait(b).Until(_ => FindingsOfRow(b, 6).Contains("信访秩序"));
        Assert.Equal("", FindingsOfRow(b, 7));
        b.SaveScreenshot("editor-01-findings");
        var scoreBefore = D(b).FindElement(By.CssSelector("[data-score]")).Text;

        // A row deleted by mistake comes back; a row moved with Alt+↑.
        Rows(b)[7].FindElement(By.CssSelector("[data-row-action=delete]")).Click();
        Assert.Equal(8, Rows(b).Count);
        D(b).FindElement(By.CssSelector("[data-undo]")).Click();
        Assert.Equal("群众满意率", Cell(Rows(b)[7], "name").GetAttribute("value"));
        Chord(b, Cell(Rows(b)[3], "name"), Keys.ArrowUp);
        Assert.Equal("按期办结率", Cell(Rows(b)[2], "name").GetAttribute("value"));
        Chord(b, Cell(Rows(b)[2], "name"), Keys.ArrowDown);
        Assert.Equal("信访事项及时受理率", Cell(Rows(b)[2], "name").GetAttribute("value"));

        // Fixed: the findings of that row go away and the score rises.
        Assert.Contains("重复信访件数", FindingsOfRow(b, 5));
        Type(Cell(Rows(b)[5], "annualTarget"), "≤120件");
        Type(Cell(Rows(b)[6], "name"), "信访事项化解率");
        Type(Cell(Rows(b)[6], "annualTarget"), "≥85%");
        Eventually(b, () => FindingsOfRow(b, 5) + FindingsOfRow(b, 6) == "", () => FindingsOfRow(b, 5) + FindingsOfRow(b, 6));
        Assert.Empty(D(b).FindElements(By.CssSelector("tr.finding-row")));
        Wait(b).Until(_ => D(b).FindElement(By.CssSelector("[data-score]")).Text != scoreBefore);
        b.SaveScreenshot("editor-02-fixed");

        // Closing the tab before saving loses nothing: the draft is offered back on reopening.
        // The page asks before it is left with unsaved changes (headless Chromium shows no dialog for it).
        Assert.True((bool)Js(b, "const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented;")!);
        try { b.GoTo(session.Server.Url("/?year=2027")); }
        catch (UnhandledAlertException) { D(b).SwitchTo().Alert().Accept(); }
        D(b).FindElement(By.LinkText("＋ 新建项目")).Click();
        var offer = D(b).FindElement(By.CssSelector("[data-draft-offer]"));
        Wait(b).Until(_ => offer.Displayed);
        b.SaveScreenshot("editor-03-draft-offered");
        D(b).FindElement(By.CssSelector("[data-draft-restore]")).Click();
        Assert.Equal("信访矛盾纠纷多元化解服务", Field(b, "name").GetAttribute("value"));
        Assert.Equal("85", Field(b, "funding.total").GetAttribute("value"));
        Assert.Equal(9, Rows(b).Count);
        Assert.False(offer.Displayed);
        Eventually(b, () => D(b).FindElement(By.CssSelector("[data-score]")).Text.StartsWith("100"),
            () => D(b).FindElement(By.CssSelector("[data-score]")).Text + string.Join("\n", D(b).FindElements(By.CssSelector(".finding")).Select(f => f.Text)));

        // At phone width the form stays usable: the indicator table scrolls inside its own box.
        D(b).Manage().Window.Size = new System.Drawing.Size(390, 844);
        Wait(b).Until(_ => (long)Js(b, "return window.innerWidth")! <= 390);
        var sheetWidth = (long)Js(b, "return document.querySelector('.editor-sheet').getBoundingClientRect().width")!;
        Assert.True(sheetWidth <= 390, $"申报表宽 {sheetWidth}px");
        var scroll = (bool)Js(b, "const s = document.querySelector('table[data-rows=indicators]').parentElement; return s.scrollWidth > s.clientWidth;")!;
        Assert.True(scroll, "指标表应在自身区域内横向滚动");
        Assert.True(Field(b, "name").Size.Width >= 250, "项目名称输入框在手机上应足够宽");
        Js(b, "document.querySelector('table[data-rows=indicators]').scrollIntoView()");
        b.SaveScreenshot("editor-04-phone");
        Js(b, "window.scrollTo(0, 0)");
        b.SaveScreenshot("editor-05-phone-top");
        D(b).Manage().Window.Size = new System.Drawing.Size(1280, 1800);

        D(b).FindElement(By.CssSelector(".editor-bar button[type=submit]")).Click();
        Wait(b).Until(_ => D(b).Url.Contains("/Projects/") && !D(b).Url.Contains("Edit"));
        Assert.Equal("信访矛盾纠纷多元化解服务 - 绩效目标管理", D(b).Title);
        b.SaveScreenshot("editor-06-saved");
        var saved = await session.App.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.Form.Name == "信访矛盾纠纷多元化解服务")));
        Assert.Equal(8, saved.Form.Indicators.Count);
        Assert.Equal(850000m, saved.Form.Funding.Total);
        Assert.Equal([500000m, 350000m], saved.Form.BudgetLines.Select(l => l.Amount!.Value));
        Assert.Equal("≥85%", saved.Form.Indicators[6].AnnualTarget!.Raw);
        Assert.Equal(2027, saved.FiscalYear);
        // The save dropped the draft: a new project starts empty again.
        Assert.Null(Js(b, "return localStorage.getItem(arguments[0])", $"jixiao-draft:new:{saved.BudgetUnitId}:2027"));

        // 复制上年项目: next year's draft with last year's targets beside each row.
        b.Submit(D(b).FindElement(By.PartialLinkText("复制到 2028 年度")));
        Assert.Equal("复制上年项目 - 绩效目标管理", D(b).Title);
        Wait(b).Until(_ => Rows(b).Count == 8);
        Assert.Equal("上年目标（2027）", D(b).FindElement(By.CssSelector("th.previous")).Text);
        Assert.Equal("≥1200批次", Rows(b)[0].FindElement(By.CssSelector("td.previous")).Text);
        Type(Cell(Rows(b)[0], "annualTarget"), "≥1300批次");
        Assert.Equal("≥1200批次", Rows(b)[0].FindElement(By.CssSelector("td.previous")).Text);
        Assert.Equal("2028-01-01", Field(b, "startDate").GetAttribute("value"));
        b.SaveScreenshot("editor-07-copy");
        D(b).FindElement(By.CssSelector(".editor-bar button[type=submit]")).Click();
        Wait(b).Until(_ => D(b).Url.Contains("/Projects/") && !D(b).Url.Contains("Edit"));
        var copy = await session.App.Db(async d => d.InFormOrder(await d.Projects.AsSplitQuery().SingleAsync(p => p.FiscalYear == 2028)));
        Assert.Equal(saved.Form.Indicators.Select(i => i.Name), copy.Form.Indicators.Select(i => i.Name));
        Assert.Equal("≥1300批次", copy.Form.Indicators[0].AnnualTarget!.Raw);
        Assert.Equal(1, (await session.App.Db(d => d.Projects.SingleAsync(p => p.Id == saved.Id))).Version);
    }

    [Fact]
    public async Task Two_browsers_edit_one_project_and_the_second_save_sees_both_versions()
    {
        await using var session = await Session.Start();
        var id = await session.App.Db(d => d.Projects.Where(p => p.Form.Name == "网上信访系统运维").Select(p => p.Id).SingleAsync());
        using var one = session.SignIn("east-preparer");
        using var two = session.SignIn("east-head");
        foreach (var b in new[] { one, two })
        {
            b.GoTo(session.Server.Url($"/Projects/{id}"));
            D(b).FindElement(By.LinkText("编辑")).Click();
            Wait(b).Until(_ => Rows(b).Count == 6);
        }

        Type(Field(one, "annualGoal"), "网上信访平台全年正常运行率不低于99.5%。");
        D(one).FindElement(By.CssSelector(".editor-bar button[type=submit]")).Click();
        Wait(one).Until(_ => !D(one).Url.Contains("Edit"));

        Type(Field(two, "annualGoal"), "网上信访事项按期答复率100%，平台运行率不低于99%。");
        Type(Cell(Rows(two)[1], "annualTarget"), "≥99.9%");
        D(two).FindElement(By.CssSelector(".editor-bar button[type=submit]")).Click();
        var conflict = D(two).FindElement(By.CssSelector("[data-conflict]"));
        Assert.Contains("保存冲突", conflict.Text);
        var sides = D(two).FindElements(By.CssSelector(".side-by-side > div"));
        Assert.Contains("当前已保存的版本（第 2 版）", sides[0].Text);
        Assert.Contains("网上信访平台全年正常运行率不低于99.5%。", sides[0].Text);
        Assert.Contains("我的版本（未保存）", sides[1].Text);
        Assert.Contains("网上信访事项按期答复率100%，平台运行率不低于99%。", sides[1].Text);
        Assert.Contains("≥99.9%", sides[1].Text);
        Assert.Equal("两个版本的不同之处：年度目标；绩效指标第 2 行（系统正常运行率）。", D(two).FindElement(By.CssSelector(".differences")).Text);
        two.SaveScreenshot("editor-08-conflict");
        var stored = await session.App.Db(d => d.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal((2, "网上信访平台全年正常运行率不低于99.5%。"), (stored.Version, stored.Form.AnnualGoal));

        // The second user keeps theirs, knowingly, as the next version.
        D(two).FindElement(By.CssSelector("[data-keep-mine]")).Click();
        Wait(two).Until(_ => !D(two).Url.Contains("Edit") && D(two).FindElements(By.CssSelector("[data-conflict]")).Count == 0);
        stored = await session.App.Db(d => d.Projects.SingleAsync(p => p.Id == id));
        Assert.Equal((3, "网上信访事项按期答复率100%，平台运行率不低于99%。"), (stored.Version, stored.Form.AnnualGoal));
        two.SaveScreenshot("editor-09-kept-mine");
    }
}
