using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// Forms written after the public templates of other provinces (Corpus/*.txt), each read as it is and,
// where it is a table, also as a Word table, an Excel sheet and a web page built from the same cells.
// Forms written as a web page to be printed (Corpus/*.pdf.html) are printed to a real PDF by headless
// Chromium with the CJK fonts test.sh installs, and read as that PDF only, through pdftotext.
// Every form has a digest checked by hand (Corpus/Expected/<form>.json): what the form states, in a
// shape short enough to read against the form. A differing digest is written to
// artifacts/corpus/<form>.<kind>.json to compare.
public class CorpusTests
{
    static string Folder => Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Corpus");

    // Text-only shapes: a web page's one cell per line with "|" marks (web-*), and a PDF's text with
    // space-separated cells (pdf-*).
    static bool TextOnly(string name) => name.StartsWith("web-", StringComparison.Ordinal) || name.StartsWith("pdf-", StringComparison.Ordinal);
    static readonly string[] Kinds = [".txt", ".docx", ".xlsx", ".html"];

    const string Printed = ".pdf.html";

    static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.txt").Select(p => Path.GetFileNameWithoutExtension(p)!)
            .Concat(Directory.GetFiles(Folder, "*" + Printed).Select(p => Path.GetFileName(p)[..^Printed.Length]))
            .Order(StringComparer.Ordinal);

    static bool IsPrinted(string name) => File.Exists(Path.Combine(Folder, name + Printed));

    public static TheoryData<string, string> Forms()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Names())
            foreach (var kind in IsPrinted(name) ? [".pdf"] : TextOnly(name) ? [".txt"] : Kinds) data.Add(name, kind);
        return data;
    }

    // Each printed form is printed once per run (Chromium takes seconds to start) and copied where asked.
    static readonly ConcurrentDictionary<string, Lazy<byte[]>> PrintedPdfs = new();

    static byte[] Print(string name) => PrintedPdfs.GetOrAdd(name, n => new Lazy<byte[]>(() =>
    {
        using var folder = new TempFolder();
        var output = folder.PathOf(n + ".pdf");
        var start = new ProcessStartInfo("/usr/bin/chromium")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                     $"--user-data-dir={folder.PathOf("profile")}", $"--print-to-pdf={output}",
                     new Uri(Path.Combine(Folder, n + Printed)).AbsoluteUri])
            start.ArgumentList.Add(argument);
        using var chromium = Process.Start(start)!;
        var errors = chromium.StandardError.ReadToEndAsync();
        chromium.StandardOutput.ReadToEnd();
        if (!chromium.WaitForExit(TimeSpan.FromMinutes(2))) { chromium.Kill(entireProcessTree: true); throw new TimeoutException($"chromium printing {n}"); }
        Assert.True(File.Exists(output), $"chromium did not print {n}: {errors.Result}");
        var pdf = File.ReadAllBytes(output);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        return pdf;
    })).Value;

    // forms.json names each form's layout (the template's shape) and the public template it follows.
    [Fact]
    public void The_corpus_has_forty_forms_in_twelve_layouts()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "forms.json")))!.AsObject();
        var listed = manifest.Where(kv => !kv.Key.StartsWith('$')).ToDictionary(kv => kv.Key, kv => kv.Value!["layout"]!.GetValue<string>());
        Assert.Equal(Names(), listed.Keys.Order(StringComparer.Ordinal));
        Assert.True(listed.Count >= 40, $"{listed.Count} forms");
        Assert.True(listed.Values.Distinct().Count() >= 12, $"{listed.Values.Distinct().Count()} layouts");
        Assert.Equal(Names(), Directory.GetFiles(Path.Combine(Folder, "Expected"), "*.json").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Form_reads_into_its_digest(string name, string kind)
    {
        using var folder = new TempFolder();
        var document = DocumentReader.Read(Write(folder, name, kind));
        var actual = JsonNode.Parse(Digest(document).ToJsonString())!;   // numbers as parsed JSON, as the expected file
        var expectedPath = Path.Combine(Folder, "Expected", name + ".json");
        var expected = File.Exists(expectedPath) ? JsonNode.Parse(File.ReadAllText(expectedPath)) : new JsonObject();
        var differences = JsonDiff.Compare(expected, actual);
        if (differences.Count > 0)
        {
            var output = Path.Combine(Seeds.RepoRoot, "artifacts", "corpus");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, $"{name}{kind}.json"), actual.ToJsonString(Pretty));
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    // Every non-empty cell of every corpus form is taken by a stage of the reader (its accounting) or
    // named by a warning at its place; and what was taken is in the document (as a value, a section or
    // a label the reader knows), checked on the text independently of the reader.
    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_cell_is_used_or_warned_about(string name, string kind)
    {
        using var folder = new TempFolder();
        var path = Write(folder, name, kind);
        var grid = GridReader.Read(path);
        var (document, used) = FormReader.ReadAccounted(grid);
        var warned = document.Warnings.Select(w => w.Where).ToHashSet();
        var unaccounted = grid.Rows.SelectMany(r => r.Cells)
            .Where(c => c.Text.Trim() != "" && !used.Contains(c.Where) && !warned.Contains(c.Where))
            .Select(c => $"{c.Where}: {c.Text}").ToList();
        Assert.True(unaccounted.Count == 0, string.Join("\n", unaccounted));
        Assert.DoesNotContain(document.Warnings, w => w.Message.StartsWith("未读入的文字"));

        if (Traditional.IsTraditional(grid)) grid = Traditional.Simplify(grid);
        var json = JsonSerializer.Serialize(document, Interchange.Json);
        var missing = SourceCoverage.MissingCells(grid, json);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The form's cells as the kind would carry them: lines with tabs become table rows (padded to one
    // width, as a drawn table is), other lines paragraphs above or below the table.
    static string Write(TempFolder folder, string name, string kind)
    {
        var path = folder.PathOf(name + kind);
        if (kind == ".pdf")
        {
            File.WriteAllBytes(path, Print(name));
            return path;
        }
        var source = Path.Combine(Folder, name + ".txt");
        var lines = File.ReadAllLines(source);
        var width = lines.Max(l => l.Split('\t').Length);
        string[] Cells(string line) => [.. line.Split('\t'), .. Enumerable.Repeat("", width - line.Split('\t').Length)];
        switch (kind)
        {
            case ".txt":
                File.Copy(source, path);
                break;
            case ".docx":
                var blocks = new List<DocumentFormat.OpenXml.OpenXmlElement>();
                var rows = new List<DocumentFormat.OpenXml.Wordprocessing.TableRow>();
                void Flush()
                {
                    if (rows.Count > 0) blocks.Add(Docx.Table([.. rows]));
                    rows.Clear();
                }
                foreach (var line in lines)
                {
                    if (!line.Contains('\t')) { Flush(); blocks.Add(Docx.P(line)); continue; }
                    rows.Add(Docx.Row([.. Cells(line).Select(c => Docx.Cell(c))]));
                }
                Flush();
                Docx.Write(path, [.. blocks]);
                break;
            case ".xlsx":
                Xlsx.Write(path, new Xlsx.Sheet("Sheet1", [.. lines.Select(l => l.Split('\t').Select(c => c == "" ? null : (object)c).ToArray())]));
                break;
            case ".html":
                var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
                var inTable = false;
                foreach (var line in lines)
                {
                    if (!line.Contains('\t'))
                    {
                        if (inTable) html.Append("</table>");
                        inTable = false;
                        html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
                        continue;
                    }
                    if (!inTable) html.Append("<table border=\"1\">");
                    inTable = true;
                    html.Append("<tr>");
                    foreach (var c in Cells(line)) html.Append("<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
                    html.Append("</tr>");
                }
                if (inTable) html.Append("</table>");
                File.WriteAllText(path, html.Append("</body></html>").ToString());
                break;
        }
        return path;
    }

    // What a form states, short enough to check by hand against the form. Warnings without their place,
    // since the place is written differently per file kind (line, table cell, sheet cell).
    public static JsonObject Digest(FormDocument d)
    {
        var unit = new JsonObject();
        if (d.Unit.Name != null) unit["name"] = d.Unit.Name;
        if (d.Unit.Code != null) unit["code"] = d.Unit.Code;
        if (d.Unit.SupervisingDepartment != null) unit["supervisingDepartment"] = d.Unit.SupervisingDepartment;
        if (d.Unit.SupervisingDepartmentCode != null) unit["supervisingDepartmentCode"] = d.Unit.SupervisingDepartmentCode;
        var o = new JsonObject { ["fiscalYear"] = d.FiscalYear, ["unit"] = unit };
        if (d.Source.Profile != null) o["profile"] = d.Source.Profile;
        var projects = new JsonArray();
        foreach (var p in d.Projects)
        {
            var q = JsonSerializer.SerializeToNode(p, Interchange.Json)!.AsObject();
            var digest = new JsonObject();
            foreach (var key in (string[])["name", "code", "category", "attribute", "nature", "class", "term", "implementingUnit",
                         "startDate", "endDate", "longTermGoalYears", "longTermGoal", "annualGoal"])
                if (q[key] is { } v) digest[key] = v.DeepClone();
            var funding = new JsonObject();
            foreach (var (k, v) in q["funding"]!.AsObject())
                if (v != null) funding[k] = v.DeepClone();
            digest["funding"] = funding;
            digest["indicators"] = new JsonArray([.. p.Indicators.Select(i => (JsonNode)JsonValue.Create(
                string.Join(" / ", new[] { i.Level1, i.Level2, i.Name }.Where(x => x != null)) + " = " +
                string.Join(" | ", new object?[] { i.AnnualTarget?.Raw, i.PeriodTarget?.Raw, i.Actual?.Raw, i.Score }.Where(x => x != null))))]);
            if (p.BudgetLines.Count > 0)
                digest["budgetLines"] = new JsonArray([.. p.BudgetLines.Select(b => (JsonNode)JsonValue.Create($"{b.Name}: {b.Amount}"))]);
            if (p.SpendingPlan.Count > 0)
                digest["spendingPlan"] = new JsonArray([.. p.SpendingPlan.Select(m => (JsonNode)JsonValue.Create($"{m.By}: {m.CumulativePercent}"))]);
            if (p.Sections.Count > 0) digest["sections"] = new JsonArray([.. p.Sections.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)JsonValue.Create(k))]);
            if (p.SelfEvaluation is { } e)
                digest["selfEvaluation"] = new JsonObject
                {
                    ["annualGoalActual"] = e.AnnualGoalActual, ["totalPoints"] = e.TotalPoints, ["totalScore"] = e.TotalScore,
                    ["execution"] = new JsonArray([.. e.Execution.Select(x => (JsonNode)JsonValue.Create($"{x.Name}: {x.AnnualBudget} / {x.Executed} / {x.Score}"))]),
                };
            projects.Add(digest);
        }
        o["projects"] = projects;
        if (d.DepartmentGoals.Count > 0) o["departmentGoals"] = new JsonArray([.. d.DepartmentGoals.Select(g => (JsonNode?)JsonValue.Create(g.Title))]);
        o["sections"] = new JsonArray([.. d.Sections.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)JsonValue.Create(k))]);
        o["warnings"] = new JsonArray([.. d.Warnings.Select(w => (JsonNode)JsonValue.Create(w.Message))]);
        return o;
    }
}
