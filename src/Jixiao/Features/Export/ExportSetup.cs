using Jixiao.Export;

namespace Jixiao.Features.Export;

public static class ExportSetup
{
    // One printer for the app: Chromium starts on the first PDF and is shut down with the app
    // (the container disposes the singleton at shutdown).
    public static void AddServices(IServiceCollection services, string dataFolder)
    {
        services.AddSingleton<PdfPrinter>();
        services.AddScoped<Exports>();
        // Long exports (a unit's book, filtered lists) run one at a time in the background.
        // Their records and files are kept in the data folder (exports/), so finished ones outlive a restart.
        services.AddSingleton(new ExportJobs.Folder(ExportJobs.FolderIn(dataFolder)));
        services.AddSingleton<ExportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportJobs>());
    }
}
