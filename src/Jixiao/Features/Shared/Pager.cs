using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Jixiao.Features;

// A list's place in its pages. Links keep every other query parameter, so a filtered, sorted list
// stays what it was from page to page and can be bookmarked. Two lists on one page each take their own
// parameter (Key).
public sealed record Pager(int Page, int Total, int Size, IQueryCollection Query, string Key = "p")
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public string Link(int page)
    {
        // "p", since Razor Pages keeps "page" for the page's own path.
        var values = Query.Where(q => q.Key != Key).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values[Key] = page.ToString();
        return QueryHelpers.AddQueryString("", values);
    }
}
