using System.Security.Claims;
using Jixiao.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Api;

public sealed record TokenRequest(string? UserName, string? Password);
public sealed record TokenResponse(string Token, DateTime ExpiresUtc);

// POST /api/auth/token: a bearer token for a user name and password, checked with the same lockout as
// the sign-in page. The token is the bearer scheme's own protected ticket, so the scheme reads it back.
public static class ApiAuth
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", Issue).AllowAnonymous()
            .Produces<TokenResponse>().Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .WithSummary("取得访问令牌（8 小时内有效）");

    static async Task<IResult> Issue(TokenRequest body, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
            return ApiSetup.Error(StatusCodes.Status401Unauthorized, "请提供用户名和密码");
        var user = await users.FindByNameAsync(body.UserName.Trim());
        if (user == null) return ApiSetup.Error(StatusCodes.Status401Unauthorized, "用户名或密码错误");
        var result = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        if (result.IsLockedOut) return ApiSetup.Error(StatusCodes.Status401Unauthorized, "登录失败次数过多，账号已暂时锁定，请稍后再试");
        if (!result.Succeeded) return ApiSetup.Error(StatusCodes.Status401Unauthorized, "用户名或密码错误");
        if (user.MustChangePassword) return ApiSetup.Error(StatusCodes.Status401Unauthorized, "请先在网页上登录并修改初始密码");

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        var token = options.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
        return Results.Ok(new TokenResponse(token, expires.UtcDateTime));
    }
}
