using Jixiao.Domain;
using Jixiao.Domain.Review;
using static Jixiao.Tests.Domain.Review.ReviewForms;

namespace Jixiao.Tests.Domain.Review;

public class ReviewerTests
{
    [Fact]
    public void CatalogIsComplete()
    {
        var rules = ReviewCatalog.Rules;
        Assert.True(rules.Count >= 15);
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r =>
        {
            Assert.Matches(@"^R\d{2}-[a-z0-9-]+$", r.Id);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.Title);
            Assert.False(string.IsNullOrWhiteSpace(r.Basis));
            Assert.True(ReviewCatalog.Families.ContainsKey(r.Family));
        });
        // Every defect family of domain.md §4 has at least one rule.
        Assert.Equal(Enumerable.Range(1, 15), rules.Select(r => r.Family).Distinct().Order());
        Assert.Equal(Enum.GetValues<Aspect>(), rules.Select(r => r.Aspect).Distinct().Order());
    }

    [Fact]
    public void ScoreLosesPointsPerSeverity()
    {
        // One error (10) and one warning (3).
        var doc = With(p =>
        {
            SetTarget(p, "群众满意率", "提高");
            p.Indicators.Add(Row("效益指标", "社会效益指标", "社会面防控影响力", "提高"));
        });
        var report = Reviewer.Review(doc);
        Assert.Equal(["R05-vague-number", "R06-vague-qualitative"], report.Findings.Select(f => f.Rule));
        Assert.Equal(87, report.Score);
        Assert.Equal("良", report.Grade);
        var project = Assert.Single(report.Projects);
        Assert.Equal((2, 87, "良"), (project.Findings, project.Score, project.Grade));
    }

    [Fact]
    public void PenaltiesAreCappedPerSeverity()
    {
        var doc = With(p => { foreach (var i in p.Indicators) i.AnnualTarget = V(""); });
        var report = Reviewer.Review(doc);
        Assert.Equal(7, report.Findings.Count(f => f.Severity == Severity.Error));
        Assert.Equal(100 - 70, report.Score);
        Assert.Equal("差", report.Grade);
    }

    [Fact]
    public void DocumentScoreIsTheMeanOfProjectsLessDocumentFindings()
    {
        var doc = Doc(GoodProject("甲"), OtherProject("乙"));
        SetTarget(doc.Projects[1], "群众满意率", "提高");
        Assert.Equal(95, Reviewer.Review(doc).Score);

        doc.Sections["说明"] = "编报绩效目标的项目 3 个。";
        Assert.Equal(85, Reviewer.Review(doc).Score);
    }

    [Fact]
    public void DimensionsCountFindingsPerAspect()
    {
        var doc = With(p =>
        {
            SetTarget(p, "群众满意率", "提高");                     // 完整性, error
            SetTarget(p, "信访事项按期办结率", "110%");              // 可行性, error
            p.Funding.Fiscal = 90000m;                              // 适当性, error
        });
        var report = Reviewer.Review(doc);
        var byName = report.Dimensions.ToDictionary(d => d.Name);
        Assert.Equal(["完整性", "相关性", "适当性", "可行性"], report.Dimensions.Select(d => d.Name));
        Assert.Equal((1, 1, 90, "优"), (byName["完整性"].Findings, byName["完整性"].Errors, byName["完整性"].Score, byName["完整性"].Grade));
        Assert.Equal((0, 100, "优"), (byName["相关性"].Findings, byName["相关性"].Score, byName["相关性"].Grade));
        Assert.Equal(1, byName["适当性"].Findings);
        Assert.Equal(1, byName["可行性"].Findings);
        Assert.Equal(70, report.Score);
    }

    [Fact]
    public void FindingsAreOrderedByProjectThenSeverity()
    {
        var doc = Doc(GoodProject("甲"), OtherProject("乙"));
        doc.Projects[1].AnnualGoal = "";
        doc.Projects[0].Indicators.Add(Row("效益指标", "社会效益指标", "社会面防控影响力", "提高"));
        SetTarget(doc.Projects[0], "群众满意率", "提高");
        doc.Sections["说明"] = "编报绩效目标的项目 3 个。";
        var places = Reviewer.Review(doc).Findings.Select(f => (f.Project, f.Rule)).ToList();
        Assert.Equal(
        [
            (null, "R23-summary-mismatch"),
            ("甲", "R05-vague-number"),
            ("甲", "R06-vague-qualitative"),
            ("乙", "R03-goal-empty"),
        ], places);
    }

    [Fact]
    public void ADocumentWithoutProjectsScoresItsOwnFindingsOnly()
    {
        var empty = Reviewer.Review(new FormDocument { FiscalYear = 2023 });
        Assert.Equal((100, "优"), (empty.Score, empty.Grade));
        Assert.Empty(empty.Projects);
        Assert.All(empty.Dimensions, d => Assert.Equal((0, 100), (d.Findings, d.Score)));

        var doc = new FormDocument { FiscalYear = 2023, Sections = new() { ["说明"] = "编报绩效目标的项目 3 个。" } };
        var report = Reviewer.Review(doc);
        var f = Assert.Single(report.Findings);
        Assert.Equal(("R23-summary-mismatch", null), (f.Rule, f.Project));
        Assert.Equal(100 - (f.Severity switch { Severity.Error => 10, Severity.Warning => 3, _ => 1 }), report.Score);
    }

    [Fact]
    public void AnInfoCostsOnePointAndIsCountedAsSuch()
    {
        var report = Reviewer.Review(With(p => p.Indicators.RemoveAll(i => i.Level1 == "满意度指标")), ReviewProfiles.National2021);
        var f = Assert.Single(report.Findings);
        Assert.Equal((Severity.Info, "R08-missing-satisfaction"), (f.Severity, f.Rule));
        Assert.Equal(99, report.Score);
        var completeness = report.Dimensions.Single(d => d.Aspect == Aspect.Completeness);
        Assert.Equal((1, 0, 0, 1, 99), (completeness.Findings, completeness.Errors, completeness.Warnings, completeness.Infos, completeness.Score));
    }

    [Fact]
    public void DisabledRuleIsNotRun()
    {
        var profile = ReviewProfiles.National2021 with
        {
            Rules = new Dictionary<string, RuleSetting>(ReviewProfiles.National2021.Rules)
            {
                ["R05-vague-number"] = new() { Enabled = false },
            },
        };
        var doc = With(p => SetTarget(p, "群众满意率", "提高"));
        Assert.Single(Run(doc, "R05-vague-number", ReviewProfiles.National2021));
        Assert.Empty(Run(doc, "R05-vague-number", profile));
    }

    [Fact]
    public void ThresholdsAndSeverityComeFromTheProfile()
    {
        var doc = With(p => p.Funding.Fiscal = 95000m);
        Assert.Single(Run(doc, "R21-funding-parts", ReviewProfiles.National2021));

        var lenient = ReviewProfiles.National2021 with
        {
            Rules = new Dictionary<string, RuleSetting>(ReviewProfiles.National2021.Rules)
            {
                ["R21-funding-parts"] = new RuleSetting
                {
                    Severity = Severity.Warning,
                    Numbers = new Dictionary<string, decimal> { ["tolerance"] = 10000m },
                },
            },
        };
        Assert.Empty(Run(doc, "R21-funding-parts", lenient));

        var strictButMild = lenient with
        {
            Rules = new Dictionary<string, RuleSetting>(lenient.Rules)
            {
                ["R21-funding-parts"] = new RuleSetting { Severity = Severity.Warning },
            },
        };
        Assert.Equal(Severity.Warning, Assert.Single(Run(doc, "R21-funding-parts", strictButMild)).Severity);
    }

    [Fact]
    public void RequiredCategoriesDifferByProfile()
    {
        var noSatisfaction = With(p => p.Indicators.RemoveAll(i => i.Level1 == "满意度指标"));
        Assert.Equal(Severity.Warning, Assert.Single(Run(noSatisfaction, "R08-missing-satisfaction", ReviewProfiles.National2018)).Severity);
        Assert.Equal(Severity.Info, Assert.Single(Run(noSatisfaction, "R08-missing-satisfaction", ReviewProfiles.National2021)).Severity);

        var noCost = With(p => p.Indicators.RemoveAll(i => i.Level1 == "成本指标"));
        Assert.Empty(Run(noCost, "R09-missing-cost", ReviewProfiles.National2021));
        Assert.Equal(Severity.Error, Assert.Single(Run(noCost, "R09-missing-cost", ReviewProfiles.Shanghai2025)).Severity);
        Assert.Contains("上海", Assert.Single(Run(noCost, "R09-missing-cost", ReviewProfiles.Shanghai2025)).Basis);
    }

    [Fact]
    public void ShanghaiFrameworkRequiresItsOwnCategories()
    {
        var doc = Doc();
        doc.Projects[0].Indicators =
        [
            Row("产出目标", "数量", "律师参与接访次数", "≥50次"),
            Row("效果目标", "社会效益", "信访积案化解率", "≥70%"),
        ];
        Assert.Equal("shanghai-2018", Reviewer.Review(doc).Profile);
        var f = Assert.Single(Run(doc, "R07-missing-level1"));
        Assert.Equal("缺少一级指标“影响力目标”", f.Message);
    }

    [Theory]
    [InlineData(2018, null, "national-2018")]
    [InlineData(2023, null, "national-2021")]
    [InlineData(2023, "上海市松江区人民政府信访办公室", "national-2021")]
    [InlineData(2025, "上海市松江区人民政府信访办公室", "shanghai-2025")]
    [InlineData(2025, "乌海市信访局", "national-2021")]
    [InlineData(null, null, "national-2018")]
    [InlineData(2020, null, "national-2018")]      // the last year of the 2018 framework
    [InlineData(2021, null, "national-2021")]      // the first of the 2021 one
    [InlineData(2024, "上海市松江区人民政府信访办公室", "national-2021")]
    public void ProfileFollowsYearAndRegion(int? year, string? unit, string expected)
    {
        var doc = Doc();
        doc.FiscalYear = year;
        doc.Unit.Name = unit;
        doc.Projects[0].Indicators.RemoveAll(i => i.Level1 == "成本指标");
        Assert.Equal(expected, ReviewProfiles.For(doc).Id);
    }

    [Theory]
    [InlineData("上海市财政局", null, null)]                  // the supervising department names the region
    [InlineData(null, "SHANGHAI-2025.xlsx", null)]           // so does the file, in any case
    [InlineData(null, null, "shanghai-project")]             // or the layout
    public void RegionIsFoundInTheDepartmentTheFileOrTheLayout(string? department, string? file, string? layout)
    {
        var doc = Doc();
        doc.FiscalYear = 2025;
        doc.Unit = new UnitInfo { Name = "某区信访局", SupervisingDepartment = department };
        doc.Source = new SourceInfo { File = file, Layout = layout };
        Assert.Equal("shanghai-2025", ReviewProfiles.For(doc).Id);
    }

    [Fact]
    public void AProfileNamingAnUnknownRuleStopsTheStart()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ReviewProfiles.Build(
            new ReviewProfile { Id = "test", Name = "测试", Framework = "national-2021" },
            new() { ["R99-no-such-rule"] = new() }));
        Assert.Equal("Profile test configures unknown rule R99-no-such-rule", e.Message);
        var built = ReviewProfiles.Build(new ReviewProfile { Id = "test", Name = "测试", Framework = "national-2021" },
            new() { ["R09-missing-cost"] = new() { Enabled = false } });
        Assert.False(built.Rules["R09-missing-cost"].Enabled);
        Assert.Equal(ReviewCatalog.Rules.Count, built.Rules.Count);
        Assert.Same(ReviewCatalog.Find("R05-vague-number")!.Defaults, built.Rules["R05-vague-number"]);
    }

    [Fact]
    public void FormWithoutYearUsingCostAsLevel1FollowsTheCurrentRules()
    {
        var doc = Doc();
        doc.FiscalYear = null;
        Assert.Equal("national-2021", ReviewProfiles.For(doc).Id);
    }

    [Fact]
    public void ProfilesHoldASettingForEveryRule()
    {
        foreach (var profile in ReviewProfiles.All)
        {
            Assert.Equal(ReviewCatalog.Rules.Select(r => r.Id).Order(), profile.Rules.Keys.Order());
            Assert.NotNull(IndicatorFramework.Find(profile.Framework));
        }
    }

    // The review's required categories and the indicator framework's required level-1 rows must agree.
    [Theory]
    [InlineData("national-2018")]
    [InlineData("national-2021")]
    [InlineData("shanghai-2018")]
    public void RequiredCategoriesMatchTheFramework(string id)
    {
        var profile = ReviewProfiles.Find(id)!;
        var framework = IndicatorFramework.Find(profile.Framework)!;
        var required = profile.Rules["R07-missing-level1"].Lists["required"];
        Assert.Equal(framework.Required.Select(c => ReviewText.Category(c.Name)).Order(), required.Order());
    }

    // A profile's setting laid over a rule's defaults, key by key.
    [Fact]
    public void ASettingOverridesOnlyWhatItStates()
    {
        var defaults = new RuleSetting
        {
            Severity = Severity.Warning,
            Basis = "默认依据",
            Numbers = new Dictionary<string, decimal> { ["x"] = 1m, ["y"] = 2m },
            Lists = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["甲"], ["b"] = ["乙"] },
        };
        var merged = new RuleSetting
        {
            Enabled = false,
            Numbers = new Dictionary<string, decimal> { ["y"] = 3m },
            Lists = new Dictionary<string, IReadOnlyList<string>> { ["b"] = ["丙"], ["c"] = ["丁"] },
        }.Over(defaults);
        Assert.False(merged.Enabled);
        Assert.Equal((Severity.Warning, "默认依据"), (merged.Severity, merged.Basis));
        Assert.Equal("x=1 y=3", string.Join(" ", merged.Numbers.OrderBy(n => n.Key).Select(n => $"{n.Key}={n.Value}")));
        Assert.Equal("a=甲 b=丙 c=丁", string.Join(" ", merged.Lists.OrderBy(n => n.Key).Select(n => $"{n.Key}={string.Join(",", n.Value)}")));
        // Its own severity and basis win; the defaults are left as they were.
        var own = new RuleSetting { Severity = Severity.Error, Basis = "本地依据" }.Over(defaults);
        Assert.Equal((true, Severity.Error, "本地依据"), (own.Enabled, own.Severity, own.Basis));
        Assert.Equal(2m, defaults.Numbers["y"]);
        Assert.Equal(["乙"], defaults.Lists["b"]);
    }

    [Fact]
    public void AProfileWithoutARulesSettingUsesTheRulesDefaults()
    {
        var rule = ReviewCatalog.Find("R13-cost-equals-budget")!;
        var bare = new ReviewProfile { Id = "bare", Name = "空", Framework = "national-2021" };
        Assert.Same(rule.Defaults, bare.SettingFor(rule));
        var stated = bare with { Rules = new Dictionary<string, RuleSetting> { [rule.Id] = new() { Numbers = new Dictionary<string, decimal> { ["tolerance"] = 5m } } } };
        Assert.Equal(5m, stated.SettingFor(rule).Numbers["tolerance"]);
    }
}

