using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;

namespace Jixiao.Features.Api;

// The API for finance platforms (/api): bearer tokens only, never the sign-in cookie, so no cross-site
// request can act with a browser's session and no anti-forgery token is needed; JSON as the interchange writes it.
public static class ApiSetup
{
    public const string Policy = "api";

    public static void AddJixiaoApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o =>
        {
            o.BearerTokenExpiration = ApiAuth.Lifetime;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(BearerTokenDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi();
    }

    public static void MapJixiaoApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api");
        ApiAuth.Map(api);
        var projects = api.MapGroup("/projects").RequireAuthorization(Policy);
        ProjectsApi.Map(projects);
        WorkflowApi.Map(projects);
    }

    // Requests under /api answer in JSON: no sign-in redirect, no HTML error page, no forced password change.
    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    public static void UseApiErrors(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        if (IsApi(ctx) && ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        await next();
    });

    public static IResult Error(int status, string message) => Results.Json(new ApiError(message), statusCode: status);
}

public sealed record ApiError(string Error);
