using System.CommandLine;
using System.Text.Json;
using Jixiao.Features.SelfEvaluations;

namespace Jixiao.Tests.Features.SelfEvaluations;

// `jixiao score` reports level weights that do not add up, with the rows they concern.
public class LevelWeightsCommandTests
{
    [Fact]
    public void A_self_evaluation_whose_level2_points_miss_their_level1_is_reported_by_jixiao_score()
    {
        var text = File.ReadAllText(Path.Combine(Seeds.RepoRoot, "tests", "Jixiao.Tests", "Forms", "Data", "selfeval-national.txt"))
            .Replace("\t数量指标\t", "\t数量指标（20分）\t").Replace("\t质量指标\t", "\t质量指标（15分）\t").Replace("\t时效指标\t", "\t时效指标（10分）\t");
        var path = Path.Combine(Directory.CreateTempSubdirectory("jixiao-levels-").FullName, "selfeval.txt");
        File.WriteAllText(path, text);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ScoreCommand.Create().Parse([path, "--json"]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.Equal((0, ""), (exit, error.ToString()));
        var warnings = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("projects")[0].GetProperty("warnings")
            .EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("第1–4行：一级指标“产出指标”下各二级指标分值合计45（数量指标20分、质量指标15分、时效指标10分），应等于一级指标分值50", warnings);
        Assert.Contains("第1–2行：二级指标“数量指标”下各三级指标分值合计25，应等于二级指标分值20", warnings);
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }
}
