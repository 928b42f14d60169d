using System.Net;
using System.Threading.RateLimiting;
using Jixiao.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Features.Account;

// Configuration section "Security" (environment: Security__IdleMinutes=…):
//   IdleMinutes            a session ends after this long without a request (30)
//   AbsoluteHours          and in any case this long after sign-in (12)
//   SignInAttemptsPerMinute per client address (10); more get 429
//   Proxies                addresses of reverse proxies whose X-Forwarded-For/-Proto are believed
//                          (also `serve --proxy`); none by default, so no forwarded header is believed
public sealed class SecurityOptions
{
    public double IdleMinutes { get; set; } = 30;
    public double AbsoluteHours { get; set; } = 12;
    public int SignInAttemptsPerMinute { get; set; } = 10;
    public List<string> Proxies { get; set; } = [];
}

// Sessions, sign-in throttling, HTTPS and reverse proxies: the parts of 等保 access control that sit
// around the pages rather than in them.
public static class WebSecurity
{
    const string StartedKey = "jixiao:started";

    public static void AddServices(WebApplicationBuilder builder, IEnumerable<string> proxies)
    {
        var services = builder.Services;
        // Read when first needed, so that configuration added after this call still counts.
        services.AddSingleton(sp =>
        {
            var options = new SecurityOptions();
            sp.GetRequiredService<IConfiguration>().GetSection("Security").Bind(options);
            options.Proxies.AddRange(proxies);
            return options;
        });
        services.AddTransient<IPasswordValidator<AppUser>, PasswordPolicy>();

        // Every request checks the user's security stamp: sign-out, a password change or an
        // administrator's reset change it, and every other copy of the cookie dies at once. The check
        // remembers the stored stamp briefly and forgets it at every saved change (SessionCheck.cs).
        services.AddSingleton<SessionCache>();
        services.AddSingleton<IdentityChanges>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<SecurityOptions>((o, options) =>
        {
            o.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleMinutes);
            o.SlidingExpiration = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnSigningIn = ctx =>
            {
                // The moment of sign-in travels with the session through every renewal.
                var now = (ctx.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                ctx.Properties.Items.TryAdd(StartedKey, now.ToUnixTimeSeconds().ToString());
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var now = (ctx.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (!ctx.Properties.Items.TryGetValue(StartedKey, out var started) || !long.TryParse(started, out var seconds)
                    || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(options.AbsoluteHours))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await ctx.HttpContext.RequestServices.GetRequiredService<SessionCache>().ValidateAsync(ctx, now);
            };
        });
        // After the framework has set the cookie's ticket format (PostConfigure runs in order of registration).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure<TimeProvider>((o, time) =>
            o.TicketDataFormat = new KeptTickets(o.TicketDataFormat, time));
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        KeptAntiforgery.Register(services);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<SecurityOptions>((o, options) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies: not even loopback is believed by default.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.Proxies)
            {
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else if (System.Net.IPNetwork.TryParse(proxy, out var network)) o.KnownIPNetworks.Add(network);
                else throw new StartupException($"无法识别的反向代理地址“{proxy}”：应为 IP 地址（如 127.0.0.1）或网段（如 10.0.0.0/24）");
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                // The API's token endpoint takes passwords too, so it shares the sign-in page's budget.
                HttpMethods.IsPost(ctx.Request.Method)
                && (ctx.Request.Path.StartsWithSegments("/Account/Login") || ctx.Request.Path.StartsWithSegments("/api/auth/token"))
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = ctx.RequestServices.GetRequiredService<SecurityOptions>().SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (ctx, ct) =>
            {
                var db = ctx.HttpContext.RequestServices.GetRequiredService<JixiaoDb>();
                AuditLog.Add(db, ctx.HttpContext, "Throttled", null, AuditLog.RequestEntity, ctx.HttpContext.Request.Path, "登录尝试过于频繁");
                await db.SaveChangesAsync(ct);
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("登录尝试过于频繁，请一分钟后再试。", ct);
            };
        });
    }

    // First in the pipeline: the client's real address and scheme, then HSTS for HTTPS requests.
    public static void UseEarly(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
    }

    // After authentication (so the user is known), around authorization (so its refusals are seen).
    public static void UseAfterAuthentication(WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (ctx, next) =>
        {
            await next();
            var response = ctx.Response;
            var denied = response.StatusCode == 302 && response.Headers.Location.ToString().Contains("/Account/Denied");
            // A 400 on a post is the anti-forgery check failing (or a malformed form); 403 and the
            // denied page are authorization refusing.
            if (denied || response.StatusCode == 403 || (response.StatusCode == 400 && HttpMethods.IsPost(ctx.Request.Method)))
            {
                var db = ctx.RequestServices.GetRequiredService<JixiaoDb>();
                db.ChangeTracker.Clear();
                AuditLog.Add(db, ctx, "Refused", ctx.User.Identity?.Name ?? "（未登录）", AuditLog.RequestEntity,
                    ctx.Request.Method + " " + ctx.Request.Path, response.StatusCode == 400 ? "请求无效（防伪令牌校验失败或表单损坏）" : "无权访问");
                await db.SaveChangesAsync();
            }
        });
    }
}
