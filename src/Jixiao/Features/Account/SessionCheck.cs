using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Jixiao.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Account;

// The check of a session's security stamp on every request, without asking the database every time.
// Identity's own validator reads the user, their claims, roles and role claims (five queries) and
// re-issues the cookie on every request; here the user's current stamp and claims are remembered for a
// short while, and forgotten at once whenever anything that makes them changes in this process (a
// sign-out, a password change or reset, roles, claims, the user's unit): IdentityChanges sees every
// save. A change made by another process (a command-line tool) counts after at most Lifetime.
public sealed class SessionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    sealed record Entry(string Stamp, ClaimsPrincipal Principal, string Claims, DateTimeOffset Loaded);

    readonly ConcurrentDictionary<string, Entry> entries = new();
    readonly Lock gate = new();
    // Bumped by every change: a load begun before a change is never stored after it.
    long generation;

    public void Forget(IEnumerable<string> userIds)
    {
        lock (gate)
        {
            generation++;
            foreach (var id in userIds) entries.TryRemove(id, out _);
        }
    }

    public void ForgetAll()
    {
        lock (gate)
        {
            generation++;
            entries.Clear();
        }
    }

    public int Count => entries.Count;

    long Generation { get { lock (gate) return generation; } }

    void Store(string userId, Entry entry, long startedAt)
    {
        lock (gate)
            if (generation == startedAt) entries[userId] = entry;
    }

    // The cookie's principal checked against the user as stored: refused when the stamp changed or the
    // user is gone; replaced (and the cookie re-issued) when their claims changed; the cookie renewed
    // at most once a minute otherwise, so an idle session still ends IdleMinutes after its last request
    // (give or take that minute, never later).
    public async Task ValidateAsync(CookieValidatePrincipalContext ctx, DateTimeOffset now)
    {
        var services = ctx.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = ctx.Principal;
        var userId = principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (userId == null || stamp == null)
        {
            await RejectAsync(ctx);
            return;
        }

        if (!entries.TryGetValue(userId, out var entry) || now - entry.Loaded > Lifetime || now < entry.Loaded)
        {
            var startedAt = Generation;
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            var user = await signIn.UserManager.FindByIdAsync(userId);
            if (user == null || user.SecurityStamp != stamp)
            {
                await RejectAsync(ctx);
                return;
            }
            var fresh = await signIn.CreateUserPrincipalAsync(user);
            entry = new Entry(user.SecurityStamp, fresh, Fingerprint(fresh), now);
            Store(userId, entry, startedAt);
        }

        if (entry.Stamp != stamp)
        {
            await RejectAsync(ctx);
            return;
        }
        if (Fingerprint(principal!) != entry.Claims)
        {
            // The principal is shared between requests: each request gets its own copy.
            ctx.ReplacePrincipal(entry.Principal.Clone());
            ctx.ShouldRenew = true;
        }
        else if (ctx.Properties.IssuedUtc is not { } issued || now - issued > TimeSpan.FromMinutes(1))
            ctx.ShouldRenew = true;
    }

    static async Task RejectAsync(CookieValidatePrincipalContext ctx)
    {
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    // What the pages read from the principal, in a fixed order: equal strings, equal principals.
    static string Fingerprint(ClaimsPrincipal principal) =>
        string.Join("\n", principal.Claims.Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal));
}

// Tells the session cache about every saved change to users, their roles and claims, and roles: once
// when the change is about to be saved, again when it is saved, and again when its transaction commits,
// so that no check running meanwhile keeps what was there before.
public sealed class IdentityChanges(SessionCache sessions) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Users changed inside a transaction that has not committed yet, per context.
    readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = new();

    void Saving(DbContext? context)
    {
        if (context == null) return;
        var users = new HashSet<string>();
        var all = false;
        foreach (var e in context.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (e.Entity)
            {
                case AppUser u: users.Add(u.Id); break;
                case IdentityUserRole<string> r: users.Add(r.UserId); break;
                case IdentityUserClaim<string> c: users.Add(c.UserId); break;
                case IdentityRole or IdentityRoleClaim<string>: all = true; break;
            }
        }
        if (all) users.Add("*");
        if (users.Count == 0) return;
        Forget(users);
        if (context.Database.CurrentTransaction != null)
            lock (pending) pending.GetOrCreateValue(context).UnionWith(users);
        else
            lock (pending) pending.AddOrUpdate(context, users);
    }

    void Saved(DbContext? context)
    {
        if (context == null) return;
        HashSet<string>? users;
        lock (pending)
        {
            if (!pending.TryGetValue(context, out users)) return;
            if (context.Database.CurrentTransaction == null) pending.Remove(context);
            users = [.. users];
        }
        Forget(users);
    }

    void Ended(DbContext? context)
    {
        if (context == null) return;
        HashSet<string>? users;
        lock (pending)
        {
            if (!pending.TryGetValue(context, out users)) return;
            pending.Remove(context);
        }
        Forget(users);
    }

    void Forget(HashSet<string> users)
    {
        if (users.Contains("*")) sessions.ForgetAll();
        else sessions.Forget(users);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }
}
