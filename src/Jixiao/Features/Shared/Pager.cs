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
        var values = Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["page"] = page.ToString();
        return QueryHelpers.AddQueryString("", values);
    }
}
