using System.Text.Json;
using Jixiao.Data;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Features.Account;

// What a new password must not be, beyond length and character kinds: a common password, one that
// contains the user name, or one of the user's last five. The earlier hashes are kept in Identity's own
// token table (provider "jixiao", name "password-history"): hashes only, never the passwords.
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int Remembered = 5;
    const string Provider = "jixiao";
    const string Name = "password-history";

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return IdentityResult.Success;
        var errors = new List<IdentityError>();
        var plain = password.ToLowerInvariant();
        if (IsCommon(plain))
            errors.Add(new IdentityError { Code = "CommonPassword", Description = "新密码过于常见（在常用密码表中），容易被猜中，请换一个" });
        if (user.UserName is { Length: >= 3 } userName && plain.Contains(userName.ToLowerInvariant()))
            errors.Add(new IdentityError { Code = "ContainsUserName", Description = "新密码不能包含用户名" });
        foreach (var hash in (user.PasswordHash is { } current ? [current] : Array.Empty<string>()).Concat(await HistoryAsync(manager, user)))
            if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
            {
                errors.Add(new IdentityError { Code = "RecentlyUsed", Description = $"新密码不能与最近 {Remembered} 次用过的密码相同" });
                break;
            }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    // After a change: the password just replaced joins the history (with the current one, five in all).
    public static async Task RememberAsync(UserManager<AppUser> users, AppUser user, string? replacedHash)
    {
        if (replacedHash == null) return;
        var history = await HistoryAsync(users, user);
        history.Insert(0, replacedHash);
        await users.SetAuthenticationTokenAsync(user, Provider, Name, JsonSerializer.Serialize(history.Take(Remembered - 1).ToList()));
    }

    static async Task<List<string>> HistoryAsync(UserManager<AppUser> users, AppUser user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, Name) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<string>>(json) ?? []
            : [];

    // Lower-case; besides the list, a password made of one repeated character or a keyboard run is common too.
    public static bool IsCommon(string lower)
    {
        if (Common.Contains(lower)) return true;
        if (lower.Distinct().Count() <= 2) return true;
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        var digits = new string(lower.Where(char.IsDigit).ToArray());
        // "password2026", "admin123456": a listed word with only digits added.
        return letters.Length > 0 && Common.Contains(letters) && digits.Length + letters.Length == lower.Length;
    }

    // The most used passwords of leaked lists (Chinese and international), at least 6 characters.
    static readonly HashSet<string> Common =
    [
        "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "0123456789", "987654321", "9876543210",
        "111111", "000000", "666666", "888888", "123123", "123321", "654321", "112233", "121212", "520520", "5201314",
        "1314520", "147258369", "123456abc", "abc123456", "a123456", "a123456789", "aa123456", "qq123456", "woaini1314",
        "woaini", "woaini520", "iloveyou", "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
        "qwerty", "qwerty123", "qwertyuiop", "qwe123", "qweasdzxc", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "zxcvbnm",
        "asdfghjkl", "asd123456", "abc123", "abcd1234", "abcdefg", "admin", "admin123", "admin888", "administrator",
        "root", "toor", "welcome", "welcome1", "letmein", "monkey", "dragon", "master", "shadow", "sunshine", "princess",
        "football", "baseball", "superman", "trustno1", "hello", "hello123", "changeme", "default", "secret", "test",
        "test123", "testtest", "guest", "user", "login", "system", "manager", "jixiao", "jixiao123", "xinfang",
        "mima", "mima123", "zhangwei", "wangwei", "liwei", "caonima", "aini1314", "woaini1314520", "huang123",
        "zhang123", "wang123", "li123456", "chen123", "qazwsx", "qazwsxedc", "zaq12wsx", "1qazxsw2", "q1w2e3r4",
        "gov", "gov123", "zhengfu", "caizheng", "yusuan", "jixiaomubiao", "xinmima", "newpassword",
    ];
}
