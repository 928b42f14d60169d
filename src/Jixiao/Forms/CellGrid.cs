namespace Jixiao.Forms;

// Every file kind becomes this: rows of cells, each knowing where it came from
// ("line 12", "表格2 第3行 第1列", "Sheet1!B4"), so the layout reader works on one shape
// and every warning can name its place. Checkboxes arrive as ☑ / ☐ in the text.
// Merged cells keep their shape: the cell holding the text knows how many columns and rows it spans,
// and each cell a merge covers (left empty, so columns stay aligned) names that cell in MergedInto.
public sealed record Cell
{
    string? where;
    // A cell a grid reader made from its row's place: its own place is written out only when asked (a warning
    // or a stage names it; most cells are never asked), which saved a string per cell of every form read.
    readonly string? row;
    readonly int column;
    readonly CellPlace style;

    public Cell(string text, string where)
    {
        Text = text;
        this.where = where;
    }

    // The cell in the given column (from 0) of the row at rowWhere, its place written in the row's style.
    internal Cell(string text, string rowWhere, int column, CellPlace style)
    {
        Text = text;
        row = rowWhere;
        this.column = column;
        this.style = style;
    }

    public string Text { get; init; }
    public string Where => where ??= style switch
    {
        CellPlace.Line => $"{row}第{column + 1}格",
        _ => $"{row} 第{column + 1}列",
    };
    public int Columns { get; init; } = 1;
    public int Rows { get => rows; init => rows = value; }
    int rows = 1;
    public string? MergedInto { get; init; }

    // A vertical merge reaches one row further down: counted on the cell while its grid is being read
    // (a copy of the cell per row of the merge was allocation for nothing).
    internal void AddRow() => rows++;

    // Equal by what a cell says and where it is, whether its place was written out yet or not.
    public bool Equals(Cell? other) =>
        ReferenceEquals(this, other) || (other is not null && Text == other.Text && Where == other.Where
            && Columns == other.Columns && Rows == other.Rows && MergedInto == other.MergedInto);

    public override int GetHashCode() => HashCode.Combine(Text, Where, Columns, Rows, MergedInto);
}

// How a grid reader writes a cell's place after its row's: "第12行" + "第3格" (a line of text), "表格2 第3行" + " 第1列" (a table).
internal enum CellPlace : byte { Line, Table }

public sealed record GridRow(string Where, IReadOnlyList<Cell> Cells);

public sealed class CellGrid
{
    public required string File { get; init; }
    public List<GridRow> Rows { get; } = [];
}
