using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Forms;

namespace Jixiao.Tests.Forms;

public class SchemaTests
{
    static readonly SchemaValidator Validator =
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(Seeds.RepoRoot, "schema", "interchange.schema.json")))!);

    static JsonNode Output(string seed) =>
        JsonSerializer.SerializeToNode(FormReader.Read(TextGrid.Read(Seeds.PathOf(seed))), Interchange.Json)!;

    [Theory]
    [MemberData(nameof(SeedFormTests.SeedNames), MemberType = typeof(SeedFormTests))]
    public void Seed_output_is_valid_against_the_schema(string seed)
    {
        var errors = Validator.Validate(Output(seed));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Validator_reports_each_breach_with_its_path()
    {
        var doc = Output("000");
        doc["fiscalYear"] = "2018";
        doc["extra"] = 1;
        var project = doc["projects"]![0]!.AsObject();
        project.Remove("name");
        project["category"] = "sometimes";
        project["indicators"]![0]!["annualTarget"]!["kind"] = "vague";
        project["funding"]!["total"] = "一百";

        var errors = Validator.Validate(doc);

        Assert.Contains(errors, e => e.StartsWith("$.fiscalYear:"));
        Assert.Contains(errors, e => e == "$: property extra is not allowed");
        Assert.Contains(errors, e => e == "$.projects[0]: missing required property name");
        Assert.Contains(errors, e => e.StartsWith("$.projects[0].category:"));
        Assert.Contains(errors, e => e.StartsWith("$.projects[0].indicators[0].annualTarget"));
        Assert.Contains(errors, e => e.StartsWith("$.projects[0].funding.total:"));
    }

    [Fact]
    public void Validator_refuses_keywords_it_does_not_check()
    {
        var validator = new SchemaValidator(JsonNode.Parse("""{ "type": "string", "minLength": 3 }""")!);
        Assert.Contains(validator.Validate(JsonValue.Create("ab")), e => e.Contains("minLength"));
    }
}
