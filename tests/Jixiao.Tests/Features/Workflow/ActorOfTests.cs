using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Domain.Workflow;
using Jixiao.Features.Workflow;

namespace Jixiao.Tests.Features.Workflow;

// Who acts in the review chain, read from the sign-in's claims as IsInRole and FindFirst would.
public class ActorOfTests
{
    static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Identity.Application"));

    [Fact]
    public void Each_role_and_the_unit_and_department_are_read_from_the_claims()
    {
        Assert.Equal(new Actor(Preparer: true, UnitId: 7),
            ReviewChain.ActorOf(User((ClaimTypes.Role, Roles.Preparer), (UserClaims.Unit, "7"), (ClaimTypes.Name, "east-preparer"))));
        Assert.Equal(new Actor(UnitHead: true, UnitId: 7), ReviewChain.ActorOf(User((ClaimTypes.Role, Roles.UnitHead), (UserClaims.Unit, "7"))));
        Assert.Equal(new Actor(SupervisorReviewer: true, DepartmentId: 3),
            ReviewChain.ActorOf(User((ClaimTypes.Role, Roles.SupervisorReviewer), (UserClaims.Department, "3"))));
        Assert.Equal(new Actor(FinanceReviewer: true), ReviewChain.ActorOf(User((ClaimTypes.Role, Roles.FinanceReviewer))));
        foreach (var admin in Roles.Administrators.Append(Roles.LegacyAdmin))
            Assert.Equal(new Actor(Administrator: true), ReviewChain.ActorOf(User((ClaimTypes.Role, admin))));
        Assert.Equal(new Actor(Preparer: true, UnitHead: true),
            ReviewChain.ActorOf(User((ClaimTypes.Role, Roles.UnitHead), (ClaimTypes.Role, Roles.Preparer))));
    }

    [Fact]
    public void Nothing_else_counts_a_role_s_name_in_another_claim_an_unknown_role_or_a_unit_that_is_no_number()
    {
        Assert.Equal(new Actor(), ReviewChain.ActorOf(new ClaimsPrincipal()));
        Assert.Equal(new Actor(), ReviewChain.ActorOf(User((ClaimTypes.Name, Roles.FinanceReviewer), (ClaimTypes.Role, "访客"),
            (UserClaims.Unit, "东城"), (UserClaims.Department, ""))));
        // The first unit claim counts, as FindFirst reads it; a role is a role only in the identity's role claim type.
        Assert.Equal(new Actor(UnitId: 1), ReviewChain.ActorOf(User((UserClaims.Unit, "1"), (UserClaims.Unit, "2"))));
        var custom = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", Roles.Preparer), new Claim(ClaimTypes.Role, Roles.FinanceReviewer)], "Bearer", "name", "role"));
        Assert.Equal(new Actor(Preparer: true), ReviewChain.ActorOf(custom));
        Assert.Equal(custom.IsInRole(Roles.Preparer), ReviewChain.ActorOf(custom).Preparer);
        Assert.Equal(custom.IsInRole(Roles.FinanceReviewer), ReviewChain.ActorOf(custom).FinanceReviewer);
    }
}
