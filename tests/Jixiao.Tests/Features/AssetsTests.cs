using System.Security.Cryptography;
using Jixiao.Features;

namespace Jixiao.Tests.Features;

// Static files are linked with a hash of their content, so a browser fetches them again after a release changes them.
public class AssetsTests
{
    [Fact]
    public void A_file_is_linked_with_the_hash_of_its_content()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "site.css"));
        Assert.Equal("/css/site.css?v=" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16], Assets.Url("/css/site.css"));
        Assert.NotEqual(Assets.Url("/css/site.css"), Assets.Url("/js/site.js"));
    }

    [Fact]
    public void A_missing_file_is_linked_as_it_is() => Assert.Equal("/js/不存在.js", Assets.Url("/js/不存在.js"));
}
