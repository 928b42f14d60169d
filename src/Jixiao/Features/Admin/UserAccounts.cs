using Jixiao.Data;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Features.Admin;

// A disabled account is one locked out until a date no one reaches; enabling lifts the lock. Sign-in
// refuses it with the same words as a wrong password (nothing tells which accounts exist).
// The security stamp changes with it, so a disabled user's open sessions end at their next check.
public static class UserAccounts
{
    static readonly DateTimeOffset Forever = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(AppUser u) => u.LockoutEnd is { } end && end.Year >= 9000;

    public static string StatusOf(AppUser u) =>
        IsDisabled(u) ? "已停用" : u.LockoutEnd > DateTimeOffset.UtcNow ? "暂时锁定" : u.MustChangePassword ? "待首次改密" : "正常";

    public static async Task Disable(UserManager<AppUser> users, AppUser u)
    {
        u.LockoutEnabled = true;
        u.LockoutEnd = Forever;
        await users.UpdateSecurityStampAsync(u);
    }

    public static async Task Enable(UserManager<AppUser> users, AppUser u)
    {
        u.LockoutEnd = null;
        u.AccessFailedCount = 0;
        await users.UpdateAsync(u);
    }

    // A generated password, to be shown once; the user must change it at the next sign-in.
    public static async Task<(string? Password, IEnumerable<string> Errors)> ResetPassword(UserManager<AppUser> users, AppUser u)
    {
        var replaced = u.PasswordHash;
        var password = Bootstrap.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(u);
        var result = await users.ResetPasswordAsync(u, token, password);
        if (!result.Succeeded) return (null, result.Errors.Select(e => e.Description));
        u.MustChangePassword = true;
        if (!IsDisabled(u)) u.LockoutEnd = null;
        u.AccessFailedCount = 0;
        await users.UpdateAsync(u);
        // The replaced password joins the history that a new password may not repeat.
        await Account.PasswordPolicy.RememberAsync(users, u, replaced);
        return (password, []);
    }

    // Which attachment a role needs: a unit's people belong to a unit, a supervisor to a department.
    public static string? AttachmentError(string role, int? unitId, int? departmentId) => role switch
    {
        Roles.Preparer or Roles.UnitHead when unitId == null => $"“{role}”须选择所属预算单位",
        Roles.Preparer or Roles.UnitHead when departmentId != null => $"“{role}”属于预算单位，不应再选择主管部门",
        Roles.SupervisorReviewer when departmentId == null => $"“{role}”须选择所属主管部门",
        Roles.SupervisorReviewer when unitId != null => $"“{role}”属于主管部门，不应再选择预算单位",
        _ => null,
    };
}
