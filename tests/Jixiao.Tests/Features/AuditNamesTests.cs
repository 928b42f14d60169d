using Jixiao.Features.Audit;

namespace Jixiao.Tests.Features;

// The audit log names what changed in Chinese: EF's entity names as stored (kept verbatim for the hash chain)
// are shown through one table; owned parts by owner and part; anything unknown as stored, never dropped.
public class AuditNamesTests
{
    [Theory]
    [InlineData("AppUser", "用户")]
    [InlineData("IdentityUserRole<string>", "用户角色")]
    [InlineData("IdentityUserClaim<string>", "用户属性")]
    [InlineData("Account", "账号登录")]
    [InlineData("BudgetLine", "项目预算明细")]
    [InlineData("ReviewComment", "审核意见")]
    [InlineData("Indicator.AnnualTarget#TargetValue", "绩效指标（年度指标值）")]
    [InlineData("Indicator.PeriodTarget#TargetValue", "绩效指标（中长期指标值）")]
    [InlineData("Project.Form#ProjectForm", "项目（申报表内容）")]
    [InlineData("SomethingNew", "SomethingNew")]
    [InlineData("Owner.Part#SomethingNew", "Owner（SomethingNew）")]
    public void Entities_are_named_in_Chinese(string stored, string shown) => Assert.Equal(shown, IndexModel.EntityName(stored));
}
