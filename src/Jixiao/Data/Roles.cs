namespace Jixiao.Data;

// Role names are what people see, so they are the Chinese words of the issue. The three administrators
// of 等保2.0 are kept apart: no account holds two of them (see Separate), and none of them writes a unit's forms.
public static class Roles
{
    public const string Preparer = "填报人";
    public const string UnitHead = "单位负责人";
    public const string SupervisorReviewer = "主管部门审核";
    public const string FinanceReviewer = "财政审核";
    public const string SystemAdmin = "系统管理员";     // users and units
    public const string SecurityAdmin = "安全管理员";   // security settings, unlocking accounts
    public const string Auditor = "审计管理员";         // reads the audit log, nothing else

    // The single administrator role of earlier versions, renamed to 系统管理员 at start.
    public const string LegacyAdmin = "管理员";

    public static readonly string[] All = [Preparer, UnitHead, SupervisorReviewer, FinanceReviewer, SystemAdmin, SecurityAdmin, Auditor];
    public static readonly string[] Administrators = [SystemAdmin, SecurityAdmin, Auditor];

    // Separation of duties: given the roles an account has, may it also get this one?
    public static string? Separate(IEnumerable<string> held, string role)
    {
        var admins = held.Where(Administrators.Contains).ToList();
        if (Administrators.Contains(role) && admins.Any(r => r != role))
            return $"三员分立：已是{string.Join("、", admins)}的账号不能再担任{role}";
        if (!Administrators.Contains(role) && admins.Count > 0)
            return $"三员分立：管理员账号（{string.Join("、", admins)}）不能兼任业务角色{role}";
        if (Administrators.Contains(role) && held.Any(r => !Administrators.Contains(r)))
            return $"三员分立：业务账号不能兼任{role}";
        return null;
    }
}
