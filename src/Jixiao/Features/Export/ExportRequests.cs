using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Features.Review;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Features.Export;

// What a background export was asked for, kept in the job's record so that a job the app stopped before
// it was done is made again at the next start. Only the parameters (ids, year, filters) are kept, never
// the user's claims: a resumed job runs with what the owner may see at that time, read afresh.
public sealed record ExportRequest(string Kind, JsonElement Args)
{
    public const string Book = "book";
    public const string ProjectList = "project-list";
    public const string ReviewList = "review-list";

    public sealed record BookArgs(int Unit, int Year, string? Layout, bool Public, string To);
    public sealed record ProjectListArgs(int Year, string? Q, string Format);
    public sealed record ReviewListArgs(ReviewFilter Filter, string Format);

    public static ExportRequest Of(string kind, object args) => new(kind, JsonSerializer.SerializeToElement(args));

    T Read<T>() => Args.Deserialize<T>() ?? throw new JsonException("empty export request");

    // The work of the request for the given user; null for a kind this version does not know.
    public Func<IServiceProvider, ExportJob, string, CancellationToken, Task>? WorkFor(ClaimsPrincipal user)
    {
        switch (Kind)
        {
            case Book:
                var b = Read<BookArgs>();
                return (services, job, path, ct) => BookModel.WriteAsync(services, user, b, job, path, ct);
            case ProjectList:
                var p = Read<ProjectListArgs>();
                return ListExports.Work(p.Format, (db, output, progress, ct) => ListExports.ProjectsAsync(db, user, p.Year, p.Q, output, progress, ct));
            case ReviewList:
                var r = Read<ReviewListArgs>();
                return ListExports.Work(r.Format, (db, output, progress, ct) => ListExports.ReviewAsync(db, user, r.Filter, output, progress, ct));
            default:
                return null;
        }
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Known => Kind is Book or ProjectList or ReviewList;

    // The work of a request resumed after a restart: the owner's principal made again from the stored user,
    // as a sign-in would make it; a user removed or locked out meanwhile gets no file.
    public Func<IServiceProvider, ExportJob, string, CancellationToken, Task> Resumed(string owner) => async (services, job, path, ct) =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(owner);
        if (user == null || await users.IsLockedOutAsync(user)) throw new ExportRefusedException(ExportJobs.OwnerGone);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        await (WorkFor(principal) ?? throw new ExportRefusedException(ExportJobs.Interrupted))(services, job, path, ct);
    };
}

// A job that ends with a message for its owner rather than an error to log.
public sealed class ExportRefusedException(string message) : Exception(message);
