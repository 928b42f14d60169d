using System.Security.Claims;
using Jixiao.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jixiao.Features;

// Who may administer what, named once: pages ask for a policy, and the roles behind each policy
// are decided here only (the single administrator role is about to split into three).
public static class Policies
{
    // Users, units and supervising departments.
    public const string UserAdmin = "UserAdmin";
    // Accepting or rejecting indicators proposed for the library.
    public const string LibraryAdmin = "LibraryAdmin";

    static readonly string[] userAdmins = [Roles.SystemAdmin];
    static readonly string[] libraryAdmins = [Roles.SystemAdmin];

    static void Define(AuthorizationOptions o)
    {
        o.AddPolicy(UserAdmin, p => p.RequireRole(userAdmins));
        o.AddPolicy(LibraryAdmin, p => p.RequireRole(libraryAdmins));
    }

    // The same policies for a page that only shows or hides a link (the layout, on every page): asked
    // directly, without the authorization service and its log line for each refusal.
    public static bool IsUserAdmin(ClaimsPrincipal user) => userAdmins.Any(user.IsInRole);
    public static bool IsLibraryAdmin(ClaimsPrincipal user) => libraryAdmins.Any(user.IsInRole);

    // Everything the administration, library and validation-message slices need, registered in one call.
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddAuthorization(Define);
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", UserAdmin);
            o.Conventions.AuthorizePage("/Library/Proposals", LibraryAdmin);
        });
        services.Configure<MvcOptions>(ValidationMessages.Configure);
        services.Replace(ServiceDescriptor.Scoped<IdentityErrorDescriber, ChineseIdentityErrors>());
        return services;
    }
}
