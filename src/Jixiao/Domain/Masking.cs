namespace Jixiao.Domain;

// Personal data as it may leave a unit or reach the audit log: names keep their first character
// (李** for 李晓明), phone numbers at most their first three and last four digits (135****1234), never
// fewer than four hidden. Pure functions, used by the audit log and by anything that shows people outside
// their own unit.
public static class Masking
{
    // A person's name; a display name like "张敏（东城区信访局）" keeps its bracketed unit.
    public static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return name;
        var trimmed = name.Trim();
        var bracket = trimmed.IndexOfAny(['（', '(']);
        var (person, rest) = bracket > 0 ? (trimmed[..bracket], trimmed[bracket..]) : (trimmed, "");
        // Never empty: the name is not blank and a bracket in front does not count as one.
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(person);
        var first = System.Globalization.StringInfo.GetNextTextElement(person, 0);
        // A one-character name still hides that it is one character.
        return first + new string('*', Math.Max(1, elements.Length - 1)) + rest;
    }

    // Any phone number: at least four digits are hidden, the last four stay and, before them, up to three
    // (135****1234, 010-****1234: the area code stays); a number too short for that (fewer than eight digits,
    // a local number like 6400123) is hidden whole, separators too. Separators stay where they were.
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return phone;
        var digits = phone.Count(char.IsDigit);
        if (digits < HiddenDigits + KeptBehind) return new string('*', phone.Length);
        var front = Math.Min(KeptInFront, digits - HiddenDigits - KeptBehind);
        var chars = phone.ToCharArray();
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsDigit(chars[i])) continue;
            seen++;
            if (seen > front && seen <= digits - KeptBehind) chars[i] = '*';
        }
        return new string(chars);
    }

    const int KeptInFront = 3, KeptBehind = 4, HiddenDigits = 4;

    // An e-mail address: first character of the local part, the domain kept (z***@example.cn).
    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return email;
        var at = email.IndexOf('@');
        if (at <= 0) return new string('*', email.Length);
        return email[0] + new string('*', Math.Max(1, at - 1)) + email[at..];
    }

    // The row id stays: a masked copy (public copy, audit) still points at the same row.
    public static Person Person(Person p) => new()
    {
        Id = p.Id, Role = p.Role, Name = Name(p.Name), Phone = Phone(p.Phone),
    };
}
