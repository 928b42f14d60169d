using System.Globalization;
using System.Text;

namespace Jixiao.Forms;

// Spreadsheets store numbers bare and show them through a number format. The grid keeps a number
// as written (its shortest exact form), except where the format changes what it means to a reader
// of the form: dates are stored as day counts and percentages as fractions.
internal static class CellNumbers
{
    enum Shown { Plain, Date, Time, Percent }

    public static string Format(double value, int formatId, string? formatCode, bool date1904)
    {
        switch (Classify(formatId, formatCode))
        {
            case Shown.Percent:
                // Through decimal, so that 0.85 shows as 85% and not as 85.00000000000001%.
                return decimal.TryParse(Plain(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
                    && Math.Abs(fraction) < 1e20m
                    ? (fraction * 100m).ToString("G29", CultureInfo.InvariantCulture) + "%"
                    : Plain(value * 100) + "%";
            case Shown.Date when TryDate(value, date1904, out var date):
                return Date(date);
            case Shown.Time when TryDate(value, date1904, out var time):
                return time.ToString("HH:mm", CultureInfo.InvariantCulture);
            default:
                return Plain(value);
        }
    }

    public static string Date(DateTime date) => date.TimeOfDay == TimeSpan.Zero
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    static bool TryDate(double serial, bool date1904, out DateTime date)
    {
        date = default;
        if (date1904) serial += 1462;
        if (serial < 0 || serial > 2958465) return false;
        date = DateTime.FromOADate(serial);
        // Round to the minute: day counts carry binary fractions of a second.
        date = new DateTime((date.Ticks + TimeSpan.TicksPerSecond * 30) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute);
        return true;
    }

    static Shown Classify(int id, string? code)
    {
        // Built-in formats, including those Excel uses for Chinese dates and times.
        switch (id)
        {
            case 9 or 10: return Shown.Percent;
            case >= 14 and <= 17 or 22 or >= 27 and <= 31 or 36 or >= 50 and <= 58: return Shown.Date;
            case >= 18 and <= 21 or >= 32 and <= 35 or >= 45 and <= 47: return Shown.Time;
        }
        if (string.IsNullOrEmpty(code)) return Shown.Plain;

        // Look only at the format's own letters: not quoted text, escapes or [colour]/[locale] tags.
        var letters = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') { i = code.IndexOf('"', i + 1); if (i < 0) break; }
            else if (c == '[') { i = code.IndexOf(']', i + 1); if (i < 0) break; }
            else if (c is '\\' or '_' or '*') i++;
            else letters.Append(char.ToLowerInvariant(c));
        }
        var bare = letters.ToString();
        if (bare.Contains('%')) return Shown.Percent;
        if (bare.Contains('y') || bare.Contains('d')) return Shown.Date;
        if (bare.Contains('h') || bare.Contains('s')) return Shown.Time;
        return Shown.Plain;
    }
}
