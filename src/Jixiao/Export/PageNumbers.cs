using System.Globalization;
using System.Text;

namespace Jixiao.Export;

// The page line of a printed document, "unit year　第 k 页 共 n 页", as a CSS page-margin box: Chromium
// counts the pages itself (counter(page), counter(pages)) while it lays the document out, so a book of any
// length prints in one piece with its numbers right and as real text.
public static class PageNumbers
{
    public static string Css(string? footer) =>
        "@page { @bottom-center { content: \"" + CssString(footer ?? "") + "　第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
        + " font-family: \"WenQuanYi Zen Hei\", \"Noto Sans CJK SC\", sans-serif; font-size: 8pt; color: #000; } }\n";

    // The text inside a CSS double-quoted string: quotes, backslashes and control characters as hex escapes
    // (a space ends each escape), so no footer text can close the string or the rule.
    public static string CssString(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            if (c is '"' or '\\' || char.IsControl(c)) sb.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            else sb.Append(c);
        return sb.ToString();
    }

    // About how much layout a document costs: the cells of its tables, one for any other block.
    public static int Weight(DocBook book) => book.Blocks.Sum(b => b is TableBlock t ? t.Rows.Sum(r => r.Count) + 1 : 1);
}
