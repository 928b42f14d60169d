using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Review;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.SelfEvaluations;

// jixiao score FILE|--project ID --actuals ACTUALS.csv [--json]: the year-end self-evaluation scored by the
// rules of the form's profile. Exit 0 when scored, 2 with one Chinese line on stderr when a file cannot be
// read (or the project does not exist), 3 when a line names a project or indicator the form does not hold.
public static class ScoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "申报表或自评表文件（文本、Word、Excel、网页、PDF，或交换格式 .json）", Arity = ArgumentArity.ZeroOrOne };
        var actuals = new Option<string?>("--actuals") { Description = "实际完成值 CSV：项目名称,指标名称,分值,实际完成值,得分（“全年执行数”一行给出支出金额，元）" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出评分结果" };
        var project = new Option<int?>("--project") { Description = "已保存的项目编号" };
        var data = new Option<string>("--data") { Description = "数据文件夹（SQLite），与 --project 一起用", DefaultValueFactory = _ => "./data" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL 连接字符串（也可用环境变量 JIXIAO_DATABASE）" };
        var cmd = new Command("score", "绩效自评打分（财预〔2020〕10号评分规则）") { file, actuals, json, project, data, database };
        cmd.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            FormDocument doc;
            ReviewProfile profile;
            if (pr.GetValue(project) is int id)
            {
                await using var db = await Data.Database.OpenAsync(pr.GetValue(data)!, Data.Database.ConnectionFrom(pr.GetValue(database)));
                var stored = await StoredReview.FindAsync(db, id, ct);
                if (stored == null)
                {
                    error.WriteLine(StoredReview.NotFound(id));
                    return 2;
                }
                doc = StoredReview.DocumentOf(stored);
                profile = StoredReview.ProfileOf(stored);
            }
            else if (pr.GetValue(file) is { } path)
            {
                try
                {
                    doc = CheckCommand.Read(path);
                }
                catch (CheckCommand.UnreadableFile e)
                {
                    error.WriteLine($"无法读取“{path}”：{e.Message}");
                    return 2;
                }
                profile = ReviewProfiles.For(doc);
            }
            else
            {
                error.WriteLine("请给出要打分的文件，或用 --project 指定已保存的项目");
                return 2;
            }

            List<ProjectForm> scored;
            if (pr.GetValue(actuals) is { } csv)
            {
                try
                {
                    scored = ActualsCsv.Apply(doc, ActualsCsv.Read(csv));
                }
                catch (ActualsUnreadable e)
                {
                    error.WriteLine($"无法读取实际完成值文件：{e.Message}");
                    return 2;
                }
                catch (ActualsNotInForm e)
                {
                    error.WriteLine(e.Message);
                    return 3;
                }
            }
            else scored = doc.Projects.Where(p => p.SelfEvaluation != null).ToList();
            if (scored.Count == 0)
            {
                error.WriteLine("没有可打分的项目：请用 --actuals 给出实际完成值，或给出自评表");
                return 2;
            }

            var results = scored.Select(p => Scorer.Score(p, profile.SelfEvaluation)).ToList();
            output.Write(pr.GetValue(json) ? Json(results) : Render(results, profile));
            return 0;
        });
        return cmd;
    }

    sealed record JsonIndicator(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("score")] decimal Score,
        [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

    sealed record JsonProject(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("executionScore")] decimal ExecutionScore,
        [property: JsonPropertyName("indicators")] IReadOnlyList<JsonIndicator> Indicators,
        [property: JsonPropertyName("total")] decimal Total,
        [property: JsonPropertyName("grade")] string Grade,
        [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

    sealed record JsonResult([property: JsonPropertyName("projects")] IReadOnlyList<JsonProject> Projects);

    internal static string Json(IEnumerable<ProjectEvaluation> results) =>
        JsonSerializer.Serialize(new JsonResult(results.Select(r => new JsonProject(
            r.Name,
            r.Execution.Score,
            r.Indicators.Select(i => new JsonIndicator(i.Name, i.Score, i.Warnings.Select(w => w.Message).ToList())).ToList(),
            r.Total,
            r.Grade.Chinese(),
            ProjectWarnings(r))).ToList()), Interchange.Json) + "\n";

    static List<string> ProjectWarnings(ProjectEvaluation r) =>
        r.Warnings.Concat(r.Execution.Warnings).Select(w => w.Message).ToList();

    // A table to read in a terminal: one block per project, one line per indicator, the warnings after it.
    internal static string Render(IEnumerable<ProjectEvaluation> results, ReviewProfile profile)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"评分规则：{profile.Name}");
        var s = profile.SelfEvaluation;
        sb.AppendLine($"等级：优≥{Scorer.Number(s.ExcellentFrom)}，良≥{Scorer.Number(s.GoodFrom)}，中≥{Scorer.Number(s.FairFrom)}，差<{Scorer.Number(s.FairFrom)}");
        foreach (var r in results)
        {
            sb.AppendLine().AppendLine($"【{r.Name}】总分 {Scorer.Number(r.Total)}  自评等级 {r.Grade.Chinese()}");
            sb.AppendLine("  一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分");
            foreach (var i in r.Indicators)
            {
                sb.AppendLine($"  {i.Block} | {i.Name} | {DomainText.Squeeze(Scorer.TargetOf(i.Row)?.Raw)} | {DomainText.Squeeze(i.Row.Actual?.Raw)} | {Scorer.Number(i.Points)} | {Scorer.Number(i.Score)}");
                foreach (var w in i.Warnings) sb.AppendLine($"      ！{w.Message}");
            }
            var e = r.Execution;
            sb.AppendLine($"  预算执行率 | 全年预算数 {Money(e.AnnualBudget)} | 全年执行数 {Money(e.Executed)} | 执行率 {(e.RatePercent is { } rate ? Scorer.Number(rate) + "%" : "—")} | {Scorer.Number(e.Points)} | {Scorer.Number(e.Score)}");
            foreach (var w in ProjectWarnings(r)) sb.AppendLine($"  ！{w}");
        }
        return sb.ToString();
    }

    static string Money(decimal? yuan) => yuan is { } v ? ReviewText.Money(v, "元") : "—";
}
