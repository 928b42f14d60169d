using Jixiao.Domain;

namespace Jixiao.Tests.Domain;

// Row ids on their own: kept, made, de-duplicated and inherited from the form before by kind, words
// and occurrence; the search tokens and the project name key beside them.
public class RowIdsTests
{
    static Indicator Row(string level1, string level2, string name, Guid? id = null) =>
        new() { Level1 = level1, Level2 = level2, Name = name, Id = id };

    [Fact]
    public void NewRowsGetDistinctTimeOrderedIds()
    {
        var form = new ProjectForm { Indicators = [Row("产出指标", "数量指标", "甲"), Row("产出指标", "数量指标", "乙")] };
        RowIds.Assign(form);
        var ids = form.Indicators.Select(i => i.Id!.Value).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.DoesNotContain(Guid.Empty, ids);
    }

    [Fact]
    public void CarriedIdsStayAndACopiedOneIsReplaced()
    {
        var id = Guid.NewGuid();
        var form = new ProjectForm { Indicators = [Row("产出指标", "数量指标", "甲", id), Row("产出指标", "数量指标", "甲", id)] };
        RowIds.Assign(form);
        Assert.Equal(id, form.Indicators[0].Id);
        Assert.NotEqual(id, form.Indicators[1].Id);
        Assert.NotNull(form.Indicators[1].Id);
    }

    [Fact]
    public void ReadRowsInheritTheIdsOfTheRowsTheyReplace()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var other = Guid.NewGuid();
        var previous = new ProjectForm
        {
            Indicators = [Row("产出指标", "数量指标", "甲", first), Row("效益指标", "数量指标", "乙", other), Row("产出指标", "数量指标", "甲", second)],
        };
        // Same words however they are spaced; the second 甲 takes the second id.
        var form = new ProjectForm
        {
            Indicators = [Row("产出指 标", "数量指标", " 甲"), Row("产出指标", "数量指标", "甲"), Row("产出指标", "数量指标", "乙"), Row("产出指标", "数量指标", "甲")],
        };
        RowIds.Assign(form, previous);
        Assert.Equal(first, form.Indicators[0].Id);
        Assert.Equal(second, form.Indicators[1].Id);
        // 乙 was under another level 1: a new row, a new id.
        Assert.NotEqual(other, form.Indicators[2].Id);
        Assert.NotNull(form.Indicators[2].Id);
        Assert.NotNull(form.Indicators[3].Id);
        Assert.DoesNotContain(form.Indicators[3].Id, new Guid?[] { first, second, other });
    }

    [Fact]
    public void AnIdAlreadyCarriedIsNotInheritedAgain()
    {
        var id = Guid.NewGuid();
        var previous = new ProjectForm { Indicators = [Row("产出指标", "数量指标", "甲", id)] };
        var form = new ProjectForm { Indicators = [Row("产出指标", "数量指标", "改名", id), Row("产出指标", "数量指标", "甲")] };
        RowIds.Assign(form, previous);
        Assert.Equal(id, form.Indicators[0].Id);
        Assert.NotEqual(id, form.Indicators[1].Id);
    }

    [Fact]
    public void PreviousRowsWithoutIdsGiveNothing()
    {
        var previous = new ProjectForm { Indicators = [Row("产出指标", "数量指标", "甲")] };
        var form = new ProjectForm { Indicators = [Row("产出指标", "数量指标", "甲")] };
        RowIds.Assign(form, previous);
        Assert.NotNull(form.Indicators[0].Id);
    }

    [Fact]
    public void EveryKindOfRowIsMatchedByItsOwnWords()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var previous = new ProjectForm
        {
            BudgetLines = [new BudgetLine { Name = "值班补助", Id = ids[0] }],
            SpendingPlan = [new SpendingMilestone { By = "6月底", Id = ids[1] }],
            Safeguards = [new Safeguard { Category = "制度", Document = "管理办法", Id = ids[2] }, new Safeguard { Category = "制度", Document = "细则", Id = ids[5] }],
            People = [new Person { Role = "联系人", Id = ids[3] }],
            SelfEvaluation = new SelfEvaluation { Execution = [new BudgetExecution { Name = "年度资金总额", Id = ids[4] }] },
        };
        var form = new ProjectForm
        {
            BudgetLines = [new BudgetLine { Name = "值班 补助" }],
            SpendingPlan = [new SpendingMilestone { By = "6月底" }],
            Safeguards = [new Safeguard { Category = "制度", Document = "细则" }, new Safeguard { Category = "制度", Document = "管理办法" }],
            People = [new Person { Role = "联系人" }],
            SelfEvaluation = new SelfEvaluation { Execution = [new BudgetExecution { Name = "年度资金总额" }] },
        };
        RowIds.Assign(form, previous);
        Assert.Equal(ids[0], form.BudgetLines[0].Id);
        Assert.Equal(ids[1], form.SpendingPlan[0].Id);
        Assert.Equal(ids[5], form.Safeguards[0].Id);
        Assert.Equal(ids[2], form.Safeguards[1].Id);
        Assert.Equal(ids[3], form.People[0].Id);
        Assert.Equal(ids[4], form.SelfEvaluation.Execution[0].Id);
    }

    [Fact]
    public void RowsWithoutAPreviousFormStillGetIds()
    {
        var form = new ProjectForm
        {
            BudgetLines = [new BudgetLine { Name = "a" }],
            SpendingPlan = [new SpendingMilestone { By = "b" }],
            Safeguards = [new Safeguard()],
            People = [new Person { Role = "c" }],
            SelfEvaluation = new SelfEvaluation { Execution = [new BudgetExecution { Name = "d" }] },
        };
        RowIds.Assign(form, new ProjectForm());
        Assert.NotNull(form.BudgetLines[0].Id);
        Assert.NotNull(form.SpendingPlan[0].Id);
        Assert.NotNull(form.Safeguards[0].Id);
        Assert.NotNull(form.People[0].Id);
        Assert.NotNull(form.SelfEvaluation.Execution[0].Id);
    }

    [Fact]
    public void DepartmentGoalsInheritByTitle()
    {
        var id = Guid.NewGuid();
        var goals = new List<DepartmentGoal> { new() { Title = "其他" }, new() { Title = "信访 事项" } };
        RowIds.Assign(goals, [new DepartmentGoal { Title = "信访事项", Id = id }]);
        Assert.Equal(id, goals[1].Id);
        Assert.NotNull(goals[0].Id);
        Assert.NotEqual(id, goals[0].Id);
        var fresh = new List<DepartmentGoal> { new() { Title = "x" } };
        RowIds.Assign(fresh);
        Assert.NotNull(fresh[0].Id);
    }

    [Fact]
    public void ProjectNameKeyIsCompactAndCut()
    {
        Assert.Equal("信访救助", ProjectIdentity.NameKey(" 信访 救助 "));
        Assert.Equal("", ProjectIdentity.NameKey(null));
        var exact = new string('甲', ProjectIdentity.MaxNameKey);
        Assert.Equal(exact, ProjectIdentity.NameKey(exact));
        Assert.Equal(exact, ProjectIdentity.NameKey(exact + "乙"));
        Assert.Equal(400, ProjectIdentity.MaxNameKey);
    }

    [Fact]
    public void SearchTokensAreSingleLowerCaseCharacters()
    {
        Assert.Equal("信 访 2 0 2 6 a b", SearchText.Tokens("信访（２０２６）", "AB"));
        Assert.Equal("a b", SearchText.Tokens(null, "a", "", "b"));
        Assert.Equal("", SearchText.Tokens("，。"));
        Assert.Equal("x f j z", SearchText.InitialTokens("信访救助"));
    }

    [Fact]
    public void SearchWordsSplitOnEverySeparator()
    {
        var words = SearchText.Words("甲 乙　丙,丁，戊、己;庚；辛");
        Assert.Equal(["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"], words.Select(w => string.Join("", w)));
        Assert.Equal([["x", "f"]], SearchText.Words("XF"));
        Assert.Empty(SearchText.Words("，。 "));
        Assert.Empty(SearchText.Words(null));
    }
}
