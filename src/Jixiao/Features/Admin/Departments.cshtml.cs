using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Admin;

// Supervising departments: listed, added, renamed, and removed while nothing hangs on them.
public sealed class DepartmentsModel(JixiaoDb db) : PageModel
{
    public sealed record Row(int Id, string Name, string? Code, int Units, int Users);
    public List<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public DepartmentInput Input { get; set; } = new();
    public string? Done { get; private set; }

    public sealed class DepartmentInput
    {
        [Display(Name = "主管部门名称"), Required, StringLength(100)] public string Name { get; set; } = "";
        [Display(Name = "部门代码"), StringLength(32), RegularExpression("^[0-9A-Za-z]+$", ErrorMessage = "部门代码只能由数字或字母组成")] public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit is int id)
        {
            var d = await db.SupervisingDepartments.FindAsync(id);
            if (d == null) return NotFound();
            Input = new DepartmentInput { Name = d.Name, Code = d.Code };
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        Input.Name = Input.Name?.Trim() ?? "";
        Input.Code = string.IsNullOrWhiteSpace(Input.Code) ? null : Input.Code.Trim();
        if (Input.Name.Length > 0 && await db.SupervisingDepartments.AnyAsync(d => d.Name == Input.Name && d.Id != (Edit ?? 0)))
            ModelState.AddModelError("Input.Name", $"已有名为“{Input.Name}”的主管部门");
        if (!ModelState.IsValid) { await Load(); return Page(); }
        var department = Edit is int id ? await db.SupervisingDepartments.FindAsync(id) : db.SupervisingDepartments.Add(new SupervisingDepartment()).Entity;
        if (department == null) return NotFound();
        department.Name = Input.Name;
        department.Code = Input.Code;
        await db.SaveChangesAsync();
        return RedirectToPage(new { Edit = (int?)null, done = Edit == null ? "已添加" : "已保存" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var d = await db.SupervisingDepartments.FindAsync(id);
        if (d == null) return NotFound();
        if (await db.BudgetUnits.AnyAsync(u => u.SupervisingDepartmentId == id) || await db.Users.AnyAsync(u => u.SupervisingDepartmentId == id))
        {
            ModelState.AddModelError("", $"“{d.Name}”下还有预算单位或用户，不能删除");
            await Load();
            return Page();
        }
        db.SupervisingDepartments.Remove(d);
        await db.SaveChangesAsync();
        return RedirectToPage(new { Edit = (int?)null, done = "已删除" });
    }

    async Task Load()
    {
        Done = Request.Query["done"];
        Rows = await db.SupervisingDepartments.OrderBy(d => d.Name)
            .Select(d => new Row(d.Id, d.Name, d.Code, d.Units.Count, db.Users.Count(u => u.SupervisingDepartmentId == d.Id)))
            .ToListAsync();
    }
}
