namespace Jixiao.Domain.Review;

// One review rule: what reviewers call it, how grave it is, what it rests on, and the check itself.
// Family is the defect family's number in shared/docs/domain.md §4.
public sealed record ReviewRule(
    string Id,
    string Title,
    Severity Severity,
    Aspect Aspect,
    RuleTarget Target,
    int Family,
    string Basis,
    RuleSetting Defaults,
    Func<RuleContext, IEnumerable<Finding>> Check);

// What a check sees while it runs: the form, the rule and its setting under the chosen profile.
public sealed class RuleContext(FormDocument document, ReviewProfile profile, ReviewRule rule, RuleSetting setting)
{
    public FormDocument Document { get; } = document;
    public ReviewProfile Profile { get; } = profile;
    public ReviewRule Rule { get; } = rule;
    public RuleSetting Setting { get; } = setting;

    public decimal Number(string key) => Setting.Numbers[key];

    public IReadOnlyList<string> List(string key) => Setting.Lists[key];

    public Finding Flag(ProjectForm? project, Indicator? indicator, string? field, string message, string suggestion) =>
        new(Rule.Id, Setting.Severity ?? Rule.Severity, project?.Name, indicator?.Name, field,
            message, suggestion, Setting.Basis ?? Rule.Basis) { RowId = indicator?.Id };
}
