using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Workflow;
using Jixiao.Features.Projects;
using Jixiao.Features.Workflow;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Api;

public sealed record CommentBody(Guid? RowId, string? Field, string? Text);
public sealed record ActionBody(string? Comment, List<CommentBody>? Comments, string? Conclusion);
public sealed record ActionResponse(int Id, string Status, int Version, int? ApprovedVersion);
public sealed record VersionItem(int Version, string Status, DateTime Utc, string? UserName, string Reason);
public sealed record DiffResponse(int From, int To, IReadOnlyList<FieldChange> Fields, IReadOnlyList<RowChange> Rows);
public sealed record FindingItem(string Rule, string Severity, Guid? RowId, string? Field, string Message, string Suggestion, string Basis);

// The review chain through the API: the steps, the versions, their comparison and the stored findings.
public static class WorkflowApi
{
    public static void Map(RouteGroupBuilder projects)
    {
        foreach (var action in Enum.GetValues<WorkflowAction>())
            projects.MapPost($"/{{id:int}}/{ReviewChain.Code(action)}", (int id, HttpContext ctx, ClaimsPrincipal user, JixiaoDb db) => Act(id, action, ctx, user, db))
                .Accepts<ActionBody>("application/json")
                .Produces<ActionResponse>().Produces<ApiError>(403).Produces(404).Produces<ApiError>(409).Produces<Problems>(422)
                .WithName(ReviewChain.Code(action)).WithSummary(Domain.Workflow.Workflow.Verb(action));
        projects.MapGet("/{id:int}/versions", Versions).Produces<List<VersionItem>>().Produces(404).WithSummary("版本记录");
        projects.MapGet("/{id:int}/versions/{a:int}/diff/{b:int}", Diff).Produces<DiffResponse>().Produces(404).WithSummary("两个版本的差异");
        projects.MapGet("/{id:int}/findings", Findings).Produces<List<FindingItem>>().Produces(404).WithSummary("自动审核发现的问题");
    }

    static async Task<IResult> Act(int id, WorkflowAction action, HttpContext ctx, ClaimsPrincipal user, JixiaoDb db)
    {
        var project = await ProjectsApi.Load(db, user, id, tracked: true);
        if (project == null) return ProjectsApi.NotFound();
        ActionBody body = new(null, null, null);
        if (ctx.Request.ContentLength is not 0 && ctx.Request.HasJsonContentType())
        {
            var (read, problem) = await ProjectsApi.Read<ActionBody>(ctx);
            if (problem != null) return problem;
            body = read!;
        }
        Conclusion? conclusion = null;
        if (!string.IsNullOrWhiteSpace(body.Conclusion))
        {
            conclusion = Criteria.Parse(body.Conclusion);
            if (conclusion == null) return ProjectsApi.Invalid([new("conclusion", "审核结论应为 优、良、中、差 之一")]);
        }
        var comments = (body.Comments ?? []).Select(c => new NewComment(c.RowId, c.Field, c.Text ?? "")).ToList();
        var decision = ReviewChain.Act(db, project, user, action, body.Comment, conclusion, null, comments);
        switch (decision.Verdict)
        {
            case Verdict.NotYourTurn: return ApiSetup.Error(403, decision.Reason!);
            case Verdict.Invalid: return ProjectsApi.Invalid([new(decision.Field ?? "$", decision.Reason!)]);
        }
        var saved = await ProjectStore.CommitAsync(db);
        if (!saved.Saved) return ApiSetup.Error(409, saved.Conflict!);
        ctx.Response.Headers.ETag = ProjectsApi.ETag(project.Version);
        return Results.Ok(new ActionResponse(project.Id, Domain.Workflow.Workflow.Code(project.Status), project.Version, project.ApprovedVersion));
    }

    static async Task<IResult> Versions(int id, ClaimsPrincipal user, JixiaoDb db)
    {
        var project = await db.Projects.VisibleTo(user).Where(p => p.Id == id)
            .Select(p => new { p.Version, p.Status, p.UpdatedUtc, p.UpdatedBy, p.ChangeReason }).FirstOrDefaultAsync();
        if (project == null) return ProjectsApi.NotFound();
        var versions = await db.ProjectVersions.Where(v => v.ProjectId == id).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.Status, v.Utc, v.UserName, v.Reason }).ToListAsync();
        var list = versions.Select(v => new VersionItem(v.Version, Domain.Workflow.Workflow.Code(v.Status), v.Utc, v.UserName, v.Reason)).ToList();
        list.Add(new VersionItem(project.Version, Domain.Workflow.Workflow.Code(project.Status), project.UpdatedUtc, project.UpdatedBy, project.ChangeReason ?? ""));
        return Results.Ok(list);
    }

    static async Task<IResult> Diff(int id, int a, int b, ClaimsPrincipal user, JixiaoDb db)
    {
        var project = await ProjectsApi.Load(db, user, id, tracked: true);
        if (project == null) return ProjectsApi.NotFound();
        var before = await ReviewChain.FormAtAsync(db, project, a);
        var after = await ReviewChain.FormAtAsync(db, project, b);
        if (before == null || after == null) return ApiSetup.Error(404, "没有这个版本");
        var changes = FormDiff.Compare(before, after);
        return Results.Ok(new DiffResponse(a, b, changes.Fields, changes.Rows));
    }

    static async Task<IResult> Findings(int id, ClaimsPrincipal user, JixiaoDb db)
    {
        var project = await db.Projects.VisibleTo(user).AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Findings }).FirstOrDefaultAsync();
        if (project == null) return ProjectsApi.NotFound();
        return Results.Ok(project.Findings.Select(f => new FindingItem(f.Rule, JsonNamingPolicy.CamelCase.ConvertName(f.Severity.ToString()),
            f.RowId, f.Field, f.Message, f.Suggestion, f.Basis)).ToList());
    }
}
