using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

public class PinyinTests
{
    [Theory]
    [InlineData("信访", "xf")]
    [InlineData("信访事项及时受理率", "xfsxjssll")]
    [InlineData("参评群众满意率", "cpqzmyl")]
    [InlineData("积案化解率", "jahjl")]
    // The first and last characters of each initial's block (啊 a … 座 z) and their neighbours.
    [InlineData("啊澳芭怖擦错搭堕蛾贰发咐噶过哈祸击骏喀阔垃络妈穆拿诺哦沤啪瀑期群然弱撒所塌唾挖误昔迅压孕匝座", "aabbccddeeffgghhjjkkllmmnnooppqqrrssttwwxxyyzz")]
    // Letters, digits and full-width forms keep themselves; punctuation and spaces have no initial.
    [InlineData("12345热线 ＡＢ１（2026年）", "12345rxab12026n")]
    // Outside level 1 of GB2312: from the table (闵行 Minhang, 婺源, 怡), or nothing when unknown.
    [InlineData("闵行区", "mxq")]
    [InlineData("婺源县", "wyx")]
    public void Initials_of_a_text(string text, string expected) => Assert.Equal(expected, Pinyin.Initials(text));

    [Fact]
    public void Characters_without_a_known_initial_give_none()
    {
        Assert.Null(Pinyin.InitialOf('，'));
        Assert.Null(Pinyin.InitialOf('≥'));
        Assert.Null(Pinyin.InitialOf('%'));
        Assert.Null(Pinyin.InitialOf('丌'));   // level 2 of GB2312, not in the table
        Assert.Null(Pinyin.InitialOf("😀"[0]));
        Assert.Equal("", Pinyin.Initials(null));
        Assert.Equal("", Pinyin.Initials("，。、"));
    }

    [Theory]
    [InlineData("信访事项及时受理率", "xf")]
    [InlineData("信访事项及时受理率", "XF")]
    [InlineData("信访事项及时受理率", "jssll")]
    [InlineData("参评群众满意率", "myl")]
    // Either reading of a character with two: 重复 zhongfu / chongfu, 率 lü / shuai.
    [InlineData("重复信访件数", "cfxf")]
    [InlineData("重复信访件数", "zfxf")]
    [InlineData("参评群众满意率", "mys")]
    [InlineData("12345热线服务", "12345rx")]
    public void Typed_initials_match(string text, string typed) => Assert.True(Pinyin.MatchesInitials(text, typed));

    [Theory]
    [InlineData("信访事项及时受理率", "fx")]        // order matters
    [InlineData("信访事项及时受理率", "xs")]        // consecutive characters only
    [InlineData("信访事项及时受理率", "xfsxjsslll")] // longer than the text
    [InlineData("信访事项及时受理率", "")]
    [InlineData("信访事项及时受理率", "信访")]      // words are matched elsewhere, not as initials
    [InlineData("", "xf")]
    [InlineData(null, "xf")]
    [InlineData("参评群众满意率", "x")]
    public void Other_letters_do_not_match(string? text, string typed) => Assert.False(Pinyin.MatchesInitials(text, typed));
}
