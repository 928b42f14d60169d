using Jixiao.Domain;
using Jixiao.Domain.Petition;

namespace Jixiao.Tests.Domain.Petition;

public class PetitionActualsTests
{
    static readonly DateOnly Start = new(2026, 3, 1);

    [Theory]
    [InlineData("信访事项及时受理率", PetitionMeasure.TimelyAcceptance)]
    [InlineData("及时受理率", PetitionMeasure.TimelyAcceptance)]
    [InlineData("按期办结率", PetitionMeasure.OnTimeClosing)]
    [InlineData("按期答复率", PetitionMeasure.OnTimeClosing)]
    [InlineData("信访事项按期办结率", PetitionMeasure.OnTimeClosing)]
    [InlineData("信访事项按期答复率", PetitionMeasure.OnTimeClosing)]
    [InlineData("参评群众满意率", PetitionMeasure.Satisfaction)]
    [InlineData("群众满意率", PetitionMeasure.Satisfaction)]
    [InlineData("满意率", PetitionMeasure.Satisfaction)]
    [InlineData("群众参评率", PetitionMeasure.Participation)]
    [InlineData("参评率", PetitionMeasure.Participation)]
    [InlineData("重复信访件数", PetitionMeasure.RepeatPetitions)]
    [InlineData(" 信访事项 及时受理率\n", PetitionMeasure.TimelyAcceptance)]
    public void Row_names_and_their_synonyms_find_their_measure(string name, PetitionMeasure measure) =>
        Assert.Equal(measure, PetitionActuals.MeasureOf(name));

    [Theory]
    [InlineData("网上信访群众满意率")]
    [InlineData("受助对象满意度")]
    [InlineData("信访积案化解率")]
    [InlineData("重复信访件数下降率")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_rows_are_left_alone(string? name) => Assert.Null(PetitionActuals.MeasureOf(name));

    [Fact]
    public void Each_matching_row_gets_its_figure_by_row_id()
    {
        var ids = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToArray();
        var project = new ProjectForm
        {
            Name = "信访接待",
            Indicators =
            [
                new Indicator { Id = ids[0], Name = "信访事项及时受理率" },
                new Indicator { Id = ids[1], Name = "按期答复率" },
                new Indicator { Id = ids[2], Name = "满意率" },
                new Indicator { Id = ids[3], Name = "参评率" },
                new Indicator { Id = ids[4], Name = "重复信访件数" },
                new Indicator { Id = ids[5], Name = "接待来访群众批次" },
                new Indicator { Id = null, Name = "及时受理率" },   // not stored yet: no id to answer
                new Indicator { Id = ids[6], Name = "群众满意率" },  // a second row of the same measure gets it too
            ],
        };
        PetitionCase[] cases =
        [
            new() { Number = "1", Registered = Start, Notified = Start.AddDays(15), Closed = Start.AddDays(60), Evaluation = PetitionEvaluation.Satisfied },
            new() { Number = "2", Registered = Start, Notified = Start.AddDays(16), Closed = Start.AddDays(61), Evaluation = PetitionEvaluation.BasicallySatisfied, Repeat = true },
            new() { Number = "3", Registered = Start, Notified = Start.AddDays(2), Closed = Start.AddDays(5) },
            new() { Number = "4", Registered = Start, Notified = Start.AddDays(2), Closed = Start.AddDays(5) },
        ];
        var actuals = PetitionActuals.Match(project, PetitionLedger.Compute(cases, new DateOnly(2026, 12, 31)));
        Assert.Equal(6, actuals.Count);
        Assert.Equal("75%", actuals[ids[0]].Raw);
        Assert.Equal(75m, actuals[ids[0]].Value);
        Assert.Equal("75%", actuals[ids[1]].Raw);
        Assert.Equal("50%", actuals[ids[2]].Raw);
        Assert.Equal("50%", actuals[ids[3]].Raw);
        Assert.Equal("1件", actuals[ids[4]].Raw);
        Assert.Equal("件", actuals[ids[4]].Unit);
        Assert.Equal("50%", actuals[ids[6]].Raw);
        Assert.False(actuals.ContainsKey(ids[5]));
    }

    [Fact]
    public void A_figure_with_nothing_to_count_gives_no_actual()
    {
        var id = Guid.NewGuid();
        var repeatId = Guid.NewGuid();
        var project = new ProjectForm { Indicators = [new Indicator { Id = id, Name = "参评群众满意率" }, new Indicator { Id = repeatId, Name = "重复信访件数" }] };
        var actuals = PetitionActuals.Match(project, PetitionLedger.Compute([], new DateOnly(2026, 12, 31)));
        Assert.False(actuals.ContainsKey(id));
        Assert.Equal("0件", actuals[repeatId].Raw);
    }
}
