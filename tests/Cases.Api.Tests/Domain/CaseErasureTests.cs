using KimPlatform.Cases.Api.Domain;
using KimPlatform.Contracts;
using static KimPlatform.Cases.Api.Tests.Domain.CaseBuilder;

namespace KimPlatform.Cases.Api.Tests.Domain;

public sealed class CaseErasureTests
{
    private const string Partner = "jobcenter-guetersloh";

    /// <summary>A case in monitoring with something in every part that holds free text.</summary>
    private static Case Worked()
    {
        var c = InPhase(CasePhase.Monitoring);
        c.RecordGoalProgress(c.Goals[0].Id, GoalStatus.Open, "Started the course", "cm", Now);
        c.LogContact(Today, ContactChannel.InPerson, "Talked about the course", "cm", Now);
        c.GiveConsent(AConsent(Partner), Now);
        c.RequestReferral(Guid.CreateVersion7(), Partner, null, null, "She prefers mornings", Now);
        c.ReportFinding(LifeArea.Language, "courses", "No evening courses", Now);
        return c;
    }

    [Fact]
    public void Erase_WorkedCase_RemovesThePersonAndEveryFreeText()
    {
        var c = Worked();

        c.Erase("request", Now);

        Assert.Equal((null, null, null, null), (c.Person, c.FoldedName, c.NameKeys, c.BirthDate));
        Assert.Equal(Now, c.ErasedAt);
        Assert.True(c.IsErased);
        Assert.All(c.Needs, need => Assert.Equal("", need.Description));
        Assert.All(c.Goals, goal => Assert.Equal("", goal.Description));
        Assert.All(c.Goals.SelectMany(goal => goal.Progress), note => Assert.Null(note.Note));
        Assert.All(c.Contacts, contact => Assert.Null(contact.Note));
        Assert.All(c.Referrals, referral => Assert.Null(referral.Note));
        Assert.All(c.Consents, consent => Assert.Equal(("", "", ""), (consent.Purpose, consent.Title, consent.Text)));
    }

    [Fact]
    public void Erase_WorkedCase_KeepsTheAnonymousSkeleton()
    {
        var c = Worked();

        c.Erase("request", Now);

        Assert.Equal(("Rietberg", "27-44", ResidenceStatus.TemporaryProtection, Reachability.Medium),
            (c.Municipality, c.AgeBand, c.ResidenceStatus, c.Reachability));
        Assert.Equal([TargetGroup.Women, TargetGroup.Families], c.TargetGroups);
        Assert.Equal(LifeArea.Language, Assert.Single(c.Goals).LifeArea);
        Assert.Equal(ReferralStatus.Requested, Assert.Single(c.Referrals).Status);
        Assert.Equal(Partner, Assert.Single(Assert.Single(c.Consents).Recipients).OrganisationId);
        Assert.Equal("No evening courses", Assert.Single(c.Findings).Description);
    }

    [Fact]
    public void Erase_OpenCase_ClosesAsErasedWithPhaseChangedClosedAndErasedAtOneVersion()
    {
        var c = InPhase(CasePhase.Plan);
        var version = c.Version;
        var events = c.Events.Count;

        c.Erase("retention", Now);

        Assert.Equal((CasePhase.Closed, CloseReason.Erased, CloseOutcome.NotAchieved, Now), (c.Phase, c.CloseReason, c.CloseOutcome, c.ClosedAt));
        Assert.Equal(version + 1, c.Version);
        var raised = c.Events.Skip(events).ToArray();
        Assert.Collection(raised,
            e => Assert.Equal(("plan", "closed", c.Version), (((CasePhaseChanged)e).FromPhase, ((CasePhaseChanged)e).ToPhase, ((CasePhaseChanged)e).Version)),
            e => Assert.Equal(("erased", "not-achieved", c.Version), (((CaseClosed)e).Reason, ((CaseClosed)e).Outcome, ((CaseClosed)e).Version)),
            e => Assert.Equal(("retention", c.Version), (((CaseErased)e).Cause, ((CaseErased)e).Version)));
    }

    [Fact]
    public void Erase_ClosedCase_KeepsItsClosingAndRaisesOnlyCaseErased()
    {
        var c = InPhase(CasePhase.Closed);
        var events = c.Events.Count;

        c.Erase("request", Now.AddDays(1));

        Assert.Equal((CloseReason.GoalsAchieved, CloseOutcome.Achieved, Now), (c.CloseReason, c.CloseOutcome, c.ClosedAt));
        Assert.IsType<CaseErased>(Assert.Single(c.Events.Skip(events)));
    }

    [Fact]
    public void Erase_Twice_ThrowsConflict()
    {
        var c = InPhase(CasePhase.Closed);
        c.Erase("request", Now);
        var version = c.Version;

        Assert.Throws<CaseConflictException>(() => c.Erase("request", Now));
        Assert.Equal(version, c.Version);
    }

    [Theory]
    [InlineData("reopen")]
    [InlineData("withdraw")]
    [InlineData("contact")]
    public void Change_ErasedCase_ThrowsConflict(string change)
    {
        var c = InPhase(CasePhase.Monitoring);
        var consent = c.GiveConsent(AConsent(Partner), Now);
        c.Erase("request", Now);
        var version = c.Version;
        Action apply = change switch
        {
            "reopen" => () => c.Reopen(Now),
            "withdraw" => () => c.WithdrawConsent(consent.Id, Now),
            _ => () => c.LogContact(Today, ContactChannel.Phone, null, "cm", Now),
        };

        Assert.Throws<CaseConflictException>(apply);
        Assert.Equal((CasePhase.Closed, version), (c.Phase, c.Version));
    }
}
