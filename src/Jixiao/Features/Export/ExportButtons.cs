namespace Jixiao.Features.Export;

// What the export form needs: where it sends, the fixed values (unit, year), the layout chosen first.
// Background: the form posts a job (a unit's book) and the user follows its progress on the job page.
public sealed record ExportButtons(string Action, IReadOnlyDictionary<string, string> Hidden, string Layout, string? PrintUrl, bool Background = false);
