namespace Jixiao.Domain;

// Personal data as it may leave a unit or reach the audit log: names keep their first character
// (李** for 李晓明), phone numbers their first three and last four digits (135****1234). Pure functions,
// used by the audit log and by anything that shows people outside their own unit.
public static class Masking
{
    // A person's name; a display name like "张敏（东城区信访局）" keeps its bracketed unit.
    public static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return name;
        var trimmed = name.Trim();
        var bracket = trimmed.IndexOfAny(['（', '(']);
        var (person, rest) = bracket > 0 ? (trimmed[..bracket], trimmed[bracket..]) : (trimmed, "");
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(person);
        if (elements.Length == 0) return name;
        var first = System.Globalization.StringInfo.GetNextTextElement(person, 0);
        // A one-character name still hides that it is one character.
        return first + new string('*', Math.Max(1, elements.Length - 1)) + rest;
    }

    // Any phone number: the digits past the first three and before the last four become *;
    // separators stay where they were (010-6400**** style numbers keep their area code).
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return phone;
        var digits = phone.Count(char.IsDigit);
        if (digits < 7) return new string('*', phone.Length);
        var chars = phone.ToCharArray();
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsDigit(chars[i])) continue;
            seen++;
            if (seen > 3 && seen <= digits - 4) chars[i] = '*';
        }
        return new string(chars);
    }

    // An e-mail address: first character of the local part, the domain kept (z***@example.cn).
    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return email;
        var at = email.IndexOf('@');
        if (at <= 0) return new string('*', email.Length);
        return email[0] + new string('*', Math.Max(1, at - 1)) + email[at..];
    }

    public static Person Person(Person p) => new()
    {
        Role = p.Role, Name = Name(p.Name), Phone = Phone(p.Phone),
    };
}
