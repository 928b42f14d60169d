using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Account;

// Sign-in says the same thing, in about the same time, whether the account does not exist, the password
// is wrong or the account is locked: nothing tells which accounts exist. Every attempt is audited with
// the client address; attempts per address are throttled by the rate limiter (WebApp).
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, JixiaoDb db) : PageModel
{
    public const string Refused = "用户名或密码错误。连续输错多次后账号会暂时锁定，请稍后再试或联系安全管理员。";

    [BindProperty, Display(Name = "用户名"), Required(ErrorMessage = "请输入用户名")] public string UserName { get; set; } = "";
    [BindProperty, Display(Name = "密码"), Required(ErrorMessage = "请输入密码")] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByNameAsync(UserName);
        if (user == null)
        {
            // The hash is computed anyway, so that an unknown name takes as long as a wrong password.
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash, Password);
            AuditLog.Add(db, HttpContext, "SignInFailed", null, AuditLog.AccountEntity, null, "未知用户名");
            await db.SaveChangesAsync();
            ModelState.AddModelError("", Refused);
            return Page();
        }
        // The failed-attempt counter changes before anyone is signed in: the audit names whose it is.
        HttpContext.Items[AuditInterceptor.ActorKey] = user.UserName;
        var wasLocked = await users.IsLockedOutAsync(user);
        if (wasLocked) users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DecoyHash, Password);
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AuditLog.Add(db, HttpContext, "SignIn", user.UserName, AuditLog.AccountEntity, user.UserName);
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        AuditLog.Add(db, HttpContext, result.IsLockedOut ? (wasLocked ? "SignInWhileLocked" : "LockedOut") : "SignInFailed",
            user.UserName, AuditLog.AccountEntity, user.UserName, result.IsLockedOut && !wasLocked ? "连续登录失败，账号已锁定" : "密码错误");
        await db.SaveChangesAsync();
        ModelState.AddModelError("", Refused);
        return Page();
    }

    static readonly AppUser Decoy = new() { UserName = "decoy" };
    static readonly string DecoyHash = new PasswordHasher<AppUser>().HashPassword(Decoy, Guid.NewGuid().ToString());
}
