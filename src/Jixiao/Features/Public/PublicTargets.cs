using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Public;

// What is public: approved forms, and forms a 财政审核 user made public before approval. Everything
// that leaves through /Public goes through PublicCopy (names and phones masked, internal fields hidden).
public static class PublicTargets
{
    public static IQueryable<Project> Of(JixiaoDb db) =>
        db.Projects.Where(p => p.Status == ProjectStatus.Approved || p.MadePublic);

    public sealed record Column(string Name, string Type, string Title, Func<Project, Indicator?, string> Value);

    static string Yuan(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    // One row per indicator (a project without indicators has one row with the indicator columns empty).
    public static readonly Column[] Columns =
    [
        new("year", "integer", "年度", (p, _) => p.FiscalYear.ToString(CultureInfo.InvariantCulture)),
        new("unit", "string", "单位", (p, _) => p.BudgetUnit?.Name ?? ""),
        new("project", "string", "项目名称", (p, _) => p.Form.Name),
        new("total_yuan", "number", "项目资金总额（元）", (p, _) => Yuan(p.Form.Funding.Total)),
        new("annual_yuan", "number", "年度资金（元）", (p, _) => Yuan(p.Form.Funding.AnnualRequest ?? p.Form.Funding.Total)),
        new("annual_goal", "string", "年度目标", (p, _) => global::Jixiao.Export.PublicCopy.Text(p.Form.AnnualGoal) ?? ""),
        new("level1", "string", "一级指标", (_, i) => i?.Level1 ?? ""),
        new("level2", "string", "二级指标", (_, i) => i?.Level2 ?? ""),
        new("indicator", "string", "三级指标", (_, i) => i?.Name ?? ""),
        new("period_target", "string", "实施周期指标值", (_, i) => i?.PeriodTarget?.Raw ?? ""),
        new("annual_target", "string", "年度指标值", (_, i) => i?.AnnualTarget?.Raw ?? ""),
    ];

    // UTF-8 with a byte order mark, so that Excel opens the Chinese correctly; RFC 4180 quoting.
    public static byte[] Csv(IEnumerable<Project> projects)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns.Select(c => c.Name)).Append("\r\n");
        foreach (var p in projects)
            foreach (var i in p.Form.Indicators.Count == 0 ? [null] : p.Form.Indicators.Cast<Indicator?>())
                sb.AppendJoin(',', Columns.Select(c => Quote(c.Value(p, i)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    // A Frictionless Data Package descriptor of the CSV: one tabular data resource with its schema.
    public static JsonObject Package(string name, string title, string csvUrl) => new()
    {
        ["profile"] = "tabular-data-package",
        ["name"] = name,
        ["title"] = title,
        ["resources"] = new JsonArray(new JsonObject
        {
            ["profile"] = "tabular-data-resource",
            ["name"] = "targets",
            ["path"] = csvUrl,
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8-sig",
            ["dialect"] = new JsonObject { ["delimiter"] = ",", ["header"] = true },
            ["schema"] = new JsonObject
            {
                ["fields"] = new JsonArray(Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["title"] = c.Title }).ToArray()),
            },
        }),
    };
}
