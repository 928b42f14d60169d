using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Features.Import;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features.Import;

// Hostile and clumsy uploads: too large, strange names, too many at once, too many for the unit.
public class UploadLimitTests
{
    const long MB = 1024 * 1024;

    [Fact]
    public async Task A_200_MB_upload_answers_413_with_the_real_limit_in_Chinese()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");

        var (status, answer) = await Upload(client, ("大文件.docx", new ZeroContent(200 * MB)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        var error = answer.GetProperty("error").GetString()!;
        Assert.Contains("超过每次 100 MB 的上限", error);
        Assert.Contains("每个文件不超过 50 MB", error);
        Assert.False(await app.Db(d => d.ImportRecords.AnyAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_file_over_the_limit_is_refused_by_name_and_kept_only_as_hash_and_size(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");

        var (status, answer) = await Upload(client, ("扫描件.docx", new ZeroContent(55 * MB)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("文件“扫描件.docx”大小为 55 MB，超过每个文件 50 MB 的上限；请删去无关内容（如图片）后再导入", answer.GetProperty("error").GetString());
        var record = await app.Db(d => d.ImportRecords.SingleAsync());
        Assert.Equal(55 * MB, record.Size);
        Assert.Empty(record.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[55 * MB])), record.Sha256);
        Assert.Equal(ImportOutcome.Failed, record.Outcome);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Hostile_file_names_never_give_500_and_are_kept_only_as_display_text(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        var form = await File.ReadAllBytesAsync(Seeds.PathOf("004"));
        var names = new[]
        {
            "..", ".", new string('a', 300) + ".txt", new string('信', 95) + ".txt", "a\0b.txt", "../../etc/passwd.txt", "..\\..\\x.txt",
        };
        foreach (var name in names)
        {
            var (status, answer) = await UploadRaw(client, name, form);
            Assert.True(status == HttpStatusCode.OK, $"{name.Length} 个字符的文件名：HTTP {(int)status}");
            var shown = answer.GetProperty("file").GetString()!;
            Assert.DoesNotContain('\0', shown);
            Assert.DoesNotContain('/', shown);
            Assert.DoesNotContain('\\', shown);
            Assert.InRange(shown.Length, 1, UploadNames.MaxDisplayLength);
            // The content is read whatever the name.
            Assert.True(answer.GetProperty("ok").GetBoolean(), answer.GetProperty("error").GetString());
        }
        var shownNames = await app.Db(d => d.ImportRecords.OrderBy(r => r.Id).Select(r => r.FileName).ToListAsync());
        Assert.Equal(["未命名文件", "未命名文件"], shownNames.Take(2));
        Assert.EndsWith("….txt", shownNames[2]);
        Assert.Equal("ab.txt", shownNames[4]);
        Assert.Equal("passwd.txt", shownNames[5]);
        Assert.Equal("x.txt", shownNames[6]);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Fifty_files_in_one_request_are_each_read_or_refused_by_name(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        var form = await File.ReadAllBytesAsync(Seeds.PathOf("004"));

        var (status, answer) = await Upload(client, Enumerable.Range(1, 50).Select(i => ($"表{i:D2}.txt", (HttpContent)new ByteArrayContent(form))).ToArray());

        Assert.Equal(HttpStatusCode.OK, status);
        var files = answer.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(50, files.Count);
        Assert.All(files.Take(20), f => Assert.True(f.GetProperty("ok").GetBoolean()));
        for (var i = 20; i < 50; i++)
            Assert.Equal($"每次最多上传 20 个文件，“表{i + 1:D2}.txt”未处理，请另行上传", files[i].GetProperty("error").GetString());
        var records = await app.Db(d => d.ImportRecords.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(50, records.Count);
        Assert.All(records.Skip(20), r => Assert.Empty(r.Content));
        Assert.All(records, r => Assert.Equal(form.Length, r.Size));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_unit_over_its_storage_quota_is_told_so(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        app.App.Services.GetRequiredService<UploadLimits>().UnitQuotaMegabytes = 1;
        // A colleague of the same unit already stores almost a megabyte.
        await app.Db(async d =>
        {
            d.ImportRecords.Add(new ImportRecord { UserName = "east-head", FileName = "旧文件.docx", Content = new byte[MB - 1000], Size = MB - 1000, Sha256 = "x" });
            return await d.SaveChangesAsync();
        });
        var form = await File.ReadAllBytesAsync(Seeds.PathOf("004"));

        var (status, answer) = await Upload(await app.SignedIn("east-preparer"), ("申报表.txt", new ByteArrayContent(form)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Contains("本单位上传文件已占用 1 MB，加上此文件将超过 1 MB 的存储配额", answer.GetProperty("error").GetString());
        // Another unit is not held back by it.
        var (_, west) = await Upload(await app.SignedIn("west-preparer"), ("申报表.txt", new ByteArrayContent(form)));
        Assert.True(west.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Parallel_uploads_are_read_at_most_two_at_a_time()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var client = await app.SignedIn("east-preparer");
        var form = await File.ReadAllBytesAsync(Seeds.PathOf("001"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Upload(client, ($"并发{i}.txt", new ByteArrayContent(form)))));

        Assert.All(answers, a => Assert.True(a.Answer.GetProperty("ok").GetBoolean()));
        var gate = app.App.Services.GetRequiredService<UploadGate>();
        Assert.InRange(gate.Peak, 1, 2);
    }

    static async Task<(HttpStatusCode Status, JsonElement Answer)> Upload(HttpClient client, params (string Name, HttpContent Content)[] files)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Import"));
        using var content = new MultipartFormDataContent();
        foreach (var (name, file) in files)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "file", name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request).WaitAsync(TimeSpan.FromMinutes(2));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"HTTP {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    // As a hand-made client sends it: the name raw in the part's header, NUL and all.
    static async Task<(HttpStatusCode Status, JsonElement Answer)> UploadRaw(HttpClient client, string name, byte[] file)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Import"));
        const string boundary = "----jixiao-test-boundary";
        var body = new MemoryStream();
        body.Write(System.Text.Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.Write(file);
        body.Write(System.Text.Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"));
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"HTTP {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    // A large file that costs the test no memory: zeros, streamed.
    sealed class ZeroContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var buffer = new byte[81920];
            for (var left = length; left > 0; left -= buffer.Length)
                await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
