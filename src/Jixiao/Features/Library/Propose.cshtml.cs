using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Library;

// 纳入指标库: any signed-in user proposes an indicator; an administrator accepts or rejects it.
// The form may be prefilled from a project's row (GET with the fields as query values); a post asking for
// JSON (Accept: application/json, token in the RequestVerificationToken header) gets JSON back.
public sealed class ProposeModel(JixiaoDb db) : PageModel
{
    [BindProperty] public ProposalInput Input { get; set; } = new();

    public sealed class ProposalInput
    {
        [Display(Name = "一级指标"), Required, StringLength(32)] public string Level1 { get; set; } = "";
        [Display(Name = "二级指标"), Required, StringLength(32)] public string Level2 { get; set; } = "";
        [Display(Name = "指标名称"), Required, StringLength(100)] public string Name { get; set; } = "";
        [Display(Name = "指标解释"), Required, StringLength(1000)] public string Definition { get; set; } = "";
        [Display(Name = "计算公式"), StringLength(500)] public string? Formula { get; set; }
        [Display(Name = "计量单位"), StringLength(32)] public string? Unit { get; set; }
        [Display(Name = "指标方向"), RegularExpression("^(正向|反向|定性)$", ErrorMessage = "指标方向应为正向、反向或定性")] public string? Direction { get; set; }
        [Display(Name = "常见目标值"), StringLength(100)] public string? TypicalTarget { get; set; }
        [Display(Name = "依据"), StringLength(500)] public string? Basis { get; set; }
        [Display(Name = "提议理由"), Required, StringLength(1000)] public string Reason { get; set; } = "";
    }

    public static IEnumerable<string> Level1Choices => IndicatorFramework.All.SelectMany(f => f.Level1).Select(l => l.Name).Distinct();
    public static IEnumerable<string> Level2Choices => IndicatorFramework.All.SelectMany(f => f.Level1).SelectMany(l => l.Level2).Select(l => l.Name + "指标").Distinct();

    public void OnGet(string? level1, string? level2, string? name, string? definition, string? formula, string? unit, string? typicalTarget)
    {
        Input = new ProposalInput
        {
            Level1 = level1 ?? "", Level2 = level2 ?? "", Name = name ?? "", Definition = definition ?? "",
            Formula = formula, Unit = unit, TypicalTarget = typicalTarget,
        };
    }

    bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Name = Input.Name?.Trim() ?? "";
        if (Input.Name.Length > 0 && await db.LibraryIndicators.AnyAsync(x => x.Name == Input.Name && x.Status != LibraryStatus.Rejected))
            ModelState.AddModelError("Input.Name", $"指标库中已有或已有人提议“{Input.Name}”");
        if (!ModelState.IsValid)
        {
            if (WantsJson)
                return BadRequest(new { errors = ModelState.Where(e => e.Value!.Errors.Count > 0)
                    .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()) });
            return Page();
        }
        var row = new LibraryIndicator
        {
            Level1 = Input.Level1.Trim(), Level2 = Input.Level2.Trim(), Name = Input.Name, Definition = Input.Definition.Trim(),
            Formula = Blank(Input.Formula), Unit = Blank(Input.Unit), Direction = Blank(Input.Direction), TypicalTarget = Blank(Input.TypicalTarget),
            Basis = Blank(Input.Basis), Framework = IndicatorFramework.National2021.Id, Status = LibraryStatus.Proposed,
            ProposedBy = User.Identity!.Name, ProposalReason = Input.Reason.Trim(), CreatedUtc = DateTime.UtcNow,
        };
        db.LibraryIndicators.Add(row);
        await db.SaveChangesAsync();
        if (WantsJson) return new JsonResult(new { id = row.Id, status = "proposed" });
        return Redirect("/Library?proposed=" + row.Id);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
