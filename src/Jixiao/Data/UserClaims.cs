using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Data;

// The cookie carries the user's unit and department, so that every query can be scoped without a lookup.
public sealed class UserClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string Unit = "jixiao:unit";
    public const string Department = "jixiao:department";
    public const string DisplayName = "jixiao:display-name";
    public const string MustChangePassword = "jixiao:must-change-password";
    // Stored as a user claim (AspNetUserClaims) on the demonstration accounts; shown as a banner on every page.
    public const string Demo = "jixiao:demo";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.BudgetUnitId is int unit) id.AddClaim(new Claim(Unit, unit.ToString()));
        if (user.SupervisingDepartmentId is int dept) id.AddClaim(new Claim(Department, dept.ToString()));
        if (user.MustChangePassword) id.AddClaim(new Claim(MustChangePassword, "1"));
        return id;
    }
}
