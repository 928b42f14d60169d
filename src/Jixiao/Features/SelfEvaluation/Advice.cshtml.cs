using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.SelfEvaluations;

// 目标建议: for each row, last year's actual and how peer units (other units, same year, same indicator under
// the same level-1/level-2 category and unit) set the same target. Only the spread leaves another unit:
// min, median, max and a count, and only from TargetAdvice.MinPeers peers on.
public sealed class AdviceModel(JixiaoDb db) : PageModel
{
    public sealed record Line(Indicator Row, RowAdvice Advice);

    public Project Project { get; private set; } = null!;
    public List<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var project = await db.Projects.VisibleTo(User).AsSplitQuery().Include(p => p.BudgetUnit)
            .FirstOrDefaultAsync(p => p.Id == id);
        if (project == null) return NotFound();
        Project = db.InFormOrder(project);
        var rows = Scorer.RealRows(project.Form);
        var names = rows.Select(r => r.Name).Distinct().ToList();

        // Last year's project of the same name or code, in the same unit.
        var name = project.Form.Name;
        var code = project.Form.Code;
        var previous = await db.Projects.AsSplitQuery()
            .Where(p => p.BudgetUnitId == project.BudgetUnitId && p.FiscalYear == project.FiscalYear - 1 && (p.Form.Name == name || (code != null && p.Form.Code == code)))
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        var lastYear = new Dictionary<string, TargetValue>();
        foreach (var i in previous?.Form.Indicators ?? [])
            if (i.Actual is { } a) lastYear.TryAdd(i.Name, a);

        // Peer projects holding any of these indicators, read whole (owned rows come with their project).
        var peerProjects = await db.Projects.AsNoTracking().AsSplitQuery()
            .Where(p => p.FiscalYear == project.FiscalYear && p.BudgetUnitId != project.BudgetUnitId
                        && p.Form.Indicators.Any(i => names.Contains(i.Name)))
            .ToListAsync();
        var peers = peerProjects.SelectMany(p => p.Form.Indicators.Where(i => names.Contains(i.Name)).Select(i => new
        {
            p.BudgetUnitId, i.Level1, i.Level2, i.Name,
            Kind = i.AnnualTarget?.Kind, Value = i.AnnualTarget?.Value, Unit = i.AnnualTarget?.Unit,
        })).ToList();
        foreach (var row in rows)
        {
            var target = Scorer.TargetOf(row);
            // One value per peer unit: the same framework row (level 1 and 2) and the same unit of measure.
            var values = peers
                .Where(x => x.Name == row.Name && x.Kind == TargetKind.Quantitative && x.Value is not null && x.Unit == target?.Unit
                            && ReviewText.Category(x.Level1) == ReviewText.Level1(row) && ReviewText.Category(x.Level2) == ReviewText.Level2(row))
                .GroupBy(x => x.BudgetUnitId).Select(g => g.First().Value!.Value).ToList();
            var last = lastYear.TryGetValue(row.Name, out var a) ? a : row.PreviousActual;
            Lines.Add(new Line(row, TargetAdvice.For(target, last, values)));
        }
        return Page();
    }
}
