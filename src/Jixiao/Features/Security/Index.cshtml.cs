using Jixiao.Data;
using Jixiao.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Security;

// The 安全管理员's page: accounts with their lock state; unlock, and reset a password (a new one shown once,
// to be changed at first sign-in). A reset changes the security stamp, so every session of that user ends.
[Authorize(Roles = Roles.SecurityAdmin)]
public sealed class IndexModel(UserManager<AppUser> users, JixiaoDb db) : PageModel
{
    public sealed record Account(string Id, string UserName, string DisplayName, string Roles, bool Locked, int Failed);

    public List<Account> Accounts { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        AuditLog.Add(db, HttpContext, "Unlocked", User.Identity!.Name, AuditLog.AccountEntity, user.UserName);
        await db.SaveChangesAsync();
        Message = $"已解锁账号 {user.UserName}";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var replaced = user.PasswordHash;
        var password = Bootstrap.NewPassword();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            Message = "重置失败：" + string.Join("；", result.Errors.Select(e => e.Description));
            await LoadAsync();
            return Page();
        }
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await PasswordPolicy.RememberAsync(users, user, replaced);
        AuditLog.Add(db, HttpContext, "PasswordReset", User.Identity!.Name, AuditLog.AccountEntity, user.UserName);
        await db.SaveChangesAsync();
        Message = $"账号 {user.UserName} 的密码已重置，该账号的所有会话已结束。新密码（仅显示这一次，首次登录后须修改）：{password}";
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        Accounts = [];
        foreach (var u in all)
            Accounts.Add(new Account(u.Id, u.UserName!, u.DisplayName, string.Join("、", await users.GetRolesAsync(u)),
                u.LockoutEnd > now, u.AccessFailedCount));
    }
}
