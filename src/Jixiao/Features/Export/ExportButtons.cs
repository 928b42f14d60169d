namespace Jixiao.Features.Export;

// What the export form needs: where it sends, the fixed values (unit, year), the layout chosen first.
public sealed record ExportButtons(string Action, IReadOnlyDictionary<string, string> Hidden, string Layout, string? PrintUrl);
