using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Forms;
using static Jixiao.Bench.Timing;

namespace Jixiao.Bench;

// Forms per second of DocumentReader.Read over a generated corpus of .txt and .docx forms, against
// merely opening the same files (all bytes read; for .docx the package opened and its parts
// enumerated), alternating rounds so drift hits both alike.
public static class ImportBench
{
    sealed record Expected(string Path, string Project, int Indicators);

    public static void Run(int count)
    {
        var folder = Directory.CreateTempSubdirectory("jixiao-import-").FullName;
        try
        {
            var kinds = new Dictionary<string, List<Expected>> { [".txt"] = Generate(folder, ".txt", count), [".docx"] = Generate(folder, ".docx", count) };
            var peakAfterCorpus = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"import: {count} .txt and {count} .docx forms, one project each, 5–20 indicators; 3 rounds, alternating");
            Console.WriteLine($"  corpus: {Megabytes(kinds.Values.SelectMany(k => k).Sum(e => new FileInfo(e.Path).Length)):F1} MB in {folder}");

            var failures = new List<string>();
            foreach (var f in kinds.Values.SelectMany(k => k)) Check(f, failures);
            var all = kinds.Values.SelectMany(k => k).ToList();
            Warm(3, () => all.ForEach(f => Open(f.Path)), () => all.ForEach(f => Check(f, null)));
            kinds[".docx"].ForEach(f => AllText(f.Path));

            var rounds = kinds.Keys.ToDictionary(k => k, _ => new List<(double Open, double Read)>());
            // The reference closer to the limit (issue 12): open each .docx and read all its text with OpenXml.
            var textRounds = new List<(double Text, double Read)>();
            double openBytes = 0, readBytes = 0, docxTextBytes = 0, docxReadBytes = 0;
            for (var round = 1; round <= 3; round++)
            {
                foreach (var (kind, files) in kinds)
                {
                    var open = PerPass(() => files.ForEach(f => Open(f.Path)));
                    var read = PerPass(() => files.ForEach(f => Check(f, null)));
                    rounds[kind].Add((open.Seconds, read.Seconds));
                    openBytes += open.Allocated;
                    readBytes += read.Allocated;
                    Console.WriteLine($"  round {round} {kind,-5}: read {count / read.Seconds,6:F0} forms/s, open {count / open.Seconds,7:F0} files/s, ratio {read.Seconds / open.Seconds,6:F1}");
                    if (kind != ".docx") continue;
                    var text = PerPass(() => files.ForEach(f => AllText(f.Path)));
                    textRounds.Add((text.Seconds, read.Seconds));
                    docxTextBytes += text.Allocated;
                    docxReadBytes += read.Allocated;
                    Console.WriteLine($"  round {round} .docx : all text with OpenXml {count / text.Seconds,6:F0} files/s, ratio read/text {read.Seconds / text.Seconds,5:F1}");
                }
            }

            Console.WriteLine("median of 3 rounds (ratio = time to read / time to merely open the same files):");
            foreach (var (kind, r) in rounds) Summary(kind, count, r);
            Summary("all", 2 * count, Enumerable.Range(0, 3).Select(i => (rounds.Values.Sum(r => r[i].Open), rounds.Values.Sum(r => r[i].Read))).ToList());
            Console.WriteLine($"  .docx against reading all its text with OpenXml: {count / Median(textRounds.Select(r => r.Text)),6:F0} files/s, " +
                              $"ratio read/text {Median(textRounds.Select(r => r.Read / r.Text)):F1}; allocated per form " +
                              $"{docxReadBytes / (3.0 * count) / 1024:F0} KB reading, {docxTextBytes / (3.0 * count) / 1024:F0} KB all text");
            // The reader alone, on grids already read: what FormReader itself allocates per form.
            foreach (var (kind, files) in kinds)
            {
                var grids = files.Select(f => GridReader.Read(f.Path)).ToList();
                var grid = PerPass(() => files.ForEach(f => GridReader.Read(f.Path)));
                var reader = PerPass(() => grids.ForEach(g => FormReader.Read(g)));
                Console.WriteLine($"  {kind,-5}: allocated per form {grid.Allocated / count / 1024:F0} KB making the grid, " +
                                  $"{reader.Allocated / count / 1024:F0} KB reading the grid (FormReader alone, {count / reader.Seconds:F0} forms/s)");
            }
            Stages(kinds);
            var forms = 3.0 * 2 * count;
            Console.WriteLine($"memory: peak working set of the bench process (Process.PeakWorkingSet64) {Megabytes(peakAfterCorpus):F0} MB after writing the corpus, " +
                              $"{Megabytes(Process.GetCurrentProcess().PeakWorkingSet64):F0} MB at the end; allocated per form (GC.GetTotalAllocatedBytes) " +
                              $"{readBytes / forms / 1024:F0} KB reading, {openBytes / forms / 1024:F0} KB opening");
            Console.WriteLine(failures.Count == 0
                ? "every form gave its one project with all its indicators"
                : $"{failures.Count} forms not read as written (the first 20):\n  " + string.Join("\n  ", failures.Take(20)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Where a form's bytes go, stage by stage, on forms already on disk: the file's bytes, the package
    // check (.docx), the grid, the labels chosen for the form, the reader up to its block pass, and the
    // rest of the reader (the blocks read, the cells accounted for). Allocated per form.
    static void Stages(Dictionary<string, List<Expected>> kinds)
    {
        foreach (var (kind, files) in kinds)
        {
            var bytes = files.Select(f => File.ReadAllBytes(f.Path)).ToList();
            var name = "form" + kind;
            // As GridReader does: a Word package is opened once, checked, and read from the same archive.
            void Check(byte[] b) { using var zip = OfficePackage.Open(b, name); OfficePackage.Inspect(zip, name); }
            CellGrid Grid(byte[] b)
            {
                if (kind != ".docx") return TextGrid.Read(b, name);
                using var zip = OfficePackage.Open(b, name);
                OfficePackage.Inspect(zip, name);
                return DocxGrid.Read(zip, name);
            }
            var grids = bytes.Select(Grid).ToList();
            double Per((double Seconds, double Allocated) pass) => pass.Allocated / files.Count / 1024;
            var read = Per(PerPass(() => files.ForEach(f => File.ReadAllBytes(f.Path))));
            var check = kind == ".docx" ? Per(PerPass(() => bytes.ForEach(Check))) : 0;
            var grid = Per(PerPass(() => bytes.ForEach(b => Grid(b)))) - check;
            var labels = Per(PerPass(() => grids.ForEach(g => LabelSet.For(g))));
            var blocks = Per(PerPass(() => grids.ForEach(g => FormReader.BlocksOf(g))));
            var reader = Per(PerPass(() => grids.ForEach(g => FormReader.Read(g))));
            Console.WriteLine($"  {kind,-5}: allocated per form by stage: file {read:F0} KB, package check {check:F0} KB, grid {grid:F0} KB, " +
                              $"labels chosen {labels:F0} KB, rows and block pass {blocks - labels:F0} KB, blocks read and accounted {reader - blocks:F0} KB " +
                              $"(reader {reader:F0} KB, all {read + check + grid + reader:F0} KB)");
        }
    }

    static List<Expected> Generate(string folder, string kind, int count)
    {
        var random = new Random(kind == ".txt" ? 1 : 2);
        var files = new List<Expected>();
        for (var n = 0; n < count; n++)
        {
            var doc = Corpus.Document(random, 1);
            var form = Corpus.Layout(doc, n);
            var path = Path.Combine(folder, $"form-{n:D5}{kind}");
            if (kind == ".txt") File.WriteAllText(path, Corpus.Text(form), new UTF8Encoding(false));
            else Corpus.WriteDocx(form, path);
            files.Add(new Expected(path, doc.Projects[0].Name, doc.Projects[0].Indicators.Count));
        }
        return files;
    }

    static void Open(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!path.EndsWith(".docx")) return;
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        if (!word.GetAllParts().Any()) throw new InvalidDataException(path);
    }

    // Every run of text in the main part, in document order: the least any reader of a .docx must do.
    static int AllText(string path)
    {
        using var word = WordprocessingDocument.Open(path, false);
        var body = word.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException(path);
        var text = new StringBuilder();
        foreach (var t in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>()) text.Append(t.Text);
        return text.Length;
    }

    // A form must give back its one project with all its indicators; anything else is a failure.
    static void Check(Expected expected, List<string>? failures)
    {
        string? problem;
        try
        {
            var doc = DocumentReader.Read(expected.Path);
            var project = doc.Projects.FirstOrDefault();
            problem = project == null ? "no project"
                : project.Indicators.Count == 0 ? "no indicators"
                : doc.Projects.Count != 1 || project.Name != expected.Project || project.Indicators.Count != expected.Indicators
                    ? $"{doc.Projects.Count} projects, first “{project.Name}” with {project.Indicators.Count} indicators; " +
                      $"expected “{expected.Project}” with {expected.Indicators}"
                : null;
        }
        catch (FormReadException e) { problem = e.Message; }
        if (problem != null) failures?.Add($"{Path.GetFileName(expected.Path)}: {problem}");
    }

    static void Summary(string what, int forms, List<(double Open, double Read)> rounds) =>
        Console.WriteLine($"  {what,-5}: {forms / Median(rounds.Select(r => r.Read)),6:F0} forms/s, " +
                          $"open {forms / Median(rounds.Select(r => r.Open)),7:F0} files/s, ratio {Median(rounds.Select(r => r.Read / r.Open)):F1}");

    static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
