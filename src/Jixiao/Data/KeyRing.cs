using Microsoft.AspNetCore.DataProtection;

namespace Jixiao.Data;

// The data-protection keys sign every session cookie and anti-forgery token: they live in the data
// folder (sign-ins survive a restart) readable by the service's user only.
public static class KeyRing
{
    public static string Folder(string dataFolder) => Path.Combine(Path.GetFullPath(dataFolder), "keys");

    // At start: the key ring is created now rather than at the first request, so that its files can be
    // restricted before anyone could read them.
    public static void Restrict(IServiceProvider services)
    {
        if (services.GetService<KeyRingLocation>() is not { } location) return;
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("jixiao.start").Protect([1]);
        FilePermissions.RestrictTree(location.Path);
    }
}

public sealed record KeyRingLocation(string Path);
