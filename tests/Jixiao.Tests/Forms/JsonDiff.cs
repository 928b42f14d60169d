using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jixiao.Tests.Forms;

// Field-by-field comparison of two JSON documents; each difference names its JSON path, so a failing
// seed test says which project, indicator and field changed.
public static class JsonDiff
{
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<string> Compare(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var differences = new List<string>();
        Walk(expected, actual, path, differences);
        return differences;
    }

    static void Walk(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                    if (!a.ContainsKey(key)) differences.Add($"{path}.{key}: missing");
                    else Walk(value, a[key], $"{path}.{key}", differences);
                foreach (var (key, _) in a)
                    if (!e.ContainsKey(key)) differences.Add($"{path}.{key}: unexpected");
                return;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                    if (i >= e.Count) differences.Add($"{path}[{i}]: unexpected {Short(a[i])}");
                    else if (i >= a.Count) differences.Add($"{path}[{i}]: missing {Short(e[i])}");
                    else Walk(e[i], a[i], $"{path}[{i}]", differences);
                return;
            case (JsonValue e, JsonValue a) when IsNumber(e) && IsNumber(a):
                if (e.GetValue<decimal>() != a.GetValue<decimal>()) differences.Add($"{path}: expected {e}, got {a}");
                return;
            case (JsonValue e, JsonValue a):
                if (e.ToJsonString(Readable) != a.ToJsonString(Readable)) differences.Add($"{path}: expected {e.ToJsonString(Readable)}, got {a.ToJsonString(Readable)}");
                return;
            default:
                differences.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                return;
        }
    }

    static bool IsNumber(JsonValue v) => v.GetValueKind() == JsonValueKind.Number;

    static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString(Readable) ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    public static string Describe(List<string> differences) =>
        differences.Count == 0 ? "" : string.Join("\n", differences.Take(40).Prepend($"{differences.Count} difference(s):"))
            + (differences.Count > 40 ? "\n…" : "");
}
