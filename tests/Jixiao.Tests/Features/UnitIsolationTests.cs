using System.Net;
using Jixiao.Data;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features;

public class UnitIsolationTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_role_sees_only_what_it_may(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var projects = await app.Db(d => d.Projects.Include(p => p.BudgetUnit)
            .Select(p => new { p.Id, Unit = p.BudgetUnit!.Name, p.Form.Name }).ToListAsync());
        var east = projects.Where(p => p.Unit == "东城区信访局").ToList();
        var west = projects.Where(p => p.Unit == "西城区信访局").ToList();
        Assert.NotEmpty(east);
        Assert.NotEmpty(west);

        var eastUser = await app.SignedIn("east-preparer");
        var list = await eastUser.GetStringAsync("/?year=2026");
        Assert.All(east, p => Assert.Contains(p.Name, list));
        Assert.All(west, p => Assert.DoesNotContain(p.Name, list));
        foreach (var p in east)
            Assert.Equal(HttpStatusCode.OK, (await eastUser.GetAsync($"/Projects/{p.Id}")).StatusCode);
        // Guessing the other unit's URLs, or any number at all, gives the same 404 as a missing project.
        foreach (var id in west.Select(p => p.Id).Append(projects.Max(p => p.Id) + 1))
        {
            var response = await eastUser.GetAsync($"/Projects/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("页面不存在", html);
            Assert.All(west, w => Assert.DoesNotContain(w.Name, html));
        }

        var supervisor = await app.SignedIn("supervisor");
        foreach (var p in projects)
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/Projects/{p.Id}")).StatusCode);

        var finance = await app.SignedIn("finance");
        var all = await finance.GetStringAsync("/?year=2026");
        Assert.All(projects, p => Assert.Contains(p.Name, all));
    }

    [Fact]
    public async Task A_supervising_department_does_not_see_units_outside_it()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var otherId = await app.Db(async d =>
        {
            var other = new SupervisingDepartment { Name = "另一主管部门" };
            var unit = new BudgetUnit { Name = "另一信访局", SupervisingDepartment = other };
            var project = new Project { BudgetUnit = unit, FiscalYear = 2026, Form = new() { Name = "不应被看到的项目" } };
            d.Add(project);
            await d.SaveChangesAsync();
            return project.Id;
        });
        var supervisor = await app.SignedIn("supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/Projects/{otherId}")).StatusCode);
        Assert.DoesNotContain("不应被看到的项目", await supervisor.GetStringAsync("/?year=2026"));
        Assert.DoesNotContain("另一信访局", await supervisor.GetStringAsync("/?year=2026"));
    }

    [Fact]
    public async Task Anonymous_requests_for_a_project_go_to_sign_in()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var response = await app.Client().GetAsync("/Projects/1");
        Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("绩效指标", await response.Content.ReadAsStringAsync());
    }
}
