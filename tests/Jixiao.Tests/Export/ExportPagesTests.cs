using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Export;

public class ExportPagesTests
{
    static async Task<(int Id, string Name, int Unit)[]> Projects(TestApp app, string unit) =>
        (await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Name == unit).Select(p => new { p.Id, p.Form.Name, p.BudgetUnitId }).ToListAsync()))
        .Select(p => (p.Id, p.Name, p.BudgetUnitId)).ToArray();

    static async Task<FormDocument> ReadBack(HttpResponseMessage response, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-download-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try { return DocumentReader.Read(path); }
        finally { File.Delete(path); }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_unit_downloads_its_projects_and_its_book_and_nothing_of_another_unit(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await Projects(app, "东城区信访局");
        var west = await Projects(app, "西城区信访局");
        var client = await app.SignedIn("east-preparer");

        var page = await client.GetStringAsync($"/Projects/{east[0].Id}");
        Assert.Contains("导出 Word", page);
        Assert.Contains("导出 Excel", page);
        Assert.Contains("导出 PDF", page);
        foreach (var format in new[] { "docx", "xlsx" })
        {
            var response = await client.GetAsync($"/Projects/{east[0].Id}/Print?handler=File&to={format}&layout=national");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([east[0].Name], (await ReadBack(response, format)).Projects.Select(p => p.Name));
        }
        var pdf = await client.GetAsync($"/Projects/{east[0].Id}/Print?handler=File&to=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        var print = await client.GetStringAsync($"/Projects/{east[0].Id}/Print?layout=hebei");
        Assert.Contains(east[0].Name, print);

        // The whole unit's year as one file: a cover with the summary, then every project.
        var overview = await client.GetStringAsync($"/Units/Overview?unit={east[0].Unit}&year=2026");
        Assert.Contains("导出本单位全部项目", overview);
        var book = await client.GetAsync($"/Units/Book?handler=File&to=docx&unit={east[0].Unit}&year=2026");
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        var read = await ReadBack(book, "docx");
        Assert.Equal(east.Select(p => p.Name).Order(), read.Projects.Select(p => p.Name).Order());

        // Another unit's project or book answers like a missing one.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Projects/{west[0].Id}/Print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Projects/{west[0].Id}/Print?handler=File&to=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Units/Book?handler=File&to=docx&unit={west[0].Unit}&year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/Projects/{east[0].Id}/Print?handler=File&to=exe")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_public_page_lists_only_what_finance_made_public_masked_with_open_data(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var east = await Projects(app, "东城区信访局");
        var (shownId, shownName, _) = east[0];
        var (hiddenId, hiddenName, _) = east[1];
        await app.Db(async d =>
        {
            var p = await d.Projects.SingleAsync(x => x.Id == shownId);
            p.Form.People.Add(new Person { Role = "联系人", Name = "李晓明", Phone = "13512341234" });
            p.Form.People.Add(new Person { Role = "项目负责人", Name = "王芳", Phone = "010-64001234" });
            return await d.SaveChangesAsync();
        });
        var anonymous = app.Client();
        Assert.DoesNotContain(shownName, await anonymous.GetStringAsync("/Public"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/{shownId}")).StatusCode);

        // Only 财政审核 may make a form public.
        var preparer = await app.SignedIn("east-preparer");
        var token = TestApp.AntiforgeryToken(await preparer.GetStringAsync($"/Projects/{shownId}"));
        var denied = await preparer.PostAsync($"/Projects/{shownId}/Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["public"] = "true", ["__RequestVerificationToken"] = token }));
        Assert.Equal("/Account/Denied", denied.RequestMessage!.RequestUri!.AbsolutePath);
        var finance = await app.SignedIn("finance");
        token = TestApp.AntiforgeryToken(await finance.GetStringAsync($"/Projects/{shownId}"));
        var made = await finance.PostAsync($"/Projects/{shownId}/Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["public"] = "true", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(await app.Db(d => d.AuditEntries.AnyAsync(a => a.Entity == "Project" && a.Changes.Contains("MadePublic"))));

        var list = await anonymous.GetStringAsync("/Public");
        Assert.Contains(shownName, list);
        Assert.DoesNotContain(hiddenName, list);
        Assert.Contains("东城区信访局", list);
        var view = await anonymous.GetStringAsync($"/Public/{shownId}");
        Assert.Contains(shownName, view);
        Assert.Contains("李**", view);
        Assert.Contains("135****1234", view);
        Assert.Contains("王*", view);
        Assert.Contains("010-****1234", view);
        Assert.DoesNotContain("李晓明", view);
        Assert.DoesNotContain("13512341234", view);
        Assert.DoesNotContain("64001234", view);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/{hiddenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/{hiddenId}?handler=Pdf")).StatusCode);
        var pdf = await anonymous.GetAsync($"/Public/{shownId}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfText = await PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("135****1234", pdfText);
        Assert.DoesNotContain("13512341234", pdfText);
        Assert.DoesNotContain("李晓明", pdfText);

        // Open data: CSV with a byte order mark, and its data package descriptor with the same fields.
        var csvBytes = await anonymous.GetByteArrayAsync("/Public/Data?handler=Csv&year=2026");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var csv = Encoding.UTF8.GetString(csvBytes[3..]);
        var header = csv.Split("\r\n")[0].Split(',');
        Assert.Contains(shownName, csv);
        Assert.DoesNotContain(hiddenName, csv);
        var package = JsonNode.Parse(await anonymous.GetStringAsync("/Public/Data?handler=Package&year=2026"))!;
        Assert.Equal("tabular-data-package", package["profile"]!.GetValue<string>());
        var resource = package["resources"]![0]!;
        Assert.Equal("tabular-data-resource", resource["profile"]!.GetValue<string>());
        Assert.Equal(header, resource["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.EndsWith("/Public/Data?handler=Csv&year=2026", resource["path"]!.GetValue<string>());
        Assert.Contains("datapackage", list);

        // Taken off again, it is gone.
        token = TestApp.AntiforgeryToken(await finance.GetStringAsync($"/Projects/{shownId}"));
        await finance.PostAsync($"/Projects/{shownId}/Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["public"] = "false", ["__RequestVerificationToken"] = token }));
        Assert.DoesNotContain(shownName, await anonymous.GetStringAsync("/Public"));
    }

    static async Task<string> PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-public-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try { return ExportFiles.Run("pdftotext", ["-raw", path, "-"], TimeSpan.FromMinutes(1)).Output; }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task Without_sign_in_every_route_but_the_public_ones_goes_to_sign_in()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var routes = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Distinct().ToList();
        var anonymous = app.Client();
        var checkedPages = 0;
        foreach (var raw in routes)
        {
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(raw.TrimStart('/'), @"\{[^}]*\?\}", "");
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]*\}", "1").TrimEnd('/');
            if (path == "") path = "/";
            if (path.StartsWith("/Public") || path.StartsWith("/Account/Login") || path.StartsWith("/Error")
                || path.StartsWith("/api") || path.StartsWith("/openapi") || path.StartsWith("/healthz")) continue;
            var response = await anonymous.GetAsync(path);
            Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath is "/Account/Login" || response.StatusCode == HttpStatusCode.MethodNotAllowed,
                $"{path} answered {(int)response.StatusCode} without sign-in");
            checkedPages++;
        }
        Assert.True(checkedPages > 20, $"only {checkedPages} routes checked");
        // The API answers 401 without a token, never data.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/projects?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Public")).StatusCode);
    }
}
