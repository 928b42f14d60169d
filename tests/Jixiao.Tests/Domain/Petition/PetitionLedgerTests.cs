using Jixiao.Domain;
using Jixiao.Domain.Petition;

namespace Jixiao.Tests.Domain.Petition;

public class PetitionLedgerTests
{
    static readonly DateOnly Start = new(2026, 3, 1);
    static readonly DateOnly YearEnd = new(2026, 12, 31);

    static PetitionCase Case(string number = "X-1", int? notifiedDay = null, int? closedDay = null, int extension = 0,
        bool approved = true, int? acceptedDay = null, bool notAccepted = false, PetitionEvaluation? evaluation = null,
        bool evaluated = false, bool repeat = false) => new()
    {
        Number = number, Where = "第2行", Registered = Start,
        Accepted = acceptedDay is int a ? Start.AddDays(a) : null,
        Notified = notifiedDay is int n ? Start.AddDays(n) : null,
        Closed = closedDay is int c ? Start.AddDays(c) : null,
        ExtensionDays = extension, ExtensionApproved = approved, NotAccepted = notAccepted,
        Evaluation = evaluation, Evaluated = evaluated, Repeat = repeat,
    };

    static PetitionFigure Figure(PetitionMeasure measure, DateOnly asOf, params PetitionCase[] cases) =>
        PetitionLedger.Compute(cases, asOf)[measure];

    [Fact]
    public void The_legal_limits_are_those_of_the_2022_rules()
    {
        Assert.Equal(15, PetitionLedger.NoticeDays);
        Assert.Equal(60, PetitionLedger.HandlingDays);
        Assert.Equal(30, PetitionLedger.MaxExtensionDays);
        Assert.Equal("《信访工作条例》第二十三条", PetitionLedger.NoticeBasis);
        Assert.Equal("《信访工作条例》第三十四条", PetitionLedger.HandlingBasis);
    }

    [Fact]
    public void Days_are_counted_from_the_day_after_registration()
    {
        Assert.Equal(0, PetitionLedger.DayOf(Start, Start));
        Assert.Equal(15, PetitionLedger.DayOf(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 16)));
        // Across a month end and February of a common year.
        Assert.Equal(60, PetitionLedger.DayOf(new DateOnly(2026, 1, 30), new DateOnly(2026, 3, 31)));
        Assert.Equal(-1, PetitionLedger.DayOf(Start, Start.AddDays(-1)));
    }

    // ---- 及时受理率: day 15 in time, day 16 late ----

    [Theory]
    [InlineData(0, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 1)]
    [InlineData(16, 0)]
    [InlineData(40, 0)]
    public void Notice_on_day_15_is_in_time_and_day_16_is_late(int day, int inTime)
    {
        var f = Figure(PetitionMeasure.TimelyAcceptance, YearEnd, Case(notifiedDay: day));
        Assert.Equal(inTime, f.Numerator);
        Assert.Equal(1, f.Denominator);
        Assert.Equal(1 - inTime, f.Breaches.Count);
    }

    [Fact]
    public void A_late_notice_is_listed_with_its_days_and_dates()
    {
        var f = Figure(PetitionMeasure.TimelyAcceptance, YearEnd, Case("DC-7", notifiedDay: 16));
        var b = Assert.Single(f.Breaches);
        Assert.Equal(new Breach("DC-7", "第2行", BreachKind.LateNotice, Start, new DateOnly(2026, 3, 17), 16, 15,
            "登记后第16日才告知受理情况，超过15日期限"), b);
        Assert.Equal("0%", f.Shown);
    }

    [Theory]
    [InlineData(15, 0, 1)]   // day 15 without notice: still within the period, pending
    [InlineData(16, 1, 0)]   // day 16 without notice: late
    public void A_case_without_notice_is_late_only_once_day_15_is_past(int asOfDay, int denominator, int pending)
    {
        var f = Figure(PetitionMeasure.TimelyAcceptance, Start.AddDays(asOfDay), Case());
        Assert.Equal(0, f.Numerator);
        Assert.Equal(denominator, f.Denominator);
        Assert.Equal(pending, f.Pending);
        if (denominator == 1)
        {
            var b = Assert.Single(f.Breaches);
            Assert.Equal(BreachKind.NoNotice, b.Kind);
            Assert.Null(b.To);
            Assert.Equal(16, b.Days);
            Assert.Equal("登记已16日仍未告知受理情况，超过15日期限", b.Message);
            Assert.Null(f.PendingNote);
            Assert.Equal("0%", f.Shown);
        }
        else
        {
            Assert.Empty(f.Breaches);
            Assert.Equal("1件登记未满15日、尚未告知，不计入", f.PendingNote);
            Assert.Equal(PetitionFigure.NothingToCompute, f.Shown);
            Assert.Null(f.Percent);
            Assert.Null(f.Actual);
        }
    }

    [Fact]
    public void Timely_acceptance_reads_its_formula_basis_and_limit()
    {
        var f = Figure(PetitionMeasure.TimelyAcceptance, YearEnd, Case(notifiedDay: 3), Case(notifiedDay: 20), Case(notifiedDay: 15));
        Assert.Equal("信访事项及时受理率", f.Name);
        Assert.Equal("及时受理率 = 登记之日起15日内书面告知受理情况的事项数 ÷ 应告知的登记事项数 × 100%", f.Formula);
        Assert.Equal("《信访工作条例》第二十三条", f.Basis);
        Assert.Equal("登记之日起15日内书面告知（登记次日为第1日，第15日告知为及时，第16日为超期）", f.Limit);
        Assert.Equal((2, 3), (f.Numerator, f.Denominator));
        Assert.Equal(66.67m, f.Percent);
        Assert.Equal("66.67%", f.Shown);
        Assert.False(f.IsCount);
        Assert.Equal(0, f.Pending);
        Assert.Null(f.PendingNote);
    }

    // ---- 按期办结率: day 60, 61; 90 with 30 days, 91 ----

    [Theory]
    [InlineData(60, 0, 1)]
    [InlineData(61, 0, 0)]
    [InlineData(80, 20, 1)]
    [InlineData(81, 20, 0)]
    [InlineData(90, 30, 1)]
    [InlineData(91, 30, 0)]
    [InlineData(59, 0, 1)]
    public void Closing_on_the_last_day_is_in_time_and_the_next_day_is_late(int day, int extension, int inTime)
    {
        var f = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(closedDay: day, extension: extension));
        Assert.Equal((inTime, 1), (f.Numerator, f.Denominator));
        Assert.Equal(1 - inTime, f.Breaches.Count);
    }

    [Fact]
    public void A_late_closing_names_its_limit_with_and_without_extension()
    {
        var plain = Assert.Single(Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case("A", closedDay: 61)).Breaches);
        Assert.Equal(new Breach("A", "第2行", BreachKind.LateClosing, Start, Start.AddDays(61), 61, 60, "登记后第61日才办结，超过60日期限"), plain);
        var extended = Assert.Single(Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case("B", closedDay: 91, extension: 30)).Breaches);
        Assert.Equal((91, 90), (extended.Days, extended.Limit));
        Assert.Equal("登记后第91日才办结，超过60日加延期30日共90日期限", extended.Message);
    }

    [Fact]
    public void Handling_runs_from_the_acceptance_day_when_the_ledger_has_one()
    {
        // Accepted on day 5: closing on day 65 from registration is day 60 from acceptance, in time.
        var inTime = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(acceptedDay: 5, closedDay: 65));
        Assert.Equal((1, 1), (inTime.Numerator, inTime.Denominator));
        var late = Assert.Single(Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(acceptedDay: 5, closedDay: 66)).Breaches);
        Assert.Equal(Start.AddDays(5), late.From);
        Assert.Equal("受理后第61日才办结，超过60日期限", late.Message);
    }

    [Fact]
    public void An_extension_over_30_days_is_a_breach_and_counts_as_30()
    {
        var f = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case("E", closedDay: 85, extension: 45));
        Assert.Equal((1, 1), (f.Numerator, f.Denominator));
        var b = Assert.Single(f.Breaches);
        Assert.Equal(new Breach("E", "第2行", BreachKind.ExtensionTooLong, Start, Start.AddDays(85), 45, 30,
            "延期45日，超过《信访工作条例》第三十四条规定的最多30日（按30日计）"), b);
        var late = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case("E", closedDay: 91, extension: 31));
        Assert.Equal((0, 1), (late.Numerator, late.Denominator));
        Assert.Equal([BreachKind.ExtensionTooLong, BreachKind.LateClosing], late.Breaches.Select(x => x.Kind));
        Assert.Equal(90, late.Breaches[1].Limit);
    }

    [Fact]
    public void An_extension_of_exactly_30_days_is_no_breach()
    {
        var f = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(closedDay: 90, extension: 30));
        Assert.Empty(f.Breaches);
    }

    [Fact]
    public void An_unapproved_extension_does_not_lengthen_the_period()
    {
        Assert.Equal(60, PetitionLedger.HandlingLimit(Case(extension: 20, approved: false)));
        Assert.Equal(80, PetitionLedger.HandlingLimit(Case(extension: 20)));
        Assert.Equal(90, PetitionLedger.HandlingLimit(Case(extension: 31)));
        Assert.Equal(60, PetitionLedger.HandlingLimit(Case(extension: 0)));
        Assert.Equal(60, PetitionLedger.HandlingLimit(Case(extension: -5)));
        var f = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(closedDay: 70, extension: 20, approved: false));
        Assert.Equal("登记后第70日才办结，超过60日期限（延期20日未经批准，不计入期限）", Assert.Single(f.Breaches).Message);
        var tooLong = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(closedDay: 50, extension: 40, approved: false));
        Assert.Equal("延期40日，超过《信访工作条例》第三十四条规定的最多30日", Assert.Single(tooLong.Breaches).Message);
    }

    [Theory]
    [InlineData(60, 0, 0, 1)]   // open on day 60: still within the period
    [InlineData(61, 0, 1, 0)]   // open on day 61: overdue
    [InlineData(90, 30, 0, 1)]
    [InlineData(91, 30, 1, 0)]
    public void An_open_case_is_late_only_once_its_last_day_is_past(int asOfDay, int extension, int denominator, int pending)
    {
        var f = Figure(PetitionMeasure.OnTimeClosing, Start.AddDays(asOfDay), Case("O", extension: extension));
        Assert.Equal(0, f.Numerator);
        Assert.Equal(denominator, f.Denominator);
        Assert.Equal(pending, f.Pending);
        if (denominator == 1)
        {
            var b = Assert.Single(f.Breaches);
            Assert.Equal(BreachKind.OverdueOpen, b.Kind);
            Assert.Equal(asOfDay, b.Days);
            Assert.Null(b.To);
            Assert.StartsWith($"登记已{asOfDay}日仍未办结，超过", b.Message);
        }
        else
        {
            Assert.Empty(f.Breaches);
            Assert.Equal("1件尚在办理期限内，不计入", f.PendingNote);
            Assert.Equal("无可计算的事项", f.Shown);
        }
    }

    [Fact]
    public void An_overdue_open_case_with_unapproved_extension_says_so()
    {
        var b = Assert.Single(Figure(PetitionMeasure.OnTimeClosing, Start.AddDays(61), Case(extension: 10, approved: false)).Breaches);
        Assert.Equal("登记已61日仍未办结，超过60日期限（延期10日未经批准，不计入期限）", b.Message);
    }

    [Fact]
    public void Cases_not_accepted_are_not_due_for_closing()
    {
        var f = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(notAccepted: true), Case(closedDay: 10), Case());
        Assert.Equal((1, 2), (f.Numerator, f.Denominator));
        Assert.Equal(1, f.Pending);
        Assert.Equal("1件不予受理或不再受理，无需办结，不计入", f.PendingNote);
        var both = Figure(PetitionMeasure.OnTimeClosing, Start.AddDays(10), Case(notAccepted: true), Case());
        Assert.Equal(2, both.Pending);
        Assert.Equal("1件尚在办理期限内，不计入；1件不予受理或不再受理，无需办结，不计入", both.PendingNote);
    }

    [Fact]
    public void On_time_closing_reads_its_formula_basis_and_limit()
    {
        var f = Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(closedDay: 30));
        Assert.Equal("按期办结率", f.Name);
        Assert.Equal("按期办结率 = 期限内办结（答复）的事项数 ÷ 应办结的事项数 × 100%", f.Formula);
        Assert.Equal("《信访工作条例》第三十四条", f.Basis);
        Assert.Equal("受理之日起60日内办结；情况复杂的经批准可延长，延长不超过30日（最长第90日）", f.Limit);
        Assert.Equal("100%", f.Shown);
        Assert.Null(f.PendingNote);
    }

    // ---- 参评群众满意率 and 群众参评率 ----

    [Fact]
    public void Satisfaction_counts_only_satisfied_by_default()
    {
        var cases = new[]
        {
            Case(closedDay: 10, evaluation: PetitionEvaluation.Satisfied),
            Case(closedDay: 10, evaluation: PetitionEvaluation.BasicallySatisfied),
            Case(closedDay: 10, evaluation: PetitionEvaluation.Dissatisfied),
            Case(closedDay: 10, evaluated: true),   // evaluated, result not recorded: no satisfaction to count
            Case(closedDay: 10),
        };
        var strict = PetitionLedger.Compute(cases, YearEnd)[PetitionMeasure.Satisfaction];
        Assert.Equal((1, 3), (strict.Numerator, strict.Denominator));
        Assert.Equal(33.33m, strict.Percent);
        Assert.Equal("参评群众满意率 = 评价为“满意”的事项数 ÷ 收到评价的事项数 × 100%", strict.Formula);
        Assert.Equal("本地口径：只计“满意”，“基本满意”不计入（可在设置中改为计入）", strict.Limit);
        Assert.Equal("国信发〔2022〕11号；《信访工作条例》未规定满意度公式，按本地口径", strict.Basis);
        Assert.Equal("参评群众满意率", strict.Name);

        var loose = PetitionLedger.Compute(cases, YearEnd, new PetitionRules { CountBasicallySatisfied = true })[PetitionMeasure.Satisfaction];
        Assert.Equal((2, 3), (loose.Numerator, loose.Denominator));
        Assert.Equal(66.67m, loose.Percent);
        Assert.Equal("参评群众满意率 = 评价为“满意”和“基本满意”的事项数 ÷ 收到评价的事项数 × 100%", loose.Formula);
        Assert.Equal("本地口径：“基本满意”计入满意", loose.Limit);
        Assert.False(PetitionRules.Default.CountBasicallySatisfied);
    }

    [Fact]
    public void Participation_is_evaluated_closed_cases_over_closed_cases()
    {
        var f = Figure(PetitionMeasure.Participation, YearEnd,
            Case(closedDay: 10, evaluated: true),
            Case(closedDay: 10, evaluation: PetitionEvaluation.Dissatisfied),
            Case(closedDay: 10),
            Case(closedDay: 10),
            Case(evaluation: PetitionEvaluation.Satisfied),   // not closed: not open to evaluation
            Case());
        Assert.Equal((2, 4), (f.Numerator, f.Denominator));
        Assert.Equal(50m, f.Percent);
        Assert.Equal("50%", f.Shown);
        Assert.Equal(1, f.Pending);
        Assert.Equal("1件尚未办结却已有评价，不计入", f.PendingNote);
        Assert.Equal("群众参评率", f.Name);
        Assert.Equal("群众参评率 = 已评价的办结事项数 ÷ 已办结（可参评）的事项数 × 100%", f.Formula);
        Assert.Equal("本地口径：事项办结（答复）后信访人可评价", f.Basis);
        Assert.Equal("办结（答复）后开放评价", f.Limit);
        Assert.Null(Figure(PetitionMeasure.Participation, YearEnd, Case(closedDay: 1)).PendingNote);
    }

    [Fact]
    public void A_result_means_the_case_was_evaluated()
    {
        Assert.True(Case(evaluation: PetitionEvaluation.Dissatisfied).HasEvaluation);
        Assert.True(Case(evaluated: true).HasEvaluation);
        Assert.False(Case().HasEvaluation);
    }

    // ---- 重复信访件数 ----

    [Fact]
    public void Repeat_petitions_are_a_count()
    {
        var f = Figure(PetitionMeasure.RepeatPetitions, YearEnd, Case(repeat: true), Case(), Case(repeat: true));
        Assert.True(f.IsCount);
        Assert.Equal((2, 3), (f.Numerator, f.Denominator));
        Assert.Null(f.Percent);
        Assert.Equal("2件", f.Shown);
        Assert.Equal(TargetValue.Parse("2件"), f.Actual);
        Assert.Equal("重复信访件数", f.Name);
        Assert.Equal("重复信访件数 = 台账标为重复信访，或同一信访人（同一事项）此前已登记的事项数", f.Formula);
        Assert.Equal("本地口径：与上年比较（较上年下降）", f.Basis);
        Assert.Equal("无法定时限", f.Limit);
        Assert.Equal("0件", Figure(PetitionMeasure.RepeatPetitions, YearEnd).Shown);
    }

    // ---- empty ledgers, rounding, actuals ----

    [Fact]
    public void An_empty_ledger_divides_by_nothing()
    {
        var figures = PetitionLedger.Compute([], YearEnd);
        Assert.Equal(0, figures.Cases);
        Assert.Equal(YearEnd, figures.AsOf);
        Assert.Equal(5, figures.Figures.Count);
        foreach (var f in figures.Figures.Where(f => !f.IsCount))
        {
            Assert.Equal(0, f.Denominator);
            Assert.Null(f.Percent);
            Assert.Null(f.Actual);
            Assert.Equal("无可计算的事项", f.Shown);
        }
    }

    [Theory]
    [InlineData(1, 8, "12.5")]      // exact
    [InlineData(2, 3, "66.67")]     // rounds up
    [InlineData(1, 3, "33.33")]     // rounds down
    [InlineData(1, 200, "0.5")]
    [InlineData(1, 1600, "0.06")]   // 0.0625 → 0.06
    [InlineData(1, 8000, "0.01")]   // 0.0125 → 0.01
    [InlineData(1, 40000, "0")]     // 0.0025 → 0.00
    [InlineData(1, 2000, "0.05")]   // 0.05 exact
    [InlineData(1, 800, "0.13")]    // 0.125 → 0.13: half away from zero, not to even
    public void Percentages_keep_two_decimals(int numerator, int denominator, string shown)
    {
        var f = new PetitionFigure { Measure = PetitionMeasure.Participation, Name = "", Formula = "", Basis = "", Limit = "", Numerator = numerator, Denominator = denominator };
        Assert.Equal(shown + "%", f.Shown);
        Assert.Equal(decimal.Parse(shown, System.Globalization.CultureInfo.InvariantCulture), f.Percent);
    }

    [Fact]
    public void A_percent_becomes_an_actual_value()
    {
        var f = Figure(PetitionMeasure.TimelyAcceptance, YearEnd, Case(notifiedDay: 1), Case(notifiedDay: 30));
        var actual = f.Actual!;
        Assert.Equal(TargetKind.Quantitative, actual.Kind);
        Assert.Equal(50m, actual.Value);
        Assert.Equal("%", actual.Unit);
        Assert.Equal("50%", actual.Raw);
    }

    [Fact]
    public void The_figures_come_in_a_fixed_order()
    {
        var figures = PetitionLedger.Compute([Case()], YearEnd);
        Assert.Equal(
            [PetitionMeasure.TimelyAcceptance, PetitionMeasure.OnTimeClosing, PetitionMeasure.Satisfaction, PetitionMeasure.Participation, PetitionMeasure.RepeatPetitions],
            figures.Figures.Select(f => f.Measure));
        Assert.Equal(1, figures.Cases);
        Assert.Same(figures.Figures[2], figures[PetitionMeasure.Satisfaction]);
    }

    // ---- impossible dates ----

    [Fact]
    public void Dates_before_registration_are_problems()
    {
        Assert.Empty(PetitionLedger.Problems(Case(notifiedDay: 0, acceptedDay: 0, closedDay: 0)));
        Assert.Equal(["受理日期 2026-02-28 早于登记日期 2026-03-01"], PetitionLedger.Problems(Case(acceptedDay: -1)));
        Assert.Equal(["告知日期 2026-02-28 早于登记日期 2026-03-01"], PetitionLedger.Problems(Case(notifiedDay: -1)));
        Assert.Equal(["办结日期 2026-02-28 早于登记日期 2026-03-01"], PetitionLedger.Problems(Case(closedDay: -1)));
        Assert.Equal(["办结日期 2026-03-04 早于受理日期 2026-03-06"], PetitionLedger.Problems(Case(acceptedDay: 5, closedDay: 3)));
        Assert.Empty(PetitionLedger.Problems(Case(acceptedDay: 5, closedDay: 5)));
        Assert.Equal(["延期天数 -1 不能为负数"], PetitionLedger.Problems(Case(extension: -1)));
        Assert.Equal(2, PetitionLedger.Problems(Case(notifiedDay: -2, extension: -3)).Count);
    }

    [Fact]
    public void Handling_starts_at_acceptance_or_registration()
    {
        Assert.Equal(Start, Case().HandlingStart);
        Assert.Equal(Start.AddDays(3), Case(acceptedDay: 3).HandlingStart);
        Assert.True(Case().ExtensionApproved);   // a ledger without an approval column records granted extensions
    }

    [Fact]
    public void The_legal_due_date_counts_the_approved_extension()
    {
        Assert.Equal(Start.AddDays(60), PetitionLedger.DueDate(Case()));
        Assert.Equal(Start.AddDays(5 + 80), PetitionLedger.DueDate(Case(acceptedDay: 5, extension: 20)));
        Assert.Equal(Start.AddDays(90), PetitionLedger.DueDate(Case(extension: 45)));
        Assert.Equal(Start.AddDays(60), PetitionLedger.DueDate(Case(extension: 20, approved: false)));
        Assert.Null(PetitionLedger.DueDate(Case(notAccepted: true)));
    }

    [Theory]
    [InlineData(61, true)]
    [InlineData(60, false)]
    [InlineData(30, false)]
    public void A_ledger_due_date_after_the_legal_one_is_noticed(int dueDay, bool later)
    {
        Assert.Equal(later, PetitionLedger.DueLaterThanLaw(Case() with { LedgerDue = Start.AddDays(dueDay) }));
        Assert.False(PetitionLedger.DueLaterThanLaw(Case()));
        Assert.False(PetitionLedger.DueLaterThanLaw(Case(notAccepted: true) with { LedgerDue = Start.AddDays(dueDay) }));
    }

    [Fact]
    public void A_zero_extension_without_approval_says_nothing_of_approval()
    {
        var b = Assert.Single(Figure(PetitionMeasure.OnTimeClosing, YearEnd, Case(closedDay: 61, extension: 0, approved: false)).Breaches);
        Assert.Equal("登记后第61日才办结，超过60日期限", b.Message);
    }

    [Fact]
    public void Dates_print_as_iso() => Assert.Equal("2026-03-05", PetitionLedger.Date(new DateOnly(2026, 3, 5)));

    [Fact]
    public void A_ledger_without_an_approval_column_counts_its_extensions()
    {
        // The record's own default, not the test helper's: an extension written in the ledger was granted.
        var c = new PetitionCase { Registered = Start, ExtensionDays = 20 };
        Assert.True(c.ExtensionApproved);
        Assert.Equal(80, PetitionLedger.HandlingLimit(c));
        Assert.Equal(Start.AddDays(80), PetitionLedger.DueDate(c));
    }

    [Fact]
    public void A_case_without_number_or_place_is_listed_with_empty_ones()
    {
        var b = Assert.Single(PetitionLedger.Compute([new PetitionCase { Registered = Start }], Start.AddDays(16))[PetitionMeasure.TimelyAcceptance].Breaches);
        Assert.Equal(("", ""), (b.Number, b.Where));
    }

    [Fact]
    public void Counting_basically_satisfied_leaves_dissatisfied_out()
    {
        var cases = new[]
        {
            Case(evaluation: PetitionEvaluation.BasicallySatisfied),
            Case(evaluation: PetitionEvaluation.Dissatisfied),
            Case(evaluation: PetitionEvaluation.Dissatisfied),
        };
        var loose = PetitionLedger.Compute(cases, YearEnd, new PetitionRules { CountBasicallySatisfied = true })[PetitionMeasure.Satisfaction];
        Assert.Equal((1, 3), (loose.Numerator, loose.Denominator));
        Assert.Equal((0, 3), (Figure(PetitionMeasure.Satisfaction, YearEnd, cases).Numerator, 3));
    }

    [Fact]
    public void A_figure_the_set_lacks_is_an_error_not_nothing() =>
        Assert.Throws<InvalidOperationException>(() => new PetitionFigures(YearEnd, 0, [])[PetitionMeasure.Satisfaction]);
}
