using System.Security.Claims;
using Jixiao.Features.Account;
using Jixiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Jixiao.Tests.Features;

// A page's form token is made once a minute per browser cookie and user, and the framework still checks every post.
public class KeptAntiforgeryTests
{
    sealed class Setup
    {
        public readonly MovableClock Clock = new();
        public readonly IAntiforgery Antiforgery;
        public readonly AntiforgeryOptions Options;
        readonly IServiceProvider services;

        public Setup()
        {
            var collection = new ServiceCollection();
            collection.AddLogging();
            collection.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            collection.AddSingleton<TimeProvider>(Clock);
            collection.AddAntiforgery();
            KeptAntiforgery.Register(collection);
            services = collection.BuildServiceProvider();
            Antiforgery = services.GetRequiredService<IAntiforgery>();
            Options = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        }

        public HttpContext Request(string? cookie, string? user, string method = "GET", string? formToken = null)
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Request.Method = method;
            if (cookie != null) http.Request.Headers.Cookie = $"{Options.Cookie.Name}={cookie}";
            if (user != null)
                http.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, user + "-id"), new Claim(ClaimTypes.Name, user)], "Identity.Application"));
            if (formToken != null)
            {
                http.Request.ContentType = "application/x-www-form-urlencoded";
                http.Request.Form = new FormCollection(new Dictionary<string, StringValues> { [Options.FormFieldName] = formToken });
            }
            return http;
        }
    }

    // The cookie token the framework gave a browser on its first page.
    static string NewCookie(Setup s)
    {
        var first = s.Request(null, "east-preparer");
        var tokens = s.Antiforgery.GetAndStoreTokens(first);
        Assert.NotNull(tokens.CookieToken);
        return tokens.CookieToken!;
    }

    [Fact]
    public async Task The_same_browser_and_user_get_the_same_token_for_a_minute_and_it_still_passes_the_check()
    {
        var s = new Setup();
        Assert.IsType<KeptAntiforgery>(s.Antiforgery);
        var cookie = NewCookie(s);

        var page1 = s.Request(cookie, "east-preparer");
        var token = s.Antiforgery.GetAndStoreTokens(page1).RequestToken!;
        var page2 = s.Request(cookie, "east-preparer");
        var again = s.Antiforgery.GetAndStoreTokens(page2);
        // The framework encrypts anew each time: the same string means it was kept.
        Assert.Equal(token, again.RequestToken);
        Assert.Null(again.CookieToken);
        Assert.Equal(s.Options.FormFieldName, again.FormFieldName);
        Assert.Equal("no-cache, no-store", page2.Response.Headers.CacheControl.ToString());
        Assert.Equal("no-cache", page2.Response.Headers.Pragma.ToString());

        Assert.True(await s.Antiforgery.IsRequestValidAsync(s.Request(cookie, "east-preparer", "POST", token)));
        await s.Antiforgery.ValidateRequestAsync(s.Request(cookie, "east-preparer", "POST", token));

        s.Clock.Offset = KeptAntiforgery.Keep - TimeSpan.FromSeconds(1);
        Assert.Equal(token, s.Antiforgery.GetAndStoreTokens(s.Request(cookie, "east-preparer")).RequestToken);
        s.Clock.Offset = KeptAntiforgery.Keep;
        var renewed = s.Antiforgery.GetAndStoreTokens(s.Request(cookie, "east-preparer")).RequestToken!;
        Assert.NotEqual(token, renewed);
        Assert.True(await s.Antiforgery.IsRequestValidAsync(s.Request(cookie, "east-preparer", "POST", renewed)));
    }

    [Fact]
    public async Task Another_user_on_the_same_browser_or_another_browser_gets_its_own_token()
    {
        var s = new Setup();
        var cookie = NewCookie(s);
        var east = s.Antiforgery.GetAndStoreTokens(s.Request(cookie, "east-preparer")).RequestToken!;
        s.Antiforgery.GetAndStoreTokens(s.Request(cookie, "east-preparer"));

        // Signed in as someone else on the same browser: the kept token of the first user is not handed out.
        var west = s.Antiforgery.GetAndStoreTokens(s.Request(cookie, "west-preparer")).RequestToken!;
        Assert.NotEqual(east, west);
        Assert.False(await s.Antiforgery.IsRequestValidAsync(s.Request(cookie, "west-preparer", "POST", east)));
        Assert.True(await s.Antiforgery.IsRequestValidAsync(s.Request(cookie, "west-preparer", "POST", west)));
        var anonymous = s.Antiforgery.GetAndStoreTokens(s.Request(cookie, null)).RequestToken!;
        Assert.NotEqual(east, anonymous);

        // Another browser's cookie: its own token, and the first browser's token fails with it.
        var other = NewCookie(s);
        var otherToken = s.Antiforgery.GetAndStoreTokens(s.Request(other, "east-preparer")).RequestToken!;
        Assert.NotEqual(east, otherToken);
        Assert.False(await s.Antiforgery.IsRequestValidAsync(s.Request(other, "east-preparer", "POST", east)));
    }

    [Fact]
    public void A_forged_cookie_is_never_kept_the_framework_gives_a_new_one_each_time()
    {
        var s = new Setup();
        var cookie = NewCookie(s);
        var forged = cookie[..^4] + (cookie.EndsWith("AAAA") ? "BBBB" : "AAAA");
        var first = s.Antiforgery.GetAndStoreTokens(s.Request(forged, "east-preparer"));
        var second = s.Antiforgery.GetAndStoreTokens(s.Request(forged, "east-preparer"));
        Assert.NotNull(first.CookieToken);
        Assert.NotNull(second.CookieToken);
        Assert.NotEqual(first.RequestToken, second.RequestToken);
    }
}
