using Jixiao.Export;

namespace Jixiao.Features.Export;

public static class ExportSetup
{
    // One printer for the app: Chromium starts on the first PDF and is shut down with the app
    // (the container disposes the singleton at shutdown).
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<PdfPrinter>();
        services.AddScoped<Exports>();
        // Long exports (a unit's book, filtered lists) run one at a time in the background.
        services.AddSingleton<ExportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportJobs>());
    }
}
