using System.Text;

namespace Jixiao.Domain;

// Pinyin initials of Chinese text (信访 → xf), for searching by the letters people type.
// Level-1 characters of GB2312 (rows 16–55) are ordered by their pinyin, so the initial follows from
// where a character's GB2312 code falls between the first characters of each letter (啊 芭 擦 搭 …).
// Characters outside that block (level 2 is ordered by radical, others are not in GB2312) come from a
// small table of those common in place and person names and in official writing.
public static class Pinyin
{
    static readonly Encoding Gb2312;

    static Pinyin()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb2312 = Encoding.GetEncoding("GB2312", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    // The first level-1 code of each initial, and the letter; no level-1 syllable starts with i, u or v.
    static readonly (int Code, char Letter)[] Starts =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'), (0xB8C1, 'g'),
        (0xB9FE, 'h'), (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'), (0xC4C3, 'n'), (0xC5B6, 'o'),
        (0xC5BE, 'p'), (0xC6DA, 'q'), (0xC8BB, 'r'), (0xC8F6, 's'), (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'),
        (0xD1B9, 'y'), (0xD4D1, 'z'),
    ];
    const int Level1End = 0xD7F9; // 座, the last level-1 character

    static readonly Dictionary<char, char> Others = Build(
        "闵m 怡y 邕y 莞g 衢q 婺w 嵊s 鄞y 濮p 漯l 亳b 泸l 璧b 岚l 昊h 晟s 钰y 琪q 婷t 婧j 璐l 玥y 珺j 堃k 喆z 昇s 垚y 淼m 焱y " +
        "鑫x 馨x 翊y 煜y 彧y 祎y 旻m 暄x 颢h 炜w 滢y 宸c 韬t 骞q 铠k 锟k 犇b 罡g 斐f 頔d 琦q 玮w 瑾j 瑜y 璇x 珂k 菁j 芊q 萱x " +
        "娅y 妍y 姝s 诿w 谙a 赅g 阈y 葺q 弭m 黜c 饬c 罔w 赈z 饷x 帑t 谘z 诤z 诠q 谕y 谒y 涞l 溧l 浏l 汨m 淇q 洱e 邳p 郫p 郴c 郯t");

    // Readings a search should also accept, for characters with two common ones (重复 chongfu, 调查 diaocha …).
    static readonly Dictionary<char, char> Alternatives = Build("重c 长z 调t 率s 行h 参s 朝z 单s 藏z 省x 传z 会k 系j 厦s 解x 降x 乐y 曾c 便p 给j");

    static Dictionary<char, char> Build(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(p => p[0], p => p[1]);

    // The initial of one character: a Chinese character's pinyin initial, a letter or digit itself (lower case),
    // null for anything else (punctuation, spaces, characters not known).
    public static char? InitialOf(char c)
    {
        if (c < 0x80) return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : null;
        if (c is >= '０' and <= '９') return (char)('0' + (c - '０'));
        if (c is >= 'Ａ' and <= 'Ｚ') return (char)('a' + (c - 'Ａ'));
        if (c is >= 'ａ' and <= 'ｚ') return (char)('a' + (c - 'ａ'));
        if (Others.TryGetValue(c, out var other)) return other;
        if (!char.IsLetter(c)) return null;
        byte[] bytes;
        try { bytes = Gb2312.GetBytes(c.ToString()); }
        catch (EncoderFallbackException) { return null; }
        if (bytes.Length != 2) return null;
        var code = bytes[0] << 8 | bytes[1];
        if (code < Starts[0].Code || code > Level1End) return null;
        var letter = Starts[0].Letter;
        foreach (var (start, l) in Starts)
        {
            if (code < start) break;
            letter = l;
        }
        return letter;
    }

    // The initials of a text, skipping what has none: 信访事项及时受理率 → xfsxjssll.
    public static string Initials(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (InitialOf(c) is char i) sb.Append(i);
        return sb.ToString();
    }

    // Whether letters typed by a user (xf, XF, cfxf) are the initials of consecutive characters of the text,
    // accepting the other common reading of a few characters with two.
    public static bool MatchesInitials(string? text, string letters)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var query = letters.Trim().ToLowerInvariant();
        if (query.Length == 0 || !query.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')) return false;
        var chars = text.Where(c => InitialOf(c) != null).ToList();
        for (var start = 0; start + query.Length <= chars.Count; start++)
        {
            var ok = true;
            for (var k = 0; k < query.Length && ok; k++)
            {
                var c = chars[start + k];
                ok = InitialOf(c) == query[k] || (Alternatives.TryGetValue(c, out var alt) && alt == query[k]);
            }
            if (ok) return true;
        }
        return false;
    }
}
