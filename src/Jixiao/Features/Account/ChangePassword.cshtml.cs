using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, JixiaoDb db) : PageModel
{
    [BindProperty, Display(Name = "当前密码"), Required(ErrorMessage = "请输入当前密码")] public string Current { get; set; } = "";
    [BindProperty, Display(Name = "新密码"), Required(ErrorMessage = "请输入新密码")] public string New { get; set; } = "";
    [BindProperty, Display(Name = "再次输入的新密码"), Required(ErrorMessage = "请再次输入新密码"), Compare(nameof(New), ErrorMessage = "两次输入的新密码不一致")] public string Confirm { get; set; } = "";
    public bool MustChange => User.HasClaim(UserClaims.MustChangePassword, "1");
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user == null) return Challenge();
        var replaced = user.PasswordHash;
        // A new security stamp comes with it: every other session of this user ends; this one is re-issued below.
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", Describe(e));
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await PasswordPolicy.RememberAsync(users, user, replaced);
        AuditLog.Add(db, HttpContext, "PasswordChanged", user.UserName, AuditLog.AccountEntity, user.UserName);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }

    // Identity's own messages are English; say the common ones in Chinese.
    static string Describe(IdentityError e) => e.Code switch
    {
        "PasswordMismatch" => "当前密码不正确",
        "PasswordTooShort" => "新密码至少 10 位",
        "PasswordRequiresDigit" => "新密码须包含数字",
        "PasswordRequiresLower" => "新密码须包含小写字母",
        "PasswordRequiresUniqueChars" => "新密码的字符过于单一",
        "CommonPassword" or "ContainsUserName" or "RecentlyUsed" => e.Description,
        _ => e.Description,
    };
}
