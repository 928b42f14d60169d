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

    // The object of an entry in words: the stored name is EF's entity name (kept as it is, for the hash chain);
    // an owned part ("Indicator.AnnualTarget#TargetValue") is named by its owner and part; an unknown name shows as is.
    public static string EntityName(string entity)
    {
        var hash = entity.IndexOf('#');
        if (hash > 0)
        {
            var path = entity[..hash].Split('.');
            var part = path.Length > 1 && Parts.TryGetValue(path[^1], out var p) ? p : EntityName(entity[(hash + 1)..]);
            return $"{EntityName(path[0])}（{part}）";
        }
        return EntityNames.TryGetValue(entity, out var name) ? name : entity;
    }

    static readonly Dictionary<string, string> EntityNames = new()
    {
        ["Account"] = "账号登录", ["Request"] = "操作请求", ["AppUser"] = "用户", ["IdentityRole"] = "角色",
        ["IdentityUserRole<string>"] = "用户角色", ["IdentityUserClaim<string>"] = "用户属性", ["IdentityRoleClaim<string>"] = "角色属性",
        ["IdentityUserLogin<string>"] = "外部登录", ["IdentityUserToken<string>"] = "用户令牌",
        ["SupervisingDepartment"] = "主管部门", ["BudgetUnit"] = "预算单位", ["Project"] = "项目", ["ProjectForm"] = "申报表内容",
        ["Funding"] = "项目资金", ["Indicator"] = "绩效指标", ["BudgetLine"] = "项目预算明细", ["SpendingMilestone"] = "资金支出计划",
        ["Safeguard"] = "制度保障", ["Person"] = "项目人员", ["StoredFinding"] = "审核发现", ["ProjectVersion"] = "项目版本",
        ["ProjectStep"] = "审核环节", ["ReviewComment"] = "审核意见", ["ImportRecord"] = "导入记录", ["DeclarationForm"] = "申报表",
        ["DepartmentGoalRecord"] = "部门整体绩效目标", ["LibraryIndicator"] = "指标库指标", ["PetitionLedgerRecord"] = "信访事项台账",
        ["PetitionLedgerCase"] = "信访事项", ["MonitoringRound"] = "监控轮次", ["MonitoringRoundUnit"] = "监控轮次单位",
        ["MonitoringReport"] = "监控报告", ["MonitoringRow"] = "监控指标行", ["TargetValue"] = "指标值", ["AuditEntry"] = "审计日志",
        ["ProjectSearch"] = "检索索引", ["SelfEvaluation"] = "绩效自评",
    };

    static readonly Dictionary<string, string> Parts = new()
    {
        ["AnnualTarget"] = "年度指标值", ["PeriodTarget"] = "中长期指标值", ["Actual"] = "实际完成值", ["Funding"] = "项目资金",
    };

    // The stored change record in the reader's words (display only: the stored text is part of the hash chain).
    public List<AuditChanges.Line> Lines(AuditEntry entry) => AuditChanges.Read(db.Model, entry.Entity, entry.Changes);

    public string PageUrl(int page) => Url.Page("/Audit/Index", new { UserName, Entity, Action, From, To, p = page })!;
    public string CsvUrl() => Url.Page("/Audit/Index", "Csv", new { UserName, Entity, Action, From, To })!;
}
