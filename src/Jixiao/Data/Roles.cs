namespace Jixiao.Data;

// Role names are what people see, so they are the Chinese words of the issue.
public static class Roles
{
    public const string Preparer = "填报人";
    public const string UnitHead = "单位负责人";
    public const string SupervisorReviewer = "主管部门审核";
    public const string FinanceReviewer = "财政审核";
    public const string Admin = "管理员";

    public static readonly string[] All = [Preparer, UnitHead, SupervisorReviewer, FinanceReviewer, Admin];
}
