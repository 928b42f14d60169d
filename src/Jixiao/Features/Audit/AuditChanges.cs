using System.Globalization;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Petition;
using Jixiao.Domain.Review;
using Jixiao.Domain.Workflow;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Features.Audit;

// The stored change record of an audit entry ({"Property":[before, after]}, English EF names, kept verbatim
// because it is part of the hash chain) read out for the auditor: each field in the forms' own words, enum
// numbers as their Chinese labels, yes/no, times as the page shows them. Display only: nothing stored changes,
// and nothing is unmasked (names and phones were masked when the entry was written).
public static class AuditChanges
{
    public sealed record Line(string Field, string? Before, string? After);

    const int MaxValue = 120;

    // The lines of one record; a record that is no JSON object (written by hand, damaged) is one line as it stands.
    public static List<Line> Read(IModel model, string entity, string changes)
    {
        var lines = new List<Line>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(changes); }
        catch (JsonException) { return [new Line("内容", null, Cut(changes))]; }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [new Line("内容", null, Cut(changes))];
            var type = TypeOf(model, entity);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                // Identity's upper-cased copies of names say nothing the name itself does not.
                if (p.Name.StartsWith("Normalized")) continue;
                var clr = type?.FindProperty(p.Name)?.ClrType;
                if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                    lines.Add(new Line(FieldName(entity, p.Name), Value(p.Name, p.Value[0], clr), Value(p.Name, p.Value[1], clr)));
                else
                    lines.Add(new Line(FieldName(entity, p.Name), null, Value(p.Name, p.Value, clr)));
            }
        }
        return lines;
    }

    // The entry's key in words where a part of it is a code: a password-history token's key is
    // "<user id>,jixiao,password-history" (Identity's token table).
    public static string? Key(string? key) =>
        key == null ? null : string.Join(",", key.Split(',').Select(part => KeyParts.GetValueOrDefault(part, part)));

    static readonly Dictionary<string, string> KeyParts = new() { ["jixiao"] = "本系统", ["password-history"] = "密码历史" };

    static readonly Dictionary<IModel, Dictionary<string, IEntityType>> Types = [];

    static IEntityType? TypeOf(IModel model, string entity)
    {
        Dictionary<string, IEntityType> map;
        lock (Types)
            if (!Types.TryGetValue(model, out map!))
                Types[model] = map = model.GetEntityTypes().GroupBy(t => t.DisplayName()).ToDictionary(g => g.Key, g => g.First());
        return map.GetValueOrDefault(entity);
    }

    // A field in words. The entity's own word first where one name means different things in different places.
    public static string FieldName(string entity, string property)
    {
        var owner = entity.Split('#')[^1].Split('.')[0];
        if (Specific.TryGetValue((owner, property), out var s)) return s;
        if (Fields.TryGetValue(property, out var f)) return f;
        if (property.EndsWith("Id") && Fields.TryGetValue(property[..^2], out var of)) return of + "编号";
        // A key that is already words (a section's title such as 立项依据 in the form's other content) stays as it is.
        if (property.Any(ch => ch > 127)) return property;
        return "其他字段";
    }

    static string? Value(string property, JsonElement v, Type? clr)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.True: return "是";
            case JsonValueKind.False: return "否";
            case JsonValueKind.Number:
                var enumType = clr == null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
                if (enumType is { IsEnum: true } && v.TryGetInt32(out var n)) return EnumLabel(Enum.ToObject(enumType, n));
                return v.GetRawText();
            case JsonValueKind.String:
                var text = v.GetString()!;
                if (Codes.TryGetValue((property, text), out var code)) return code;
                if (property is "ReviewProfileId" or "ProfileId" or "FrameworkId" or "Framework" && ReviewProfiles.Find(text) is { } profile) return profile.Name;
                // A JSON text kept in a column (errors, checklists) is read as what it holds.
                if (text is ['[' or '{', ..] && TryParse(text) is { } inner) using (inner) return Value(property, inner.RootElement, null);
                if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                    return time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                return Cut(text);
            case JsonValueKind.Array or JsonValueKind.Object when !v.EnumerateObjectOrArray().Any():
                return null;
            case JsonValueKind.Array:
                return Cut(string.Join("；", v.EnumerateArray().Select(e => Value(property, e, null) ?? "（空）")));
            case JsonValueKind.Object:
                return Cut(string.Join("，", v.EnumerateObject().Select(p => $"{FieldName("", p.Name)}：{Value(p.Name, p.Value, null) ?? "（空）"}")));
            default: return Cut(v.GetRawText());
        }
    }

    static IEnumerable<object> EnumerateObjectOrArray(this JsonElement v) =>
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Cast<object>() : v.EnumerateObject().Cast<object>();

    static JsonDocument? TryParse(string text)
    {
        try { return JsonDocument.Parse(text); }
        catch (JsonException) { return null; }
    }

    static string Cut(string text) => text.Length > MaxValue ? text[..MaxValue] + "…" : text;

    static string EnumLabel(object value) => value switch
    {
        ProjectStatus s => Domain.Workflow.Workflow.Chinese(s),
        Severity s => s.Chinese(),
        EvaluationGrade g => g.Chinese(),
        Light l => MonitoringText.Label(l),
        Likelihood l => MonitoringText.Label(l),
        CauseCategory c => MonitoringText.Label(c),
        ProjectCategory c => Labels.Of(c),
        ProjectAttribute a => Labels.Of(a),
        ProjectNature.Recurring => "经常性", ProjectNature.OneOff => "一次性", ProjectNature.Phased => "阶段性",
        ProjectClass.Personnel => "人员类", ProjectClass.Operation => "运转类", ProjectClass.SpecificPurpose => "特定目标类",
        TargetKind.Quantitative => "定量", TargetKind.Qualitative => "定性", TargetKind.Text => "文字", TargetKind.Empty => "空",
        TargetOperator.Ge => "≥", TargetOperator.Gt => ">", TargetOperator.Le => "≤", TargetOperator.Lt => "<", TargetOperator.Eq => "=",
        TrendDirection.Up => "提高", TrendDirection.Down => "下降",
        LibraryStatus.Accepted => "已采纳", LibraryStatus.Proposed => "待审核", LibraryStatus.Rejected => "不采纳",
        ReportStatus.Draft => "草稿", ReportStatus.Submitted => "已提交", ReportStatus.Returned => "已退回",
        ImportOutcome.Failed or LedgerOutcome.Failed => "读取失败",
        ImportOutcome.Previewed or LedgerOutcome.Previewed => "已预览",
        ImportOutcome.Saved or LedgerOutcome.Saved => "已保存",
        PetitionEvaluation.Satisfied => "满意", PetitionEvaluation.BasicallySatisfied => "基本满意", PetitionEvaluation.Dissatisfied => "不满意",
        FundingItem i => i switch
        {
            FundingItem.Total => "项目资金总额", FundingItem.AnnualRequest => "年度申请数", FundingItem.Fiscal => "财政拨款",
            FundingItem.Appropriation => "一般公共预算", FundingItem.FromHigherLevel => "上级补助", FundingItem.FromSameLevel => "本级安排",
            FundingItem.FromLowerLevel => "下级上解", FundingItem.CarryOver => "上年结转", FundingItem.SpecialAccount => "财政专户", _ => "其他资金",
        },
        _ => Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
    };

    // Stored codes that are words of the program, not of the reader.
    static readonly Dictionary<(string, string), string> Codes = new()
    {
        [("Action", "submit")] = "提交", [("Action", "approve")] = "审核通过", [("Action", "return")] = "退回修改",
        [("Action", "adjust")] = "发起调整", [("Action", "confirm")] = "确认",
        [("ClaimType", UserClaims.Unit)] = "所属单位", [("ClaimType", UserClaims.Department)] = "所属主管部门",
        [("ClaimType", UserClaims.DisplayName)] = "姓名", [("ClaimType", UserClaims.MustChangePassword)] = "须修改初始密码",
        [("ClaimType", UserClaims.Demo)] = "演示账号",
        // The user's earlier password hashes (PasswordPolicy): Identity's token table, provider "jixiao".
        [("LoginProvider", "jixiao")] = "本系统", [("Name", "password-history")] = "密码历史",
    };

    static readonly Dictionary<(string, string), string> Specific = new()
    {
        [("AppUser", "Id")] = "用户编号", [("AppUser", "UserName")] = "账号", [("AppUser", "DisplayName")] = "姓名",
        [("IdentityRole", "Name")] = "角色名称", [("IdentityRole", "NormalizedName")] = "角色名称（检索用）", [("IdentityRole", "Id")] = "角色编号",
        [("Indicator", "Name")] = "三级指标", [("LibraryIndicator", "Name")] = "指标名称", [("BudgetLine", "Name")] = "明细名称",
        [("BudgetUnit", "Name")] = "单位名称", [("SupervisingDepartment", "Name")] = "主管部门名称", [("ProjectForm", "Name")] = "项目名称",
        [("Person", "Name")] = "姓名", [("ProjectSearch", "Name")] = "项目名称",
        [("ProjectForm", "Code")] = "项目编码", [("BudgetUnit", "Code")] = "部门预算代码", [("SupervisingDepartment", "Code")] = "部门代码",
        [("Indicator", "Value")] = "指标数值", [("MonitoringRow", "Value")] = "当前实际完成值", [("TargetValue", "Value")] = "数值",
        [("Indicator", "Unit")] = "计量单位", [("TargetValue", "Unit")] = "计量单位", [("LibraryIndicator", "Unit")] = "计量单位",
        [("ProjectForm", "Category")] = "项目类别", [("Safeguard", "Category")] = "保障类别",
        [("Project", "Version")] = "版本", [("Project", "Status")] = "审核状态", [("ProjectStep", "Action")] = "操作",
        [("AuditEntry", "Action")] = "操作",
    };

    // Every property the model stores, in the forms' words (AuditChangesTests checks that none is missing).
    static readonly Dictionary<string, string> Fields = new()
    {
        ["Id"] = "编号", ["Key"] = "行号", ["Position"] = "顺序", ["Order"] = "顺序", ["Name"] = "名称", ["Code"] = "代码",
        ["Accepted"] = "受理日期", ["Action"] = "操作", ["Actual"] = "实际完成值", ["Amount"] = "金额",
        ["AnnualBudget"] = "全年预算数", ["AnnualGoal"] = "年度总体目标", ["AnnualGoalActual"] = "年度总体目标实际完成情况",
        ["AnnualRequest"] = "年度申请数", ["AnnualTarget"] = "年度指标值", ["Answer"] = "答复", ["AnsweredBy"] = "答复人",
        ["AnsweredUtc"] = "答复时间", ["Appropriation"] = "一般公共预算", ["ApprovedVersion"] = "已批复版本", ["Attribute"] = "项目属性",
        ["Author"] = "意见人账号", ["AuthorName"] = "意见人", ["Basis"] = "依据", ["Budget"] = "预算数", ["BudgetExecutionRate"] = "执行率",
        ["BudgetLines"] = "项目预算明细", ["BudgetUnit"] = "预算单位", ["BudgetUnitId"] = "预算单位编号", ["By"] = "计划时间",
        ["CarryOver"] = "上年结转", ["Cases"] = "信访事项", ["Category"] = "类别", ["Cause"] = "偏差原因类别", ["CauseText"] = "偏差原因",
        ["ChangeReason"] = "修改说明", ["Changes"] = "内容", ["ChecklistJson"] = "四性审核表", ["Class"] = "项目分类", ["Closed"] = "办结日期",
        ["Columns"] = "识别的列", ["Comment"] = "意见", ["Conclusion"] = "结论", ["Content"] = "文件内容", ["Copy"] = "同名副本序号",
        ["CreatedUtc"] = "创建时间", ["CumulativePercent"] = "累计支出比例", ["DecidedBy"] = "审核人", ["DecidedUtc"] = "审核时间",
        ["DecisionNote"] = "审核说明", ["Definition"] = "指标解释", ["DepartmentGoals"] = "部门整体目标", ["Description"] = "指标解释",
        ["DeviationCause"] = "偏差原因分析及改进措施", ["Direction"] = "指标方向", ["DisplayName"] = "姓名", ["DivisionCode"] = "区划代码",
        ["Document"] = "文件名称", ["DocumentJson"] = "读取的表单", ["DueDate"] = "截止日期", ["EndDate"] = "结束日期", ["EndMonth"] = "截至月份",
        ["Entity"] = "对象", ["EntityKey"] = "对象键", ["Error"] = "错误", ["ErrorsJson"] = "错误", ["Evaluated"] = "评价日期",
        ["Evaluation"] = "评价结果", ["Executed"] = "全年执行数", ["Execution"] = "预算执行", ["Expected"] = "完成可能性说明",
        ["ExtensionApproved"] = "延期已批准", ["ExtensionDays"] = "延期天数", ["Field"] = "栏目", ["File"] = "文件", ["FileName"] = "文件名",
        ["Findings"] = "审核发现", ["FindingsJson"] = "审核发现", ["Fiscal"] = "财政拨款", ["FiscalYear"] = "预算年度", ["Form"] = "申报表",
        ["FormJson"] = "表单内容", ["FormatVersion"] = "格式版本", ["Formula"] = "计算公式", ["Framework"] = "指标体系",
        ["FrameworkId"] = "指标体系", ["From"] = "原状态", ["FromHigherLevel"] = "上级补助", ["FromLowerLevel"] = "下级上解",
        ["FromSameLevel"] = "本级安排", ["FunctionClass"] = "预算功能科目", ["Functions"] = "单位职能", ["Funding"] = "项目资金",
        ["Goal"] = "目标", ["Goals"] = "目标", ["Grade"] = "等级", ["Hash"] = "哈希", ["ImplementingUnit"] = "实施单位",
        ["Indicator"] = "指标", ["IndicatorId"] = "指标行编号", ["IndicatorKey"] = "所属指标行号", ["Indicators"] = "绩效指标",
        ["InitialBudget"] = "年初预算数", ["Initials"] = "拼音首字母", ["Item"] = "资金项目", ["Kind"] = "指标值类型", ["Layout"] = "版式",
        ["LedgerDue"] = "台账规定期限", ["LedgerId"] = "台账编号", ["Level1"] = "一级指标", ["Level2"] = "二级指标", ["Light"] = "预警灯",
        ["Likelihood"] = "完成可能性", ["LongTermGoal"] = "中长期目标", ["LongTermGoalYears"] = "中长期目标年限", ["MadePublic"] = "已公开",
        ["Measures"] = "具体措施", ["Message"] = "说明", ["MustChangePassword"] = "须修改初始密码", ["NameInitials"] = "拼音首字母",
        ["NameKey"] = "名称（检索用）", ["Nature"] = "项目性质", ["NotAccepted"] = "不予受理", ["Notified"] = "告知日期", ["Number"] = "编号",
        ["OpenedBy"] = "发起人", ["OpenedUtc"] = "发起时间", ["Operator"] = "比较符", ["Other"] = "其他资金", ["Outcome"] = "结果",
        ["PacePercent"] = "序时进度", ["People"] = "人员", ["Period"] = "实施期", ["PeriodTarget"] = "实施周期指标值", ["Phone"] = "电话",
        ["Points"] = "分值", ["PreviousActual"] = "上年实际完成值", ["Profile"] = "审核规则", ["ProfileId"] = "审核规则",
        ["Project"] = "项目", ["ProjectId"] = "项目编号", ["ProjectFormProjectId"] = "项目编号", ["Projects"] = "项目",
        ["ProposalReason"] = "提议理由", ["ProposedBy"] = "提议人", ["QualityScore"] = "自动审核得分", ["Raw"] = "原文", ["Reason"] = "原因",
        ["Registered"] = "登记日期", ["Remarks"] = "备注", ["Repeat"] = "重复信访", ["Resolved"] = "已解决", ["ResolvedBy"] = "解决确认人",
        ["Result"] = "处理结果", ["ReturnComment"] = "退回意见", ["ReviewProfileId"] = "审核规则", ["Role"] = "角色", ["Round"] = "监控轮次",
        ["RoundId"] = "监控轮次编号", ["RowId"] = "行编号", ["Rows"] = "行", ["RowsNotCounted"] = "未计入的行", ["Rule"] = "规则",
        ["Safeguards"] = "制度保障", ["SavedBy"] = "保存人", ["SavedUtc"] = "保存时间", ["Score"] = "得分", ["Search"] = "检索",
        ["Sections"] = "其他内容", ["SelfEvaluation"] = "绩效自评", ["Severity"] = "严重程度", ["Sha256"] = "文件摘要", ["SignedOffBy"] = "签发人",
        ["SignedOffUtc"] = "签发时间", ["Size"] = "大小（字节）", ["Source"] = "来源", ["SourceFile"] = "来源文件", ["SourceImport"] = "来源导入",
        ["SourceImportId"] = "来源导入编号", ["SourceUnit"] = "金额单位", ["SpecialAccount"] = "财政专户", ["SpendingPlan"] = "资金支出计划",
        ["Spent"] = "已支出", ["SpentPercent"] = "执行进度", ["Stages"] = "保障阶段", ["StartDate"] = "开始日期", ["Status"] = "状态",
        ["Suggestion"] = "修改建议", ["SupervisingDepartment"] = "主管部门", ["SupervisingDepartmentCode"] = "主管部门代码",
        ["SupervisingDepartmentId"] = "主管部门编号", ["Term"] = "期限", ["Text"] = "意见内容", ["Title"] = "标题", ["To"] = "新状态",
        ["Total"] = "项目资金总额", ["TotalPoints"] = "总分值", ["TotalScore"] = "总分", ["TypicalTarget"] = "常用指标值",
        ["Unit"] = "单位", ["UnitFunding"] = "单位资金", ["Units"] = "单位", ["UpdatedBy"] = "修改人", ["UpdatedUtc"] = "修改时间",
        ["Upper"] = "区间上限", ["UserName"] = "账号", ["Utc"] = "时间", ["Value"] = "值", ["Version"] = "版本", ["Warnings"] = "读取提示",
        ["Weight"] = "分值", ["Where"] = "位置", ["Year"] = "年度",
        // The events written by hand (AuditLog.Add): the client address and what happened; an export's filters.
        ["ip"] = "客户端地址", ["detail"] = "详情", ["rows"] = "行数",
        // ASP.NET Identity's own columns of users, roles, claims and tokens.
        ["NormalizedUserName"] = "账号（检索用）", ["Email"] = "电子邮箱", ["NormalizedEmail"] = "电子邮箱（检索用）",
        ["EmailConfirmed"] = "邮箱已验证", ["PhoneNumber"] = "电话", ["PhoneNumberConfirmed"] = "电话已验证",
        ["TwoFactorEnabled"] = "双因素认证", ["LockoutEnd"] = "锁定至", ["LockoutEnabled"] = "允许锁定", ["AccessFailedCount"] = "连续登录失败次数",
        ["NormalizedName"] = "名称（检索用）", ["UserId"] = "用户编号", ["RoleId"] = "角色编号", ["ClaimType"] = "属性", ["ClaimValue"] = "属性值",
        ["ConcurrencyStamp"] = "并发标记", ["SecurityStamp"] = "安全标记", ["PasswordHash"] = "密码摘要", ["Area"] = "数据范围",
        ["ReportId"] = "监控报告编号",
        ["LoginProvider"] = "登录方式", ["ProviderKey"] = "登录方式键", ["ProviderDisplayName"] = "登录方式名称",
    };
}
