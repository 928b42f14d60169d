using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jixiao.Tests.Forms;

// A validator for the part of JSON Schema 2020-12 that schema/interchange.schema.json uses (no schema
// package restores from the NuGet mirror): type, enum, properties, required, additionalProperties,
// items, oneOf and local $ref. A keyword it does not know fails the validation rather than being
// ignored, so the schema cannot quietly say more than is checked.
public sealed class SchemaValidator(JsonNode root)
{
    static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "title", "description"];

    public List<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    void Check(JsonNode schema, JsonNode? instance, string path, List<string> errors)
    {
        var s = schema.AsObject();
        foreach (var (keyword, value) in s)
        {
            switch (keyword)
            {
                case "$ref":
                    Check(Resolve(value!.GetValue<string>()), instance, path, errors);
                    break;
                case "type":
                    var types = value is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [value!.GetValue<string>()];
                    if (!types.Any(t => HasType(instance, t)))
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, got {Kind(instance)}");
                    break;
                case "enum":
                    if (!value!.AsArray().Any(option => JsonNode.DeepEquals(option, instance)))
                        errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not one of {value.ToJsonString()}");
                    break;
                case "required":
                    if (instance is JsonObject required)
                        foreach (var name in value!.AsArray().Select(n => n!.GetValue<string>()))
                            if (!required.ContainsKey(name)) errors.Add($"{path}: missing required property {name}");
                    break;
                case "properties":
                    if (instance is JsonObject withProperties)
                        foreach (var (name, propertySchema) in value!.AsObject())
                            if (withProperties.TryGetPropertyValue(name, out var property))
                                Check(propertySchema!, property, $"{path}.{name}", errors);
                    break;
                case "additionalProperties":
                    if (instance is JsonObject obj)
                    {
                        var declared = s["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        foreach (var (name, property) in obj.Where(p => !declared.Contains(p.Key)))
                        {
                            if (value is JsonValue flag && flag.GetValueKind() == JsonValueKind.False)
                                errors.Add($"{path}: property {name} is not allowed");
                            else if (value is JsonObject)
                                Check(value, property, $"{path}.{name}", errors);
                        }
                    }
                    break;
                case "items":
                    if (instance is JsonArray items)
                        for (var i = 0; i < items.Count; i++) Check(value!, items[i], $"{path}[{i}]", errors);
                    break;
                case "oneOf":
                    var matches = value!.AsArray().Count(option => Validate(option!, instance, path).Count == 0);
                    if (matches != 1) errors.Add($"{path}: matches {matches} of the oneOf schemas, expected exactly 1");
                    break;
                default:
                    if (!Annotations.Contains(keyword)) errors.Add($"{path}: schema keyword {keyword} is not supported by this validator");
                    break;
            }
        }
    }

    List<string> Validate(JsonNode schema, JsonNode? instance, string path)
    {
        var errors = new List<string>();
        Check(schema, instance, path, errors);
        return errors;
    }

    JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/")) throw new InvalidOperationException($"only local references are supported: {reference}");
        var node = root;
        foreach (var part in reference[2..].Split('/'))
            node = node[part] ?? throw new InvalidOperationException($"unresolved reference {reference}");
        return node;
    }

    static bool HasType(JsonNode? node, string type) => type switch
    {
        "null" => node is null,
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => node is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => node is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "integer" => node is JsonValue i && i.GetValueKind() == JsonValueKind.Number && i.GetValue<decimal>() % 1 == 0,
        _ => throw new InvalidOperationException($"unknown type {type}"),
    };

    static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };
}
