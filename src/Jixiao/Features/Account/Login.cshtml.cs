using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Display(Name = "用户名"), Required(ErrorMessage = "请输入用户名")] public string UserName { get; set; } = "";
    [BindProperty, Display(Name = "密码"), Required(ErrorMessage = "请输入密码")] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        var disabled = result.IsLockedOut && await signIn.UserManager.FindByNameAsync(UserName) is { } user && Admin.UserAccounts.IsDisabled(user);
        ModelState.AddModelError("", disabled ? "账号已停用，请联系管理员"
            : result.IsLockedOut ? "登录失败次数过多，账号已暂时锁定，请稍后再试" : "用户名或密码错误");
        return Page();
    }
}
