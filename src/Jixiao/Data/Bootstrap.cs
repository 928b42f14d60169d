using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// What happens at every start: the schema is created or upgraded, the roles exist,
// and an empty database gets its first administrator.
public static class Bootstrap
{
    public static async Task RunAsync(IServiceProvider services, bool demo, TextWriter console)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JixiaoDb>();
        await db.Database.MigrateAsync();

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (!await users.Users.AnyAsync())
        {
            var password = await CreateUserAsync(users, "admin", "系统管理员", Roles.Admin, mustChange: true);
            console.WriteLine("已创建管理员账号 admin，初始密码（仅显示这一次，首次登录后须修改）：" + password);
        }
        await Features.Library.LibrarySeed.RunAsync(db);
        if (demo) await DemoWorkspace.LoadAsync(db, users, console);
    }

    public static async Task<string> CreateUserAsync(UserManager<AppUser> users, string userName, string displayName,
        string role, bool mustChange, int? unitId = null, int? departmentId = null)
    {
        var password = NewPassword();
        var user = new AppUser
        {
            UserName = userName, DisplayName = displayName, MustChangePassword = mustChange,
            BudgetUnitId = unitId, SupervisingDepartmentId = departmentId,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return password;
    }

    // Readable but strong: 16 characters from an alphabet without look-alikes, with letters and digits.
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        while (true)
        {
            var password = string.Concat(Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
            if (password.Any(char.IsDigit) && password.Any(char.IsLetter)) return password;
        }
    }

    static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
