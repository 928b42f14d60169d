using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Admin;

// Budget units: name, 部门预算代码, 区划代码, supervising department and duties.
public sealed class UnitsModel(JixiaoDb db) : PageModel
{
    public sealed record Row(int Id, string Name, string? Code, string? DivisionCode, string? Department, int Projects, int Users);
    public List<Row> Rows { get; private set; } = [];
    public List<SupervisingDepartment> Departments { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public UnitInput Input { get; set; } = new();
    public string? Done { get; private set; }

    public sealed class UnitInput
    {
        [Display(Name = "单位名称"), Required, StringLength(100)] public string Name { get; set; } = "";
        [Display(Name = "部门预算代码"), StringLength(32), RegularExpression("^[0-9A-Za-z]+$", ErrorMessage = "部门预算代码只能由数字或字母组成")] public string? Code { get; set; }
        [Display(Name = "区划代码"), RegularExpression(@"^\d{6}(\d{3}|\d{6})?$", ErrorMessage = "区划代码应为 6、9 或 12 位数字")] public string? DivisionCode { get; set; }
        [Display(Name = "主管部门")] public int? DepartmentId { get; set; }
        [Display(Name = "部门职能"), StringLength(4000)] public string? Functions { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit is int id)
        {
            var u = await db.BudgetUnits.FindAsync(id);
            if (u == null) return NotFound();
            Input = new UnitInput { Name = u.Name, Code = u.Code, DivisionCode = u.DivisionCode, DepartmentId = u.SupervisingDepartmentId, Functions = u.Functions };
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        Input.Name = Input.Name?.Trim() ?? "";
        Input.Code = Blank(Input.Code);
        Input.DivisionCode = Blank(Input.DivisionCode);
        Input.Functions = Blank(Input.Functions);
        var self = Edit ?? 0;
        if (Input.Name.Length > 0 && await db.BudgetUnits.AnyAsync(u => u.Name == Input.Name && u.Id != self))
            ModelState.AddModelError("Input.Name", $"已有名为“{Input.Name}”的预算单位");
        if (Input.Code != null && await db.BudgetUnits.AnyAsync(u => u.Code == Input.Code && u.Id != self))
            ModelState.AddModelError("Input.Code", $"部门预算代码“{Input.Code}”已被其他单位使用");
        if (Input.DepartmentId is int d && !await db.SupervisingDepartments.AnyAsync(x => x.Id == d))
            ModelState.AddModelError("Input.DepartmentId", "所选主管部门不存在");
        if (!ModelState.IsValid) { await Load(); return Page(); }
        var unit = Edit is int id ? await db.BudgetUnits.FindAsync(id) : db.BudgetUnits.Add(new BudgetUnit()).Entity;
        if (unit == null) return NotFound();
        unit.Name = Input.Name;
        unit.Code = Input.Code;
        unit.DivisionCode = Input.DivisionCode;
        unit.SupervisingDepartmentId = Input.DepartmentId;
        unit.Functions = Input.Functions;
        await db.SaveChangesAsync();
        return RedirectToPage(new { Edit = (int?)null, done = Edit == null ? "已添加" : "已保存" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var u = await db.BudgetUnits.FindAsync(id);
        if (u == null) return NotFound();
        if (await db.Projects.AnyAsync(p => p.BudgetUnitId == id) || await db.Users.AnyAsync(x => x.BudgetUnitId == id))
        {
            ModelState.AddModelError("", $"“{u.Name}”还有项目或用户，不能删除");
            await Load();
            return Page();
        }
        db.BudgetUnits.Remove(u);
        await db.SaveChangesAsync();
        return RedirectToPage(new { Edit = (int?)null, done = "已删除" });
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    async Task Load()
    {
        Done = Request.Query["done"];
        Departments = await db.SupervisingDepartments.OrderBy(d => d.Name).ToListAsync();
        Rows = await db.BudgetUnits.OrderBy(u => u.SupervisingDepartment!.Name).ThenBy(u => u.Code).ThenBy(u => u.Name)
            .Select(u => new Row(u.Id, u.Name, u.Code, u.DivisionCode, u.SupervisingDepartment!.Name,
                db.Projects.Count(p => p.BudgetUnitId == u.Id), db.Users.Count(x => x.BudgetUnitId == u.Id)))
            .ToListAsync();
    }
}
