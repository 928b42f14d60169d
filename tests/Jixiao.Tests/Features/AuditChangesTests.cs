using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Features.Audit;

namespace Jixiao.Tests.Features;

// The audit log's stored change records ({"Property":[before, after]}, EF's English names, part of the hash
// chain) are shown to the auditor in Chinese: every property the model stores has a word, enum numbers and
// yes/no read as words, JSON kept in a column is read as what it holds; the stored text itself is not touched.
public class AuditChangesTests
{
    static readonly Regex Latin = new("[A-Za-z]{3,}");

    [Fact]
    public void Every_stored_property_of_the_model_has_a_Chinese_name()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        var missing = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Entity: t.DisplayName(), p.Name)))
            .Where(x => AuditChanges.FieldName(x.Entity, x.Name) is var shown && (shown == "其他字段" || Latin.IsMatch(shown)))
            .Select(x => $"{x.Entity}.{x.Name}")
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "没有中文名称的字段：" + string.Join("、", missing));
    }

    [Fact]
    public void A_project_change_reads_in_Chinese_with_its_status_and_profile_named()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        const string stored = """{"Id":[null,4],"BudgetUnitId":[null,2],"FiscalYear":[null,2026],"FrameworkId":[null,"national-2021"],"MadePublic":[null,false],"Status":[0,1],"CreatedUtc":[null,"2026-11-30T05:02:32.8382868Z"]}""";
        var lines = AuditChanges.Read(db.Model, "Project", stored);
        Assert.Equal(["编号", "预算单位编号", "预算年度", "指标体系", "已公开", "审核状态", "创建时间"], lines.Select(l => l.Field));
        Assert.Equal(new AuditChanges.Line("审核状态", "草稿", "已提交"), lines[5]);
        Assert.Equal("否", lines[4].After);
        Assert.StartsWith("全国（2021年起", lines[3].After);
        Assert.Equal("2026-11-30 05:02:32", lines[6].After);
        Assert.Null(lines[0].Before);
    }

    [Fact]
    public void Json_kept_in_a_column_and_people_read_in_words_and_stay_masked()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        const string ledger = """{"ErrorsJson":[null,"[{\"Where\":\"\\u7B2C24\\u884C\",\"Message\":\"\\u65E0\\u6CD5\\u8BC6\\u522B\"}]"],"Outcome":[null,2]}""";
        var lines = AuditChanges.Read(db.Model, "PetitionLedgerRecord", ledger);
        Assert.Equal("位置：第24行，说明：无法识别", lines[0].After);
        Assert.Equal("已保存", lines[1].After);

        // The form's other content is keyed by its own titles: they stay; an empty one reads as nothing.
        var sections = AuditChanges.Read(db.Model, "ProjectForm", """{"Sections":[{},{"立项依据":"《信访工作条例》"}]}""");
        Assert.Equal(new AuditChanges.Line("其他内容", null, "立项依据：《信访工作条例》"), sections[0]);

        var person = AuditChanges.Read(db.Model, "Person", """{"Name":[null,"张*"],"Phone":[null,"138****1234"],"Role":[null,"联系人"]}""");
        Assert.Equal(["姓名：张*", "电话：138****1234", "角色：联系人"], person.Select(l => $"{l.Field}：{l.After}"));

        // Identity's upper-cased copies are left out; a sign-in event's own record reads too.
        var user = AuditChanges.Read(db.Model, "AppUser", """{"UserName":[null,"admin"],"NormalizedUserName":[null,"ADMIN"],"MustChangePassword":[true,false]}""");
        Assert.Equal(["账号", "须修改初始密码"], user.Select(l => l.Field));
        Assert.Equal(("是", "否"), (user[1].Before, user[1].After));
        // The password history kept in Identity's token table reads in words (the walk's auditor found "jixiao,password").
        var history = AuditChanges.Read(db.Model, "IdentityUserToken<string>", """{"LoginProvider":[null,"jixiao"],"Name":[null,"password-history"]}""");
        Assert.Equal(["登录方式：本系统", "名称：密码历史"], history.Select(l => $"{l.Field}：{l.After}"));
        Assert.Equal("3f2a,本系统,密码历史", AuditChanges.Key("3f2a,jixiao,password-history"));
        Assert.Equal("east-head", AuditChanges.Key("east-head"));
        Assert.Null(AuditChanges.Key(null));
        var signIn = AuditChanges.Read(db.Model, "Account", """{"ip":"127.0.0.1","detail":"密码错误"}""");
        Assert.Equal(["客户端地址：127.0.0.1", "详情：密码错误"], signIn.Select(l => $"{l.Field}：{l.After}"));
    }

    [Fact]
    public void A_record_that_is_no_JSON_object_shows_as_it_stands()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        Assert.Equal([new AuditChanges.Line("内容", null, "损坏的记录")], AuditChanges.Read(db.Model, "Project", "损坏的记录"));
    }
}
