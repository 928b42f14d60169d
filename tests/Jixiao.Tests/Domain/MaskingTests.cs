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
}
