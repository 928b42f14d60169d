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
        if (Environment.GetEnvironmentVariable("JIXIAO_BENCH_HTML") is { Length: > 0 } htmlOut)
        {
            await File.WriteAllTextAsync(htmlOut, HtmlWriter.Write(FormComposer.Compose(doc, ExportLayouts.National, new ComposeOptions { Book = true }), "print.css"));
            return;
        }
        var folder = Directory.CreateTempSubdirectory("jixiao-export-bench-").FullName;

        var sw = Stopwatch.StartNew();
        var book = FormComposer.Compose(doc, ExportLayouts.National, new ComposeOptions { Book = true });
        var compose = sw.Elapsed;
        var docx = Path.Combine(folder, "book.docx");
        var streamedDocx = Measure(() => { using var s = File.Create(docx); DocxWriter.Write(book, s); });
        var docxTime = streamedDocx.Time;
        var xlsx = Path.Combine(folder, "book.xlsx");
        sw.Restart();
        await using (var s = File.Create(xlsx)) XlsxWriter.Write(book, s);
        var xlsxTime = sw.Elapsed;

        // The app's default: one piece, untagged, page numbers as CSS page-margin boxes.
        await using var printer = new PdfPrinter();
        sw.Restart();
        await printer.PrintAsync(FormComposer.Compose(new FormDocument { Unit = doc.Unit, Projects = [doc.Projects[0]] }, ExportLayouts.National));
        var coldStart = sw.Elapsed;   // Chromium started and one small form printed: paid once per app
        sw.Restart();
        var pdf = await printer.PrintAsync(book);
        var pdfTime = sw.Elapsed;
        await File.WriteAllBytesAsync(Path.Combine(folder, "book.pdf"), pdf);
        var pages = Pages(Path.Combine(folder, "book.pdf"));
        if (Environment.GetEnvironmentVariable("JIXIAO_BENCH_KEEP") is { Length: > 0 } keep) File.Copy(Path.Combine(folder, "book.pdf"), keep, true);
        // JIXIAO_BENCH_TAGGED=1 also prints the book tagged (Chromium's accessibility tree), as books printed before.
        TimeSpan? tagged = null;
        if (Environment.GetEnvironmentVariable("JIXIAO_BENCH_TAGGED") == "1")
        {
            await using var one = new PdfPrinter { TagBelow = int.MaxValue };
            await one.PrintAsync(FormComposer.Compose(new FormDocument { Unit = doc.Unit, Projects = [doc.Projects[0]] }, ExportLayouts.National));
            sw.Restart();
            var taggedPdf = await one.PrintAsync(book);
            tagged = sw.Elapsed;
            Console.WriteLine($"(tagged book: {taggedPdf.Length / 1024} KB)");
        }

        // JIXIAO_BENCH_NO_LO=1 skips LibreOffice (for the writers' figures alone; no ratio then).
        var skipLo = Environment.GetEnvironmentVariable("JIXIAO_BENCH_NO_LO") == "1";
        var profile = Path.Combine(folder, "lo-profile");
        sw.Restart();
        var lo = Process.Start(new ProcessStartInfo(skipLo ? "true" : "libreoffice")
        {
            ArgumentList = { "--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", Path.Combine(folder, "lo"), docx },
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await lo.WaitForExitAsync();
        var loTime = sw.Elapsed;
        var loPdf = Path.Combine(folder, "lo", "book.pdf");
        var loPages = File.Exists(loPdf) ? Pages(loPdf) : 0;

        Console.WriteLine($"compose (blocks)          {compose.TotalSeconds,8:0.00} s");
        Console.WriteLine($"DOCX write, streamed      {docxTime.TotalSeconds,8:0.00} s  ({new FileInfo(docx).Length / 1024} KB; peak heap +{streamedDocx.Peak / 1048576} MB, allocated {streamedDocx.Allocated / 1048576} MB)");
        Console.WriteLine($"XLSX write                {xlsxTime.TotalSeconds,8:0.00} s  ({new FileInfo(xlsx).Length / 1024} KB)");
        Console.WriteLine($"Chromium start + 1 form   {coldStart.TotalSeconds,8:0.00} s  (once per app)");
        Console.WriteLine($"PDF via Chromium          {pdfTime.TotalSeconds,8:0.00} s  ({pdf.Length / 1024} KB, {pages} pages)");
        if (tagged is { } t) Console.WriteLine($"PDF tagged (as before)    {t.TotalSeconds,8:0.00} s");
        Console.WriteLine($"LibreOffice DOCX → PDF    {loTime.TotalSeconds,8:0.00} s  (exit {lo.ExitCode}, {loPages} pages)");
        Console.WriteLine($"ratio LibreOffice / Chromium PDF (warm):        {loTime / pdfTime,6:0.0}×");
        Console.WriteLine($"ratio LibreOffice / Chromium PDF (incl. start): {loTime / (pdfTime + coldStart),6:0.0}×");
        Console.WriteLine($"ratio LibreOffice PDF / our DOCX write:         {loTime / docxTime,6:0.0}×");
        Directory.Delete(folder, true);
    }

    // Time, the managed heap's peak above what was live before (sampled every few ms) and all bytes allocated.
    static (TimeSpan Time, long Peak, long Allocated) Measure(Action write)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        var allocated = GC.GetTotalAllocatedBytes(true);
        long peak = baseline;
        var running = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref running)) { Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false))); Thread.Sleep(2); }
        });
        sampler.Start();
        var sw = Stopwatch.StartNew();
        write();
        var time = sw.Elapsed;
        Volatile.Write(ref running, false);
        sampler.Join();
        return (time, Math.Max(0, peak - baseline), GC.GetTotalAllocatedBytes(true) - allocated);
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
