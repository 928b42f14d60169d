using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Forms;

// A PDF's text layer as a grid, through poppler's pdftotext in layout mode: each printed line is a
// row ("第1页 第12行"), and runs of two or more spaces, which is how pdftotext keeps table columns
// apart, separate its cells. pdftotext runs as its own process, so a hostile PDF can at worst make
// it fail or time out, and its output is capped.
internal static partial class PdfGrid
{
    const int MaxOutputChars = 20_000_000;
    const int MaxErrorChars = 4096;

    public static CellGrid Read(string fullPath, string file, string tool, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-layout", "-enc", "UTF-8", "-eol", "unix", fullPath, "-" })
            start.ArgumentList.Add(argument);

        Process process;
        try { process = Process.Start(start) ?? throw new Win32Exception(); }
        catch (Win32Exception e)
        {
            throw new FormReadException($"未安装 pdftotext（poppler-utils），无法读取 PDF 文件“{file}”", e);
        }

        string text;
        using (process)
        {
            var output = ReadCapped(process.StandardOutput, MaxOutputChars, drain: false);
            var errors = ReadCapped(process.StandardError, MaxErrorChars, drain: true);
            var clock = Stopwatch.StartNew();
            var inTime = output.Wait(timeout);
            if (inTime && output.Result.Truncated)
            {
                Stop(process);
                throw new FormReadException($"PDF 文件“{file}”的文字超过 {MaxOutputChars} 个字符的上限，请删去无关内容后再导入");
            }
            if (!inTime || !process.WaitForExit(Remaining(timeout, clock)))
            {
                Stop(process);
                throw new FormReadException($"读取 PDF 文件“{file}”超时（超过 {timeout.TotalSeconds:0} 秒），请提供 Word 或 Excel 版本");
            }
            errors.Wait(TimeSpan.FromSeconds(5));
            if (process.ExitCode != 0)
            {
                var message = errors.IsCompletedSuccessfully ? errors.Result.Text : "";
                throw new FormReadException(message.Contains("password", StringComparison.OrdinalIgnoreCase)
                    ? $"PDF 文件“{file}”已加密，请去掉密码后再导入"
                    : $"文件“{file}”已损坏：不是有效的 PDF 文件");
            }
            text = output.Result.Text;
        }

        var grid = new GridBuilder(file);
        var pages = text.Split('\f');
        for (var p = 0; p < pages.Length; p++)
        {
            var lines = pages[p].Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var rowWhere = $"第{p + 1}页 第{l + 1}行";
                var parts = Columns().Split(lines[l].Trim());
                var cells = new List<Cell>(parts.Length);
                foreach (var part in parts) cells.Add(new Cell(Checkboxes.Normalize(part), $"{rowWhere} 第{cells.Count + 1}列"));
                grid.Add(rowWhere, cells);
            }
        }
        if (grid.Grid.Rows.Count == 0)
            throw new FormReadException($"PDF 文件“{file}”没有文字层（可能是扫描件），无法读取，请提供 Word 或 Excel 版本");
        return grid.Grid;
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();

    static TimeSpan Remaining(TimeSpan timeout, Stopwatch clock) =>
        timeout > clock.Elapsed ? timeout - clock.Elapsed : TimeSpan.Zero;

    static void Stop(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
    }

    // Keeps at most cap characters of a pipe. Past the cap it either stops, so the caller can end
    // the child, or drains the rest unread, so the child never blocks on a full pipe.
    static async Task<(string Text, bool Truncated)> ReadCapped(StreamReader reader, int cap, bool drain)
    {
        var sb = new StringBuilder();
        var buffer = new char[8192];
        var truncated = false;
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            if (sb.Length + n <= cap) { sb.Append(buffer, 0, n); continue; }
            truncated = true;
            if (!drain) break;
        }
        return (sb.ToString(), truncated);
    }
}
