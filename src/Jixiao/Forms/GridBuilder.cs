namespace Jixiao.Forms;

// Collects a reader's rows, leaves out rows without any text, and stops a file that would
// outgrow the row or cell limits, naming the place where it did.
internal sealed class GridBuilder(string file)
{
    int cells;

    public CellGrid Grid { get; } = new() { File = file };

    public void Add(string where, List<Cell> row)
    {
        if (row.TrueForAll(c => c.Text.Length == 0)) return;
        if (Grid.Rows.Count >= GridReader.MaxRows)
            throw new FormReadException($"文件“{file}”超过 {GridReader.MaxRows} 行的上限（在{where}处），请删去无关内容后再导入");
        cells += row.Count;
        if (cells > GridReader.MaxCells)
            throw new FormReadException($"文件“{file}”超过 {GridReader.MaxCells} 个单元格的上限（在{where}处），请删去无关内容后再导入");
        Grid.Rows.Add(new GridRow(where, row));
    }
}
