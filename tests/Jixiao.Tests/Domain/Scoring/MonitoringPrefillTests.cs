using Jixiao.Domain;
using Jixiao.Domain.Scoring;

namespace Jixiao.Tests.Domain.Scoring;

// Monitoring values offered to the self-evaluation: from the latest signed-off round only, only where nothing
// is entered yet, only values the page accepts, each with the round it comes from.
public class MonitoringPrefillTests
{
    static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    static readonly DateTime T = new(2026, 7, 10, 0, 0, 0, DateTimeKind.Utc);

    static Indicator Row(Guid? id, string name, string target, string? actual = null) =>
        new() { Id = id, Level1 = "产出指标", Name = name, AnnualTarget = TargetValue.Parse(target), Actual = actual is null ? null : TargetValue.Parse(actual) };

    static ProjectForm Form(params Indicator[] rows) => new() { Name = "项目", Indicators = [.. rows] };

    static MonitoringSource Round(string title, int month, DateTime signed, decimal? spent, params (Guid Id, string? Value)[] values) =>
        new(title, month, signed, spent, values.ToDictionary(v => v.Id, v => v.Value));

    [Fact]
    public void Without_a_signed_off_round_nothing_is_offered()
    {
        var r = MonitoringPrefill.From(Form(Row(A, "接待人次", "≥3000人次")), []);
        Assert.Empty(r.Rows);
        Assert.Null(r.Spent);
        Assert.Null(r.SpentRound);
    }

    [Fact]
    public void The_furthest_period_wins_whatever_the_order_and_on_the_same_period_the_later_sign_off()
    {
        var form = Form(Row(A, "接待人次", "≥3000人次"));
        var june = Round("2026年1–6月运行监控", 6, T.AddDays(30), 100m, (A, "1500人次"));
        var october = Round("2026年1–10月运行监控", 10, T, 300m, (A, "2800人次"));
        var r = MonitoringPrefill.From(form, [october, june]);
        Assert.Equal(new Prefilled("2800人次", "2026年1–10月运行监控"), r.Rows[A]);
        Assert.Equal((300m, "2026年1–10月运行监控"), (r.Spent, r.SpentRound));
        Assert.Equal("2800人次", MonitoringPrefill.From(form, [june, october]).Rows[A].Value);

        var again = Round("再次签收", 10, T.AddSeconds(1), 310m, (A, "2900人次"));
        Assert.Equal(("2900人次", 310m), (MonitoringPrefill.From(form, [october, again]).Rows[A].Value, MonitoringPrefill.From(form, [again, october]).Spent));
    }

    [Fact]
    public void Only_the_latest_round_counts_even_where_it_has_no_value_for_a_row()
    {
        var form = Form(Row(A, "接待人次", "≥3000人次"), Row(B, "办结率", "≥95%"));
        var june = Round("6月", 6, T, null, (A, "1500人次"), (B, "96%"));
        var october = Round("10月", 10, T, null, (A, "2800人次"), (B, "  "));
        var r = MonitoringPrefill.From(form, [june, october]);
        Assert.Equal([A], r.Rows.Keys);
        Assert.Null(r.Spent);
        Assert.Null(r.SpentRound);   // the latest round gives no amount: none is offered
    }

    [Fact]
    public void A_row_with_an_actual_keeps_it_and_a_blank_actual_counts_as_none()
    {
        var form = Form(Row(A, "接待人次", "≥3000人次", "3216人次"), Row(B, "办结率", "≥95%", " "));
        var r = MonitoringPrefill.From(form, [Round("10月", 10, T, null, (A, "2800人次"), (B, " 96% "))]);
        Assert.Equal([B], r.Rows.Keys);
        Assert.Equal("96%", r.Rows[B].Value);   // trimmed
    }

    [Fact]
    public void Only_values_the_page_accepts_are_offered()
    {
        var form = Form(
            Row(A, "接待人次", "≥3000人次"),
            Row(B, "机制建设", "健全"),
            Row(C, "满意度", "≥90%"));
        var r = MonitoringPrefill.From(form, [Round("10月", 10, T, null, (A, "较多"), (B, "达成年度指标"), (C, "91.5%"))]);
        Assert.False(r.Rows.ContainsKey(A));                    // a number row offered words
        Assert.Equal("达成", r.Rows[B].Value);                  // a tier, in the page's word
        Assert.Equal("91.5%", r.Rows[C].Value);
        r = MonitoringPrefill.From(form, [Round("10月", 10, T, null, (B, "基本健全"), (C, "部分达成"))]);
        Assert.Empty(r.Rows);                                   // words that are no tier; a tier on a number row
        Assert.Equal("部分达成", MonitoringPrefill.From(form, [Round("10月", 10, T, null, (B, "部分达成"))]).Rows[B].Value);
        Assert.Equal("未达成", MonitoringPrefill.From(form, [Round("10月", 10, T, null, (B, "未达成"))]).Rows[B].Value);
    }

    [Fact]
    public void Rows_without_an_id_and_placeholder_rows_are_left_alone()
    {
        var form = Form(Row(null, "接待人次", "≥3000人次"), Row(A, "无", "≥1"));
        var r = MonitoringPrefill.From(form, [Round("10月", 10, T, null, (A, "2"))]);
        Assert.Empty(r.Rows);
    }

    [Theory]
    [InlineData(FundingItem.AnnualRequest)]
    [InlineData(FundingItem.Total)]
    public void Spending_is_offered_only_while_the_total_row_has_no_amount_executed(FundingItem item)
    {
        var form = Form(Row(A, "接待人次", "≥3000人次"));
        var round = Round("10月", 10, T, 412000m);
        Assert.Equal(412000m, MonitoringPrefill.From(form, [round]).Spent);
        form.SelfEvaluation = new SelfEvaluation { Execution = [new BudgetExecution { Item = item, AnnualBudget = 600000m }] };
        Assert.Equal((412000m, "10月"), (MonitoringPrefill.From(form, [round]).Spent, MonitoringPrefill.From(form, [round]).SpentRound));
        form.SelfEvaluation.Execution[0].Executed = 0m;
        var r = MonitoringPrefill.From(form, [round]);
        Assert.Null(r.Spent);
        Assert.Null(r.SpentRound);
        // A sub-row's amount is no total: the total still starts from the monitoring.
        form.SelfEvaluation.Execution = [new BudgetExecution { Item = FundingItem.Appropriation, Executed = 5m }];
        Assert.Equal(412000m, MonitoringPrefill.From(form, [round]).Spent);
    }
}
