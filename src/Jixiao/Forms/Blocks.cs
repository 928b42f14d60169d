namespace Jixiao.Forms;

// What a run of rows is: a title (year line, document title), a numbered heading, label rows, label columns
// (rows of labels over the row of their values, column by column), a table (its header row and the rows it
// owns) or loose text.
public enum BlockKind { Title, Heading, Labels, Table, Text, LabelColumns }

// Rows [Start, End) of the reader's rows; the blocks cover every row once, a blank row going with the block before it.
public readonly record struct Block(BlockKind Kind, int Start, int End);

// The block pass: one walk over the rows that splits them into blocks, before any stage reads a value.
// The kind of a row outside a table comes from its own cells (kindOf); a table takes the rows after its
// header as long as its kind of table owns them (owns(header, row)), and label columns the rows of their
// labels and values the same way. Which kinds gather the rows of the same kind that follow them, and which
// take the rows their first row owns, is data, below.
public static class Blocks
{
    // A title, label or text row after one of its own kind continues that block; each heading starts
    // its own block (it opens a section), and a table header always starts a new table.
    static readonly HashSet<BlockKind> Runs = [BlockKind.Title, BlockKind.Labels, BlockKind.Text];
    // A table, and label columns, take the rows after their first as long as it owns them, whatever their kind.
    static readonly HashSet<BlockKind> Owning = [BlockKind.Table, BlockKind.LabelColumns];

    public static List<Block> Split(int count, Func<int, bool> isBlank, Func<int, BlockKind> kindOf, Func<int, int, bool> owns)
    {
        var blocks = new List<Block>();
        BlockKind? open = null;
        int start = 0, header = 0;
        void Close(int end)
        {
            if (open is { } kind) blocks.Add(new Block(kind, start, end));
            open = null;
        }
        for (var i = 0; i < count; i++)
        {
            if (isBlank(i)) continue;   // a blank row stays with the block before it
            // A row the open table (or label columns) owns continues it; its kind outside is not asked.
            if (open is { } owner && Owning.Contains(owner) && owns(header, i)) continue;
            var kind = kindOf(i);
            if (open == kind && Runs.Contains(kind)) continue;
            Close(i);
            open = kind;
            header = i;
            start = blocks.Count == 0 ? 0 : i;   // blank rows before the first block are the first block's
        }
        Close(count);
        return blocks;
    }
}
