using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

// The one text normaliser on its own: white space out, full-width signs half-width, ≧ ≦ as ≥ ≤, at the exact
// ends of the full-width block, on the stack and in a rented buffer alike.
public class DomainTextTests
{
    [Theory]
    [InlineData("产出指 标", "产出指标")]
    [InlineData(" 群众\t满意率\r\n", "群众满意率")]
    [InlineData("信访\u3000事项", "信访事项")]          // the ideographic space is white space too
    [InlineData("≥９５％", "≥95%")]
    [InlineData("！", "!")]                            // U+FF01, the first of the full-width block
    [InlineData("～", "~")]                            // U+FF5E, its last
    [InlineData("≧90%", "≥90%")]
    [InlineData("≦5", "≤5")]
    [InlineData("ＡＢｃ１２", "ABc12")]
    public void Compact_drops_white_space_and_makes_signs_half_width(string text, string compact) =>
        Assert.Equal(compact, DomainText.Compact(text));

    [Theory]
    [InlineData("\uFF00")]     // just before the block
    [InlineData("\uFF5F")]     // just after it
    [InlineData("、。“”")]     // Chinese punctuation is no full-width ASCII
    public void Characters_outside_the_full_width_block_stay(string text) => Assert.Equal(text, DomainText.Compact("  " + text));

    [Fact]
    public void A_text_already_compact_is_returned_as_it_is()
    {
        var text = "信访事项按期办结率≥95%";
        Assert.Same(text, DomainText.Compact(text));
        Assert.Equal("", DomainText.Compact(null));
        Assert.Equal("", DomainText.Compact("   "));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]   // the largest text compacted on the stack
    [InlineData(257)]   // the smallest in a rented buffer
    [InlineData(5000)]
    public void Long_texts_are_compacted_whole(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => i % 2 == 0 ? '率' : ' ')) + "％";
        var compact = DomainText.Compact(text);
        Assert.Equal(new string('率', (length + 1) / 2) + "%", compact);
        // A second call after a rented buffer went back gives the same, whatever the buffer held.
        Assert.Equal("ab", DomainText.Compact(new string(' ', length) + "ａｂ"));
    }

    [Fact]
    public void Squeeze_drops_white_space_only()
    {
        Assert.Equal("≥９５％“满意”", DomainText.Squeeze(" ≥９５％ “满意”\n"));
        Assert.Equal("", DomainText.Squeeze(null));
    }
}
