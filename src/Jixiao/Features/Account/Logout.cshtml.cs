using Jixiao.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Account;

// Signing out ends every session of the user, not only this browser's: the security stamp changes,
// and every cookie carrying the old one is refused at its next request.
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, JixiaoDb db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            AuditLog.Add(db, HttpContext, "SignOut", user.UserName, AuditLog.AccountEntity, user.UserName);
            await db.SaveChangesAsync();
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
