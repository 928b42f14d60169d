using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jixiao.Features;

// The framework's cookie temp data (a message carried over a redirect), minus one thing: a page that only
// looked for a message and found none still sent a cookie deleting the one the browser did not have.
public sealed class SparseTempData(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!)) return;
        inner.SaveTempData(context, values);
    }

    public static void Register(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider>(sp =>
            new SparseTempData(ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>())));
}
