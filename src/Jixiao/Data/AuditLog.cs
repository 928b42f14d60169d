using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Jixiao.Data;

// Events that are not row changes: sign-ins, sign-outs, lockouts, refusals. They go into the same
// audit log as the changes, under the user they concern, with the client address.
public static class AuditLog
{
    public const string AccountEntity = "Account";
    public const string RequestEntity = "Request";

    public static void Add(JixiaoDb db, HttpContext? http, string action, string? userName, string entity, string? key, object? detail = null)
    {
        var data = new Dictionary<string, object?> { ["ip"] = http?.Connection.RemoteIpAddress?.ToString() };
        if (detail != null) data["detail"] = detail;
        db.AuditEntries.Add(new AuditEntry
        {
            Utc = AuditChain.Now(), UserName = userName, Entity = entity, EntityKey = key, Action = action,
            Changes = JsonSerializer.Serialize(data, Json),
        });
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
