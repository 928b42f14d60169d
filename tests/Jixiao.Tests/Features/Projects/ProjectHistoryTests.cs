using System.Net;
using Jixiao.Data;
using Jixiao.Features.Import;
using Jixiao.Features.Projects;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Projects;

public class ProjectHistoryTests
{
    // The seed imported twice into 东城区信访局 2023 through the write path, with its upload kept.
    static async Task Import(TestApp app, string file, DuplicateChoice choice) => await app.Db(async db =>
    {
        var unit = await db.BudgetUnits.Include(u => u.SupervisingDepartment).SingleAsync(u => u.Name == "东城区信访局");
        var record = ImportSaver.Keep(Path.GetFileName(file), await File.ReadAllBytesAsync(file), "east-preparer");
        record.Outcome = ImportOutcome.Saved;
        db.ImportRecords.Add(record);
        Assert.True((await ImportSaver.SaveAsync(db, DocumentReader.Read(file), unit, 2023, _ => choice, "east-preparer", record.FileName, record)).Saved);
        return (await ProjectStore.CommitAsync(db)).Saved;
    });

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_project_page_shows_its_history_its_old_versions_and_its_source_file(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var seed = Seeds.PathOf("004");
        await Import(app, seed, DuplicateChoice.Ask);
        await Import(app, seed, DuplicateChoice.Replace);
        await Import(app, seed, DuplicateChoice.KeepBoth);
        var projects = await app.Db(db => db.Projects.Where(p => p.FiscalYear == 2023).OrderBy(p => p.Copy).ToListAsync());
        Assert.Equal([0, 1], projects.Select(p => p.Copy));
        var id = projects[0].Id;

        var preparer = await app.SignedIn("east-preparer");
        var page = await preparer.GetStringAsync($"/Projects/{id}");
        Assert.Contains("版本记录", page);
        Assert.Contains("第 2 版", page);
        Assert.Contains("导入替换：", page);
        Assert.Contains($"/Projects/{id}/Versions/1", page);
        Assert.Contains("下载原始文件", page);

        var old = await preparer.GetStringAsync($"/Projects/{id}/Versions/1");
        Assert.Contains("这是历史版本", old);
        Assert.Contains("信访储备金", old);
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.GetAsync($"/Projects/{id}/Versions/9")).StatusCode);

        var source = await preparer.GetAsync($"/Projects/{id}/Source");
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(seed), await source.Content.ReadAsByteArrayAsync());

        // The copy kept beside it says so in the list and on its page.
        var list = await preparer.GetStringAsync("/?year=2023");
        Assert.Contains("信访储备金</a>（第2份）", list);

        // Another unit sees neither the history nor the file.
        var other = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Projects/{id}/Versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Projects/{id}/Source")).StatusCode);
        // The supervising department sees its unit's file.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn("supervisor")).GetAsync($"/Projects/{id}/Source")).StatusCode);
    }
}
