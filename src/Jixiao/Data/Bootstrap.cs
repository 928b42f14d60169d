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
        await Migrator.MigrateAsync(db);

        KeyRing.Restrict(sp);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        // Earlier versions had one 管理员: it becomes the 系统管理员 (users and units).
        if (await roles.FindByNameAsync(Roles.LegacyAdmin) is { } legacy && !await roles.RoleExistsAsync(Roles.SystemAdmin))
        {
            legacy.Name = Roles.SystemAdmin;
            Check(await roles.UpdateAsync(legacy));
        }
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (!await users.Users.AnyAsync())
        {
            var password = await CreateUserAsync(users, "admin", "系统管理员", Roles.SystemAdmin, mustChange: true);
            console.WriteLine("已创建系统管理员账号 admin，初始密码（仅显示这一次，首次登录后须修改）：" + password);
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
        await AssignRoleAsync(users, user, role);
        return password;
    }

    // Every role assignment goes through here, so that the three administrators stay apart.
    public static async Task AssignRoleAsync(UserManager<AppUser> users, AppUser user, string role)
    {
        if (Roles.Separate(await users.GetRolesAsync(user), role) is { } refusal) throw new InvalidOperationException(refusal);
        Check(await users.AddToRoleAsync(user, role));
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
