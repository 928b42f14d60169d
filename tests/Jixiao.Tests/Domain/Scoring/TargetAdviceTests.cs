using Jixiao.Domain;
using Jixiao.Domain.Scoring;

namespace Jixiao.Tests.Domain.Scoring;

public class TargetAdviceTests
{
    static TargetValue V(string s) => TargetValue.Parse(s);

    [Fact]
    public void Below_last_year_is_noted_and_at_it_is_not()
    {
        Assert.Equal(["目标低于上年实际完成值97.2"], TargetAdvice.For(V("≥95%"), V("97.2%"), []).Notes);
        Assert.Empty(TargetAdvice.For(V("≥97.2%"), V("97.2%"), []).Notes);
        Assert.Equal(97.2m, TargetAdvice.For(V("≥97.2%"), V("97.2%"), []).LastYearActual);
        // Lower is better: a limit above last year's actual is looser than what was done.
        Assert.Equal(["目标宽于上年实际完成值6"], TargetAdvice.For(V("≤10"), V("6"), []).Notes);
        Assert.Empty(TargetAdvice.For(V("≤6"), V("6"), []).Notes);
        Assert.Empty(TargetAdvice.For(V("较上年提高"), V("97%"), []).Notes);
        Assert.Empty(TargetAdvice.For(V("≥95%"), V("达成"), []).Notes);
        Assert.Null(TargetAdvice.For(V("≥95%"), null, []).LastYearActual);
    }

    [Fact]
    public void Fewer_than_three_peers_give_no_spread()
    {
        var a = TargetAdvice.For(V("≥80%"), null, [90m, 95m]);
        Assert.Equal((2, (decimal?)null, (decimal?)null, (decimal?)null), (a.Peers, a.PeerMin, a.PeerMedian, a.PeerMax));
        Assert.Empty(a.Notes);
        Assert.Equal(3, TargetAdvice.MinPeers);
    }

    [Fact]
    public void The_spread_is_min_median_max()
    {
        var odd = TargetAdvice.For(V("≥95%"), null, [98m, 90m, 95m]);
        Assert.Equal((3, 90m, 95m, 98m), (odd.Peers, odd.PeerMin!.Value, odd.PeerMedian!.Value, odd.PeerMax!.Value));
        var even = TargetAdvice.For(V("≥95%"), null, [90m, 100m, 92m, 96m]);
        Assert.Equal(94m, even.PeerMedian);   // (92 + 96) ÷ 2
    }

    [Fact]
    public void A_target_below_most_peers_is_noted()
    {
        // 2 of 3 peers ask for more than 90%: most.
        Assert.Equal(["目标低于多数同类单位（3家中2家更高）"], TargetAdvice.For(V("≥90%"), null, [90m, 95m, 98m]).Notes);
        // 2 of 4: half is not most.
        Assert.Empty(TargetAdvice.For(V("≥90%"), null, [85m, 90m, 95m, 98m]).Notes);
        // Lower is better: 2 of 3 peers set a tighter limit than ≤10.
        Assert.Equal(["目标宽于多数同类单位（3家中2家更严）"], TargetAdvice.For(V("≤10"), null, [5m, 8m, 10m]).Notes);
        Assert.Empty(TargetAdvice.For(V("≤8"), null, [5m, 8m, 10m]).Notes);
        // Both notes at once.
        Assert.Equal(2, TargetAdvice.For(V("≥90%"), V("93%"), [95m, 96m, 97m]).Notes.Count);
    }

    [Fact]
    public void A_strict_upper_limit_is_lower_is_better_too()
    {
        Assert.Equal(["目标宽于上年实际完成值6"], TargetAdvice.For(V("<10"), V("6"), []).Notes);
        Assert.Equal(["目标宽于多数同类单位（3家中2家更严）"], TargetAdvice.For(V("<10"), null, [5m, 8m, 10m]).Notes);
        // A strict lower limit is higher is better.
        Assert.Equal(["目标低于上年实际完成值12"], TargetAdvice.For(V(">10"), V("12"), []).Notes);
    }

    // Only a quantitative value is compared: a text that happens to carry a number (控制在10以内) is no target or actual to weigh.
    [Fact]
    public void Values_that_are_not_quantitative_are_not_compared()
    {
        var text = new TargetValue { Raw = "控制在10以内", Kind = TargetKind.Text, Operator = TargetOperator.Le, Value = 10m };
        var a = TargetAdvice.For(text, V("6"), [5m, 8m, 9m]);
        Assert.Empty(a.Notes);
        Assert.Equal((6m, 3, 5m, 8m, 9m), (a.LastYearActual, a.Peers, a.PeerMin!.Value, a.PeerMedian!.Value, a.PeerMax!.Value));
        var lastYear = new TargetValue { Raw = "约97", Kind = TargetKind.Text, Value = 97m };
        var b = TargetAdvice.For(V("≥95%"), lastYear, []);
        Assert.Empty(b.Notes);
        Assert.Null(b.LastYearActual);
    }
}

