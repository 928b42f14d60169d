using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Features.Review;
using Jixiao.Features.Workflow;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Projects;

// 新建项目 / 编辑 / 复制上年项目: the whole form edited in the page (wwwroot/js/editor.js), posted back
// as one interchange ProjectForm with the version it was loaded at. Check is the live review the page
// calls while the user types; it stores nothing.
public sealed class EditModel(JixiaoDb db, ProjectViews views) : PageModel
{
    public Project? Project { get; private set; }
    public BudgetUnit Unit { get; private set; } = null!;
    public int? Year { get; private set; }
    public int Version { get; private set; }
    public int? CopyFrom { get; private set; }
    public ReviewProfile Profile { get; private set; } = null!;
    public IndicatorFramework Framework { get; private set; } = null!;
    public string FormJson { get; private set; } = "{}";
    public string DraftKey { get; private set; } = "";
    public Dictionary<string, string> PreviousTargets { get; private set; } = [];
    public int? PreviousYear { get; private set; }
    public bool PreviousHasActuals { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }
    // The review comments shown in place while revising (null for a new project).
    public SheetComments? Comments { get; private set; }

    public string Title => Project != null ? "编辑项目" : CopyFrom != null ? "复制上年项目" : "新建项目";

    public sealed record ConflictView(int StoredVersion, DateTime StoredUtc, string? StoredBy, FormSheet Stored, FormSheet Mine, string MineJson, List<string> Differences);

    public async Task<IActionResult> OnGetAsync(int? id, int? unit, int? year, int? copyFrom)
    {
        if (await LoadAsync(id, unit, year, copyFrom) is { } refused) return refused;
        await LoadCommentsAsync();
        ProjectForm form;
        if (Project != null) form = Project.Form;
        else if (CopyFrom != null) form = NextYear(Source!.Form);
        else form = new ProjectForm { Funding = new Funding { SourceUnit = "万元" } };
        FormJson = JsonSerializer.Serialize(form, Interchange.Json);
        if (Project == null && CopyFrom == null) Errors.AddRange(EditorInput.Check(new ProjectForm { Name = "-" }, Year));
        await FindPreviousAsync(form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? formJson, int version, int? unitId, string? year, int? copyFrom)
    {
        int? typedYear = int.TryParse(year, out var y) ? y : null;
        if (await LoadAsync(id, unitId, typedYear, copyFrom) is { } refused) return refused;
        await LoadCommentsAsync();
        FormJson = formJson ?? "{}";
        if (Project != null) Version = version;
        // A new project's year is what the user typed: an empty or wrong one is told, never replaced.
        else if (typedYear == null)
        {
            Year = null;
            if (!string.IsNullOrWhiteSpace(year)) Errors.Add($"预算年度：“{year}”不是年份，请填写四位数字（如 {DateTime.Today.Year + 1}）。");
        }
        var (form, error) = EditorInput.Read(formJson);
        if (form == null)
        {
            Errors.Add(error!);
            return Page();
        }
        EditorInput.Tidy(form);
        var yearTold = Errors.Count > 0;
        Errors.AddRange(EditorInput.Check(form, Year).Where(e => !(yearTold && e.StartsWith("预算年度", StringComparison.Ordinal))));
        await FindPreviousAsync(form);
        if (Errors.Count > 0) return Page();

        var user = User.Identity?.Name;
        if (Project == null)
        {
            // A new project's rows are new rows, whatever ids the page sent with them.
            EditorInput.ForgetRowIds(form);
            var reason = CopyFrom != null ? $"复制上年项目（{Year - 1} 年度项目 {CopyFrom}）" : "新建项目";
            var (status, created) = await EditorSave.CreateAsync(db, Unit, Year!.Value, form, Profile, user, reason);
            if (status == EditorSaveStatus.Duplicate)
            {
                Errors.Add($"项目名称：{Unit.Name} {Year} 年度已有名为“{form.Name}”的项目，请换一个名称，或打开该项目编辑。");
                return Page();
            }
            return Redirect($"/Projects/{created!.Id}");
        }

        var outcome = await EditorSave.ReplaceAsync(db, Project, form, version, user, "在线编辑");
        if (outcome == EditorSaveStatus.Saved) return Redirect($"/Projects/{Project.Id}");
        await ShowConflictAsync(form);
        return Page();
    }

    // The live review: the form as typed now, reviewed under the project's profile. Rows are counted
    // as the page shows them, blank ones included, so that each finding lands beside its own row.
    public async Task<IActionResult> OnPostCheckAsync(int? id, int? unit, int? year, int? copyFrom)
    {
        if (await LoadAsync(id, unit, year, copyFrom) is { } refused) return refused;
        using var reader = new StreamReader(Request.Body);
        var (form, error) = EditorInput.Read(await reader.ReadToEndAsync());
        if (form == null) return new JsonResult(new { error }, Interchange.Json);

        var shown = form.Indicators.ToList();
        var kept = shown.Select((x, n) => (x, n)).Where(x => !EditorInput.IsBlank(x.x)).Select(x => x.n).ToList();
        EditorInput.Tidy(form);
        await FindPreviousAsync(form);
        // Rows typed since loading get an id for this review only, so that each finding finds its row.
        RowIds.Assign(form);
        var rowOf = form.Indicators.Select((x, n) => (x.Id, n)).Where(x => x.Id != null).ToDictionary(x => x.Id!.Value, x => kept[x.n]);
        var report = Reviewer.Review(StoredReview.DocumentOf(new Project { BudgetUnit = Unit, FiscalYear = Year ?? 0, Form = form }), Profile);
        var findings = report.Findings.Select(f => new
        {
            severity = f.Severity.ToString().ToLowerInvariant(),
            severityText = f.Severity.Chinese(),
            field = f.Field,
            fieldLabel = ReviewLabels.FieldLabel(f.Field),
            part = PartOf(f),
            indicator = f.Indicator,
            // The row by its id: two rows of one name keep their own findings.
            rows = f.RowId is { } rowId && rowOf.TryGetValue(rowId, out var at) ? [at] : Array.Empty<int>(),
            message = f.Message,
            suggestion = f.Suggestion,
            basis = f.Basis,
        }).ToList();
        var targets = shown.Select(i => new { annual = Describe(i.AnnualTarget?.Raw), period = Describe(i.PeriodTarget?.Raw) }).ToList();
        return new JsonResult(new { score = report.Score, grade = report.Grade, findings, targets }, Interchange.Json);
    }

    // The parse of a target as the page shows it beside the cell.
    static object? Describe(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var t = TargetValue.Parse(raw);
        return new
        {
            kind = t.Kind.ToString().ToLowerInvariant(),
            kindText = t.Kind switch
            {
                TargetKind.Quantitative => "定量", TargetKind.Qualitative => "定性", TargetKind.Empty => "空", _ => "文字",
            },
            op = t.Operator switch
            {
                TargetOperator.Ge => "≥", TargetOperator.Gt => ">", TargetOperator.Le => "≤", TargetOperator.Lt => "<",
                TargetOperator.Eq => "=", _ => null,
            },
            value = t.Value?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
            unit = t.Unit,
            direction = t.Direction switch
            {
                TrendDirection.Up => "上升", TrendDirection.Down => "下降",
                _ => t.Operator switch
                {
                    TargetOperator.Ge or TargetOperator.Gt => "正向", TargetOperator.Le or TargetOperator.Lt => "反向", _ => null,
                },
            },
        };
    }

    static string PartOf(Finding f) => f.Field switch
    {
        _ when f.Indicator != null => "indicators",
        null => "header",
        _ when f.Field.StartsWith("funding.", StringComparison.Ordinal) || f.Field == "budgetLines" => "money",
        "spendingPlan" => "plan",
        "annualGoal" or "longTermGoal" => "goals",
        "indicators" or "weight" or "level1" => "indicators",
        _ when f.Field.StartsWith("sections.", StringComparison.Ordinal) => "sections",
        _ => "header",
    };

    Project? Source;

    async Task LoadCommentsAsync()
    {
        if (Project != null) Comments = SheetComments.For(User, Project, (await views.AroundAsync(db, Project)).Comments);
    }

    // Finds what the request is about and whether this user may write it: 404 for what the user
    // may not see (as for a missing project), 403 for what they may see but not change.
    async Task<IActionResult?> LoadAsync(int? id, int? unitId, int? year, int? copyFrom)
    {
        var visible = db.Projects.VisibleTo(User).AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment);
        if (id != null)
        {
            var project = await visible.FirstOrDefaultAsync(p => p.Id == id);
            if (project == null) return NotFound();
            if (!Access.MayEdit(User, project)) return StatusCode(StatusCodes.Status403Forbidden);
            Project = db.InFormOrder(project);
            Unit = project.BudgetUnit!;
            Year = project.FiscalYear;
            Version = project.Version;
            DraftKey = $"project:{project.Id}";
            Profile = StoredReview.ProfileOf(project);
        }
        else
        {
            if (copyFrom != null)
            {
                var source = await visible.FirstOrDefaultAsync(p => p.Id == copyFrom);
                if (source == null) return NotFound();
                Source = db.InFormOrder(source);
                CopyFrom = source.Id;
                unitId = source.BudgetUnitId;
                year ??= source.FiscalYear + 1;
                DraftKey = $"copy:{source.Id}";
            }
            unitId ??= int.TryParse(User.FindFirst(UserClaims.Unit)?.Value, out var own) ? own : null;
            var unit = unitId == null ? null : await db.BudgetUnits.VisibleTo(User).Include(u => u.SupervisingDepartment)
                .FirstOrDefaultAsync(u => u.Id == unitId);
            if (unit == null) return NotFound();
            if (!Access.MayDeclare(User, unit.Id)) return StatusCode(StatusCodes.Status403Forbidden);
            Unit = unit;
            Year = year ?? DateTime.Today.Year + 1;
            if (CopyFrom == null) DraftKey = $"new:{unit.Id}:{Year}";
            // A new project follows the profile of its unit and year; the source's own when copied.
            Profile = (Source != null ? StoredReview.ProfileOf(Source) : null)
                ?? ReviewProfiles.For(StoredReview.DocumentOf(new Project { BudgetUnit = unit, FiscalYear = Year.Value }));
        }
        Framework = IndicatorFramework.Find(Profile.Framework) ?? IndicatorFramework.ChooseDefault(Unit.Name, Year?.ToString());
        return null;
    }

    // Next year's draft: the same rows and words, dates a year on, nothing of last year's results.
    static ProjectForm NextYear(ProjectForm source)
    {
        var form = JsonSerializer.Deserialize<ProjectForm>(JsonSerializer.Serialize(source, Interchange.Json), Interchange.Json)!;
        form.SelfEvaluation = null;
        EditorInput.ForgetRowIds(form);
        form.StartDate = YearOn(form.StartDate);
        form.EndDate = YearOn(form.EndDate);
        foreach (var i in form.Indicators)
        {
            i.Actual = null;
            i.Score = null;
            i.DeviationCause = null;
        }
        return form;
    }

    static string? YearOn(string? date) =>
        date is { Length: >= 4 } d && int.TryParse(d[..4], out var y) ? (y + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + d[4..] : date;

    // Last year's targets of the same project (same name or code, same unit), shown beside each row by name.
    async Task FindPreviousAsync(ProjectForm form)
    {
        if (Year is not int year) return;
        Project? previous = Source;
        if (previous == null && form.Name.Length > 0)
        {
            var name = form.Name;
            var code = form.Code;
            previous = await db.Projects.VisibleTo(User).AsSplitQuery()
                .Where(p => p.BudgetUnitId == Unit.Id && p.FiscalYear == year - 1 && (p.Form.Name == name || (code != null && p.Form.Code == code)))
                .OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        }
        if (previous == null) return;
        PreviousYear = previous.FiscalYear;
        var lastYear = new Dictionary<string, Indicator>();
        foreach (var i in previous.Form.Indicators)
            if (i.Name.Length > 0) lastYear.TryAdd(i.Name, i);
        foreach (var (name, i) in lastYear)
        {
            // Target, and where last year was evaluated its actual and score: "≥95% · 实际 97.2% · 得分 15".
            var parts = new List<string>();
            if (i.AnnualTarget?.Raw is { Length: > 0 } raw) parts.Add(raw);
            if (i.Actual?.Raw is { Length: > 0 } actual) { parts.Add("实际 " + actual); PreviousHasActuals = true; }
            if (i.Score is { } score && i.Actual != null) parts.Add("得分 " + Jixiao.Domain.Scoring.Scorer.Number(score));
            if (parts.Count > 0) PreviousTargets[name] = string.Join(" · ", parts);
        }
        // Last year's actual travels with the row, so the review can tell a target set below it (R41).
        foreach (var row in form.Indicators)
            row.PreviousActual = lastYear.TryGetValue(row.Name, out var last) && last.Actual is { Kind: not TargetKind.Empty } a ? a : null;
    }

    async Task ShowConflictAsync(ProjectForm mine)
    {
        // The stored project as it is now, read again past anything this request had staged.
        db.ChangeTracker.Clear();
        var stored = db.InFormOrder(await db.Projects.AsSplitQuery().Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstAsync(p => p.Id == Project!.Id));
        // Who saved, by the name people know them by (the sign-in name only if the user is gone).
        var by = await db.Users.Where(u => u.UserName == stored.UpdatedBy && u.DisplayName != "").Select(u => u.DisplayName).FirstOrDefaultAsync()
                 ?? stored.UpdatedBy;
        var dept = stored.BudgetUnit!.SupervisingDepartment?.Name;
        var mineJson = JsonSerializer.Serialize(mine, Interchange.Json);
        Conflict = new ConflictView(stored.Version, stored.UpdatedUtc, by,
            new FormSheet(stored.Form, stored.FiscalYear, stored.BudgetUnit.Name, dept),
            new FormSheet(mine, stored.FiscalYear, stored.BudgetUnit.Name, dept), mineJson, Differences(stored.Form, mine));
        FormJson = mineJson;
    }

    // Where the two versions differ, in the form's words, so the user need not compare them cell by cell.
    public static List<string> Differences(ProjectForm stored, ProjectForm mine)
    {
        var differences = new List<string>();
        string J(object? x) => JsonSerializer.Serialize(x, Interchange.Json);
        void Field(string label, object? a, object? b) { if (J(a) != J(b)) differences.Add(label); }
        // 260000 and 260000.00 are one amount: compared without the scale the database gave them.
        static string? N(decimal? d) => d?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
        Field("项目名称", stored.Name, mine.Name);
        Field("项目编码", stored.Code, mine.Code);
        Field("项目类别", stored.Category, mine.Category);
        Field("项目属性", stored.Attribute, mine.Attribute);
        Field("预算功能科目", stored.FunctionClass, mine.FunctionClass);
        Field("实施单位", stored.ImplementingUnit, mine.ImplementingUnit);
        Field("计划开始日期", stored.StartDate, mine.StartDate);
        Field("计划完成日期", stored.EndDate, mine.EndDate);
        Field("金额单位", stored.Funding.SourceUnit, mine.Funding.SourceUnit);
        foreach (var prop in typeof(Funding).GetProperties().Where(p => p.PropertyType == typeof(decimal?)))
            Field(EditorInput.FundingLabels[prop.Name], N((decimal?)prop.GetValue(stored.Funding)), N((decimal?)prop.GetValue(mine.Funding)));
        Field("项目预算明细", stored.BudgetLines.Select(l => new { l.Name, Amount = N(l.Amount), l.Period }), mine.BudgetLines.Select(l => new { l.Name, Amount = N(l.Amount), l.Period }));
        Field("资金支出计划", stored.SpendingPlan.Select(x => new { x.By, Percent = N(x.CumulativePercent) }), mine.SpendingPlan.Select(x => new { x.By, Percent = N(x.CumulativePercent) }));
        Field("中长期目标", stored.LongTermGoal, mine.LongTermGoal);
        Field("年度目标", stored.AnnualGoal, mine.AnnualGoal);
        static object Row(Indicator i) => new { i.Level1, i.Level2, i.Name, a = i.AnnualTarget?.Raw, p = i.PeriodTarget?.Raw, i.Basis, i.Description, i.Remarks, Weight = N(i.Weight) };
        if (stored.Indicators.Count != mine.Indicators.Count)
            differences.Add($"绩效指标行数（{stored.Indicators.Count} 行 → {mine.Indicators.Count} 行）");
        for (var n = 0; n < Math.Min(stored.Indicators.Count, mine.Indicators.Count); n++)
            if (J(Row(stored.Indicators[n])) != J(Row(mine.Indicators[n])))
                differences.Add($"绩效指标第 {n + 1} 行（{mine.Indicators[n].Name}）");
        Field("制度保障", stored.Safeguards.Select(x => new { x.Category, x.Document, x.Measures, x.Stages }), mine.Safeguards.Select(x => new { x.Category, x.Document, x.Measures, x.Stages }));
        Field("人员", stored.People.Select(x => new { x.Role, x.Name, x.Phone }), mine.People.Select(x => new { x.Role, x.Name, x.Phone }));
        Field("其他内容", stored.Sections, mine.Sections);
        return differences;
    }

    // The framework's levels as the page offers them: level 2 written the way forms write it ("数量指标").
    public string FrameworkJson() => JsonSerializer.Serialize(Framework.Level1.Select(l1 => new
    {
        name = l1.Name,
        level2 = l1.Level2.Select(l2 => l1.Name.EndsWith("指标", StringComparison.Ordinal) ? l2.Name + "指标" : l2.Name).ToList(),
    }), Interchange.Json);

    public string PreviousJson() => JsonSerializer.Serialize(PreviousTargets, Interchange.Json);
}
