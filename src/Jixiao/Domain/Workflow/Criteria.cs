using Jixiao.Domain.Review;

namespace Jixiao.Domain.Workflow;

// 四性: the reviewer's checklist.
public enum Criterion { Completeness, Relevance, Appropriateness, Feasibility }

// What a review concludes (domain.md section 4): 优 goes into the budget, 良 after consultation,
// 中 is returned to be revised, 差 is not funded.
public enum Conclusion { Pass, PassAfterConsultation, Return, Refuse }

public sealed record Rating(Criterion Criterion, EvaluationGrade Grade, string? Reason);

public sealed record ChecklistResult(Conclusion? Conclusion, IReadOnlyList<string> Problems);

public static class Criteria
{
    public static readonly IReadOnlyList<Criterion> All = Enum.GetValues<Criterion>();

    // A form is as good as its weakest criterion: one 差 refuses it, whatever the others say.
    // Every criterion must be rated, and anything below 优 needs its reason, so the unit knows what to fix.
    public static ChecklistResult Conclude(IEnumerable<Rating> ratings)
    {
        var problems = new List<string>();
        var byCriterion = new Dictionary<Criterion, Rating>();
        foreach (var r in ratings)
            if (!byCriterion.TryAdd(r.Criterion, r)) problems.Add($"{r.Criterion.Chinese()}评了不止一次");
        foreach (var c in All)
        {
            if (!byCriterion.TryGetValue(c, out var r)) problems.Add($"请评定{c.Chinese()}");
            else if (r.Grade != EvaluationGrade.Excellent && string.IsNullOrWhiteSpace(r.Reason))
                problems.Add($"{c.Chinese()}评为“{r.Grade.Chinese()}”，请写明理由");
        }
        if (problems.Count > 0) return new ChecklistResult(null, problems);
        return new ChecklistResult(Of(byCriterion.Values.Max(r => r.Grade)), problems);
    }

    public static Conclusion Of(EvaluationGrade grade) => grade switch
    {
        EvaluationGrade.Excellent => Conclusion.Pass,
        EvaluationGrade.Good => Conclusion.PassAfterConsultation,
        EvaluationGrade.Fair => Conclusion.Return,
        _ => Conclusion.Refuse,
    };

    public static string Chinese(this Criterion c) => c switch
    {
        Criterion.Completeness => "完整性",
        Criterion.Relevance => "相关性",
        Criterion.Appropriateness => "适当性",
        _ => "可行性",
    };

    public static string Chinese(this Conclusion c) => c switch
    {
        Conclusion.Pass => "优",
        Conclusion.PassAfterConsultation => "良",
        Conclusion.Return => "中",
        _ => "差",
    };

    public static string Meaning(this Conclusion c) => c switch
    {
        Conclusion.Pass => "通过，纳入预算",
        Conclusion.PassAfterConsultation => "经沟通修改后通过",
        Conclusion.Return => "退回修改后重新申报",
        _ => "不予安排",
    };

    // A conclusion as the API or a form field writes it: the grade word (优良中差) or its English code.
    public static Conclusion? Parse(string? text) => text?.Trim() switch
    {
        "优" or "pass" => Conclusion.Pass,
        "良" or "passAfterConsultation" => Conclusion.PassAfterConsultation,
        "中" or "return" => Conclusion.Return,
        "差" or "refuse" => Conclusion.Refuse,
        _ => null,
    };
}
