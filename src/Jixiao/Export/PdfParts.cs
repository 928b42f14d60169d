using System.Net;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Jixiao.Export;

// A long book is printed in parts: it is cut only where it already breaks the page (before each
// project), so a part's pages are exactly the pages the whole book would have there.
public static class BookParts
{
    // A block's weight: about how much layout it costs (cells of a table, one for anything else).
    static int Weight(Block block) => block is TableBlock t ? t.Rows.Sum(r => r.Count) + 1 : 1;

    public static int Weight(DocBook book) => book.Blocks.Sum(Weight);

    // At most `parts` contiguous parts of about equal weight; one part (the book itself) when the book
    // is lighter than `minWeight` or has no page break to cut at.
    public static List<DocBook> Split(DocBook book, int parts, int minWeight)
    {
        var segments = new List<List<Block>> { new() };
        foreach (var block in book.Blocks)
            if (block is PageBreakBlock) { if (segments[^1].Count > 0) segments.Add([]); }
            else segments[^1].Add(block);
        if (segments[^1].Count == 0) segments.RemoveAt(segments.Count - 1);
        var total = Weight(book);
        if (parts < 2 || segments.Count < 2 || total < minWeight) return [book];
        parts = Math.Min(parts, segments.Count);
        var result = new List<DocBook>();
        DocBook? current = null;
        var done = 0;
        foreach (var segment in segments)
        {
            // A new part starts once the parts so far hold their share of the weight.
            if (current == null || (done >= (long)total * result.Count / parts && result.Count < parts))
            {
                current = new DocBook { Title = book.Title, LayoutName = book.LayoutName, Footer = book.Footer };
                result.Add(current);
            }
            else current.Blocks.Add(new PageBreakBlock());
            current.Blocks.AddRange(segment);
            done += segment.Sum(Weight);
        }
        return result;
    }
}

// The footer lines of a book printed in parts: one A4 page per page of the book holding only the
// line "unit year　第 n 页 共 m 页" where Chromium's own footer would put it.
public static class PageFooters
{
    public const string Css = """
        @page { size: A4 portrait; margin: 0; }
        html { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #000; }
        body { margin: 0; }
        .pf { position: relative; height: 290mm; break-after: page; overflow: hidden; }
        .pf:last-child { break-after: auto; }
        .pf p { position: absolute; left: 0; right: 0; bottom: 0; margin: 0; text-align: center; }
        """;

    public static string Html(string? footer, int pages, string stylesheetHref)
    {
        var sb = new StringBuilder(pages * 80 + 256);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"")
          .Append(WebUtility.HtmlEncode(stylesheetHref)).Append("\"></head><body>\n");
        var text = WebUtility.HtmlEncode(footer ?? "");
        for (var n = 1; n <= pages; n++)
            sb.Append("<div class=\"pf\"><p>").Append(text).Append("　第 ").Append(n).Append(" 页 共 ").Append(pages).Append(" 页</p></div>\n");
        return sb.Append("</body></html>\n").ToString();
    }
}

// Joins the parts' PDFs in order and lays page n of the footer document over page n of the book.
public static class PdfJoin
{
    public static async Task<byte[]> JoinAsync(IReadOnlyList<byte[]> parts, Func<int, Task<byte[]>> footers)
    {
        using var output = new PdfDocument();
        foreach (var part in parts)
        {
            using var input = PdfReader.Open(new MemoryStream(part), PdfDocumentOpenMode.Import);
            foreach (var page in input.Pages) output.AddPage(page);
        }
        var count = output.PageCount;
        var footerPdf = await footers(count);
        using (var form = XPdfForm.FromStream(new MemoryStream(footerPdf)))
        {
            if (form.PageCount != count)
                throw new InvalidOperationException($"页脚页数 {form.PageCount} 与正文页数 {count} 不一致");
            for (var i = 0; i < count; i++)
            {
                var page = output.Pages[i];
                form.PageNumber = i + 1;
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                gfx.DrawImage(form, 0, 0, page.Width.Point, page.Height.Point);
            }
        }
        using var result = new MemoryStream();
        output.Save(result, false);
        return result.ToArray();
    }
}
