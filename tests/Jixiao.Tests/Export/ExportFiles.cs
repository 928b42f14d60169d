using System.Diagnostics;
using Jixiao.Domain;
using Jixiao.Export;
using Jixiao.Forms;

namespace Jixiao.Tests.Export;

// Exports a seed in a layout and format into a temporary folder, and runs the external tools the tests
// check the files with (LibreOffice, pdftotext, pdftoppm).
public static class ExportFiles
{
    public static readonly string[] SeedNames = ["000", "001", "002", "003", "004"];

    public static FormDocument Seed(string seed) => DocumentReader.Read(Seeds.PathOf(seed));

    public static string Folder(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "jixiao-export-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string Write(FormDocument doc, ExportLayout layout, string format, string folder, string name, bool isPublic = false)
    {
        var book = FormComposer.Compose(doc, layout, new ComposeOptions { Public = isPublic, Date = new DateOnly(2026, 11, 29) });
        var path = Path.Combine(folder, $"{name}.{format}");
        using var stream = File.Create(path);
        if (format == "docx") DocxWriter.Write(book, stream);
        else XlsxWriter.Write(book, stream);
        return path;
    }

    // What the round trip must keep: every project with its total and its indicators (levels, name, raw targets).
    public static List<string> Essentials(FormDocument doc) =>
        doc.Projects.SelectMany(p => new[] { $"项目 {p.Name} 总额 {p.Funding.Total:0.##}" }
            .Concat(p.Indicators.Select(i => $"  {i.Level1}|{i.Level2}|{i.Name}|{Raw(i.PeriodTarget)}|{Raw(i.AnnualTarget)}"))).ToList();

    static string Raw(TargetValue? t) => string.IsNullOrEmpty(t?.Raw) ? "" : t.Raw;

    public static (int Code, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} took longer than {timeout}");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    // Converts files to PDF with one headless LibreOffice run and its own profile folder.
    public static (int Code, string Output) LibreOfficeToPdf(string outDir, IEnumerable<string> files)
    {
        var profile = Path.Combine(Path.GetTempPath(), "jixiao-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            return Run("libreoffice",
                ["--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outDir, .. files],
                TimeSpan.FromMinutes(10));
        }
        finally { if (Directory.Exists(profile)) Directory.Delete(profile, true); }
    }
}
