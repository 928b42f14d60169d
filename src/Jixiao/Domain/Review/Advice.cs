namespace Jixiao.Domain.Review;

// Concrete target values to suggest, from what an indicator's name says it measures.
internal static class Advice
{
    static readonly string[] DownWords = ["下降", "减少", "降低", "压减", "控制", "不超过", "减"];
    // What petition work wants less of, whatever the value says.
    static readonly string[] DownSubjects = ["越级", "重复", "投诉", "积案", "上访", "走访", "信访量", "信访总量", "集体访", "非正常"];
    static readonly string[] DegreeEndings = ["满意度", "知晓度", "知悉度", "覆盖度", "提升度", "完成度", "认可度", "参与度"];

    public static bool SaysDown(string? text) =>
        !string.IsNullOrEmpty(text) && DownWords.Any(text.Contains);

    // e.g. 群众满意度 → "≥90%"; 信访总量 with 下降 → "≤N件（不高于上年实际数）"; null when the name gives no hint.
    public static string? Target(string name, string? vagueValue = null)
    {
        var n = Trim(name);
        var down = SaysDown(vagueValue) || SaysDown(n) || DownSubjects.Any(n.Contains);
        if (n.Contains("满意")) return "≥90%";
        if (IsRate(n)) return down ? "≤N%（低于上年实际值）" : "≥95%";
        // Durations before counts: "办结天数" ends in 数 but is a number of days, kept low.
        if (n.EndsWith("时长") || n.EndsWith("天数") || n.EndsWith("周期")) return "≤N天";
        if (IsCount(n))
        {
            var unit = CountUnit(n);
            return down ? $"≤N{unit}（不高于上年实际数）" : $"≥N{unit}（N为计划完成数）";
        }
        if (n.EndsWith("成绩") || n.EndsWith("得分")) return "≥N分（或排名前N位）";
        return null;
    }

    public static string Trim(string name)
    {
        var n = DomainText.Compact(name);
        foreach (var suffix in new[] { "指标", "情况" })
            if (n.Length > suffix.Length + 1 && n.EndsWith(suffix, StringComparison.Ordinal)) n = n[..^suffix.Length];
        return n;
    }

    static bool IsRate(string n) =>
        (n.EndsWith('率') && !n.EndsWith("效率") && !n.EndsWith("频率"))
        || n.EndsWith("比例") || n.EndsWith("占比") || n.EndsWith("比重") || DegreeEndings.Any(n.EndsWith);

    static bool IsCount(string n) =>
        (n.EndsWith('数') && !n.EndsWith("指数") && !n.EndsWith("系数"))
        || (n.EndsWith('量') && !n.EndsWith("质量")) || n.EndsWith('次');

    static string CountUnit(string n) =>
        n.EndsWith("人数") || n.EndsWith("人次") ? "人"
        : n.EndsWith("户数") ? "户"
        : n.EndsWith("批次") ? "批次"
        : n.EndsWith("次数") || n.EndsWith('次') ? "次"
        : n.EndsWith("数量") ? "个"
        : n.EndsWith("件数") || n.EndsWith('量') ? "件"
        : "个";
}
