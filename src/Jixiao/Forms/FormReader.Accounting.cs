namespace Jixiao.Forms;

// Cell accounting, the reader's last stage: each stage marks the cells it took (a value, a label or
// column head, a heading, a cell it warned about by itself); every non-empty cell left unmarked at the end
// comes back as a warning at its own place, so nothing a form states is dropped in silence.
public sealed partial class FormReader
{
    readonly HashSet<Cell> used;   // sized in the constructor for the form's cells

    void Use(Cell cell) => used.Add(cell);

    void Use(Row row)
    {
        foreach (var cell in row.Filled) used.Add(cell);
    }

    // Marks and returns the first non-empty cell's text in the given columns (of one group only, when given).
    string? TakeFirst(Row row, int[] columns, int[]? groups = null, int group = 0)
    {
        foreach (var c in columns)
            if ((groups == null || groups[c] == group) && c < row.Cells.Count && row.Cells[c].Text is { Length: > 0 } text)
            {
                used.Add(row.Cells[c]);
                return text;
            }
        return null;
    }

    void UseColumn(Row row, int c)
    {
        if (c >= 0 && c < row.Cells.Count && row.Cells[c].Text != "") used.Add(row.Cells[c]);
    }

    void Account()
    {
        foreach (var row in rows)
            foreach (var cell in row.Filled)
                if (!used.Contains(cell)) Warn(cell.Where, $"未读入的文字：{Shorten(cell.Text)}");
    }

    static string Shorten(string text)
    {
        var t = text.Trim().ReplaceLineEndings(" ");
        return t.Length <= 40 ? t : t[..40] + "…";
    }

    // The reader's document; the places of the cells taken are worked out only for the tests that ask (below).
    static (Domain.FormDocument Document, FormReader Reader) ReadWithReader(CellGrid grid)
    {
        var traditional = Traditional.IsTraditional(grid);
        var reader = new FormReader(traditional ? Traditional.Simplify(grid) : grid);
        var document = reader.Run();
        if (traditional)
            document.Warnings.Insert(0, new Domain.ImportWarning { Where = grid.Rows[0].Where, Message = "表格为繁体字，已转为简体读取，请核对" });
        return (document, reader);
    }

    // The places of the cells taken (a cell joined from two, "第3行、第4行", names both), for tests that
    // check the accounting against the file's own grid.
    internal static (Domain.FormDocument Document, IReadOnlySet<string> Used) ReadAccounted(CellGrid grid)
    {
        var (document, reader) = ReadWithReader(grid);
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in reader.used)
            foreach (var place in cell.Where.Split('、')) places.Add(place);
        return (document, places);
    }
}
