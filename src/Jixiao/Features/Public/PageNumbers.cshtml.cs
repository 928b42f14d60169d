using Jixiao.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Public;

// /Public/PageNumbers?footer=: the page line of a print view printed from the user's own browser
// ("unit year　第 k 页 共 n 页"), the same CSS page-margin box the PDFs carry. A stylesheet of its own
// because the strict CSP allows no inline style; anonymous because the public targets print too. The text
// is only ever CSS-escaped into a content string, so whatever the address says stays text.
public sealed class PageNumbersModel : PageModel
{
    public const int MaxFooter = 200;

    public static string Href(string? footer) => "/Public/PageNumbers?footer=" + Uri.EscapeDataString(footer ?? "");

    public IActionResult OnGet(string? footer)
    {
        var text = footer ?? "";
        if (text.Length > MaxFooter) text = text[..MaxFooter];
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(PageNumbers.Css(text), "text/css; charset=utf-8");
    }
}
