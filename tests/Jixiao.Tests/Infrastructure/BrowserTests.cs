using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenQA.Selenium;

namespace Jixiao.Tests.Infrastructure;

public class BrowserTests
{
    const string Page = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>绩效目标申报表</title></head>
        <body style="font-family: sans-serif; font-size: 28px">
          <h1>项目支出绩效目标申报表</h1>
          <p>产出指标：培训人数 ≥ 1200 人次；满意度指标：受益群众满意度 ≥ 90%</p>
        </body>
        </html>
        """;

    [Fact]
    public async Task Chromium_shows_a_Chinese_page_served_by_a_live_server()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        await using var server = await LiveServer.Start(app);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);

        using var browser = new Browser();
        browser.GoTo(server.Url("/"));

        Assert.Equal("绩效目标申报表", browser.Driver.Title);
        Assert.Equal("项目支出绩效目标申报表", browser.Driver.FindElement(By.TagName("h1")).Text);
        var png = browser.SaveScreenshot("harness-chinese-page");
        Assert.Equal(Path.Combine(Browser.ScreenshotFolder, "harness-chinese-page.png"), png);
        Assert.True(new FileInfo(png).Length > 1000, $"截图太小：{png}");
    }
}
