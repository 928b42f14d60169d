using Jixiao.Domain;

namespace Jixiao.Forms;

// A file on disk to the interchange document: any file kind to a cell grid, the grid to a form.
// Throws FormReadException (with a Chinese, located reason) when the file cannot be read at all.
public static class DocumentReader
{
    public static FormDocument Read(string path, string? displayName = null)
    {
        var document = FormReader.Read(GridReader.Read(path));
        document.Source.File = displayName ?? Path.GetFileName(path);
        return document;
    }
}
