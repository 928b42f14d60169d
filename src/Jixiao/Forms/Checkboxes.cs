namespace Jixiao.Forms;

// Forms tick their boxes with many glyphs; the grid carries only ☑ (ticked) and ☐ (not ticked).
public static class Checkboxes
{
    public const char Ticked = '☑';
    public const char Empty = '☐';

    public static string Normalize(string text)
    {
        if (text.AsSpan().IndexOfAny("☒■▣☐□") < 0) return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] switch
                {
                    '☒' or '■' or '▣' => Ticked,
                    '□' => Empty,
                    var c => c,
                };
        });
    }

    // Word's symbol fonts draw boxes from ordinary code points (Wingdings þ ý x / ¨ o,
    // Wingdings 2 R S T / £), or from the same codes moved to U+F0xx, as w:sym writes them.
    public static char? FromSymbolFont(string font, char c)
    {
        var code = c >= 0xF000 && c <= 0xF0FF ? (char)(c - 0xF000) : c;
        return font.Trim().ToLowerInvariant() switch
        {
            "wingdings" => code switch
            {
                (char)0xFE or (char)0xFD or 'x' => Ticked,
                (char)0xA8 or 'o' => Empty,
                _ => null,
            },
            "wingdings 2" => code switch
            {
                'R' or 'S' or 'T' => Ticked,
                (char)0xA3 => Empty,
                _ => null,
            },
            _ => null,
        };
    }
}
