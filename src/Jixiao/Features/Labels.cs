using System.Globalization;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;

namespace Jixiao.Features;

// The Chinese words the forms use for the model's values.
public static class Labels
{
    public static string Of(ProjectCategory? c) => c switch
    {
        ProjectCategory.OneOff => "一次性项目",
        ProjectCategory.Recurring => "经常性项目",
        ProjectCategory.MediumTermPilot => "中期预算试点项目",
        _ => "",
    };

    public static string Of(ProjectAttribute? a) => a switch
    {
        ProjectAttribute.New => "新增",
        ProjectAttribute.Continuing => "延续",
        _ => "",
    };

    // The review chain's own words (单位已确认, not 单位已审): the list and the project page say the same.
    public static string Of(ProjectStatus s) => Domain.Workflow.Workflow.Chinese(s);

    // The importer's layout families, as a user would describe the form.
    public static string Layout(string? id) => id switch
    {
        "packed-cells-table" => "一表汇总、指标挤在一格内（编码文本）",
        "one-cell-per-line" => "每格一行的表格",
        "side-by-side-groups" => "中长期与年度指标并列",
        "shanghai-2018-three-part" => "上海2018年三部分申报表",
        "label-value-form" => "标签—取值式申报表",
        null => "未识别",
        _ => id,
    };

    public static string Of(EvaluationGrade? g) => g?.Chinese() ?? "";

    // Times are stored in UTC and read in Beijing time, whatever the server's own zone.
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("Beijing", TimeSpan.FromHours(8), "北京时间", "北京时间");

    // Two projects of one name kept side by side (保留两份) are told apart by their copy number.
    public static string Copy(int copy) => copy > 0 ? $"（第{copy + 1}份）" : "";

    public static string Number(decimal? n) => n is decimal v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Money(decimal? yuan) => yuan is decimal v ? v.ToString("#,##0.00", Zh) : "";

    // Amounts are stored in 元; a form written in 万元 is shown in 万元 again.
    public static string Money(decimal? yuan, string? sourceUnit) =>
        yuan is decimal v && sourceUnit == "万元" ? (v / 10000m).ToString("#,##0.00####", Zh) : Money(yuan);
}
