using System.Diagnostics;
using Jixiao.Domain;
using Jixiao.Export;

namespace Jixiao.Bench;

// A unit's book of N projects (default 500) written as DOCX and printed to PDF by the app's one
// Chromium, against LibreOffice converting that same DOCX to PDF, all in one run. Ratios are what count.
public static class ExportBench
{
    public static async Task RunAsync(int projects)
    {
        var random = new Random(9);
        var doc = new FormDocument { FiscalYear = 2026, Unit = new UnitInfo { Name = "东城区信访局", SupervisingDepartment = "区人民政府办公室" } };
        for (var batch = 1; doc.Projects.Count < projects; batch++)
            foreach (var p in Corpus.Document(random, 40).Projects.Take(projects - doc.Projects.Count))
            {
                p.Name += $"（第{batch}批）";
                doc.Projects.Add(p);
            }
        var indicators = doc.Projects.Sum(p => p.Indicators.Count);
        Console.WriteLine($"unit book: {projects} projects, {indicators} indicators, layout national");
        var folder = Directory.CreateTempSubdirectory("jixiao-export-bench-").FullName;

        var sw = Stopwatch.StartNew();
        var book = FormComposer.Compose(doc, ExportLayouts.National, new ComposeOptions { Book = true });
        var compose = sw.Elapsed;
        var docx = Path.Combine(folder, "book.docx");
        sw.Restart();
        await using (var s = File.Create(docx)) DocxWriter.Write(book, s);
        var docxTime = sw.Elapsed;
        var xlsx = Path.Combine(folder, "book.xlsx");
        sw.Restart();
        await using (var s = File.Create(xlsx)) XlsxWriter.Write(book, s);
        var xlsxTime = sw.Elapsed;

        await using var printer = new PdfPrinter();
        sw.Restart();
        await printer.PrintAsync(FormComposer.Compose(new FormDocument { Unit = doc.Unit, Projects = [doc.Projects[0]] }, ExportLayouts.National));
        var coldStart = sw.Elapsed;   // Chromium started and one small form printed: paid once per app
        sw.Restart();
        var pdf = await printer.PrintAsync(book);
        var pdfTime = sw.Elapsed;
        await File.WriteAllBytesAsync(Path.Combine(folder, "book.pdf"), pdf);
        var pages = Pages(Path.Combine(folder, "book.pdf"));

        var profile = Path.Combine(folder, "lo-profile");
        sw.Restart();
        var lo = Process.Start(new ProcessStartInfo("libreoffice")
        {
            ArgumentList = { "--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", Path.Combine(folder, "lo"), docx },
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await lo.WaitForExitAsync();
        var loTime = sw.Elapsed;
        var loPdf = Path.Combine(folder, "lo", "book.pdf");
        var loPages = File.Exists(loPdf) ? Pages(loPdf) : 0;

        Console.WriteLine($"compose (blocks)          {compose.TotalSeconds,8:0.00} s");
        Console.WriteLine($"DOCX write                {docxTime.TotalSeconds,8:0.00} s  ({new FileInfo(docx).Length / 1024} KB)");
        Console.WriteLine($"XLSX write                {xlsxTime.TotalSeconds,8:0.00} s  ({new FileInfo(xlsx).Length / 1024} KB)");
        Console.WriteLine($"Chromium start + 1 form   {coldStart.TotalSeconds,8:0.00} s  (once per app)");
        Console.WriteLine($"PDF via Chromium          {pdfTime.TotalSeconds,8:0.00} s  ({pdf.Length / 1024} KB, {pages} pages)");
        Console.WriteLine($"LibreOffice DOCX → PDF    {loTime.TotalSeconds,8:0.00} s  (exit {lo.ExitCode}, {loPages} pages)");
        Console.WriteLine($"ratio LibreOffice / Chromium PDF (warm):        {loTime / pdfTime,6:0.0}×");
        Console.WriteLine($"ratio LibreOffice / Chromium PDF (incl. start): {loTime / (pdfTime + coldStart),6:0.0}×");
        Console.WriteLine($"ratio LibreOffice PDF / our DOCX write:         {loTime / docxTime,6:0.0}×");
        Directory.Delete(folder, true);
    }

    static int Pages(string pdf)
    {
        var info = Process.Start(new ProcessStartInfo("pdfinfo", pdf) { RedirectStandardOutput = true })!;
        var text = info.StandardOutput.ReadToEnd();
        info.WaitForExit();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:"));
        return line == null ? 0 : int.Parse(line["Pages:".Length..].Trim());
    }
}
