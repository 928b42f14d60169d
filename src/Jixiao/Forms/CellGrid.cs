namespace Jixiao.Forms;

// Every file kind becomes this: rows of cells, each knowing where it came from
// ("line 12", "表格2 第3行 第1列", "Sheet1!B4"), so the layout reader works on one shape
// and every warning can name its place. Checkboxes arrive as ☑ / ☐ in the text.
// Merged cells keep their shape: the cell holding the text knows how many columns and rows it spans,
// and each cell a merge covers (left empty, so columns stay aligned) names that cell in MergedInto.
public sealed record Cell(string Text, string Where)
{
    public int Columns { get; init; } = 1;
    public int Rows { get; init; } = 1;
    public string? MergedInto { get; init; }
}

public sealed record GridRow(string Where, IReadOnlyList<Cell> Cells);

public sealed class CellGrid
{
    public required string File { get; init; }
    public List<GridRow> Rows { get; } = [];
}
