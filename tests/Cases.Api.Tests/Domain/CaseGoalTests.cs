using KimPlatform.Cases.Api.Domain;
using KimPlatform.Contracts;
using static KimPlatform.Cases.Api.Tests.Domain.CaseBuilder;

namespace KimPlatform.Cases.Api.Tests.Domain;

public sealed class CaseGoalTests
{
    [Fact]
    public void AgreePlan_TwoGoals_RaisesGoalAgreedForEachWithOneVersion()
    {
        var c = InPhase(CasePhase.Assessment);
        var version = c.Version;

        c.AgreePlan([AGoal("B1"), new Goal { LifeArea = LifeArea.Work, Description = "Internship", DueDate = Today }], Now);

        Assert.Equal(version + 1, c.Version);
        var agreed = c.Events.OfType<GoalAgreed>().ToArray();
        Assert.Equal(c.Goals.Select(goal => goal.Id), agreed.Select(e => e.GoalId));
        Assert.Equal(["language", "work"], agreed.Select(e => e.LifeArea));
        Assert.All(agreed, e => Assert.Equal(c.Version, e.Version));
        Assert.All(c.Goals, goal => Assert.Equal(GoalStatus.Open, goal.Status));
    }

    [Theory]
    [InlineData(CasePhase.Plan)]
    [InlineData(CasePhase.Monitoring)]
    public void RecordGoalProgress_InPlanOrMonitoring_SetsStatusAndAppendsNote(CasePhase phase)
    {
        var c = InPhase(phase);
        var goal = c.Goals[0];
        var version = c.Version;

        c.RecordGoalProgress(goal.Id, GoalStatus.Achieved, "Passed the exam", "cm", Now);

        Assert.Equal(GoalStatus.Achieved, goal.Status);
        var note = Assert.Single(goal.Progress);
        Assert.Equal((GoalStatus.Achieved, "Passed the exam", Now, "cm"), (note.Status, note.Note, note.At, note.By));
        Assert.Equal(version + 1, c.Version);
        var progressed = Assert.Single(c.Events.OfType<GoalProgressed>());
        Assert.Equal((goal.Id, "achieved", c.Version), (progressed.GoalId, progressed.Status, progressed.Version));
    }

    [Fact]
    public void RecordGoalProgress_TwoNotes_KeepsBothInOrderAndTheLastStatus()
    {
        var c = InPhase(CasePhase.Monitoring);
        var goal = c.Goals[0];

        c.RecordGoalProgress(goal.Id, GoalStatus.Dropped, "Moved shifts", "cm", Now);
        c.RecordGoalProgress(goal.Id, GoalStatus.Open, "Back on it", "cm", Now.AddDays(7));

        Assert.Equal(GoalStatus.Open, goal.Status);
        Assert.Equal(["Moved shifts", "Back on it"], goal.Progress.Select(note => note.Note));
    }

    [Theory]
    [InlineData(CasePhase.Intake)]
    [InlineData(CasePhase.Assessment)]
    [InlineData(CasePhase.Closed)]
    public void RecordGoalProgress_OutsidePlanAndMonitoring_ThrowsConflict(CasePhase phase)
    {
        var c = InPhase(phase);
        var goalId = c.Goals.FirstOrDefault()?.Id ?? Guid.NewGuid();
        var version = c.Version;

        Assert.Throws<CaseConflictException>(() => c.RecordGoalProgress(goalId, GoalStatus.Achieved, null, "cm", Now));
        Assert.Equal(version, c.Version);
        Assert.All(c.Goals, goal => Assert.Empty(goal.Progress));
    }

    [Fact]
    public void RecordGoalProgress_UnknownGoal_ThrowsPartNotFound()
    {
        var c = InPhase(CasePhase.Plan);
        var version = c.Version;

        Assert.Throws<CasePartNotFoundException>(() => c.RecordGoalProgress(Guid.NewGuid(), GoalStatus.Achieved, null, "cm", Now));
        Assert.Equal(version, c.Version);
    }
}
