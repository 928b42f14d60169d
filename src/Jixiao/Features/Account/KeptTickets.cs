using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Jixiao.Features.Account;

// The sign-in cookie's ticket, decrypted once per cookie value and kept for a minute: a browser sends the
// same cookie with every page, and decrypting it (a key derived, a MAC checked, AES) was a tenth of a page's
// work. Everything the cookie handler checks after decrypting still runs on every request (expiry, the
// absolute limit, the security stamp: SessionCheck.cs), so a signed-out or reset session ends as before;
// only a revoked data-protection key takes up to Keep to be noticed. Each request gets its own copy.
public sealed class KeptTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    const int Limit = 10_000;

    readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, long At)> kept = new();

    public string Protect(AuthenticationTicket data) => inner.Protect(data);
    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);
    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText == null || purpose != null) return inner.Unprotect(protectedText, purpose);
        var now = time.GetTimestamp();
        if (kept.TryGetValue(protectedText, out var k) && time.GetElapsedTime(k.At, now) < Keep) return Copy(k.Ticket);
        if (inner.Unprotect(protectedText) is not { } ticket) return null;
        if (kept.Count >= Limit) kept.Clear();
        kept[protectedText] = (ticket, now);
        return Copy(ticket);
    }

    // ClaimsPrincipal.Clone shares its identities: each is copied here, so a claim added by one request stays in it.
    static AuthenticationTicket Copy(AuthenticationTicket t) =>
        new(new System.Security.Claims.ClaimsPrincipal(t.Principal.Identities.Select(i => i.Clone())), t.Properties.Clone(), t.AuthenticationScheme);
}
