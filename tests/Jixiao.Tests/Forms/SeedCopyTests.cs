using DocumentFormat.OpenXml;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

// The seed forms are text renderings of Word and PDF tables. Written back into a .docx (tables
// where lines hold tabs, paragraphs elsewhere) and into an .xlsx (one row per line), each must read
// back with the same non-empty cell texts in the same order: Word and Excel copies of the seed forms
// reach the layout reader intact.
public class SeedCopyTests
{
    public static TheoryData<string> SeedNumbers => ["000", "001", "002", "003", "004"];

    static string[][] SeedLines(string number) =>
        File.ReadAllLines(Seeds.PathOf(number))
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split('\t'))
            .ToArray();

    static IEnumerable<string> Expected(string[][] lines) =>
        lines.SelectMany(cells => cells).Select(c => Checkboxes.Normalize(c.Trim())).Where(c => c.Length > 0);

    static IEnumerable<string> Read(CellGrid grid) =>
        grid.Rows.SelectMany(r => r.Cells).Select(c => c.Text).Where(t => t.Length > 0);

    [Theory]
    [MemberData(nameof(SeedNumbers))]
    public void Seed_as_docx_reads_back_whole(string number)
    {
        using var dir = new TempFolder();
        var lines = SeedLines(number);
        var path = dir.PathOf(number + ".docx");
        Docx.Write(path, AsWordBlocks(lines));

        var grid = GridReader.Read(path);

        Assert.Equal(Expected(lines), Read(grid));
        Assert.Contains(grid.Rows, r => r.Where.StartsWith("表格1 ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SeedNumbers))]
    public void Seed_as_xlsx_reads_back_whole(string number)
    {
        using var dir = new TempFolder();
        var lines = SeedLines(number);
        var path = dir.PathOf(number + ".xlsx");
        Xlsx.Write(path, new Xlsx.Sheet("Sheet1", lines.Select(cells => cells.Select(c => (object?)c).ToArray()).ToArray()));

        var grid = GridReader.Read(path);

        Assert.Equal(Expected(lines), Read(grid));
        Assert.Equal(lines.Length, grid.Rows.Count);
    }

    // Beyond the grid: the Word and Excel copies give the same projects as the text file itself.
    // (003 is left out: its text rendering puts one cell per line with blank lines between rows,
    // which no Word or Excel copy of it would look like.)
    [Theory]
    [InlineData("000"), InlineData("001"), InlineData("002"), InlineData("004")]
    public void Seed_as_docx_and_xlsx_gives_the_same_projects(string number)
    {
        using var dir = new TempFolder();
        // What Word or Excel would hold: checkboxes as glyphs, paragraphs as line breaks, no text-art borders.
        var lines = SeedLines(number)
            .Where(cells => !cells.All(c => c.Trim().Trim('-').Length == 0))
            .Select(cells => cells.Select(AsOfficeText).ToArray()).ToArray();
        var docx = dir.PathOf(number + ".docx");
        Docx.Write(docx, AsWordBlocks(lines));
        var xlsx = dir.PathOf(number + ".xlsx");
        Xlsx.Write(xlsx, new Xlsx.Sheet("Sheet1", lines.Select(cells => cells.Select(c => (object?)c).ToArray()).ToArray()));

        var expected = ProjectsJson(DocumentReader.Read(Seeds.PathOf(number)));
        Assert.Equal(expected, ProjectsJson(DocumentReader.Read(docx)));
        Assert.Equal(expected, ProjectsJson(DocumentReader.Read(xlsx)));
    }

    static string AsOfficeText(string cell) =>
        System.Text.RegularExpressions.Regex.Replace(cell
                .Replace("<input checked=\"\" type=\"checkbox\"/>", "☑").Replace("<input type=\"checkbox\"/>", "☐")
                .Replace("</p> <p>", "\n"),
            "</?p>", "");

    static string ProjectsJson(Jixiao.Domain.FormDocument doc) =>
        System.Text.Json.JsonSerializer.Serialize(doc.Projects, Interchange.Json);

    // Runs of lines with tabs become one table each, padded to its widest line as Word would.
    static OpenXmlElement[] AsWordBlocks(string[][] lines)
    {
        var blocks = new List<OpenXmlElement>();
        for (var i = 0; i < lines.Length;)
        {
            if (lines[i].Length == 1) { blocks.Add(Docx.P(lines[i++][0])); continue; }
            var run = lines.Skip(i).TakeWhile(l => l.Length > 1).ToArray();
            var width = run.Max(l => l.Length);
            blocks.Add(Docx.Table(run.Select(l =>
                Docx.Row(Enumerable.Range(0, width).Select(c => Docx.Cell(c < l.Length ? l[c] : "")).ToArray())).ToArray()));
            i += run.Length;
        }
        return [.. blocks];
    }
}
