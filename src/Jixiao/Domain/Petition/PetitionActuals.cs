namespace Jixiao.Domain.Petition;

// Which indicator rows of a project a ledger's figures answer, by the row's name.
public static class PetitionActuals
{
    // The names forms give each figure, compared without white space and with half-width signs.
    // Matching is whole-name only: "网上信访群众满意率" measures something else and is left alone.
    public static readonly IReadOnlyDictionary<PetitionMeasure, IReadOnlyList<string>> Synonyms =
        new Dictionary<PetitionMeasure, IReadOnlyList<string>>
        {
            [PetitionMeasure.TimelyAcceptance] = ["信访事项及时受理率", "及时受理率"],
            [PetitionMeasure.OnTimeClosing] = ["按期办结率", "按期答复率", "信访事项按期办结率", "信访事项按期答复率"],
            [PetitionMeasure.Satisfaction] = ["参评群众满意率", "群众满意率", "满意率"],
            [PetitionMeasure.Participation] = ["群众参评率", "参评率"],
            [PetitionMeasure.RepeatPetitions] = ["重复信访件数"],
        };

    // The measure a row name stands for, or null.
    public static PetitionMeasure? MeasureOf(string? indicatorName)
    {
        var name = DomainText.Compact(indicatorName);
        foreach (var (measure, names) in Synonyms)
            if (names.Contains(name)) return measure;
        return null;
    }

    // The actual value for each row of the project that one of the figures answers, keyed by row id.
    // Rows without an id (not yet stored) and figures with nothing to count are left out.
    public static IReadOnlyDictionary<Guid, TargetValue> Match(ProjectForm project, PetitionFigures figures)
    {
        var actuals = new Dictionary<Guid, TargetValue>();
        foreach (var row in project.Indicators)
        {
            if (row.Id is not { } id || MeasureOf(row.Name) is not { } measure) continue;
            if (figures[measure].Actual is { } actual) actuals[id] = actual;
        }
        return actuals;
    }
}
