using KimPlatform.Cases.Api.Domain;
using KimPlatform.Contracts;
using static KimPlatform.Cases.Api.Tests.Domain.CaseBuilder;

namespace KimPlatform.Cases.Api.Tests.Domain;

public sealed class CasePhaseTests
{
    public static TheoryData<CasePhase, string> LegalMoves()
    {
        var data = new TheoryData<CasePhase, string>();
        foreach (var (name, move) in Moves)
        {
            data.Add(move.From, name);
        }

        return data;
    }

    public static TheoryData<CasePhase, string> IllegalMoves()
    {
        var data = new TheoryData<CasePhase, string>();
        foreach (var phase in Enum.GetValues<CasePhase>())
        {
            foreach (var (name, move) in Moves.Where(move => move.Value.From != phase))
            {
                data.Add(phase, name);
            }
        }

        return data;
    }

    [Fact]
    public void Open_NewPerson_IsInIntakeAtVersionOneWithCaseOpened()
    {
        var opened = Opened();

        Assert.Equal(CasePhase.Intake, opened.Phase);
        Assert.Equal(1, opened.Version);
        Assert.Equal(CaseManager, opened.AssignedCaseManagerId);
        var raised = Assert.IsType<CaseOpened>(Assert.Single(opened.Events));
        Assert.Equal((opened.Id, 1L, "Rietberg", "27-44", "temporary-protection", "medium"),
            (raised.CaseId, raised.Version, raised.Municipality, raised.AgeBand, raised.ResidenceStatus, raised.Reachability));
        Assert.Equal(["women", "families"], raised.TargetGroups);
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Move_FromItsPhase_ReachesNextPhaseWithOneVersionAndPhaseChanged(CasePhase from, string move)
    {
        var c = InPhase(from);
        var version = c.Version;
        var events = c.Events.Count;

        Moves[move].Apply(c);

        Assert.Equal(Moves[move].To, c.Phase);
        Assert.Equal(version + 1, c.Version);
        var changed = Assert.Single(c.Events.Skip(events).OfType<CasePhaseChanged>());
        Assert.Equal((ContractValue.Of(from), ContractValue.Of(Moves[move].To), version + 1), (changed.FromPhase, changed.ToPhase, changed.Version));
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Move_FromAnyOtherPhase_ThrowsConflictAndChangesNothing(CasePhase phase, string move)
    {
        var c = InPhase(phase);
        var version = c.Version;
        var events = c.Events.Count;

        Assert.Throws<CaseConflictException>(() => Moves[move].Apply(c));

        Assert.Equal((phase, version, events), (c.Phase, c.Version, c.Events.Count));
    }

    [Fact]
    public void Close_FromMonitoring_RecordsReasonAndRaisesCaseClosedWithTheChangesVersion()
    {
        var c = InPhase(CasePhase.Monitoring);

        c.Close(CloseReason.MovedAway, CloseOutcome.PartiallyAchieved, Now);

        Assert.Equal((Now, CloseReason.MovedAway, CloseOutcome.PartiallyAchieved), (c.ClosedAt, c.CloseReason, c.CloseOutcome));
        var closed = Assert.Single(c.Events.OfType<CaseClosed>());
        Assert.Equal(("moved-away", "partially-achieved", c.Version), (closed.Reason, closed.Outcome, closed.Version));
    }

    [Fact]
    public void Reopen_ClosedCase_ClearsTheClosingAndRaisesCaseReopened()
    {
        var c = InPhase(CasePhase.Closed);

        c.Reopen(Now);

        Assert.Equal((CasePhase.Monitoring, null, null, null), (c.Phase, c.ClosedAt, c.CloseReason, c.CloseOutcome));
        Assert.Equal(c.Version, Assert.Single(c.Events.OfType<CaseReopened>()).Version);
    }

    [Fact]
    public void RecordAssessment_FromIntake_KeepsTheNeeds()
    {
        var c = Opened();

        c.RecordAssessment([ANeed("Language course"), new Need { LifeArea = LifeArea.Housing, Description = "Flat" }], Now);

        Assert.Equal([LifeArea.Language, LifeArea.Housing], c.Needs.Select(need => need.LifeArea));
    }

    [Fact]
    public void LogContact_OpenCase_AddsContactAndRaisesVersion()
    {
        var c = InPhase(CasePhase.Assessment);
        var version = c.Version;

        var contact = c.LogContact(Today, ContactChannel.Phone, "Called", "cm", Now);

        Assert.Same(contact, Assert.Single(c.Contacts));
        Assert.Equal(version + 1, c.Version);
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("assign")]
    [InlineData("consent")]
    public void Change_ClosedCase_ThrowsConflict(string change)
    {
        var c = InPhase(CasePhase.Closed);
        Action<Case> apply = change switch
        {
            "contact" => x => x.LogContact(Today, ContactChannel.Phone, null, "cm", Now),
            "assign" => x => x.Assign("someone-else", Now),
            _ => x => x.GiveConsent(AConsent(), Now),
        };

        Assert.Throws<CaseConflictException>(() => apply(c));
        Assert.Empty(c.Contacts);
        Assert.Empty(c.Consents);
        Assert.Equal(CaseManager, c.AssignedCaseManagerId);
    }

    [Fact]
    public void ReportFinding_ClosedCase_IsRecordedWithoutPersonalData()
    {
        var c = InPhase(CasePhase.Closed);

        c.ReportFinding(LifeArea.Language, "courses", "No evening courses", Now);

        Assert.Single(c.Findings);
        var reported = Assert.Single(c.Events.OfType<StructuralFindingReported>());
        Assert.Equal(("language", "courses", "Rietberg"), (reported.LifeArea, reported.Theme, reported.Municipality));
    }

    [Fact]
    public void Needs_FromOutside_CannotBeChanged()
    {
        var c = InPhase(CasePhase.Assessment);

        Assert.Throws<NotSupportedException>(() => ((ICollection<Need>)c.Needs).Add(ANeed()));
        Assert.Throws<NotSupportedException>(() => ((ICollection<Consent>)c.Consents).Add(AConsent()));
        Assert.Single(c.Needs);
    }
}
