using Jixiao.Domain;
using Jixiao.Domain.Workflow;

namespace Jixiao.Tests.Domain.Workflow;

public class FormDiffTests
{
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    static ProjectForm Form() => new()
    {
        Name = "来访接待",
        AnnualGoal = "完成接待",
        Funding = new Funding { Total = 500000m, Fiscal = 500000m },
        Sections = new() { ["立项依据"] = "信访工作条例" },
        Indicators =
        [
            new Indicator { Id = A, Level1 = "产出指标", Name = "接待人次", AnnualTarget = TargetValue.Parse("≥3000人次") },
            new Indicator { Id = B, Level1 = "满意度指标", Name = "满意度", AnnualTarget = TargetValue.Parse("≥90%") },
        ],
        BudgetLines = [new BudgetLine { Id = C, Name = "印刷费", Amount = 10000m }],
    };

    [Fact]
    public void The_same_form_has_no_changes()
    {
        var changes = FormDiff.Compare(Form(), Form());
        Assert.True(changes.IsEmpty);
        Assert.Empty(changes.Fields);
        Assert.Empty(changes.Rows);
    }

    [Fact]
    public void Rows_are_matched_by_id_not_by_place()
    {
        var after = Form();
        after.Indicators.Reverse();
        Assert.True(FormDiff.Compare(Form(), after).IsEmpty);

        after.Indicators[0].AnnualTarget = TargetValue.Parse("≥95%"); // B, now first
        var row = Assert.Single(FormDiff.Compare(Form(), after).Rows);
        Assert.Equal(B, row.RowId);
        Assert.Equal(RowChangeKind.Changed, row.Change);
        Assert.Equal("indicators", row.Part);
        Assert.Equal("满意度", row.Label);
        Assert.Equal([new FieldChange("annualTarget", "≥90%", "≥95%")], row.Fields);
    }

    [Fact]
    public void Added_and_removed_rows_show_what_they_held()
    {
        var after = Form();
        after.Indicators.RemoveAt(0);
        after.Indicators.Add(new Indicator { Level1 = "效益指标", Name = "化解率", AnnualTarget = TargetValue.Parse("≥80%") });
        var rows = FormDiff.Compare(Form(), after).Rows;
        Assert.Equal(2, rows.Count);
        var added = Assert.Single(rows, r => r.Change == RowChangeKind.Added);
        Assert.Null(added.RowId);
        Assert.Equal("化解率", added.Label);
        Assert.Contains(new FieldChange("name", null, "化解率"), added.Fields);
        Assert.Contains(new FieldChange("annualTarget", null, "≥80%"), added.Fields);
        var removed = Assert.Single(rows, r => r.Change == RowChangeKind.Removed);
        Assert.Equal(A, removed.RowId);
        Assert.Contains(new FieldChange("name", "接待人次", null), removed.Fields);
        Assert.DoesNotContain(removed.Fields, f => f.Field == "id");
    }

    [Fact]
    public void A_row_with_a_new_id_is_a_new_row_even_with_the_same_words()
    {
        var after = Form();
        after.BudgetLines[0].Id = Guid.NewGuid();
        var rows = FormDiff.Compare(Form(), after).Rows;
        Assert.Equal([RowChangeKind.Added, RowChangeKind.Removed], rows.Select(r => r.Change));
        Assert.All(rows, r => Assert.Equal("budgetLines", r.Part));
    }

    [Fact]
    public void A_duplicated_id_matches_once()
    {
        var after = Form();
        after.BudgetLines.Add(new BudgetLine { Id = C, Name = "印刷费", Amount = 10000m });
        var row = Assert.Single(FormDiff.Compare(Form(), after).Rows);
        Assert.Equal(RowChangeKind.Added, row.Change);
    }

    [Fact]
    public void Fields_of_the_form_its_money_and_sections()
    {
        var after = Form();
        after.AnnualGoal = "完成接待并回访";
        after.Funding.Total = 520000m;
        after.Sections["立项依据"] = "信访工作条例第三条";
        after.Sections["实施方案"] = "分季度实施";
        after.Category = ProjectCategory.Recurring;
        after.Code = "  ";
        var fields = FormDiff.Compare(Form(), after).Fields;
        Assert.Equal(
        [
            new FieldChange("category", null, "recurring"),
            new FieldChange("annualGoal", "完成接待", "完成接待并回访"),
            new FieldChange("funding.total", "500000", "520000"),
            new FieldChange("sections.实施方案", null, "分季度实施"),
            new FieldChange("sections.立项依据", "信访工作条例", "信访工作条例第三条"),
        ], fields);
    }

    [Fact]
    public void Self_evaluation_and_other_parts_are_compared_too()
    {
        var before = Form();
        before.Safeguards = [new Safeguard { Id = A, Category = "制度", Stages = ["事前"] }];
        var after = Form();
        after.Safeguards = [new Safeguard { Id = A, Category = "制度", Stages = ["事前", "事中"] }];
        after.SelfEvaluation = new SelfEvaluation { TotalScore = 92m, Execution = [new BudgetExecution { Id = B, Name = "年度资金总额", Executed = 480000m }] };
        after.People = [new Person { Id = C, Role = "联系人", Name = "张敏" }];
        after.SpendingPlan = [new SpendingMilestone { By = "6月底", CumulativePercent = 50m }];
        var changes = FormDiff.Compare(before, after);
        Assert.Contains(new FieldChange("selfEvaluation.totalScore", null, "92"), changes.Fields);
        var safeguard = Assert.Single(changes.Rows, r => r.Part == "safeguards");
        Assert.Equal([new FieldChange("stages", "事前", "事前、事中")], safeguard.Fields);
        Assert.Equal("制度", safeguard.Label);
        Assert.Equal("年度资金总额", Assert.Single(changes.Rows, r => r.Part == "selfEvaluation.execution").Label);
        Assert.Equal("联系人", Assert.Single(changes.Rows, r => r.Part == "people").Label);
        Assert.Equal("6月底", Assert.Single(changes.Rows, r => r.Part == "spendingPlan").Label);
        Assert.False(changes.IsEmpty);
    }

    [Fact]
    public void A_missing_money_block_or_section_list_reads_as_empty()
    {
        var before = Form();
        before.Funding = null!;      // a stored form from JSON may lack the block
        before.Sections = null!;
        var after = Form();
        Assert.Equal(
        [
            new FieldChange("funding.total", null, "500000"),
            new FieldChange("funding.fiscal", null, "500000"),
            new FieldChange("sections.立项依据", null, "信访工作条例"),
        ], FormDiff.Compare(before, after).Fields);
        Assert.Equal(
        [
            new FieldChange("funding.total", "500000", null),
            new FieldChange("funding.fiscal", "500000", null),
            new FieldChange("sections.立项依据", "信访工作条例", null),
        ], FormDiff.Compare(after, before).Fields);
        Assert.False(FormDiff.Compare(after, before).IsEmpty);   // fields alone are a change
    }

    [Fact]
    public void A_self_evaluation_that_went_away_shows_what_it_held()
    {
        var before = Form();
        before.SelfEvaluation = new SelfEvaluation { TotalScore = 92m, Grade = EvaluationGrade.Excellent, Execution = [new BudgetExecution { Id = B, Name = "年度资金总额" }] };
        var changes = FormDiff.Compare(before, Form());
        Assert.Equal([new FieldChange("selfEvaluation.totalScore", "92", null), new FieldChange("selfEvaluation.grade", "excellent", null)], changes.Fields);
        Assert.DoesNotContain(changes.Rows.SelectMany(r => r.Fields), f => f.Field == "id");
        var row = Assert.Single(changes.Rows);
        Assert.Equal(("selfEvaluation.execution", RowChangeKind.Removed, "年度资金总额"), (row.Part, row.Change, row.Label));
    }

    [Fact]
    public void Amounts_compare_by_value_not_by_how_many_zeros_were_written()
    {
        var before = Form();
        before.BudgetLines[0].Amount = 10000.50m;
        var after = Form();
        after.BudgetLines[0].Amount = 10000.5m;
        Assert.True(FormDiff.Compare(before, after).IsEmpty);
        after.BudgetLines[0].Amount = 10000.1234567m;
        var row = Assert.Single(FormDiff.Compare(before, after).Rows);
        Assert.Equal([new FieldChange("amount", "10000.5", "10000.123457")], row.Fields);
    }

    [Fact]
    public void A_row_that_came_lists_only_what_it_holds()
    {
        var after = Form();
        after.Safeguards = [new Safeguard { Id = A, Document = "接待制度" }, new Safeguard { Id = B }];
        var rows = FormDiff.Compare(Form(), after).Rows;
        Assert.Equal(2, rows.Count);
        // Without a category the document names the row; without either the label is empty.
        Assert.Equal(("接待制度", RowChangeKind.Added), (rows[0].Label, rows[0].Change));
        Assert.Equal([new FieldChange("document", null, "接待制度")], rows[0].Fields);   // no empty stages
        Assert.Equal("", rows[1].Label);
        Assert.Empty(rows[1].Fields);
        Assert.False(FormDiff.Compare(Form(), after).IsEmpty);   // rows alone are a change
    }

    [Fact]
    public void A_second_row_under_an_id_already_seen_is_a_row_that_went()
    {
        var before = Form();
        before.BudgetLines.Add(new BudgetLine { Id = C, Name = "邮寄费", Amount = 2000m });
        var after = Form();
        var row = Assert.Single(FormDiff.Compare(before, after).Rows);
        Assert.Equal((RowChangeKind.Removed, "邮寄费", (Guid?)C), (row.Change, row.Label, row.RowId));
        Assert.Equal([new FieldChange("name", "邮寄费", null), new FieldChange("amount", "2000", null)], row.Fields);
    }
}
