using System.Text;

namespace Jixiao.Domain;

// The one text normaliser: the reader's labels, the rules and the editor all match text through it.
public static class DomainText
{
    // Forms mix full-width and half-width signs and break cells with spaces and line breaks ("产出指 标");
    // matching works on a copy without white space and with half-width letters, digits and signs.
    public static string Compact(string? s)
    {
        if (s is null) return "";
        // Most texts are compact already: those are returned as they are, without a copy.
        var i = 0;
        while (i < s.Length && !(char.IsWhiteSpace(s[i]) || s[i] is >= '\uFF01' and <= '\uFF5E' or '≧' or '≦')) i++;
        if (i == s.Length) return s;
        // Written into a buffer on the stack (or rented for a long text), then one string: no builder.
        char[]? rented = null;
        var buffer = s.Length <= 256 ? stackalloc char[s.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length));
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            buffer[n++] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '≧' => '≥',
                '≦' => '≤',
                _ => c,
            };
        }
        var result = new string(buffer[..n]);
        if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    // Text quoted back to the user loses its white space only, keeping its own punctuation.
    public static string Squeeze(string? s) => s is null ? "" : string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
