using System.Text.Json;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Data;

public class AuditTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_change_is_recorded_with_old_and_new_values(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);

        var id = await app.Db(async db =>
        {
            var project = await db.Projects.OrderBy(p => p.Id).FirstAsync();
            project.Form.Name = "改名后的项目";
            project.Form.Indicators[0].Name = "改名后的指标";
            await db.SaveChangesAsync();
            return project.Id;
        });

        var entries = await app.Db(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        // Loading the demo recorded each added row with its real key, not a temporary one.
        Assert.Contains(entries, a => a.Action == "Added" && a.Entity == "Project" && a.EntityKey == id.ToString());
        Assert.DoesNotContain(entries, a => a.EntityKey != null && a.EntityKey.StartsWith('-'));
        // The form's name, and beside it the project's identity key made from it.
        var rename = Assert.Single(entries, a => a.Action == "Modified" && a.Changes.Contains("\"Name\":[\"信访接待与矛盾排查调处经费\""));
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(rename.Changes)!;
        Assert.Equal("信访接待与矛盾排查调处经费", changes["Name"][0].GetString());
        Assert.Equal("改名后的项目", changes["Name"][1].GetString());
        Assert.Contains(entries, a => a.Action == "Modified" && a.Changes.Contains("改名后的指标"));
        // Passwords never reach the log, not even hashed.
        Assert.DoesNotContain(entries, a => a.Changes.Contains("PasswordHash"));
    }
}
