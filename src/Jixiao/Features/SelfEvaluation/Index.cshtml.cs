using System.Globalization;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Jixiao.Export;
using Jixiao.Features.Export;
using Jixiao.Features.Projects;
using Jixiao.Features.Review;
using Jixiao.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.SelfEvaluations;

// 绩效自评 of one approved project, laid out like the national 自评表 (财预〔2020〕10号): the money block,
// the annual goal as planned and as reached, and each indicator row with its actual, points, score and
// 偏差原因分析及改进措施. Scored live (?handler=Score) and on save by Domain/Scoring; saved through
// SelfEvaluationStore, which touches only the self-evaluation fields.
public sealed class SelfEvaluationModel(JixiaoDb db) : PageModel
{
    public sealed class RowInput
    {
        public Guid Id { get; set; }
        public string? Actual { get; set; }
        public string? Score { get; set; }
        public string? Cause { get; set; }
    }

    public sealed class MoneyInput
    {
        public FundingItem Item { get; set; }
        public string? InitialBudget { get; set; }
        public string? AnnualBudget { get; set; }
        public string? Executed { get; set; }
    }

    public static readonly (FundingItem Item, string Name)[] MoneyRows =
    [
        (FundingItem.AnnualRequest, "年度资金总额"),
        (FundingItem.Appropriation, "当年财政拨款"),
        (FundingItem.CarryOver, "上年结转资金"),
        (FundingItem.Other, "其他资金"),
    ];

    [BindProperty] public List<RowInput> Rows { get; set; } = [];
    [BindProperty] public List<MoneyInput> Money { get; set; } = [];
    [BindProperty] public string? GoalActual { get; set; }
    [BindProperty] public int Version { get; set; }

    public Project Project { get; private set; } = null!;
    public List<Indicator> Indicators { get; private set; } = [];
    public ProjectEvaluation Result { get; private set; } = null!;
    public SelfEvaluationSettings Settings { get; private set; } = new();
    public bool MayWrite { get; private set; }
    public bool Saved { get; private set; }
    // Values of the latest signed-off monitoring round offered where nothing is entered yet (GET only).
    public MonitoringPrefillResult Prefill { get; private set; } = new(new Dictionary<Guid, Prefilled>(), null, null);

    public async Task<IActionResult> OnGetAsync(int id, bool saved = false)
    {
        if (await LoadAsync(id) == null) return NotFound();
        Saved = saved;
        if (Project.Status == ProjectStatus.Approved)
            Prefill = MonitoringPrefill.From(Project.Form, await SignedOffRoundsAsync(Project));
        Fill(Project.Form);
        Version = Project.Version;
        Result = Scorer.Score(Project.Form, Settings);
        // Offered values are scored as shown, so the page adds up before anything is typed.
        if ((Prefill.Rows.Count > 0 || Prefill.Spent != null) && Read() is ({ } entry, _))
            Result = Scorer.Score(Preview(entry), Settings);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var project = await LoadAsync(id);
        if (project == null) return NotFound();
        if (!MayWrite) return StatusCode(StatusCodes.Status403Forbidden);
        var (entry, errors) = Read();
        if (entry != null)
        {
            Result = Scorer.Score(Preview(entry), Settings);
            errors.AddRange(Enforce(Result));
        }
        else Result = Scorer.Score(project.Form, Settings);
        if (project.Version != Version)
            errors.Insert(0, $"项目已被他人修改（当前第 {project.Version} 版，您填写的是第 {Version} 版）：请重新打开本页后再填写");
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError("", e);
            return Page();
        }
        SelfEvaluationStore.Apply(db, project, entry!, User.Identity!.Name!, "绩效自评");
        var result = await ProjectStore.CommitAsync(db, HttpContext.RequestAborted);
        if (!result.Saved)
        {
            ModelState.AddModelError("", result.Conflict ?? "保存失败");
            return Page();
        }
        return Redirect($"/Projects/{id}/SelfEvaluation?saved=true");
    }

    // The live score of the page as typed: nothing is stored.
    public async Task<IActionResult> OnPostScoreAsync(int id)
    {
        var project = await LoadAsync(id);
        if (project == null) return NotFound();
        if (!MayWrite) return StatusCode(StatusCodes.Status403Forbidden);
        var (entry, errors) = Read();
        var result = Scorer.Score(entry == null ? project.Form : Preview(entry), Settings);
        if (entry != null) errors.AddRange(Enforce(result));
        return new JsonResult(new
        {
            rows = result.Indicators.Select(r => new
            {
                id = r.Row.Id,
                points = r.Points,
                score = r.Score,
                causeRequired = r.CauseRequired,
                warnings = r.Warnings.Select(w => w.Message),
            }),
            money = (entry?.Money ?? []).Select(m => new
            {
                item = m.Item.ToString(),
                rate = m is { AnnualBudget: > 0, Executed: { } spent } ? Scorer.Round(Math.Max(spent, 0m) / m.AnnualBudget.Value * 100m) : (decimal?)null,
            }),
            execution = new { rate = result.Execution.RatePercent, points = result.Execution.Points, score = result.Execution.Score },
            total = result.Total,
            grade = result.Grade.Chinese(),
            warnings = result.Warnings.Concat(result.Execution.Warnings).Select(w => w.Message),
            errors,
        }, Interchange.Json);
    }

    // The 自评表 as a file (?handler=File&to=docx|xlsx|pdf&public=true): what the stored form holds, scored by
    // the project's profile, in the national layout. Visible to whoever may see the project.
    public async Task<IActionResult> OnGetFileAsync(int id, string? to, bool @public, [FromServices] Exports exports, CancellationToken ct)
    {
        if (to is not ("docx" or "xlsx" or "pdf")) return BadRequest();
        if (await ComposeAsync(id, @public, exports, ct) is not var (book, name)) return NotFound();
        try
        {
            var stream = await exports.WriteAsync(book, to, ct);
            return File(stream, Exports.ContentType(to), Exports.FileName(name, to, @public));
        }
        catch (PrinterMissingException e)
        {
            return new ContentResult { StatusCode = 503, ContentType = "text/plain; charset=utf-8", Content = e.Message };
        }
    }

    // The print view of the 自评表: the very HTML Chromium prints to PDF.
    public async Task<IActionResult> OnGetPrintAsync(int id, bool @public, [FromServices] Exports exports, CancellationToken ct)
    {
        if (await ComposeAsync(id, @public, exports, ct) is not var (book, _)) return NotFound();
        var back = $"<nav class=\"print-toolbar\"><a href=\"/Projects/{id}/SelfEvaluation\">返回绩效自评</a></nav>\n";
        return Content(HtmlWriter.Write(book, "/css/print.css", back, Jixiao.Features.Public.PageNumbersModel.Href(book.Footer)), "text/html; charset=utf-8");
    }

    async Task<(DocBook Book, string Name)?> ComposeAsync(int id, bool isPublic, Exports exports, CancellationToken ct)
    {
        if (await exports.ProjectAsync(db.Projects.VisibleTo(User), id, ct) is not var (doc, project)) return null;
        var book = FormComposer.Compose(doc, ExportLayouts.SelfEvaluation,
            new ComposeOptions { Public = isPublic, Scoring = StoredReview.ProfileOf(project).SelfEvaluation });
        return (book, $"{project.Form.Name} 绩效自评表");
    }

    // The project's monitoring reports in rounds its unit's supervisor has signed off.
    async Task<List<MonitoringSource>> SignedOffRoundsAsync(Project project)
    {
        var reports = await db.MonitoringReports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Round!).ThenInclude(r => r.Units)
            .Where(r => r.ProjectId == project.Id).ToListAsync();
        return reports
            .Select(r => (Report: r, Signed: r.Round!.Units.FirstOrDefault(u => u.BudgetUnitId == project.BudgetUnitId)?.SignedOffUtc))
            .Where(x => x.Signed != null)
            .Select(x => new MonitoringSource(x.Report.Round!.Title, x.Report.Round.EndMonth, x.Signed!.Value, x.Report.Spent,
                x.Report.Rows.GroupBy(w => w.IndicatorId).ToDictionary(g => g.Key, g => g.First().Value)))
            .ToList();
    }

    async Task<Project?> LoadAsync(int id)
    {
        var project = await db.Projects.VisibleTo(User).AsSplitQuery()
            .Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment)
            .FirstOrDefaultAsync(p => p.Id == id);
        if (project == null) return null;
        Project = db.InFormOrder(project);
        Indicators = Scorer.RealRows(project.Form);
        Settings = StoredReview.ProfileOf(project).SelfEvaluation;
        MayWrite = SelfEvaluationStore.MayWrite(User, project);
        return project;
    }

    // The inputs as the stored form holds them; money rows not yet typed start from the approved funding.
    void Fill(ProjectForm form)
    {
        Rows = Indicators.Select(i => new RowInput
        {
            Id = i.Id ?? Guid.Empty,
            Actual = i.Id is { } rowId && Prefill.Rows.TryGetValue(rowId, out var offered) ? offered.Value : i.Actual?.Raw,
            Score = IsQualitative(i) && i.Score is { } s ? Scorer.Number(s) : null,
            Cause = i.DeviationCause,
        }).ToList();
        var execution = form.SelfEvaluation?.Execution ?? [];
        Money = MoneyRows.Select(m =>
        {
            var row = execution.FirstOrDefault(x => SelfEvaluationStore.Same(x.Item, m.Item));
            var planned = Planned(form.Funding, m.Item);
            return new MoneyInput
            {
                Item = m.Item,
                InitialBudget = Amount(row?.InitialBudget ?? planned),
                AnnualBudget = Amount(row?.AnnualBudget ?? planned),
                Executed = Amount(row?.Executed ?? (m.Item == FundingItem.AnnualRequest ? Prefill.Spent : null)),
            };
        }).ToList();
        GoalActual = form.SelfEvaluation?.AnnualGoalActual;
    }

    static decimal? Planned(Funding f, FundingItem item) => item switch
    {
        FundingItem.AnnualRequest => f.AnnualRequest ?? f.Total,
        FundingItem.Appropriation => f.Appropriation ?? f.Fiscal,
        FundingItem.CarryOver => f.CarryOver,
        _ => f.Other,
    };

    static string? Amount(decimal? yuan) => yuan?.ToString("0.##", CultureInfo.InvariantCulture);

    // Rows judged by tier (达成/部分达成/未达成): those whose target is no number.
    public static bool IsQualitative(Indicator row) =>
        Scorer.TargetOf(row) is not { Kind: TargetKind.Quantitative, Value: not null };

    public int Line(Indicator row) => Indicators.IndexOf(row) + 1;

    // The posted page as an entry, with a located message for each value that cannot be read.
    (SelfEvaluationEntry? Entry, List<string> Errors) Read()
    {
        var errors = new List<string>();
        var rows = new Dictionary<Guid, RowEntry>();
        foreach (var input in Rows)
        {
            var row = Indicators.FirstOrDefault(i => i.Id == input.Id);
            if (row == null)
            {
                errors.Add("页面中有一行指标已不在项目中：请重新打开本页");
                continue;
            }
            var where = $"第{Line(row)}行“{row.Name}”";
            var raw = input.Actual?.Trim();
            TargetValue? actual = null;
            if (!string.IsNullOrEmpty(raw))
            {
                actual = Scorer.ParseActual(raw);
                var unchanged = raw == row.Actual?.Raw?.Trim();
                if (IsQualitative(row) && Scorer.Tier(raw) == null && !unchanged)
                    errors.Add($"{where}：实际完成值请选择“达成”“部分达成”或“未达成”");
                else if (!IsQualitative(row) && actual is not { Kind: TargetKind.Quantitative, Value: not null })
                    errors.Add($"{where}：实际完成值“{raw}”应为数值，可带单位（如 97.5%、3216人次）");
            }
            decimal? score = null;
            if (IsQualitative(row) && !string.IsNullOrWhiteSpace(input.Score))
            {
                if (decimal.TryParse(DomainText.Compact(input.Score), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture, out var s)) score = s;
                else errors.Add($"{where}：得分“{input.Score}”应为数字");
            }
            rows[input.Id] = new RowEntry(actual, score, input.Cause);
        }
        var money = new List<MoneyEntry>();
        foreach (var (item, name) in MoneyRows)
        {
            var input = Money.FirstOrDefault(m => m.Item == item) ?? new MoneyInput { Item = item };
            decimal? Parse(string? text, string column)
            {
                var s = DomainText.Compact(text).Replace(",", "");
                if (s.Length == 0) return null;
                if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
                errors.Add($"{name} · {column}：“{text}”应为金额（元）");
                return null;
            }
            money.Add(new MoneyEntry(item, name, Parse(input.InitialBudget, "年初预算数"), Parse(input.AnnualBudget, "全年预算数"), Parse(input.Executed, "全年执行数")));
        }
        if (errors.Count > 0) return (null, errors);
        return (new SelfEvaluationEntry { Rows = rows, Money = money, AnnualGoalActual = GoalActual, SetsGoalActual = true }, errors);
    }

    // The form as it would be saved, for scoring: a copy, so the tracked project is not touched.
    ProjectForm Preview(SelfEvaluationEntry entry)
    {
        var form = JsonSerializer.Deserialize<ProjectForm>(JsonSerializer.Serialize(Project.Form, Interchange.Json), Interchange.Json)!;
        foreach (var row in form.Indicators)
            if (row.Id is { } id && entry.Rows.TryGetValue(id, out var e))
                (row.Actual, row.Score, row.DeviationCause) = (e.Actual, e.Score, e.Cause);
        var evaluation = form.SelfEvaluation ??= new Domain.SelfEvaluation();
        foreach (var m in entry.Money ?? [])
        {
            var line = evaluation.Execution.FirstOrDefault(x => SelfEvaluationStore.Same(x.Item, m.Item));
            if (line == null) evaluation.Execution.Add(line = new BudgetExecution { Name = m.Name, Item = m.Item });
            (line.InitialBudget, line.AnnualBudget, line.Executed, line.Score) = (m.InitialBudget, m.AnnualBudget, m.Executed, null);
        }
        evaluation.TotalScore = null;
        evaluation.Grade = null;
        return form;
    }

    // What the rules require before a self-evaluation is saved: rater scores inside their band, and a cause
    // wherever marks are lost or the actual overshoots.
    List<string> Enforce(ProjectEvaluation result)
    {
        var errors = new List<string>();
        foreach (var r in result.Indicators)
        {
            var where = $"第{Line(Indicators.First(i => i.Id == r.Row.Id))}行“{r.Name}”";
            foreach (var w in r.Warnings.Where(w => w.Code == "rater-score-outside-band"))
                errors.Add($"{where}：{w.Message}");
            if (r.CauseRequired && string.IsNullOrWhiteSpace(r.Row.DeviationCause))
                errors.Add(r.Warnings.Any(w => w.Code == "overshoot")
                    ? $"{where}：实际完成值达到目标的{Scorer.Number(Scorer.Round(r.Ratio!.Value * 100m))}%，请填写偏差原因分析及改进措施（目标是否偏低）"
                    : $"{where}：扣分（得分{Scorer.Number(r.Score)}，分值{Scorer.Number(r.Points)}），请填写偏差原因分析及改进措施");
        }
        return errors;
    }
}
