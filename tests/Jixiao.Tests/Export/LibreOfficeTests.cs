using Jixiao.Export;

namespace Jixiao.Tests.Export;

// Every exported file opens in LibreOffice: one headless run converts each to PDF, and every PDF is there.
public class LibreOfficeTests
{
    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public void Every_seed_in_every_layout_converts_cleanly_in_LibreOffice(string format)
    {
        var folder = ExportFiles.Folder("libreoffice-" + format);
        var files = new List<string>();
        foreach (var seed in ExportFiles.SeedNames)
        {
            var doc = ExportFiles.Seed(seed);
            foreach (var layout in ExportLayouts.All)
                files.Add(ExportFiles.Write(doc, layout, format, folder, $"{seed}-{layout.Name}"));
        }
        var outDir = Path.Combine(folder, "pdf");
        var (code, output) = ExportFiles.LibreOfficeToPdf(outDir, files);
        Assert.True(code == 0, output);
        Assert.DoesNotContain("Error", output);
        foreach (var file in files)
        {
            var pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".pdf");
            Assert.True(File.Exists(pdf) && new FileInfo(pdf).Length > 1000, $"{Path.GetFileName(file)} did not convert: {output}");
        }
        Directory.Delete(folder, true);
    }
}
