using System.Text;
using Jixiao.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Audit;

// The audit log for the 审计管理员 alone: read, filter, page, export. There is no way to change it here or
// anywhere else (AuditInterceptor refuses edits and deletes); the hash chain is checked on every visit.
[Authorize(Roles = Roles.Auditor)]
public sealed class IndexModel(JixiaoDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<string> Entities { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];
    public AuditChain.Verdict Verdict { get; private set; } = new(0, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Filtered();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(ct);
        Entities = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        Actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(e => e).ToListAsync(ct);
        Verdict = await AuditChain.VerifyAsync(db, ct);
    }

    // The filtered log as CSV (UTF-8 with BOM, so that Excel reads the Chinese), newest first.
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await Filtered().OrderByDescending(a => a.Id).Take(100_000).AsNoTracking().ToListAsync(ct);
        var csv = new StringBuilder();
        csv.Append("序号,时间(UTC),用户,操作,对象,对象键,内容,哈希\r\n");
        foreach (var a in rows)
            csv.AppendJoin(',', new[] { a.Id.ToString(), a.Utc.ToString("yyyy-MM-dd HH:mm:ss.fff"), a.UserName, Describe(a.Action), a.Entity, a.EntityKey, a.Changes, a.Hash }
                .Select(Cell)).Append("\r\n");
        // Exporting the log is itself an event worth a record.
        AuditLog.Add(db, HttpContext, "AuditExported", User.Identity!.Name, AuditLog.RequestEntity, "AuditEntries",
            new { rows = rows.Count, UserName, Entity, Action, From, To });
        await db.SaveChangesAsync(ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }

    IQueryable<AuditEntry> Filtered()
    {
        var q = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(a => a.UserName != null && a.UserName.Contains(UserName.Trim()));
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.Entity == Entity);
        if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(a => a.Action == Action);
        if (From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.Utc >= f); }
        if (To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.Utc < t); }
        return q;
    }

    // A cell that a spreadsheet shows as text: quoted, and never taken for a formula.
    static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0])) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }

    public static string Describe(string action) => action switch
    {
        "Added" => "新增",
        "Modified" => "修改",
        "Deleted" => "删除",
        "SignIn" => "登录成功",
        "SignInFailed" => "登录失败",
        "SignInWhileLocked" => "锁定期间尝试登录",
        "LockedOut" => "账号锁定",
        "SignOut" => "退出登录",
        "PasswordChanged" => "修改密码",
        "Refused" => "拒绝访问",
        "Throttled" => "请求过频被拒",
        "AuditExported" => "导出审计日志",
        "Unlocked" => "解锁账号",
        "PasswordReset" => "重置密码",
        _ => action,
    };

    public string PageUrl(int page) => Url.Page("/Audit/Index", new { UserName, Entity, Action, From, To, p = page })!;
    public string CsvUrl() => Url.Page("/Audit/Index", "Csv", new { UserName, Entity, Action, From, To })!;
}
