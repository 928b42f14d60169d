using NPOI;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;

namespace Jixiao.Forms;

// A legacy Excel 97-2003 workbook (.xls), read with NPOI's HSSF into the same rows and cells as .xlsx.
internal static class XlsGrid
{
    public static CellGrid Read(byte[] bytes, string file)
    {
        HSSFWorkbook workbook;
        try { workbook = new HSSFWorkbook(new MemoryStream(bytes, writable: false)); }
        catch (EncryptedDocumentException e)
        {
            throw new FormReadException($"文件“{file}”已加密，请在 Excel 中去掉密码并另存为 .xlsx 后再导入", e);
        }

        var date1904 = workbook.Workbook.IsUsing1904DateWindowing;
        var grid = new GridBuilder(file);
        for (var s = 0; s < workbook.NumberOfSheets; s++)
        {
            var sheet = workbook.GetSheetAt(s);
            var rows = new List<XlsxGrid.SheetRow>();
            for (var r = sheet.FirstRowNum; r <= sheet.LastRowNum; r++)
            {
                if (sheet.GetRow(r) is not { } row) continue;
                var cells = new List<(int, string)>();
                for (var c = Math.Max(0, (int)row.FirstCellNum); c < row.LastCellNum; c++)
                    if (row.GetCell(c) is { } cell && CellText(cell, date1904) is { Length: > 0 } text)
                        cells.Add((c + 1, text));
                if (cells.Count == 0) continue;
                rows.Add(new XlsxGrid.SheetRow(r + 1, cells));
                XlsxGrid.CheckRowCount(rows, file, sheet.SheetName);
            }
            var merges = new List<(int, int, int, int)>();
            for (var m = 0; m < sheet.NumMergedRegions; m++)
            {
                var region = sheet.GetMergedRegion(m);
                merges.Add((region.FirstRow + 1, region.FirstColumn + 1, region.LastRow + 1, region.LastColumn + 1));
            }
            XlsxGrid.KeepMergedValueTopLeft(rows, merges, file, sheet.SheetName);
            XlsxGrid.AddSheet(grid, sheet.SheetName, rows);
        }
        return grid.Grid;
    }

    static string CellText(ICell cell, bool date1904)
    {
        var type = cell.CellType == CellType.Formula ? cell.CachedFormulaResultType : cell.CellType;
        return type switch
        {
            CellType.String => cell.StringCellValue ?? "",
            CellType.Numeric => CellNumbers.Format(cell.NumericCellValue, cell.CellStyle.DataFormat,
                cell.CellStyle.GetDataFormatString(), date1904),
            CellType.Boolean => cell.BooleanCellValue ? "TRUE" : "FALSE",
            CellType.Error => FormulaError.ForInt(cell.ErrorCellValue).String,
            _ => "",
        };
    }
}
