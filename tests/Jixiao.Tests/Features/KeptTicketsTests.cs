using System.Security.Claims;
using Jixiao.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Jixiao.Tests.Infrastructure;

namespace Jixiao.Tests.Features;

// The sign-in cookie's ticket is decrypted once per cookie value and minute; every request gets its own copy.
public class KeptTicketsTests
{
    // The real format, counting its decryptions.
    sealed class Counted(ISecureDataFormat<AuthenticationTicket> real) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decrypted;
        public string Protect(AuthenticationTicket data) => real.Protect(data);
        public string Protect(AuthenticationTicket data, string? purpose) => real.Protect(data, purpose);
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);
        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decrypted++;
            return real.Unprotect(protectedText, purpose);
        }
    }

    static AuthenticationTicket Ticket(string name) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "Identity.Application")),
        new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(30) }, "Identity.Application");

    [Fact]
    public void A_cookie_is_decrypted_once_a_minute_and_each_request_gets_its_own_copy()
    {
        var counted = new Counted(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var clock = new MovableClock();
        var tickets = new KeptTickets(counted, clock);
        var cookie = tickets.Protect(Ticket("east-preparer"));

        var first = tickets.Unprotect(cookie)!;
        first.Principal.Identities.First().AddClaim(new Claim("added-by-one-request", "1"));
        first.Properties.Items["changed"] = "1";
        var second = tickets.Unprotect(cookie)!;
        Assert.Equal(1, counted.Decrypted);
        Assert.Equal("east-preparer", second.Principal.Identity!.Name);
        Assert.Null(second.Principal.FindFirst("added-by-one-request"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);

        clock.Offset = KeptTickets.Keep - TimeSpan.FromSeconds(1);
        tickets.Unprotect(cookie);
        Assert.Equal(1, counted.Decrypted);
        clock.Offset = KeptTickets.Keep;
        Assert.Equal("east-preparer", tickets.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal(2, counted.Decrypted);

        // Another user's cookie is its own; a forged one is refused every time, never kept.
        Assert.Equal("west-preparer", tickets.Unprotect(tickets.Protect(Ticket("west-preparer")))!.Principal.Identity!.Name);
        var forged = cookie[..^4] + (cookie.EndsWith("AAAA") ? "BBBB" : "AAAA");
        Assert.Null(tickets.Unprotect(forged));
        Assert.Null(tickets.Unprotect(forged));
        Assert.Equal(5, counted.Decrypted);
    }

    [Fact]
    public async Task The_application_s_sign_in_cookie_goes_through_it()
    {
        await using var test = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(test, demo: true);
        var options = app.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<KeptTickets>(options.TicketDataFormat);
        var client = await app.SignedIn("east-preparer");
        Assert.Contains("退出", await client.GetStringAsync("/"));
        Assert.Contains("退出", await client.GetStringAsync("/"));
    }
}
