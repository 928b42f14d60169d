using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Account;

// The anti-forgery token a page's forms carry, made once a minute per browser and user: the framework
// decrypts the browser's cookie token and encrypts a new form token for every page with a form (a tenth
// of the project page's work), though the form token it makes for the same cookie and user is the same
// token each time, only encrypted anew. Posts are checked by the framework as before, untouched; a new
// browser, a new cookie or another user signed in on it gets its own token.
public sealed class KeptAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options, TimeProvider time) : IAntiforgery
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    const int Limit = 10_000;

    // A browser's cookie token and what the framework binds a form token to: the signed-in user's id claim
    // (with its issuer), or the name.
    readonly record struct Key(string Cookie, string? Scheme, string? Id, string? Issuer, string? Name);

    readonly ConcurrentDictionary<Key, (string RequestToken, long At)> kept = new();

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        // A page with several forms asks for each.
        if (httpContext.Items[typeof(KeptAntiforgery)] is AntiforgeryTokenSet asked) return asked;
        var tokens = TokensOf(httpContext);
        httpContext.Items[typeof(KeptAntiforgery)] = tokens;
        return tokens;
    }

    AntiforgeryTokenSet TokensOf(HttpContext httpContext)
    {
        var o = options.Value;
        if (httpContext.Request.Cookies[o.Cookie.Name!] is not { Length: > 0 } cookie) return inner.GetAndStoreTokens(httpContext);
        var identity = httpContext.User.Identities.FirstOrDefault(i => i.IsAuthenticated);
        var id = identity?.FindFirst(ClaimTypes.NameIdentifier);
        var key = new Key(cookie, identity?.AuthenticationType, id?.Value, id?.Issuer, identity?.Name);
        var now = time.GetTimestamp();
        if (kept.TryGetValue(key, out var k) && time.GetElapsedTime(k.At, now) < Keep)
        {
            // What the framework says of every response with a token in it.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }
            return new AntiforgeryTokenSet(k.RequestToken, null, o.FormFieldName, o.HeaderName);
        }
        var tokens = inner.GetAndStoreTokens(httpContext);
        // Kept only when the browser's cookie was good (no new cookie token was made for it).
        if (tokens.CookieToken == null && tokens.RequestToken != null)
        {
            if (kept.Count >= Limit) kept.Clear();
            kept[key] = (tokens.RequestToken, now);
        }
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);
    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);
    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);
    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    // In place of the framework's service, which it wraps (registered by AddAntiforgery as a type).
    public static void Register(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(sp => new KeptAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, framework.ImplementationType!),
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>(), sp.GetRequiredService<TimeProvider>()));
    }
}
