namespace Jixiao.Export;

// What an exported document is made of, before any file format: titles, keep-with-next headings,
// paragraphs and tables with merged cells. The composer builds these from a form and a layout; one
// writer per format (Word, Excel, HTML for print) turns them into a file, so a layout never touches a format.
public abstract record Block;

// The document's title (Level 0, centred and large) or a subtitle line under it (Level 1).
public sealed record TitleBlock(string Text, int Level = 0) : Block;

// A heading that must stay on the page of what follows it.
public sealed record HeadingBlock(string Text) : Block;

public sealed record ParagraphBlock(string Text, bool Right = false) : Block;

public sealed record PageBreakBlock : Block;

// Rows hold only the cells that start there (as in HTML): a cell with RowSpan 2 leaves no cell in the
// row below. HeaderRows repeat at the top of every page; Widths are relative column widths.
public sealed record TableBlock(IReadOnlyList<double> Widths, List<List<DocCell>> Rows, int HeaderRows = 0, bool Borderless = false) : Block;

public sealed record DocCell(string Text, int ColSpan = 1, int RowSpan = 1, bool Head = false, bool Number = false)
{
    public static DocCell H(string text, int colSpan = 1, int rowSpan = 1) => new(text, colSpan, rowSpan, Head: true);
}

public sealed class DocBook
{
    public required string Title { get; init; }
    public required string LayoutName { get; init; }
    public List<Block> Blocks { get; } = [];
    // The footer line beside the page number (unit and year), masked data never goes here.
    public string? Footer { get; init; }
}

// Where each cell of a table sits in the full grid: the writers need the covered places too
// (Word marks them as merge continuations, Excel as one merged range).
public static class TableGrid
{
    public sealed record Slot(DocCell Cell, bool IsOrigin, bool IsFirstColumnOfSpan);

    public static Slot?[][] Place(TableBlock table)
    {
        var columns = table.Widths.Count;
        var grid = new Slot?[table.Rows.Count][];
        for (var r = 0; r < grid.Length; r++) grid[r] = new Slot?[columns];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in table.Rows[r])
            {
                while (c < columns && grid[r][c] != null) c++;
                if (c >= columns) break;
                for (var dr = 0; dr < cell.RowSpan && r + dr < grid.Length; dr++)
                    for (var dc = 0; dc < cell.ColSpan && c + dc < columns; dc++)
                        grid[r + dr][c + dc] = new Slot(cell, dr == 0 && dc == 0, dc == 0);
                c += cell.ColSpan;
            }
        }
        return grid;
    }
}
