using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Admin;

// User accounts: created with a generated password shown once (changed at first sign-in), given a role
// and a unit or department, disabled and enabled, their password reset. Each post is one transaction.
public sealed class UsersModel(JixiaoDb db, UserManager<AppUser> users) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string Roles, string? Unit, string? Department, string Status, bool Disabled);
    public List<Row> Rows { get; private set; } = [];
    public List<BudgetUnit> UnitChoices { get; private set; } = [];
    public List<SupervisingDepartment> DepartmentChoices { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }
    [BindProperty] public UserInput Input { get; set; } = new();
    // The one moment a password is shown: in the answer to the post that made it.
    public (string UserName, string Password)? Issued { get; private set; }
    public string? Done { get; private set; }

    public sealed class UserInput
    {
        [Display(Name = "用户名"), Required, StringLength(64, MinimumLength = 2),
         RegularExpression(@"^[A-Za-z0-9._@+\-]+$", ErrorMessage = "用户名只能使用英文字母、数字和 - . _ @ +")]
        public string UserName { get; set; } = "";
        [Display(Name = "姓名"), Required, StringLength(64)] public string DisplayName { get; set; } = "";
        [Display(Name = "角色"), Required] public string Role { get; set; } = "";
        [Display(Name = "所属预算单位")] public int? UnitId { get; set; }
        [Display(Name = "所属主管部门")] public int? DepartmentId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit != null)
        {
            var u = await users.FindByIdAsync(Edit);
            if (u == null) return NotFound();
            Input = new UserInput
            {
                UserName = u.UserName!, DisplayName = u.DisplayName, UnitId = u.BudgetUnitId, DepartmentId = u.SupervisingDepartmentId,
                Role = (await users.GetRolesAsync(u)).FirstOrDefault() ?? "",
            };
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        Input.UserName = Input.UserName?.Trim() ?? "";
        Input.DisplayName = Input.DisplayName?.Trim() ?? "";
        if (ModelState.IsValid && !Data.Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", "请选择角色");
        if (ModelState.IsValid && UserAccounts.AttachmentError(Input.Role, Input.UnitId, Input.DepartmentId) is { } attach)
            ModelState.AddModelError(Input.UnitId == null && Input.Role != Data.Roles.SupervisorReviewer ? "Input.UnitId" : "Input.DepartmentId", attach);
        if (ModelState.IsValid && Input.UnitId is int unit && !await db.BudgetUnits.AnyAsync(u => u.Id == unit))
            ModelState.AddModelError("Input.UnitId", "所选预算单位不存在");
        if (ModelState.IsValid && Input.DepartmentId is int dept && !await db.SupervisingDepartments.AnyAsync(d => d.Id == dept))
            ModelState.AddModelError("Input.DepartmentId", "所选主管部门不存在");
        AppUser? user = null;
        if (Edit != null)
        {
            user = await users.FindByIdAsync(Edit);
            if (user == null) return NotFound();
            // An administrator keeps the role that lets them undo their own mistakes.
            if (ModelState.IsValid && user.Id == users.GetUserId(User) && !(await users.GetRolesAsync(user)).Contains(Input.Role))
                ModelState.AddModelError("Input.Role", "不能修改自己的角色");
        }
        else if (ModelState.IsValid && await users.FindByNameAsync(Input.UserName) != null)
            ModelState.AddModelError("Input.UserName", $"用户名“{Input.UserName}”已被使用");
        if (!ModelState.IsValid) { await Load(); return Page(); }

        await using var tx = await db.Database.BeginTransactionAsync();
        string? password = null;
        IdentityResult result;
        if (user == null)
        {
            password = Bootstrap.NewPassword();
            user = new AppUser { UserName = Input.UserName, MustChangePassword = true };
            Apply(user);
            result = await users.CreateAsync(user, password);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role);
        }
        else
        {
            Apply(user);
            result = await users.UpdateAsync(user);
            var current = await users.GetRolesAsync(user);
            if (result.Succeeded && !current.SequenceEqual([Input.Role]))
            {
                result = await users.RemoveFromRolesAsync(user, current);
                if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role);
                // The new role takes effect at the next check of the sign-in, not a day later.
                if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            }
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            await Load();
            return Page();
        }
        await tx.CommitAsync();
        if (password == null) return RedirectToPage(new { Edit = (string?)null, done = $"已保存用户“{user.UserName}”" });
        Issued = (user.UserName!, password);
        Edit = null;
        Input = new UserInput();
        ModelState.Clear();
        await Load();
        return Page();
    }

    void Apply(AppUser user)
    {
        user.DisplayName = Input.DisplayName;
        user.BudgetUnitId = Input.UnitId;
        user.SupervisingDepartmentId = Input.DepartmentId;
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await Act(id, async u =>
    {
        if (u.Id == users.GetUserId(User)) return "不能停用自己的账号";
        await UserAccounts.Disable(users, u);
        Done = $"已停用用户“{u.UserName}”";
        return null;
    });

    public async Task<IActionResult> OnPostEnableAsync(string id) => await Act(id, async u =>
    {
        await UserAccounts.Enable(users, u);
        Done = $"已启用用户“{u.UserName}”";
        return null;
    });

    public async Task<IActionResult> OnPostResetAsync(string id) => await Act(id, async u =>
    {
        var (password, errors) = await UserAccounts.ResetPassword(users, u);
        if (password == null) return string.Join("；", errors);
        Issued = (u.UserName!, password);
        return null;
    });

    // One account action in one transaction; the answer is this page with what happened.
    async Task<IActionResult> Act(string id, Func<AppUser, Task<string?>> action)
    {
        var user = await users.FindByIdAsync(id);
        if (user == null) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await action(user) is { } error) ModelState.AddModelError("", error);
        else await tx.CommitAsync();
        Edit = null;
        await Load();
        return Page();
    }

    async Task Load()
    {
        Done ??= Request.Query["done"];
        UnitChoices = await db.BudgetUnits.OrderBy(u => u.Name).ToListAsync();
        DepartmentChoices = await db.SupervisingDepartments.OrderBy(d => d.Name).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var all = await db.Users.Include(u => u.BudgetUnit).Include(u => u.SupervisingDepartment).OrderBy(u => u.UserName).ToListAsync();
        Rows = all.Select(u => new Row(u.Id, u.UserName!, u.DisplayName,
            string.Join("、", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)), u.BudgetUnit?.Name, u.SupervisingDepartment?.Name,
            UserAccounts.StatusOf(u), UserAccounts.IsDisabled(u))).ToList();
    }
}
