using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Jixiao.Forms;

// A legacy Excel 97-2003 workbook (.xls), read with ExcelDataReader into the same rows and cells as .xlsx.
internal static class XlsGrid
{
    public static CellGrid Read(byte[] bytes, string file)
    {
        IExcelDataReader reader;
        try { reader = ExcelReaderFactory.CreateBinaryReader(new MemoryStream(bytes, writable: false)); }
        catch (InvalidPasswordException e)
        {
            throw new FormReadException($"文件“{file}”已加密，请在 Excel 中去掉密码并另存为 .xlsx 后再导入", e);
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidOperationException or NotSupportedException)
        {
            throw GridReader.Damaged(file, GridReader.Kind.Xls, e);
        }

        using (reader)
        {
            var grid = new GridBuilder(file);
            do
            {
                var rows = new List<XlsxGrid.SheetRow>();
                var r = 0;
                while (reader.Read())
                {
                    r++;
                    var cells = new List<(int, string)>();
                    for (var c = 0; c < reader.FieldCount; c++)
                        if (CellText(reader, c) is { Length: > 0 } text) cells.Add((c + 1, text));
                    if (cells.Count == 0) continue;
                    rows.Add(new XlsxGrid.SheetRow(r, cells));
                    XlsxGrid.CheckRowCount(rows, file, reader.Name);
                }
                var merges = (reader.MergeCells ?? [])
                    .Select(m => (m.FromRow + 1, m.FromColumn + 1, m.ToRow + 1, m.ToColumn + 1)).ToList();
                XlsxGrid.KeepMergedValueTopLeft(rows, merges, file, reader.Name);
                XlsxGrid.AddSheet(grid, reader.Name, rows, merges);
            } while (reader.NextResult());
            return grid.Grid;
        }
    }

    // ExcelDataReader turns date-formatted numbers into dates itself; other numbers keep their format.
    static string CellText(IExcelDataReader reader, int c) => reader.GetValue(c) switch
    {
        null => "",
        string s => s,
        double d => CellNumbers.Format(d, reader.GetNumberFormatIndex(c), reader.GetNumberFormatString(c), date1904: false),
        DateTime date => CellNumbers.Date(date),
        bool b => b ? "TRUE" : "FALSE",
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
