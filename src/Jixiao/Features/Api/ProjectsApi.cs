using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Workflow;
using Jixiao.Features.Projects;
using Jixiao.Forms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Api;

public sealed record ProjectListItem(int Id, string Name, string? Unit, int Year, string Status, int Version, decimal? AnnualRequest, int? QualityScore);
public sealed record ProjectDocument(int Id, string? Unit, int Year, string Status, int Version, ProjectForm Form);
public sealed record ProjectPost(string? Unit, int? Year, ProjectForm? Form);
public sealed record ProjectPut(ProjectForm? Form);
public sealed record Problem(string Where, string Message);
public sealed record Problems(string Error, IReadOnlyList<Problem> Items);
public sealed record StaleVersion(ProjectDocument Current, ProjectForm Yours);

// Reading and writing projects: the same scoping (Access.VisibleTo) and the same write path (ProjectStore)
// as the pages. A project the caller may not see is answered exactly like a missing one.
public static class ProjectsApi
{
    public static void Map(RouteGroupBuilder projects)
    {
        projects.MapGet("", List).Produces<List<ProjectListItem>>().WithSummary("某年度可见的项目");
        projects.MapGet("/{id:int}", Get).Produces<ProjectDocument>().Produces(404).WithSummary("一个项目及其表单（ETag 为版本号）");
        projects.MapPost("", Create).Accepts<ProjectPost>("application/json")
            .Produces<ProjectDocument>(201).Produces<ApiError>(403).Produces<ApiError>(404).Produces<ApiError>(409).Produces<Problems>(422)
            .WithSummary("新建项目");
        projects.MapPut("/{id:int}", Replace).Accepts<ProjectPut>("application/json")
            .Produces<ProjectDocument>().Produces<StaleVersion>(409).Produces<Problems>(422).Produces(404).Produces<ApiError>(428)
            .WithSummary("修改项目表单（If-Match 为所改的版本）");
    }

    // Kept under the change stamp, per scope, year and unit: platforms poll this list.
    static async Task<IResult> List(int year, string? unit, ClaimsPrincipal user, JixiaoDb db, ListCache cache) =>
        Results.Ok(await cache.GetAsync(db, $"api-projects:{ListCache.Scope(user)}:{year}:{unit}", Area.Projects | Area.Organisation, async () =>
        {
            var query = db.Projects.VisibleTo(user).Where(p => p.FiscalYear == year);
            if (!string.IsNullOrWhiteSpace(unit))
            {
                // The unit first, so the projects are found through their (unit, year) index, not by a scan of the year.
                var unitIds = await db.BudgetUnits.Where(u => u.Code == unit).Select(u => u.Id).ToListAsync();
                query = query.Where(p => unitIds.Contains(p.BudgetUnitId));
            }
            var rows = await query.OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Form.Name, p.BudgetUnit!.Code, p.FiscalYear, p.Status, p.Version, p.Form.Funding.AnnualRequest, p.QualityScore })
                .ToListAsync();
            return rows.Select(p => new ProjectListItem(p.Id, p.Name, p.Code, p.FiscalYear, Domain.Workflow.Workflow.Code(p.Status), p.Version, p.AnnualRequest, p.QualityScore)).ToList();
        }));

    static async Task<IResult> Get(int id, ClaimsPrincipal user, JixiaoDb db, HttpContext ctx)
    {
        var project = await Load(db, user, id, tracked: false);
        if (project == null) return NotFound();
        return Document(ctx, project);
    }

    static async Task<IResult> Create(HttpContext ctx, ClaimsPrincipal user, JixiaoDb db)
    {
        var (body, problem) = await Read<ProjectPost>(ctx);
        if (problem != null) return problem;
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(body!.Unit)) problems.Add(new("unit", "请填写单位代码（部门预算代码）"));
        if (body.Year is not int year || year < 2000 || year > 2100) problems.Add(new("year", "请填写 2000—2100 之间的预算年度"));
        if (body.Form == null) problems.Add(new("form", "请提供项目表单"));
        else problems.AddRange(FormProblems.Of(body.Form, "form"));
        if (problems.Count > 0) return Invalid(problems);

        var unit = await db.BudgetUnits.VisibleTo(user).FirstOrDefaultAsync(u => u.Code == body.Unit!.Trim());
        if (unit == null) return ApiSetup.Error(404, $"没有可见的单位“{body.Unit}”");
        if (!Access.MayDeclare(user, unit.Id)) return ApiSetup.Error(403, "只有本单位的填报人或单位负责人可以申报项目");
        var form = FormProblems.Normalised(body.Form!);
        var profile = ReviewProfiles.For(new FormDocument { FiscalYear = body.Year, Unit = new() { Name = unit.Name }, Projects = [form] });
        var copy = await ProjectStore.NextCopyAsync(db, unit.Id, body.Year!.Value, form.Name);
        if (copy > 0) return ApiSetup.Error(409, $"本单位 {body.Year} 年度已有名为“{form.Name}”的项目，请改用 PUT 修改该项目");
        var project = ProjectStore.Create(db, unit, body.Year.Value, form, profile, user.Identity?.Name, "接口新建");
        var saved = await ProjectStore.CommitAsync(db);
        if (!saved.Saved) return ApiSetup.Error(409, saved.Conflict!);
        ctx.Response.Headers.Location = $"/api/projects/{project.Id}";
        ctx.Response.Headers.ETag = ETag(project.Version);
        return Results.Json(ToDocument(project), statusCode: 201);
    }

    static async Task<IResult> Replace(int id, HttpContext ctx, ClaimsPrincipal user, JixiaoDb db)
    {
        var project = await Load(db, user, id, tracked: true);
        if (project == null) return NotFound();
        if (!Access.MayEdit(user, project))
            return ApiSetup.Error(409, await LockReason(db, user, project));
        if (ParseIfMatch(ctx.Request.Headers.IfMatch.ToString()) is not int expected)
            return ApiSetup.Error(428, "请在 If-Match 请求头中给出所修改的版本号，例如 If-Match: \"3\"");
        var (body, problem) = await Read<ProjectPut>(ctx);
        if (problem != null) return problem;
        if (body!.Form == null) return Invalid([new("form", "请提供项目表单")]);
        var problems = FormProblems.Of(body.Form, "form");
        if (problems.Count > 0) return Invalid(problems);
        var form = FormProblems.Normalised(body.Form);
        if (project.Version != expected) return Stale(project, form);
        ProjectStore.Replace(db, project, form, expected, user.Identity?.Name, "接口修改");
        var saved = await ProjectStore.CommitAsync(db);
        if (!saved.Saved)
        {
            db.ChangeTracker.Clear();
            var current = await Load(db, user, id, tracked: false);
            return current == null ? NotFound() : Stale(current, form);
        }
        return Document(ctx, project);
    }

    // Why this user may not write the project now, in words.
    public static async Task<string> LockReason(JixiaoDb db, ClaimsPrincipal user, Project project)
    {
        if (Access.MayDeclare(user, project.BudgetUnitId) && !Domain.Workflow.Workflow.IsOpen(project.Status))
        {
            var step = await Workflow.ReviewChain.LastStepAsync(db, project.Id);
            var by = step == null ? "" : $"（{step.DisplayName ?? step.UserName} 于 {Labels.Time(step.Utc)}）";
            return project.Status == ProjectStatus.Approved
                ? $"表单已批复{by}，已锁定；如需修改，请发起调整"
                : $"表单{Domain.Workflow.Workflow.Chinese(project.Status)}{by}，正在审核中，已锁定；待退回后方可修改";
        }
        return "只有本单位的填报人或单位负责人可以修改草稿或已退回的表单";
    }

    static IResult Stale(Project current, ProjectForm yours) =>
        Results.Json(new StaleVersion(ToDocument(current), yours), statusCode: 409);

    public static async Task<Project?> Load(JixiaoDb db, ClaimsPrincipal user, int id, bool tracked)
    {
        // Tracked either way: the rows' positions, which give the form's order, are shadow properties.
        var project = await db.Projects.VisibleTo(user).Include(p => p.BudgetUnit).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);
        return project == null ? null : db.InFormOrder(project);
    }

    public static ProjectDocument ToDocument(Project p) =>
        new(p.Id, p.BudgetUnit?.Code, p.FiscalYear, Domain.Workflow.Workflow.Code(p.Status), p.Version, p.Form);

    static IResult Document(HttpContext ctx, Project project)
    {
        ctx.Response.Headers.ETag = ETag(project.Version);
        return Results.Json(ToDocument(project), Interchange.Json);
    }

    public static string ETag(int version) => $"\"{version}\"";

    public static int? ParseIfMatch(string header)
    {
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static IResult NotFound() => ApiSetup.Error(404, "项目不存在");

    public static IResult Invalid(IReadOnlyList<Problem> problems) =>
        Results.Json(new Problems("表单有误，未保存", problems), statusCode: 422);

    // The body read with the interchange's JSON options; what cannot be read is a located problem.
    public static async Task<(T? Body, IResult? Problem)> Read<T>(HttpContext ctx) where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(ctx.Request.Body, Interchange.Json, ctx.RequestAborted);
            return body == null ? (null, Invalid([new("$", "请求内容为空")])) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid([new(e.Path ?? "$", "无法读取此处的内容：格式或类型不对")]));
        }
    }
}
