using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Import;

public class WebImportTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Upload_preview_confirm_then_reimport_asks_before_replacing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        var east = await app.Db(d => d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局"));

        var first = await Upload(client, Seeds.PathOf("001"));
        Assert.True(first.GetProperty("ok").GetBoolean());
        var preview = await client.GetStringAsync(first.GetProperty("preview").GetString());
        Assert.Contains("共 5 个项目", preview);
        Assert.Contains("网络信息系统开发、升级、建设", preview);
        Assert.Contains("信访课题研究完成率", preview);

        var saved = await Confirm(client, first, east.Id, 2023, []);
        Assert.Equal("/", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await saved.Content.ReadAsStringAsync();
        Assert.Contains("维稳工作", list);
        Assert.Contains("2,371,500.00", list);

        // The same file again: nothing is saved until each existing project has a decision.
        var second = await Upload(client, Seeds.PathOf("001"));
        var refused = await Confirm(client, second, east.Id, 2023, []);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("已存在，未导入", refusedHtml);
        Assert.Contains("替换为新版本", refusedHtml);
        Assert.Equal(5, await app.Db(d => d.Projects.CountAsync(p => p.FiscalYear == 2023)));

        var names = new[] { "课题与规划", "网络信息系统开发、升级、建设", "网络信息系统运行与维护", "维稳工作", "宣传与推广" };
        var choices = names.ToDictionary(n => $"Choices[{n}]", n => n == "维稳工作" ? "KeepBoth" : "Replace");
        var done = await Confirm(client, second, east.Id, 2023, choices);
        Assert.Equal("/", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(6, await app.Db(d => d.Projects.CountAsync(p => p.FiscalYear == 2023)));
        Assert.Equal(4, await app.Db(d => d.ProjectVersions.CountAsync()));
        var replaced = await app.Db(d => d.Projects.SingleAsync(p => p.Form.Name == "课题与规划"));
        Assert.Equal(2, replaced.Version);

        // Every upload is kept with who, when and what came of it.
        var records = await app.Db(d => d.ImportRecords.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("east-preparer", r.UserName));
        Assert.All(records, r => Assert.Equal(ImportOutcome.Saved, r.Outcome));
        Assert.Equal(new FileInfo(Seeds.PathOf("001")).Length, records[0].Content.Length);
    }

    [Fact]
    public async Task A_file_that_is_not_a_form_is_refused_in_Chinese_and_kept()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        var garbage = Path.Combine(app.DataFolder, "损坏的文件.docx");
        await File.WriteAllBytesAsync(garbage, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

        var answer = await Upload(client, garbage);

        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Contains("损坏的文件.docx", answer.GetProperty("error").GetString());
        var record = await app.Db(d => d.ImportRecords.SingleAsync());
        Assert.Equal(ImportOutcome.Failed, record.Outcome);
        Assert.Equal(13, record.Size);
    }

    [Fact]
    public async Task Another_users_upload_is_not_found()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var upload = await Upload(await app.SignedIn("east-preparer"), Seeds.PathOf("004"));
        var west = await app.SignedIn("west-preparer");
        var response = await west.GetAsync(upload.GetProperty("preview").GetString());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_unit_user_cannot_import_into_another_unit()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        var west = await app.Db(d => d.BudgetUnits.SingleAsync(u => u.Name == "西城区信访局"));
        var upload = await Upload(client, Seeds.PathOf("004"));
        var response = await Confirm(client, upload, west.Id, 2021, []);
        Assert.Contains("请选择您有权导入的单位", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Db(d => d.Projects.AnyAsync(p => p.FiscalYear == 2021)));
    }

    static async Task<JsonElement> Upload(HttpClient client, string path)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Import"));
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", Path.GetFileName(path));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    // The seeds name their own bureaus, so saving one into a demo unit is confirmed, as the page asks.
    static async Task<HttpResponseMessage> Confirm(HttpClient client, JsonElement upload, int unitId, int year, Dictionary<string, string> choices,
        bool confirmOtherUnit = true)
    {
        var url = upload.GetProperty("preview").GetString()!;
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync(url));
        var form = new Dictionary<string, string>(choices)
        {
            ["UnitId"] = unitId.ToString(), ["Year"] = year.ToString(), ["__RequestVerificationToken"] = token,
            ["ConfirmOtherUnit"] = confirmOtherUnit ? "true" : "false",
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }
}
