using Jixiao.Domain;

namespace Jixiao.Forms;

// A file on disk to the interchange document: any file kind to a cell grid, the grid to a form.
// Throws FormReadException (with a Chinese, located reason) when the file cannot be read at all.
public static class DocumentReader
{
    public static FormDocument Read(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        var document = FormReader.Read(GridReader.Read(path));
        if (document.Projects.Count == 0 && document.DepartmentGoals.Count == 0)
            throw new FormReadException($"文件“{name}”不是绩效目标表：没有找到项目名称或部门整体绩效目标");
        document.Source.File = name;
        return document;
    }
}
