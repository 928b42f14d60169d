using System.Globalization;

namespace Jixiao.Domain.Petition;

public enum PetitionMeasure { TimelyAcceptance, OnTimeClosing, Satisfaction, Participation, RepeatPetitions }

public enum BreachKind
{
    LateNotice,        // notice given after day 15
    NoNotice,          // no notice, and day 15 is past
    LateClosing,       // answered after day 60 (+ approved extension)
    OverdueOpen,       // not answered, and the last day is past
    ExtensionTooLong,  // more than 30 days of extension granted
}

// A case that broke a legal time limit: which, by how much, and the dates it is counted between.
public sealed record Breach(string Number, string Where, BreachKind Kind, DateOnly From, DateOnly? To, int Days, int Limit, string Message);

// One computed figure with everything needed to check it by hand.
public sealed record PetitionFigure
{
    public required PetitionMeasure Measure { get; init; }
    public required string Name { get; init; }
    public required string Formula { get; init; }
    public required string Basis { get; init; }
    public required string Limit { get; init; }
    public int Numerator { get; init; }
    public int Denominator { get; init; }
    // Cases left out of the denominator and why (still within their period, not accepted …); 0 when none.
    public int Pending { get; init; }
    public string? PendingNote { get; init; }
    public bool IsCount { get; init; }
    public IReadOnlyList<Breach> Breaches { get; init; } = [];

    public const string NothingToCompute = "无可计算的事项";

    // Percent with two decimals, rounded half away from zero; null when nothing was there to count.
    public decimal? Percent => IsCount || Denominator == 0
        ? null
        : Math.Round(Numerator * 100m / Denominator, 2, MidpointRounding.AwayFromZero);

    // What the figure says, as it is shown beside the formula.
    public string Shown => IsCount
        ? $"{Numerator}件"
        : Percent is decimal p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : NothingToCompute;

    // The figure as an actual value for an indicator row; none when there was nothing to count.
    public TargetValue? Actual => IsCount || Percent != null ? TargetValue.Parse(Shown) : null;
}

public sealed record PetitionFigures(DateOnly AsOf, int Cases, IReadOnlyList<PetitionFigure> Figures)
{
    public PetitionFigure this[PetitionMeasure measure] => Figures.Single(f => f.Measure == measure);
}

// The indicators of domain.md section 7 computed from a ledger, under 《信访工作条例》(2022).
// Day counting: calendar days, the start day not counted (民法典第二百零一条): a case registered on
// 3月1日 is on day 15 on 3月16日. Day 15 is in time, day 16 is late. Handling runs from the acceptance day
// (第三十四条 "自受理之日起"), or the registration day when the ledger has none: day 60 in time, day 61 late;
// with an approved extension of E ≤ 30 days, day 60 + E in time. No holiday calendar is applied (verify
// local practice): the periods are counted as calendar days. A case whose period has not run out by the
// as-of date and that is not yet done is pending: neither on time nor late, outside the denominator.
public static class PetitionLedger
{
    public const int NoticeDays = 15;        // 第二十三条
    public const int HandlingDays = 60;      // 第三十四条
    public const int MaxExtensionDays = 30;  // 第三十四条

    public const string NoticeBasis = "《信访工作条例》第二十三条";
    public const string HandlingBasis = "《信访工作条例》第三十四条";

    // Day number of `day` counted from `start` (start itself is day 0).
    public static int DayOf(DateOnly start, DateOnly day) => day.DayNumber - start.DayNumber;

    // The days allowed for handling a case: 60, plus its extension when approved, the extension capped at 30.
    public static int HandlingLimit(PetitionCase c) =>
        HandlingDays + (c.ExtensionApproved ? Math.Clamp(c.ExtensionDays, 0, MaxExtensionDays) : 0);

    // The last day of the handling period under 第三十四条; none for a case not accepted.
    public static DateOnly? DueDate(PetitionCase c) => c.NotAccepted ? null : c.HandlingStart.AddDays(HandlingLimit(c));

    // A ledger whose own 应办结日期 falls after the legal last day gives itself time the rules do not:
    // said beside the figures (the figures always count by the law, never by the ledger's date).
    public static bool DueLaterThanLaw(PetitionCase c) => c.LedgerDue is { } written && DueDate(c) is { } law && written > law;

    // What makes a case's dates impossible; such a case is not counted and is listed with its place.
    public static IReadOnlyList<string> Problems(PetitionCase c)
    {
        var problems = new List<string>();
        if (c.Accepted is { } a && a < c.Registered) problems.Add($"受理日期 {Date(a)} 早于登记日期 {Date(c.Registered)}");
        if (c.Notified is { } n && n < c.Registered) problems.Add($"告知日期 {Date(n)} 早于登记日期 {Date(c.Registered)}");
        if (c.Closed is { } d && d < c.HandlingStart)
            problems.Add($"办结日期 {Date(d)} 早于{(c.Accepted != null ? "受理" : "登记")}日期 {Date(c.HandlingStart)}");
        if (c.ExtensionDays < 0) problems.Add($"延期天数 {c.ExtensionDays} 不能为负数");
        return problems;
    }

    public static PetitionFigures Compute(IReadOnlyList<PetitionCase> cases, DateOnly asOf, PetitionRules? rules = null)
    {
        rules ??= PetitionRules.Default;
        return new PetitionFigures(asOf, cases.Count,
        [
            TimelyAcceptance(cases, asOf),
            OnTimeClosing(cases, asOf),
            Satisfaction(cases, rules),
            Participation(cases),
            RepeatPetitions(cases),
        ]);
    }

    static PetitionFigure TimelyAcceptance(IReadOnlyList<PetitionCase> cases, DateOnly asOf)
    {
        int numerator = 0, denominator = 0, pending = 0;
        var breaches = new List<Breach>();
        foreach (var c in cases)
        {
            if (c.Notified is { } notified)
            {
                var day = DayOf(c.Registered, notified);
                denominator++;
                if (day <= NoticeDays) numerator++;
                else breaches.Add(new Breach(c.Number, c.Where, BreachKind.LateNotice, c.Registered, notified, day, NoticeDays,
                    $"登记后第{day}日才告知受理情况，超过{NoticeDays}日期限"));
                continue;
            }
            var waited = DayOf(c.Registered, asOf);
            if (waited <= NoticeDays) { pending++; continue; }
            denominator++;
            breaches.Add(new Breach(c.Number, c.Where, BreachKind.NoNotice, c.Registered, null, waited, NoticeDays,
                $"登记已{waited}日仍未告知受理情况，超过{NoticeDays}日期限"));
        }
        return new PetitionFigure
        {
            Measure = PetitionMeasure.TimelyAcceptance,
            Name = "信访事项及时受理率",
            Formula = $"及时受理率 = 登记之日起{NoticeDays}日内书面告知受理情况的事项数 ÷ 应告知的登记事项数 × 100%",
            Basis = NoticeBasis,
            Limit = $"登记之日起{NoticeDays}日内书面告知（登记次日为第1日，第{NoticeDays}日告知为及时，第{NoticeDays + 1}日为超期）",
            Numerator = numerator, Denominator = denominator, Pending = pending,
            PendingNote = pending > 0 ? $"{pending}件登记未满{NoticeDays}日、尚未告知，不计入" : null,
            Breaches = breaches,
        };
    }

    static PetitionFigure OnTimeClosing(IReadOnlyList<PetitionCase> cases, DateOnly asOf)
    {
        int numerator = 0, denominator = 0, pending = 0, notAccepted = 0;
        var breaches = new List<Breach>();
        foreach (var c in cases)
        {
            if (c.ExtensionDays > MaxExtensionDays)
                breaches.Add(new Breach(c.Number, c.Where, BreachKind.ExtensionTooLong, c.HandlingStart, c.Closed, c.ExtensionDays,
                    MaxExtensionDays, $"延期{c.ExtensionDays}日，超过{HandlingBasis}规定的最多{MaxExtensionDays}日{(c.ExtensionApproved ? $"（按{MaxExtensionDays}日计）" : "")}"));
            if (c.NotAccepted) { notAccepted++; continue; }
            var limit = HandlingLimit(c);
            var unapproved = c.ExtensionDays > 0 && !c.ExtensionApproved ? $"（延期{c.ExtensionDays}日未经批准，不计入期限）" : "";
            if (c.Closed is { } closed)
            {
                var day = DayOf(c.HandlingStart, closed);
                denominator++;
                if (day <= limit) numerator++;
                else breaches.Add(new Breach(c.Number, c.Where, BreachKind.LateClosing, c.HandlingStart, closed, day, limit,
                    $"{StartWord(c)}后第{day}日才办结，超过{LimitWords(limit)}期限{unapproved}"));
                continue;
            }
            var waited = DayOf(c.HandlingStart, asOf);
            if (waited <= limit) { pending++; continue; }
            denominator++;
            breaches.Add(new Breach(c.Number, c.Where, BreachKind.OverdueOpen, c.HandlingStart, null, waited, limit,
                $"{StartWord(c)}已{waited}日仍未办结，超过{LimitWords(limit)}期限{unapproved}"));
        }
        var notes = new List<string>();
        if (pending > 0) notes.Add($"{pending}件尚在办理期限内，不计入");
        if (notAccepted > 0) notes.Add($"{notAccepted}件不予受理或不再受理，无需办结，不计入");
        return new PetitionFigure
        {
            Measure = PetitionMeasure.OnTimeClosing,
            Name = "按期办结率",
            Formula = "按期办结率 = 期限内办结（答复）的事项数 ÷ 应办结的事项数 × 100%",
            Basis = HandlingBasis,
            Limit = $"受理之日起{HandlingDays}日内办结；情况复杂的经批准可延长，延长不超过{MaxExtensionDays}日（最长第{HandlingDays + MaxExtensionDays}日）",
            Numerator = numerator, Denominator = denominator, Pending = pending + notAccepted,
            PendingNote = notes.Count > 0 ? string.Join("；", notes) : null,
            Breaches = breaches,
        };
    }

    static string StartWord(PetitionCase c) => c.Accepted != null ? "受理" : "登记";

    static string LimitWords(int limit) =>
        limit == HandlingDays ? $"{HandlingDays}日" : $"{HandlingDays}日加延期{limit - HandlingDays}日共{limit}日";

    static PetitionFigure Satisfaction(IReadOnlyList<PetitionCase> cases, PetitionRules rules)
    {
        var received = cases.Where(c => c.Evaluation != null).ToList();
        var satisfied = received.Count(c => c.Evaluation == PetitionEvaluation.Satisfied
            || (rules.CountBasicallySatisfied && c.Evaluation == PetitionEvaluation.BasicallySatisfied));
        var counted = rules.CountBasicallySatisfied ? "“满意”和“基本满意”" : "“满意”";
        return new PetitionFigure
        {
            Measure = PetitionMeasure.Satisfaction,
            Name = "参评群众满意率",
            Formula = $"参评群众满意率 = 评价为{counted}的事项数 ÷ 收到评价的事项数 × 100%",
            Basis = "国信发〔2022〕11号；《信访工作条例》未规定满意度公式，按本地口径",
            Limit = rules.CountBasicallySatisfied ? "本地口径：“基本满意”计入满意" : "本地口径：只计“满意”，“基本满意”不计入（可在设置中改为计入）",
            Numerator = satisfied, Denominator = received.Count,
        };
    }

    static PetitionFigure Participation(IReadOnlyList<PetitionCase> cases)
    {
        var closed = cases.Where(c => c.Closed != null).ToList();
        var evaluated = closed.Count(c => c.HasEvaluation);
        var early = cases.Count(c => c.Closed == null && c.HasEvaluation);
        return new PetitionFigure
        {
            Measure = PetitionMeasure.Participation,
            Name = "群众参评率",
            Formula = "群众参评率 = 已评价的办结事项数 ÷ 已办结（可参评）的事项数 × 100%",
            Basis = "本地口径：事项办结（答复）后信访人可评价",
            Limit = "办结（答复）后开放评价",
            Numerator = evaluated, Denominator = closed.Count, Pending = early,
            PendingNote = early > 0 ? $"{early}件尚未办结却已有评价，不计入" : null,
        };
    }

    static PetitionFigure RepeatPetitions(IReadOnlyList<PetitionCase> cases)
    {
        var repeats = cases.Count(c => c.Repeat);
        return new PetitionFigure
        {
            Measure = PetitionMeasure.RepeatPetitions,
            Name = "重复信访件数",
            Formula = "重复信访件数 = 台账标为重复信访，或同一信访人（同一事项）此前已登记的事项数",
            Basis = "本地口径：与上年比较（较上年下降）",
            Limit = "无法定时限",
            Numerator = repeats, Denominator = cases.Count, IsCount = true,
        };
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
