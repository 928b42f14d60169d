using System.Text;

namespace Jixiao.Domain;

// Text as the search index holds it: every letter, digit and Chinese character a token of its own,
// separated by spaces. A query is then a phrase of such tokens, so any run of characters (信访, 2010308,
// the initials xf) is found through the index of SQLite's FTS5 and of PostgreSQL's text search alike,
// with no word segmentation for Chinese and no minimum length.
public static class SearchText
{
    public static string Tokens(params string?[] texts)
    {
        var sb = new StringBuilder();
        foreach (var text in texts) Append(sb, DomainText.Compact(text));
        return sb.ToString().TrimEnd();
    }

    // The pinyin initials of a name as tokens: 信访救助 → "x f j z".
    public static string InitialTokens(string? name) => Tokens(Pinyin.Initials(name));

    // The words of what a user typed, each as its tokens; words with nothing searchable are left out.
    public static List<string[]> Words(string? query)
    {
        var words = new List<string[]>();
        foreach (var word in (query ?? "").Split([' ', '　', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Tokens(word).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 0) words.Add(tokens);
        }
        return words;
    }

    static void Append(StringBuilder sb, string compact)
    {
        foreach (var c in compact)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c)).Append(' ');
    }
}
