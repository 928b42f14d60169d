using System.Text.Encodings.Web;
using System.Text.Unicode;
using Jixiao.Data;
using Jixiao.Features;
using Jixiao.Features.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

namespace Jixiao;

public sealed record ServeOptions(string DataFolder, string? Database = null, string Urls = "http://127.0.0.1:5080", bool Demo = false,
    IReadOnlyList<string>? Proxies = null);

// The web application: built here so that `jixiao serve` and the tests run the very same thing.
public static class WebApp
{
    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var data = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(data);
        FilePermissions.RestrictFolder(data);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Named explicitly: under a test host the entry assembly is not this one, and Razor Pages are found by it.
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            // wwwroot is copied beside the binaries, so any working directory serves the same files.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // A save that loses a race is answered 409 by ProjectStore; EF's own "fail" line for it misleads
        // operators, and a save that really fails still reaches the exception handler's log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.None);
        // The first start's console is read by a new user: the key ring is kept unencrypted on purpose, in data/keys
        // readable by the service's user only (0600, README "Running it for real"), so the English warning about it
        // at every first start only alarms.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);

        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton(sp => new ChangeClock(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Database:ExternalChangeSeconds", 1.0))));
        services.AddSingleton<KeptConnection>();
        Database.Register(services, data, options.Database,
            (sp, db) => db.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Account.IdentityChanges>(),
                sp.GetRequiredService<ChangeClock>(), sp.GetRequiredService<KeptConnection>()),
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Database:BusySeconds", Database.DefaultBusyWait.TotalSeconds)));
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<JixiaoDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<UserClaims>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "jixiao";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // Keys in the data folder: sign-ins survive a restart.
        var keys = Directory.CreateDirectory(KeyRing.Folder(data));
        FilePermissions.RestrictFolder(keys.FullName);
        services.AddSingleton(new KeyRingLocation(keys.FullName));
        services.AddDataProtection().PersistKeysToFileSystem(keys).SetApplicationName("jixiao");
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/Public"); // documents out: published targets, open data
        });
        Features.SparseTempData.Register(services);
        services.AddAdministration(); // policies (UserAdmin, LibraryAdmin), Chinese validation and Identity messages
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        Features.Account.WebSecurity.AddServices(builder, options.Proxies ?? []);
        var uploads = new Features.Import.UploadLimits();
        builder.Configuration.GetSection("Uploads").Bind(uploads);
        services.AddSingleton(uploads);
        services.AddSingleton<Features.Import.UploadGate>();
        services.AddSingleton<Features.ListCache>();
        services.AddSingleton<Features.Projects.ProjectViews>();
        services.AddHealthChecks().AddDbContextCheck<JixiaoDb>();
        services.AddJixiaoApi(); // review chain: bearer-token API under /api
        Features.Export.ExportSetup.AddServices(services, data); // documents out: one Chromium for PDFs, the exports
        configure?.Invoke(builder);

        var app = builder.Build();
        Features.Account.WebSecurity.UseEarly(app);
        app.Use(async (ctx, next) =>
        {
            // Pages use only their own scripts and styles, and are never framed by another site.
            var headers = ctx.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseApiErrors(); // review chain: /api answers JSON, never the HTML status pages
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        Features.Account.WebSecurity.UseAfterAuthentication(app);
        app.UseAuthorization();
        app.Use(async (ctx, next) =>
        {
            // Uploads may be larger than the server's default body limit, up to their own.
            if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.StartsWithSegments("/Import")
                && ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
                body.MaxRequestBodySize = ctx.RequestServices.GetRequiredService<Features.Import.UploadLimits>().MaxRequestBytes;
            await next();
        });
        app.Use(async (ctx, next) =>
        {
            // A first sign-in with a generated password must change it before anything else.
            if (ctx.User.Identity?.IsAuthenticated == true && ctx.User.HasClaim(UserClaims.MustChangePassword, "1")
                && !ctx.Request.Path.StartsWithSegments("/Account") && !Features.Api.ApiSetup.IsApi(ctx))
            {
                ctx.Response.Redirect("/Account/ChangePassword");
                return;
            }
            await next();
        });
        app.MapRazorPages();
        app.MapJixiaoApi(); // review chain
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}
