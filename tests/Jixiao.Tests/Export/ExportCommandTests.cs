using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Features.Export;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Export;

public class ExportCommandTests
{
    internal static async Task<(int Exit, string Out, string Err)> Export(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ExportCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_file_exports_in_its_own_layout_and_publicly_without_names()
    {
        var folder = ExportFiles.Folder("cli");
        var docx = Path.Combine(folder, "004.docx");
        var (exit, output, error) = await Export(Seeds.PathOf("004"), "--to", "docx", "-o", docx);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("wuhai", output);
        Assert.Equal(["信访储备金"], DocumentReader.Read(docx).Projects.Select(p => p.Name));
        using (var doc = WordprocessingDocument.Open(docx, false)) Assert.Contains("王晓西", doc.MainDocumentPart!.Document!.Body!.InnerText);

        var open = Path.Combine(folder, "004-public.xlsx");
        Assert.Equal(0, (await Export(Seeds.PathOf("004"), "--to", "xlsx", "--public", "--layout", "national", "-o", open)).Exit);
        using (var book = SpreadsheetDocument.Open(open, false))
        {
            var text = string.Concat(book.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet!.InnerText));
            Assert.DoesNotContain("王晓西", text);
            Assert.Contains("王**", text);
            Assert.DoesNotContain("李业勋", text);
        }
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Bad_input_gives_exit_2_with_one_Chinese_line_and_missing_chromium_exit_4()
    {
        var (exit, _, error) = await Export("/nonexistent/form.docx", "--to", "docx", "-o", "/tmp/never.docx");
        Assert.Equal(2, exit);
        Assert.Equal("无法读取“/nonexistent/form.docx”：找不到文件“form.docx”", error.Trim());
        (exit, _, error) = await Export(Seeds.PathOf("000"), "--to", "docx", "--layout", "beijing", "-o", "/tmp/never.docx");
        Assert.Equal(2, exit);
        Assert.Contains("没有名为“beijing”的版式", error);
        (exit, _, error) = await Export(Seeds.PathOf("000"), "--to", "odt", "-o", "/tmp/never.odt");
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));

        var saved = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("JIXIAO_CHROMIUM", "/nonexistent/chromium");
            (exit, _, error) = await Export(Seeds.PathOf("000"), "--to", "pdf", "-o", "/tmp/never.pdf");
            Assert.Equal(4, exit);
            Assert.Equal("未找到 Chromium 浏览器，无法生成 PDF。请安装：apt-get install chromium fonts-noto-cjk", error.Trim());
            Assert.False(File.Exists("/tmp/never.pdf"));
        }
        finally { Environment.SetEnvironmentVariable("JIXIAO_CHROMIUM", saved); }
    }

    [Fact]
    public async Task A_stored_project_exports_from_the_data_folder()
    {
        await using var db = await TestDatabase.Create("sqlite");
        int id;
        string name, dataFolder;
        await using (var app = await TestApp.Start(db, demo: true))
        {
            (id, name) = await app.Db(async d => await d.Projects.OrderBy(p => p.Id).Select(p => new ValueTuple<int, string>(p.Id, p.Form.Name)).FirstAsync());
            dataFolder = app.DataFolder;
        }
        var folder = ExportFiles.Folder("cli-project");
        var xlsx = Path.Combine(folder, "p.xlsx");
        var (exit, _, error) = await Export("--project", id.ToString(), "--data", dataFolder, "--to", "xlsx", "-o", xlsx);
        Assert.True(exit == 0, error);
        Assert.Equal([name], DocumentReader.Read(xlsx).Projects.Select(p => p.Name));
        (exit, _, error) = await Export("--project", "999999", "--data", dataFolder, "--to", "xlsx", "-o", xlsx);
        Assert.Equal(2, exit);
        Assert.Equal("找不到编号为 999999 的项目", error.Trim());
        Directory.Delete(folder, true);
    }
}
