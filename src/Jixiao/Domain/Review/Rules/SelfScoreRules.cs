using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Review.Rules;

// An imported self-evaluation scored again by Domain/Scoring under the form's profile: each row's stated score
// against the one its actual earns, and each rater's score against the band of the tier chosen.
internal static class SelfScoreRules
{
    static readonly HashSet<string> Codes = ["stated-score-differs", "rater-score-outside-band"];

    public static IEnumerable<Finding> ScoreByRules(RuleContext c)
    {
        foreach (var p in c.Document.Projects)
        {
            if (p.SelfEvaluation is null) continue;
            foreach (var r in Scorer.Score(p, c.Profile.SelfEvaluation).Indicators)
                foreach (var w in r.Warnings.Where(w => Codes.Contains(w.Code)))
                    yield return c.Flag(p, r.Row, "score", w.Message,
                        w.Code == "rater-score-outside-band"
                            ? "在所选档次的分值范围内评分，或改选相符的档次"
                            : $"按评分规则改为{Scorer.Number(r.Score)}分，或核对实际完成值与指标值");
        }
    }
}
