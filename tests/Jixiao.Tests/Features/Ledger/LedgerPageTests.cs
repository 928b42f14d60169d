using System.Net;
using System.Text;
using Jixiao.Data;
using Jixiao.Domain;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Tests.Features.Ledger;

public class LedgerPageTests
{
    static LedgerPageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // A 2025 ledger (counted up to 2025-12-31) with a case on each edge:
    // T-01 notice day 15, closed day 60 (in time); T-02 day 16 and day 61 (both late);
    // T-03 closed day 90 with 30 days' extension (in time); T-04 day 91 (late); T-05 an impossible date;
    // T-06 still open at year end (overdue); T-07 the petitioner of T-01 again (a repeat).
    public const string Csv =
        "2025年信访事项台账\n" +
        "信访件编号,登记日期,告知日期,延期天数,办结日期,是否评价,评价结果,信访人,联系电话\n" +
        "T-01,2025-03-01,2025-03-16,,2025-04-30,是,满意,李晓明,13512341234\n" +
        "T-02,2025/3/1,2025/3/17,,2025/5/1,是,基本满意,王芳,\n" +
        "T-03,2025年3月1日,2025年3月5日,30,2025年5月30日,是,不满意,赵强,\n" +
        "T-04,2025.3.1,2025.3.5,30,2025.5.31,否,,钱伟,\n" +
        "T-05,2025-06-01,2025-13-01,,,,,孙丽,\n" +
        "T-06,2025-07-01,2025-07-02,,,,,周杰,\n" +
        "T-07,2025-08-01,2025-08-03,,2025-08-20,是,满意,李晓明,13512341234\n";

    public static async Task<HttpResponseMessage> Upload(HttpClient client, int unitId, int year, byte[] bytes, string name)
    {
        var token = TestApp.AntiforgeryToken(await client.GetStringAsync("/Ledger"));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(unitId.ToString()), "UnitId" },
            { new StringContent(year.ToString()), "Year" },
            { new ByteArrayContent(bytes), "LedgerFile", name },
        };
        return await client.PostAsync("/Ledger", content);
    }

    static async Task<int> Confirm(HttpClient client, HttpResponseMessage preview)
    {
        var url = preview.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/Ledger/Preview/", url);
        var token = TestApp.AntiforgeryToken(await preview.Content.ReadAsStringAsync());
        var saved = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return int.Parse(url[(url.LastIndexOf('/') + 1)..]);
    }

    static Indicator Row(string name, string target) => new() { Level1 = "产出指标", Level2 = "时效指标", Name = name, AnnualTarget = TargetValue.Parse(target) };

    // East's 2025 project with rows named as the figures are (and one that is not).
    static Task<int> EastProject2025(TestApp app) => app.Db(async d =>
    {
        var east = await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局");
        Jixiao.Features.Projects.ProjectStore.Create(d, east, 2025, new ProjectForm
        {
            Name = "2025年信访接待经费",
            Indicators = [Row("信访事项及时受理率", "=100%"), Row("按期答复率", "≥95%"), Row("群众满意率", "≥90%"), Row("接待来访群众批次", "≥1200批次")],
        }, Jixiao.Domain.Review.ReviewProfiles.National2021, null, "测试");
        await d.SaveChangesAsync();
        return east.Id;
    });

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_unit_uploads_a_ledger_sees_the_dry_run_saves_it_and_finds_its_figures(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var eastId = await EastProject2025(app);
        var preparer = await app.SignedIn("east-preparer");

        var preview = await Upload(preparer, eastId, 2025, Encoding.UTF8.GetBytes(Csv), "东城区2025年台账.csv");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("这是试算结果，尚未保存", html);
        Assert.Contains("统计截止 2025-12-31，计入 6 件，1 行未计入", html);
        Assert.Contains("第7行“告知日期”列", html);
        Assert.Contains("告知日期“2025-13-01”无法识别为日期", html);
        Assert.Contains("83.33%", html);   // 及时受理率 5 ÷ 6
        Assert.Contains("5 ÷ 6 = 83.33%", html);
        Assert.Contains("3 ÷ 6 = 50%", html);   // 按期办结率
        Assert.Contains("2 ÷ 4 = 50%", html);   // 参评群众满意率: 基本满意 not counted by default
        Assert.Contains("4 ÷ 5 = 80%", html);   // 群众参评率
        Assert.Contains("1 件（登记事项 6 件）", html);   // 重复信访件数
        Assert.DoesNotContain("登记日期不在", html);
        // Nothing counts before it is confirmed.
        Assert.Contains("本单位 2025 年尚未保存信访事项台账", WebUtility.HtmlDecode(await preparer.GetStringAsync($"/Ledger/{eastId}/2025")));

        var id = await Confirm(preparer, preview);
        // A second click on 确认保存 lands on the saved figures, not on an error.
        var again = await preparer.PostAsync(preview.RequestMessage!.RequestUri!.AbsolutePath, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await preview.Content.ReadAsStringAsync()) }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal($"/Ledger/{eastId}/2025", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, await app.Db(d => d.PetitionLedgers.CountAsync(l => l.Year == 2025)));
        var results = WebUtility.HtmlDecode(await preparer.GetStringAsync($"/Ledger/{eastId}/2025"));
        Assert.Contains("东城区2025年台账.csv", results);
        // Who saved it, by name (as comments and steps show people), not by sign-in name.
        Assert.Contains("（张敏（东城区信访局） 于 ", results);
        Assert.DoesNotContain("east-preparer", results);
        Assert.Contains("《信访工作条例》第二十三条", results);
        Assert.Contains("《信访工作条例》第三十四条", results);
        Assert.Contains("登记后第16日才告知受理情况，超过15日期限（第4行）", results);
        Assert.Contains("登记后第61日才办结，超过60日期限（第4行）", results);
        Assert.Contains("登记后第91日才办结，超过60日加延期30日共90日期限（第6行）", results);
        Assert.Contains("登记已183日仍未办结，超过60日期限（第8行）", results);
        Assert.DoesNotContain("T-01", BreachTable(results));
        Assert.DoesNotContain("T-03", BreachTable(results));
        Assert.DoesNotContain("应办结日期晚于法定期限", results);
        // The rows of east's 2025 project that the figures answer, with their actual values.
        var matches = Section(results, "对应的绩效指标");
        Assert.Contains("对应的绩效指标（3 行）", matches);
        Assert.Contains("信访事项及时受理率", matches);
        Assert.Contains("83.33%", matches);
        Assert.Contains("按期答复率", matches);
        Assert.Contains("群众满意率", matches);
        Assert.DoesNotContain("接待来访群众批次", matches);
        // Petitioners' names and phones are nowhere: not on the page, not in the stored cases, not in the audit log.
        foreach (var secret in new[] { "李晓明", "13512341234", "王芳" }) Assert.DoesNotContain(secret, results);
        var (cases, audit, outcome) = await app.Db(async d => (
            await d.Set<PetitionLedgerCase>().Where(c => c.LedgerId == id).OrderBy(c => c.Position).ToListAsync(),
            await d.AuditEntries.Where(a => a.Entity == nameof(PetitionLedgerRecord) || a.Entity == nameof(PetitionLedgerCase)).Select(a => a.Changes).ToListAsync(),
            (await d.PetitionLedgers.SingleAsync(l => l.Id == id)).Outcome));
        Assert.Equal(LedgerOutcome.Saved, outcome);
        Assert.Equal(["T-01", "T-02", "T-03", "T-04", "T-06", "T-07"], cases.Select(c => c.Number));
        Assert.True(cases[^1].Repeat);
        Assert.Contains(audit, a => a.Contains("文件内容") && a.Contains("未记入审计"));
        Assert.DoesNotContain(audit, a => a.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(Csv))[..40]));

        // The supervising department and finance see the figures; the list links them.
        foreach (var viewer in new[] { "supervisor", "finance" })
        {
            var client = await app.SignedIn(viewer);
            Assert.Contains("83.33%", await client.GetStringAsync($"/Ledger/{eastId}/2025"));
            Assert.Contains($"/Ledger/{eastId}/2025", await client.GetStringAsync("/Ledger"));
        }
    }

    // 填入自评: the figures become the actuals of the matching rows of an approved project, a version kept;
    // a draft is left alone until approved, and only the unit's own people may do it.
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_figures_fill_the_self_evaluation_of_approved_projects(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var eastId = await EastProject2025(app);
        var preparer = await app.SignedIn("east-preparer");
        await Confirm(preparer, await Upload(preparer, eastId, 2025, Encoding.UTF8.GetBytes(Csv), "东城区2025年台账.csv"));

        // Still a draft: nothing to fill.
        Assert.DoesNotContain("绩效自评</button>", await preparer.GetStringAsync($"/Ledger/{eastId}/2025"));
        await app.Db(d => d.Projects.Where(p => p.FiscalYear == 2025).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProjectStatus.Approved)));

        var page = await preparer.GetStringAsync($"/Ledger/{eastId}/2025");
        Assert.Contains("填入 1 个已批复项目的绩效自评", page);
        // Finance sees the figures but may not write a unit's self-evaluation.
        var finance = await app.SignedIn("finance");
        var refused = await finance.PostAsync($"/Ledger/{eastId}/2025?handler=Apply", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await finance.GetStringAsync($"/Ledger/{eastId}/2025")) }));
        Assert.Equal("/Account/Denied", refused.RequestMessage!.RequestUri!.AbsolutePath);

        var applied = await preparer.PostAsync($"/Ledger/{eastId}/2025?handler=Apply", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(page) }));
        Assert.Contains("已将台账计算的实际完成值填入 1 个已批复项目的绩效自评", await applied.Content.ReadAsStringAsync());
        var project = await app.Db(d => d.Projects.Include(p => p.Form.Indicators).SingleAsync(p => p.FiscalYear == 2025));
        var actuals = project.Form.Indicators.ToDictionary(i => i.Name, i => i.Actual?.Raw);
        Assert.Equal("83.33%", actuals["信访事项及时受理率"]);
        Assert.Equal("50%", actuals["按期答复率"]);
        Assert.Null(actuals["接待来访群众批次"]);
        Assert.Equal(2, project.Version);
        Assert.Equal(1, await app.Db(d => d.ProjectVersions.CountAsync(v => v.ProjectId == project.Id)));
    }

    static string Section(string html, string heading) => html[html.IndexOf(heading, StringComparison.Ordinal)..];

    static string BreachTable(string html)
    {
        var start = html.IndexOf("<table class=\"grid stacked breaches\">", StringComparison.Ordinal);
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Other_units_and_other_people_get_404(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var (eastId, westId) = await app.Db(async d => (
            (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id,
            (await d.BudgetUnits.SingleAsync(u => u.Name == "西城区信访局")).Id));
        var preparer = await app.SignedIn("east-preparer");
        var preview = await Upload(preparer, eastId, 2025, Encoding.UTF8.GetBytes(Csv), "台账.csv");
        var previewUrl = preview.RequestMessage!.RequestUri!.AbsolutePath;
        var id = await Confirm(preparer, preview);

        var west = await app.SignedIn("west-preparer");
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Ledger/{eastId}/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync(previewUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/Ledger/{eastId + westId + 100}/2025")).StatusCode);
        Assert.DoesNotContain("东城区信访局", await west.GetStringAsync("/Ledger"));
        // West may not upload into east, even by posting east's id.
        var refused = WebUtility.HtmlDecode(await (await Upload(west, eastId, 2025, Encoding.UTF8.GetBytes(Csv), "台账.csv")).Content.ReadAsStringAsync());
        Assert.Contains("请选择本单位：只有本单位的填报人或单位负责人可以上传台账", refused);
        Assert.Equal(1, await app.Db(d => d.PetitionLedgers.CountAsync(l => l.Year == 2025)));
        // Confirming someone else's upload is no more possible than seeing it.
        var token = TestApp.AntiforgeryToken(await west.GetStringAsync("/Ledger"));
        var post = await west.PostAsync(previewUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // Another of east's own people sees the saved figures, but the dry run stays its uploader's.
        var head = await app.SignedIn("east-head");
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/Ledger/{eastId}/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync(previewUrl)).StatusCode);

        // A supervisor views but does not upload.
        var supervisor = await app.SignedIn("supervisor");
        Assert.DoesNotContain("上传并试算", await supervisor.GetStringAsync("/Ledger"));
        var byReviewer = WebUtility.HtmlDecode(await (await Upload(supervisor, eastId, 2025, Encoding.UTF8.GetBytes(Csv), "台账.csv")).Content.ReadAsStringAsync());
        Assert.Contains("只有本单位的填报人或单位负责人可以上传台账", byReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync(previewUrl)).StatusCode);
        Assert.Equal([id], await app.Db(d => d.PetitionLedgers.Where(l => l.Year == 2025).Select(l => l.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_supervisor_of_another_department_gets_404()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true);
        var eastId = await app.Db(async d => (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id);
        var otherDept = await app.Db(async d =>
        {
            var dept = new SupervisingDepartment { Name = "另一主管部门" };
            d.Add(dept);
            await d.SaveChangesAsync();
            return dept.Id;
        });
        var password = await app.CreateUser("other-supervisor", Roles.SupervisorReviewer, departmentId: otherDept);
        var preparer = await app.SignedIn("east-preparer");
        await Confirm(preparer, await Upload(preparer, eastId, 2025, Encoding.UTF8.GetBytes(Csv), "台账.csv"));
        var other = await app.SignedIn("other-supervisor", password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Ledger/{eastId}/2025")).StatusCode);
        Assert.DoesNotContain("东城区信访局", await other.GetStringAsync("/Ledger"));
        var auditor = await app.SignedIn("auditor");
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/Ledger/{eastId}/2025")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_files_get_a_located_chinese_answer_and_never_a_500(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        var eastId = await app.Db(async d => (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id);
        var preparer = await app.SignedIn("east-preparer");

        async Task<string> Refused(byte[] bytes, string name, int year = 2025)
        {
            var response = await Upload(preparer, eastId, year, bytes, name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/Ledger", response.RequestMessage!.RequestUri!.AbsolutePath);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("文件“预算.csv”中找不到台账表头", await Refused(Encoding.UTF8.GetBytes("项目名称,金额\n接待经费,100\n"), "预算.csv"));
        Assert.Contains("文件“台账.xlsx”已损坏", await Refused([0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9, 9, 9], "台账.xlsx"));
        Assert.Contains("文件“台账.pdf”不是台账表格：请上传 Excel（.xlsx、.xls）或 CSV 文件", await Refused([1, 2, 3], "台账.pdf"));
        Assert.Contains("请选择台账文件（.xlsx、.xls 或 .csv）", await Refused([], "空.csv"));
        Assert.Contains("年度“1999”不正确", await Refused(Encoding.UTF8.GetBytes(Csv), "台账.csv", 1999));
        Assert.Contains("不是文本文件", await Refused([0, 1, 2, 0, 5, 0], "二进制.csv"));
        // Kept with who, when and what came of it, but nothing to count.
        var records = await app.Db(d => d.PetitionLedgers.Where(l => l.Year == 2025).Select(l => new { l.Outcome, l.Error, l.UserName }).ToListAsync());
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(LedgerOutcome.Failed, r.Outcome));
        Assert.All(records, r => Assert.Equal("east-preparer", r.UserName));
        Assert.Contains("我最近上传的台账", WebUtility.HtmlDecode(await preparer.GetStringAsync("/Ledger")));

        // A GB18030 ledger reads like a UTF-8 one, in the same words.
        var gb = await Upload(preparer, eastId, 2025, Encoding.GetEncoding("GB18030").GetBytes(Csv), "gb18030.csv");
        var gbHtml = WebUtility.HtmlDecode(await gb.Content.ReadAsStringAsync());
        Assert.Contains("5 ÷ 6 = 83.33%", gbHtml);
        // The same 2025 ledger uploaded as 2026's is read, and the year is questioned.
        var wrongYear = WebUtility.HtmlDecode(await (await Upload(preparer, eastId, 2026, Encoding.UTF8.GetBytes(Csv), "台账.csv")).Content.ReadAsStringAsync());
        Assert.Contains("有 6 件事项的登记日期不在 2026 年内，仍计入", wrongYear);
        Assert.Contains("第7行“告知日期”列", gbHtml);
    }

    [Fact]
    public async Task An_xlsx_ledger_names_its_cells_and_satisfaction_follows_the_setting()
    {
        await using var db = await TestDatabase.Create("sqlite");
        await using var app = await TestApp.Start(db, demo: true, configure: b => b.Configuration["Petition:CountBasicallySatisfied"] = "true");
        var eastId = await app.Db(async d => (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id);
        var folder = Directory.CreateTempSubdirectory("ledger-").FullName;
        try
        {
            var path = Path.Combine(folder, "台账.xlsx");
            Jixiao.Tests.Forms.Xlsx.Write(path, new Jixiao.Tests.Forms.Xlsx.Sheet("台账",
            [
                ["编号", "登记日期", "告知日期", "办结日期", "评价结果"],
                ["X1", Jixiao.Tests.Forms.Xlsx.Date(45717), 45720.0, "2025-03-20", "满意"],        // 2025-03-01
                ["X2", "2025-03-01", "2025-03-02", "2025-03-20", "基本满意"],
                ["X3", "2025-03-01", "三月二日", "2025-03-20", "满意"],
            ]));
            var preparer = await app.SignedIn("east-preparer");
            var html = WebUtility.HtmlDecode(await (await Upload(preparer, eastId, 2025, await File.ReadAllBytesAsync(path), "台账.xlsx")).Content.ReadAsStringAsync());
            Assert.Contains("台账!C4", html);
            Assert.Contains("2 ÷ 2 = 100%", html);   // 满意 and 基本满意 both count under this setting
            Assert.Contains("评价为“满意”和“基本满意”的事项数", html);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_demo_has_east_s_2026_ledger_with_a_few_breaches_once(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var app = await TestApp.Start(db, demo: true);
        Assert.Contains("已载入演示信访事项台账（东城区信访局，21 件）", app.Console);
        var eastId = await app.Db(async d => (await d.BudgetUnits.SingleAsync(u => u.Name == "东城区信访局")).Id);
        var html = WebUtility.HtmlDecode(await (await app.SignedIn("east-head")).GetStringAsync($"/Ledger/{eastId}/2026"));
        Assert.Contains("20 ÷ 21 = 95.24%", html);    // 004 told on day 16
        Assert.Contains("11 ÷ 16 = 68.75%", html);    // 满意 of the evaluations
        Assert.Contains("16 ÷ 19 = 84.21%", html);    // evaluated of the closed cases
        Assert.Contains("2 件（登记事项 21 件）", html);
        Assert.Contains("1件不予受理或不再受理，无需办结，不计入", html);
        var breaches = BreachTable(html);
        foreach (var number in new[] { "东信访〔2026〕004号", "东信访〔2026〕007号", "东信访〔2026〕010号" }) Assert.Contains(number, breaches);
        Assert.Contains("延期45日，超过《信访工作条例》第三十四条规定的最多30日（按30日计）", breaches);
        Assert.DoesNotContain("东信访〔2026〕001号", breaches);
        Assert.Contains("第24行“办结日期”列", html);
        Assert.Contains("办结日期“2026-11-31”无法识别为日期", html);
        Assert.Contains("对应的绩效指标（4 行）", html);
        // 010 wrote its due date with all 45 days of extension: the law allows 30.
        Assert.Contains("台账所填应办结日期晚于法定期限（1 件）", html);
        Assert.Contains("2026-06-30", html);
        Assert.Contains("2026-06-15", html);

        await app.Db(async d => { await Jixiao.Features.Ledger.LedgerDemo.LoadAsync(d, 2026, TextWriter.Null); return 0; });
        Assert.Equal(1, await app.Db(d => d.PetitionLedgers.CountAsync()));
    }
}
