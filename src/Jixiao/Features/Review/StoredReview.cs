using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Features.Review;

// A stored project is reviewed as the one-project document it was declared in:
// its unit, its fiscal year and the framework profile it follows.
public static class StoredReview
{
    public static FormDocument DocumentOf(Project project) => new()
    {
        FiscalYear = project.FiscalYear,
        Unit = new UnitInfo
        {
            Name = project.BudgetUnit?.Name, Code = project.BudgetUnit?.Code,
            SupervisingDepartment = project.BudgetUnit?.SupervisingDepartment?.Name, Functions = project.BudgetUnit?.Functions,
        },
        Projects = [project.Form],
    };

    public static ReviewReport Review(Project project)
    {
        var doc = DocumentOf(project);
        var profile = project.FrameworkId is { } id ? ReviewProfiles.Find(id) : null;
        return Reviewer.Review(doc, profile);
    }
}
