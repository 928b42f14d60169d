using System.Net;
using System.Text;

namespace Jixiao.Export;

// Blocks to the print view's HTML: the page /Projects/{id}/Print shows, and the page Chromium prints to
// PDF. A4 and the page rules live in print.css (no inline styles under the strict CSP); every text is
// HTML-encoded here, the only place this view is written.
public static class HtmlWriter
{
    // pageStylesheetHref: a second stylesheet, the page numbers of a document printed to PDF (PageNumbers).
    public static string Write(DocBook book, string stylesheetHref, string? toolbar = null, string? pageStylesheetHref = null)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(book.Title)).Append("</title>")
          .Append("<link rel=\"stylesheet\" href=\"").Append(E(stylesheetHref)).Append("\">");
        if (pageStylesheetHref != null) sb.Append("<link rel=\"stylesheet\" href=\"").Append(E(pageStylesheetHref)).Append("\">");
        sb.Append("</head>\n")
          .Append("<body class=\"print-doc layout-").Append(E(book.LayoutName)).Append("\">\n");
        if (toolbar != null) sb.Append(toolbar);
        sb.Append("<main class=\"sheet\">\n");
        foreach (var block in book.Blocks) Block(sb, block);
        sb.Append("</main>\n</body></html>\n");
        return sb.ToString();
    }

    static void Block(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case TitleBlock t:
                sb.Append(t.Level == 0 ? "<h1>" : "<p class=\"subtitle\">").Append(E(t.Text)).Append(t.Level == 0 ? "</h1>\n" : "</p>\n");
                break;
            case HeadingBlock h:
                sb.Append("<h2>").Append(E(h.Text)).Append("</h2>\n");
                break;
            case ParagraphBlock p:
                sb.Append(p.Right ? "<p class=\"right\">" : "<p>").Append(Lines(p.Text)).Append("</p>\n");
                break;
            case PageBreakBlock:
                sb.Append("<div class=\"page-break\"></div>\n");
                break;
            case TableBlock t:
                Table(sb, t);
                break;
        }
    }

    static void Table(StringBuilder sb, TableBlock t)
    {
        var total = t.Widths.Sum();
        sb.Append(t.Borderless ? "<table class=\"plain\">" : "<table class=\"boxed\">");
        // Column widths as classes of whole percents would need a rule per value; a colgroup with the
        // width attribute is plain HTML and allowed under the CSP.
        sb.Append("<colgroup>");
        foreach (var w in t.Widths) sb.Append("<col width=\"").Append(Math.Round(100 * w / total, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("%\">");
        sb.Append("</colgroup>");
        for (var r = 0; r < t.Rows.Count; r++)
        {
            if (r == 0 && t.HeaderRows > 0) sb.Append("<thead>");
            if (r == t.HeaderRows) sb.Append("<tbody>");
            sb.Append("<tr>");
            foreach (var c in t.Rows[r])
            {
                var tag = c.Head ? "th" : "td";
                sb.Append('<').Append(tag);
                if (c.ColSpan > 1) sb.Append(" colspan=\"").Append(c.ColSpan).Append('"');
                if (c.RowSpan > 1) sb.Append(" rowspan=\"").Append(c.RowSpan).Append('"');
                if (c.Number) sb.Append(" class=\"num\"");
                sb.Append('>').Append(Lines(c.Text)).Append("</").Append(tag).Append('>');
            }
            sb.Append("</tr>");
            if (r == t.HeaderRows - 1) sb.Append("</thead>");
        }
        if (t.Rows.Count > t.HeaderRows) sb.Append("</tbody>");
        sb.Append("</table>\n");
    }

    static string Lines(string text) => string.Join("<br>", text.Replace("\r\n", "\n").Split('\n').Select(E));

    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
