using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Domain.Review;
using Jixiao.Features.Import;
using Jixiao.Features.Projects;
using Jixiao.Forms;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features.Projects;

// The one write path: rows keep their ids, reviews are stored per version, and a lost race is a
// conflict, never a duplicate, a 500 or a half-written project.
public class ProjectStoreTests
{
    static ProjectForm TwoRowsOfOneName() => new()
    {
        Name = "信访宣传经费",
        Funding = new Funding { SourceUnit = "元", Total = 100000m, AnnualRequest = 100000m, Fiscal = 100000m },
        AnnualGoal = "开展信访法治宣传，提高群众知晓率。",
        Indicators =
        [
            new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "宣传活动", AnnualTarget = TargetValue.Parse("较好") },
            new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "宣传活动", AnnualTarget = TargetValue.Parse("≥12次") },
            new Indicator { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "群众满意率", AnnualTarget = TargetValue.Parse("≥90%") },
        ],
    };

    static async Task<int> Create(TestApp app, ProjectForm form, string unit = "东城区信访局", int year = 2026) => await app.Db(async db =>
    {
        var u = await db.BudgetUnits.Include(x => x.SupervisingDepartment).SingleAsync(x => x.Name == unit);
        var project = ProjectStore.Create(db, u, year, form, ReviewProfiles.National2021, "test", "新建");
        Assert.True((await ProjectStore.CommitAsync(db)).Saved);
        return project.Id;
    });

    static Task<Project> Load(TestApp app, int id) => app.Db(async db =>
        db.InFormOrder(await db.Projects.AsSplitQuery().Include(p => p.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment).SingleAsync(p => p.Id == id)));

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_indicators_with_the_same_name_keep_their_own_findings(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await Create(app, TwoRowsOfOneName());

        var project = await Load(app, id);
        var (vague, counted) = (project.Form.Indicators[0], project.Form.Indicators[1]);
        Assert.NotNull(vague.Id);
        Assert.NotEqual(vague.Id, counted.Id);
        var mine = Assert.Single(project.Findings, f => f.Rule == "R06-vague-qualitative");
        Assert.Equal(vague.Id, mine.RowId);
        Assert.DoesNotContain(project.Findings, f => f.RowId == counted.Id && f.Rule == "R06-vague-qualitative");

        // On the page the finding sits under the first row only, not under both rows of that name.
        var html = await (await app.SignedIn("east-preparer")).GetStringAsync($"/Projects/{id}");
        var first = html.IndexOf(">较好<", StringComparison.Ordinal);
        var second = html.IndexOf(">≥12次<", StringComparison.Ordinal);
        var finding = html.IndexOf("没有评判标准", StringComparison.Ordinal);
        Assert.True(first > 0 && first < finding && finding < second, "finding not under its own row");
        Assert.Equal(1, CountOf(html, "没有评判标准，年底无法判断"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Row_ids_and_positions_survive_an_edit_and_a_replacing_import(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await Create(app, TwoRowsOfOneName());
        var before = await Load(app, id);
        var ids = before.Form.Indicators.Select(i => i.Id).ToList();

        // An edit moves the last row to the top and adds one: the moved row keeps its id.
        var edited = Copy(before.Form);
        edited.Indicators.Insert(0, edited.Indicators[^1]);
        edited.Indicators.RemoveAt(edited.Indicators.Count - 1);
        edited.Indicators.Add(new Indicator { Level1 = "效益指标", Level2 = "社会效益指标", Name = "信访事项及时受理率", AnnualTarget = TargetValue.Parse("100%") });
        await app.Db(async db =>
        {
            var p = await db.Projects.Include(x => x.BudgetUnit!).ThenInclude(u => u.SupervisingDepartment).SingleAsync(x => x.Id == id);
            Assert.True(ProjectStore.Replace(db, p, edited, 1, "test", "在线编辑").Saved);
            return (await ProjectStore.CommitAsync(db)).Saved;
        });
        var after = await Load(app, id);
        Assert.Equal(2, after.Version);
        Assert.Equal(["群众满意率", "宣传活动", "宣传活动", "信访事项及时受理率"], after.Form.Indicators.Select(i => i.Name));
        Assert.Equal([ids[2], ids[0], ids[1]], after.Form.Indicators.Take(3).Select(i => i.Id));

        // A replacing import brings rows without ids: they take the ids of the rows they replace.
        var read = Copy(after.Form);
        foreach (var i in read.Indicators) i.Id = null;
        (read.Indicators[0], read.Indicators[3]) = (read.Indicators[3], read.Indicators[0]);
        await app.Db(async db =>
        {
            var unit = await db.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局");
            var doc = new FormDocument { FiscalYear = 2026, Projects = [read] };
            Assert.True((await ImportSaver.SaveAsync(db, doc, unit, 2026, _ => DuplicateChoice.Replace, "test", "重报.docx")).Saved);
            return (await ProjectStore.CommitAsync(db)).Saved;
        });
        var reimported = await Load(app, id);
        Assert.Equal(3, reimported.Version);
        Assert.Equal(after.Form.Indicators.Select(i => (i.Name, i.Id)).OrderBy(x => x.Id),
            reimported.Form.Indicators.Select(i => (i.Name, i.Id)).OrderBy(x => x.Id));
        Assert.Equal("信访事项及时受理率", reimported.Form.Indicators[0].Name);

        // Every earlier version is kept with who wrote it, why, and the review it had.
        var versions = await app.Db(db => db.ProjectVersions.Where(v => v.ProjectId == id).OrderBy(v => v.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(["新建", "在线编辑"], versions.Select(v => v.Reason));
        Assert.All(versions, v => Assert.NotNull(v.QualityScore));
        Assert.Contains("R06-vague-qualitative", versions[0].FindingsJson);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_save_on_a_stale_version_is_a_conflict_and_changes_nothing(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var id = await Create(app, TwoRowsOfOneName());

        // Two editors load version 1; the first saves.
        using var scopeA = app.App.Services.CreateScope();
        using var scopeB = app.App.Services.CreateScope();
        var a = scopeA.ServiceProvider.GetRequiredService<JixiaoDb>();
        var b = scopeB.ServiceProvider.GetRequiredService<JixiaoDb>();
        var pa = await a.Projects.Include(x => x.BudgetUnit!).SingleAsync(x => x.Id == id);
        var pb = await b.Projects.Include(x => x.BudgetUnit!).SingleAsync(x => x.Id == id);
        var formA = Copy(pa.Form); formA.AnnualGoal = "甲的修改";
        var formB = Copy(pb.Form); formB.AnnualGoal = "乙的修改";
        Assert.True(ProjectStore.Replace(a, pa, formA, 1, "甲", "在线编辑").Saved);
        Assert.True((await ProjectStore.CommitAsync(a)).Saved);

        // The second, staged on the same version before the first committed, loses at commit …
        Assert.True(ProjectStore.Replace(b, pb, formB, 1, "乙", "在线编辑").Saved);
        var lost = await ProjectStore.CommitAsync(b);
        Assert.False(lost.Saved);
        Assert.Contains("他人", lost.Conflict);
        // … and a save that names an old version is refused before anything is staged.
        var stale = await Load(app, id);
        Assert.False((await app.Db(db => Task.FromResult(ProjectStore.Replace(db, stale, Copy(stale.Form), 1, "乙", "在线编辑")))).Saved);

        var now = await Load(app, id);
        Assert.Equal((2, "甲的修改"), (now.Version, now.Form.AnnualGoal));
        Assert.Equal(1, await app.Db(db => db.ProjectVersions.CountAsync(v => v.ProjectId == id)));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Twenty_concurrent_replacing_imports_make_one_project_and_no_error(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);

        async Task<SaveResult> Save()
        {
            using var scope = app.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDb>();
            var unit = await db.BudgetUnits.Include(u => u.SupervisingDepartment).SingleAsync(u => u.Name == "西城区信访局");
            var doc = new FormDocument { FiscalYear = 2026, Projects = [TwoRowsOfOneName()] };
            await ImportSaver.SaveAsync(db, doc, unit, 2026, _ => DuplicateChoice.Replace, "test", "并发.txt");
            return await ProjectStore.CommitAsync(db);
        }

        // First for a name not yet there, then for the name present.
        foreach (var round in new[] { 1, 2 })
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(Save)));
            Assert.Contains(results, r => r.Saved);
            Assert.All(results.Where(r => !r.Saved), r => Assert.False(string.IsNullOrEmpty(r.Conflict)));
            var projects = await app.Db(db => db.Projects.Where(p => p.FiscalYear == 2026 && p.Form.Name == "信访宣传经费").ToListAsync());
            var single = Assert.Single(projects);
            Assert.Equal(single.Version - 1, await app.Db(db => db.ProjectVersions.CountAsync(v => v.ProjectId == single.Id)));
            Assert.Equal(3, await app.Db(db => db.Projects.Where(p => p.Id == single.Id).Select(p => p.Form.Indicators.Count).SingleAsync()));
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_Shanghai_2018_form_is_reviewed_under_its_own_profile_once_saved(string provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(test, demo: true);
        var doc = DocumentReader.Read(Seeds.PathOf("000"));
        var atImport = Reviewer.Review(doc);
        Assert.Equal("shanghai-2018", atImport.Profile);

        await app.ImportInto("东城区信访局", Seeds.PathOf("000"), 2018);
        var project = await app.Db(db => db.Projects.Where(p => p.FiscalYear == 2018).SingleAsync());
        Assert.Equal("shanghai-2018", project.ReviewProfileId);
        Assert.Equal(atImport.Findings.Where(f => f.Project != null).Select(f => (f.Rule, f.Message)).Order(),
            project.Findings.Select(f => (f.Rule, f.Message)).Order());
        Assert.Equal(atImport.Projects.Single().Score, project.QualityScore);
    }

    static ProjectForm Copy(ProjectForm form) =>
        System.Text.Json.JsonSerializer.Deserialize<ProjectForm>(System.Text.Json.JsonSerializer.Serialize(form, Interchange.Json), Interchange.Json)!;

    static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
