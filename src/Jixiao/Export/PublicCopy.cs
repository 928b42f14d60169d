using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain;
using Jixiao.Forms;

namespace Jixiao.Export;

// The public version of a form: a copy with every person's name and phone masked (李** / 135****1234),
// phone numbers written inside free text masked too, and the internal fields removed:
// the source file name, the importer's warnings, the unit's budget code, the cover and sign-off dates
// of the internal submission, and the sections addressed to the reviewers (需要说明的其他问题).
public static partial class PublicCopy
{
    public static readonly string[] HiddenSections = ["需要说明的其他问题", "编报时间", "填报日期"];

    public static FormDocument Of(FormDocument document)
    {
        var copy = JsonSerializer.Deserialize<FormDocument>(JsonSerializer.Serialize(document, Interchange.Json), Interchange.Json)!;
        copy.Source = new SourceInfo { Layout = document.Source.Layout };
        copy.Warnings = [];
        copy.Unit.Code = null;
        copy.Unit.SupervisingDepartmentCode = null;
        copy.Unit.People = copy.Unit.People.Select(Masking.Person).ToList();
        copy.Unit.Functions = Text(copy.Unit.Functions);
        copy.Sections = Clean(copy.Sections);
        foreach (var g in copy.DepartmentGoals)
        {
            g.Goal = Text(g.Goal);
            g.Indicators = Text(g.Indicators);
        }
        foreach (var p in copy.Projects) Mask(p);
        return copy;
    }

    public static ProjectForm Of(ProjectForm form)
    {
        var copy = JsonSerializer.Deserialize<ProjectForm>(JsonSerializer.Serialize(form, Interchange.Json), Interchange.Json)!;
        Mask(copy);
        return copy;
    }

    static void Mask(ProjectForm p)
    {
        p.People = p.People.Select(Masking.Person).ToList();
        p.Sections = Clean(p.Sections);
        p.LongTermGoal = Text(p.LongTermGoal);
        p.AnnualGoal = Text(p.AnnualGoal);
        foreach (var s in p.Safeguards) s.Measures = Text(s.Measures);
    }

    static Dictionary<string, string> Clean(Dictionary<string, string> sections) =>
        sections.Where(s => !HiddenSections.Contains(s.Key)).ToDictionary(s => s.Key, s => Text(s.Value)!);

    // Phone numbers written into a text: mobiles (13512341234) and numbers with an area code (021-64001234);
    // amounts and codes, which are digits too, are left alone.
    public static string? Text(string? text) =>
        text == null ? null : PhoneInText().Replace(text, m => Masking.Phone(m.Value)!);

    [GeneratedRegex(@"(?<![\d.])(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?![\d.%])")]
    private static partial Regex PhoneInText();
}
