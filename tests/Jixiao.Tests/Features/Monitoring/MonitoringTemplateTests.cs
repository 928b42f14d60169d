using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jixiao.Tests.Features.Monitoring.MonitoringSetup;

namespace Jixiao.Tests.Features.Monitoring;

public class MonitoringTemplateTests
{
    // Sets cells as a user typing in Excel would (as text), sheet by sheet.
    public static byte[] Fill(byte[] xlsx, Func<string, int, IEnumerable<(string Cell, string Text)>> cells)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var book = doc.WorkbookPart!;
            var index = 0;
            foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
            {
                var part = (WorksheetPart)book.GetPartById(sheet.Id!);
                var data = part.Worksheet.GetFirstChild<SheetData>()!;
                foreach (var (reference, text) in cells(sheet.Name!, index))
                {
                    var rowIndex = uint.Parse(Regex.Match(reference, @"\d+").Value);
                    var row = data.Elements<Row>().First(r => r.RowIndex! == rowIndex);
                    var cell = row.Elements<Cell>().First(c => c.CellReference == reference);
                    cell.CellValue = null;
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text));
                }
                index++;
            }
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    public static string Cell(byte[] xlsx, int sheetIndex, string reference)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(sheetIndex);
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
        var cell = part.Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        return cell?.InlineString?.InnerText ?? cell?.CellValue?.Text ?? "";
    }

    public static async Task<string> Upload(HttpClient client, int round, int unit, byte[] bytes, string name = "监控模板.xlsx")
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync($"/Monitoring/Round/{round}/Upload?unit={unit}"));
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync($"/Monitoring/Round/{round}/Upload?handler=Check&unit={unit}", content);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> Save(HttpClient client, int round, int unit, string dryRun, bool submit)
    {
        var record = Regex.Match(dryRun, "name=\"record\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(record);
        var fields = new Dictionary<string, string> { ["record"] = record, ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(dryRun) };
        if (submit) fields["submit"] = "true";
        var response = await client.PostAsync($"/Monitoring/Round/{round}/Upload?handler=Save&unit={unit}", new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync();
    }

    static IEnumerable<(string, string)> Entry(int sheet, int rows)
    {
        yield return ("C3", (400000 + sheet * 1000).ToString());
        for (var i = 0; i < rows; i++)
        {
            var line = 9 + i;
            yield return ($"F{line}", $"{i + 1}{sheet}");
            yield return ($"G{line}", $"全年{i}");
            yield return ($"H{line}", "确定能");
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_template_round_trips(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var preparer = await app.SignedIn("east-preparer");
        var template = await preparer.GetByteArrayAsync($"/Monitoring/Round/{s.RoundId}/Template?unit={s.EastId}");
        var sheets = await app.Db(async d => await d.Projects.Where(p => s.EastProjects.Contains(p.Id)).OrderBy(p => p.Form.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Form.Name }).ToListAsync());
        var rowCounts = new List<int>();
        foreach (var p in sheets) rowCounts.Add((await Rows(app, p.Id)).Count);
        var filled = Fill(template, (_, i) => Entry(i, rowCounts[i]));

        var dryRun = await Upload(preparer, s.RoundId, s.EastId, filled);
        Assert.Contains("试导入结果（尚未保存）", dryRun);
        Assert.Equal(0, await app.Db(d => d.MonitoringReports.CountAsync()));
        var round = await Save(preparer, s.RoundId, s.EastId, dryRun, submit: true);
        Assert.Contains($"监控模板导入：保存 {sheets.Count} 个项目，提交 {sheets.Count} 个", round);

        for (var i = 0; i < sheets.Count; i++)
        {
            var rows = await Rows(app, sheets[i].Id);
            var report = await app.Db(d => d.MonitoringReports.Include(r => r.Rows).SingleAsync(r => r.ProjectId == sheets[i].Id));
            Assert.Equal((400000m + i * 1000, ReportStatus.Submitted), (report.Spent!.Value, report.Status));
            for (var k = 0; k < rows.Count; k++)
            {
                var row = report.Rows.Single(r => r.IndicatorId == rows[k]);
                Assert.Equal(($"{k + 1}{i}", $"全年{k}", Likelihood.Certain), (row.Value, row.Expected, row.Likelihood!.Value));
            }
        }
        // Downloaded again, the template carries the same values.
        var again = await preparer.GetByteArrayAsync($"/Monitoring/Round/{s.RoundId}/Template?unit={s.EastId}");
        Assert.Equal("400000", Cell(again, 0, "C3"));
        Assert.Equal("10", Cell(again, 0, "F9"));
        Assert.Equal("全年1", Cell(again, 1, "G10"));
        Assert.Equal("确定能", Cell(again, 1, "H10"));
        Assert.Equal((await Rows(app, sheets[0].Id))[0].ToString(), Cell(again, 0, "A9"));
    }

    [Fact]
    public async Task A_row_renamed_in_the_project_still_matches_by_id_and_bad_cells_are_located()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var preparer = await app.SignedIn("east-preparer");
        var template = await preparer.GetByteArrayAsync($"/Monitoring/Round/{s.RoundId}/Template?unit={s.EastId}");
        var first = await app.Db(d => d.Projects.Where(p => s.EastProjects.Contains(p.Id)).OrderBy(p => p.Form.Name).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var rows = await Rows(app, first);
        Assert.Equal(rows[0].ToString(), Cell(template, 0, "A9"));

        // Renamed (and moved to the end) after the template was downloaded.
        await app.Db(async d =>
        {
            var p = await d.Projects.SingleAsync(x => x.Id == first);
            d.InFormOrder(p);
            var row = p.Form.Indicators[0];
            row.Name = "接待来访群众批次（含网上信访）";
            p.Form.Indicators.RemoveAt(0);
            p.Form.Indicators.Add(row);
            return await d.SaveChangesAsync();
        });

        // Located errors first: a bad likelihood, a bad amount, an altered key.
        var bad = Fill(template, (_, i) => i == 0 ? [("H9", "大概"), ("C3", "八十万"), ("A10", "不是标识")] : []);
        var page = await Upload(preparer, s.RoundId, s.EastId, bad);
        var sheet = Regex.Match(page, @"<li>([^<!]+)!H9").Groups[1].Value;
        Assert.NotEmpty(sheet);
        Assert.Contains($"{sheet}!H9：完成可能性“大概”无法识别，只能填确定能、有可能或完全不可能", page);
        Assert.Contains($"{sheet}!C3：执行数“八十万”不是有效金额", page);
        Assert.Contains($"{sheet}!A10：行标识“不是标识”被改动，请勿修改A列", page);
        Assert.DoesNotContain("name=\"record\"", page);

        var good = Fill(template, (_, i) => i == 0 ? [("C3", "1000"), ("F9", "1400批次"), ("H9", "有可能")] : []);
        page = await Upload(preparer, s.RoundId, s.EastId, good);
        // Located missing entries and the overshoot warning for the renamed row, at its cells in the sheet.
        Assert.Contains($"{sheet}!I9：完成可能性为“有可能”，须选择偏差原因类别", page);
        Assert.Contains($"{sheet}!F9：当前值 1400批次 已超过目标值 ≥1200批次", page);
        await Save(preparer, s.RoundId, s.EastId, page, submit: false);
        var report = await app.Db(d => d.MonitoringReports.Include(r => r.Rows).SingleAsync(r => r.ProjectId == first));
        var renamed = report.Rows.Single(r => r.IndicatorId == rows[0]);
        Assert.Equal(("1400批次", Likelihood.Possible), (renamed.Value, renamed.Likelihood!.Value));
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Contains("第8行“接待来访群众批次（含网上信访）”", await preparer.GetStringAsync($"/Monitoring/Round/{s.RoundId}/Report/{first}"));
    }

    [Fact]
    public async Task Not_a_template_is_refused_with_a_reason()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var s = await OpenRound(app);
        var preparer = await app.SignedIn("east-preparer");
        Assert.Contains("不是有效的Excel（.xlsx）文件", await Upload(preparer, s.RoundId, s.EastId, "hello"u8.ToArray()));
        var west = await app.SignedIn("west-preparer");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await west.GetAsync($"/Monitoring/Round/{s.RoundId}/Template?unit={s.EastId}")).StatusCode);
        var finance = await app.SignedIn("finance");
        var r = await finance.GetAsync($"/Monitoring/Round/{s.RoundId}/Template?unit={s.EastId}");
        Assert.Contains("/Account/Denied", r.RequestMessage!.RequestUri!.ToString());
    }
}
