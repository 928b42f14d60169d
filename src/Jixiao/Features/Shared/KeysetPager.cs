using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Jixiao.Features;

// Links of a list read by keyset (the page after the last row shown, before the first one, the last page).
// Each link keeps every other query parameter, so the filters stay and any page can be bookmarked; "p"
// only carries the page's number for display.
public sealed record KeysetPager(int Page, int Total, int Size, bool HasPrevious, bool HasNext, int? FirstId, int? LastId, IQueryCollection Query)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public string First => Link([]);
    public string Previous => Page <= 2 ? First : Link([("before", FirstId.ToString()), ("p", (Page - 1).ToString())]);
    public string Next => Link([("after", LastId.ToString()), ("p", (Page + 1).ToString())]);
    public string Final => Link([("last", "true"), ("p", Pages.ToString())]);

    static readonly string[] Own = ["p", "after", "before", "last"];

    string Link((string Key, string? Value)[] position)
    {
        var values = Query.Where(q => !Own.Contains(q.Key, StringComparer.OrdinalIgnoreCase))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).ToList();
        values.AddRange(position.Select(x => new KeyValuePair<string, string?>(x.Key, x.Value)));
        return values.Count == 0 ? "?" : QueryHelpers.AddQueryString("", values);
    }
}
