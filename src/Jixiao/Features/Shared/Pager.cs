using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Jixiao.Features;

// A list's place in its pages. Links keep every other query parameter, so a filtered, sorted list
// stays what it was from page to page and can be bookmarked.
public sealed record Pager(int Page, int Total, int Size, IQueryCollection Query)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public string Link(int page)
    {
        // "p", since Razor Pages keeps "page" for the page's own path.
        var values = Query.Where(q => q.Key != "p").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["p"] = page.ToString();
        return QueryHelpers.AddQueryString("", values);
    }
}
