using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

public sealed class DetailsModel(JixiaoDb db) : PageModel
{
    public Project Project { get; private set; } = null!;
    public List<IndicatorRow> Rows { get; private set; } = [];
    public bool HasDescription { get; private set; }
    public bool HasPeriodTarget { get; private set; }
    public bool HasBasis { get; private set; }
    public bool HasRemarks { get; private set; }

    // Level1Span/Level2Span > 0 on the first row of a merged block, 0 on the rows it covers.
    public sealed record IndicatorRow(Indicator Indicator, int Level1Span, int Level2Span);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var project = await db.Projects.VisibleTo(User).AsNoTracking()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id);
        // Another unit's project is answered exactly like a missing one.
        if (project == null) return NotFound();
        Project = db.InFormOrder(project);
        var indicators = project.Form.Indicators;
        Rows = MergeLevels(indicators);
        HasDescription = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Description));
        HasPeriodTarget = indicators.Any(i => i.PeriodTarget != null);
        HasBasis = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Basis));
        HasRemarks = indicators.Any(i => !string.IsNullOrWhiteSpace(i.Remarks));
        return Page();
    }

    static List<IndicatorRow> MergeLevels(List<Indicator> indicators)
    {
        var rows = new List<IndicatorRow>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var level1 = i == 0 || indicators[i].Level1 != indicators[i - 1].Level1
                ? indicators.Skip(i).TakeWhile(x => x.Level1 == indicators[i].Level1).Count() : 0;
            var level2 = level1 > 0 || indicators[i].Level2 != indicators[i - 1].Level2
                ? indicators.Skip(i).TakeWhile(x => x.Level1 == indicators[i].Level1 && x.Level2 == indicators[i].Level2).Count() : 0;
            rows.Add(new IndicatorRow(indicators[i], level1, level2));
        }
        return rows;
    }
}
