using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Jixiao.Features;

// Model binding and data annotations speak English by default ("The Confirm field is required.");
// every message a user can meet is given here once, in Chinese. {0} is the field's [Display] name.
public static class ValidationMessages
{
    public static void Configure(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写{field}");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此项须填写数字");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效");
        m.SetValueIsInvalidAccessor(value => $"“{value}”无效");
        m.SetValueMustBeANumberAccessor(field => $"{field}须填写数字");
        m.SetValueMustNotBeNullAccessor(value => $"请填写此项（“{value}”无效）");
        o.ModelMetadataDetailsProviders.Add(new ChineseAnnotations());
    }

    // The Chinese message for an attribute that has none of its own.
    public static string? For(ValidationAttribute a) => a switch
    {
        RequiredAttribute => "请填写{0}",
        StringLengthAttribute { MinimumLength: > 0 } => "{0}的长度应为 {2} 到 {1} 个字",
        StringLengthAttribute => "{0}不能超过 {1} 个字",
        MaxLengthAttribute => "{0}不能超过 {1} 个字",
        MinLengthAttribute => "{0}至少 {1} 个字",
        RangeAttribute => "{0}应在 {1} 到 {2} 之间",
        CompareAttribute => "{0}与{1}不一致",
        RegularExpressionAttribute => "{0}的格式不正确",
        EmailAddressAttribute => "{0}不是有效的电子邮箱地址",
        PhoneAttribute => "{0}不是有效的电话号码",
        UrlAttribute => "{0}不是有效的网址",
        _ => null,
    };

    sealed class ChineseAnnotations : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            // Includes the implicit [Required] of non-nullable properties, added by the provider before this one.
            foreach (var a in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
                if (a.ErrorMessage == null && a.ErrorMessageResourceName == null && For(a) is { } message)
                    a.ErrorMessage = message;
        }
    }
}

// Identity's messages (user names, passwords) in Chinese.
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作未成功，请重试");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "当前密码不正确");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "链接已失效");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "该登录方式已绑定其他账号");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用英文字母、数字和 - . _ @ +");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"电子邮箱“{email}”无效");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已被使用");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"电子邮箱“{email}”已被使用");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"角色名“{role}”无效");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色“{role}”已存在");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "该用户已设置密码");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "该用户不能被锁定");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"用户已是“{role}”");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"用户不是“{role}”");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"新密码至少 {length} 位");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"新密码至少包含 {uniqueChars} 个不同的字符");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "新密码须包含符号");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "新密码须包含数字");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "新密码须包含小写字母");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "新密码须包含大写字母");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "恢复码无效");
}
