using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

public class MaskingTests
{
    [Theory]
    [InlineData("李晓明", "李**")]
    [InlineData("李娜", "李*")]
    [InlineData("欧阳明月", "欧***")]
    [InlineData("李", "李*")]
    [InlineData("张敏（东城区信访局）", "张*（东城区信访局）")]
    [InlineData("Zhang Wei", "Z********")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Names_keep_their_first_character(string? name, string? masked) => Assert.Equal(masked, Masking.Name(name));

    [Theory]
    [InlineData("13512341234", "135****1234")]
    [InlineData("135 1234 1234", "135 **** 1234")]
    [InlineData("010-64001234", "010-****1234")]
    [InlineData("+86 13810001234", "+86 1******1234")]
    [InlineData("12345", "*****")]
    [InlineData(null, null)]
    public void Phone_numbers_keep_three_digits_in_front_and_four_behind(string? phone, string? masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Fact]
    public void E_mail_keeps_its_domain() => Assert.Equal("z****@example.cn", Masking.Email("zhang@example.cn"));

    [Fact]
    public void A_person_is_masked_whole_and_the_original_is_untouched()
    {
        var person = new Person { Role = "联系人", Name = "王建国", Phone = "13810001234" };
        var masked = Masking.Person(person);
        Assert.Equal(("联系人", "王**", "138****1234"), (masked.Role, masked.Name, masked.Phone));
        Assert.Equal("王建国", person.Name);
    }

    [Fact]
    public void A_masked_person_keeps_the_row_id()
    {
        var id = Guid.Parse("0f9c2a52-3b1d-4c4e-9a51-6d2e7b8c9d01");
        Assert.Equal(id, Masking.Person(new Person { Id = id, Role = "项目负责人", Name = "李晓明" }).Id);
        Assert.Null(Masking.Person(new Person { Role = "项目负责人", Name = "李晓明" }).Id);
    }

    [Theory]
    [InlineData("  李晓明 ", "李**")]                    // white space around a name is not a character of it
    [InlineData("张敏(东城区信访局)", "张*(东城区信访局)")]   // the half-width bracket too
    [InlineData("(东城区信访局)", "(*******")]            // a bracket in front is no unit after a name: all hidden
    [InlineData("𠮷田", "𠮷*")]                          // a character outside the BMP is one character, not two halves
    [InlineData("   ", "   ")]
    public void Names_are_masked_by_characters_not_by_code_units(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Theory]
    [InlineData("", "")]
    [InlineData("  ", "  ")]
    [InlineData("123456", "******")]          // too short to keep anything: separators hidden too
    [InlineData("12-34-56", "********")]
    [InlineData("电话：13512341234", "电话：135****1234")]   // letters around the digits stay as they are
    public void Short_and_written_phone_numbers(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("z@example.cn", "z*@example.cn")]     // a one-letter local part still hides that it is one letter
    [InlineData("zh@example.cn", "z*@example.cn")]
    [InlineData("@example.cn", "***********")]        // no local part: nothing is an address, all hidden
    [InlineData("zhang.example.cn", "****************")]
    [InlineData("", "")]
    [InlineData(" ", " ")]
    [InlineData(null, null)]
    public void E_mail_without_a_local_part_or_an_at_sign_is_hidden_whole(string? email, string? masked) => Assert.Equal(masked, Masking.Email(email));

    // At least four digits are hidden whatever the length: a local number without its area code keeps no
    // digit in front, and one of fewer than eight digits is hidden whole (it once came out unmasked at 7).
    [Theory]
    [InlineData("6400123", "*******")]
    [InlineData("640-0123", "********")]
    [InlineData("64001234", "****1234")]
    [InlineData("123456789", "1****6789")]
    [InlineData("010-6400123", "01*-***0123")]
    [InlineData("0106400123", "01****0123")]
    [InlineData("01064001234", "010****1234")]
    [InlineData("021-640012345", "021-*****2345")]
    public void At_least_four_digits_are_always_hidden(string phone, string masked)
    {
        Assert.Equal(masked, Masking.Phone(phone));
        Assert.True(Masking.Phone(phone)!.Count(c => c == '*') >= 4);
    }
}
