namespace Jixiao.Forms;

// Every file kind becomes this: rows of cells, each knowing where it came from
// ("line 12", "表格2 第3行 第1列", "Sheet1!B4"), so the layout reader works on one shape
// and every warning can name its place. Checkboxes arrive as ☑ / ☐ in the text.
public sealed record Cell(string Text, string Where);

public sealed record GridRow(string Where, IReadOnlyList<Cell> Cells);

public sealed class CellGrid
{
    public required string File { get; init; }
    public List<GridRow> Rows { get; } = [];
}
