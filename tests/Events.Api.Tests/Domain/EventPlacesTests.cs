using KimPlatform.Contracts;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Tests.Domain;

public sealed class EventPlacesTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Register_BeyondCapacity_WaitlistsInArrivalOrder()
    {
        var e = Scheduled(capacity: 2);

        var placed = Enumerable.Range(0, 4).Select(i => e.Register(Applicant(i), "token", Now)).ToArray();

        Assert.Equal([PlaceStatus.Confirmed, PlaceStatus.Confirmed, PlaceStatus.Waitlisted, PlaceStatus.Waitlisted], placed.Select(r => r.Status));
        Assert.Equal([null, null, 1, 2], placed.Select(e.WaitlistPosition));
        Assert.Equal(2, e.Raised.OfType<RegistrationWaitlisted>().Count());
    }

    [Fact]
    public void Cancel_Confirmed_PromotesTheFirstWaitlisted_AndRaisesTheVersionOnce()
    {
        var e = Scheduled(capacity: 1);
        var first = e.Register(Applicant(0), "token", Now);
        var second = e.Register(Applicant(1), "token", Now);
        var third = e.Register(Applicant(2), "token", Now);
        var version = e.Version;

        e.Cancel(first.Id, Now);

        Assert.Equal((PlaceStatus.Cancelled, PlaceStatus.Confirmed, PlaceStatus.Waitlisted), (first.Status, second.Status, third.Status));
        Assert.Equal(1, e.WaitlistPosition(third));
        Assert.Equal(version + 1, e.Version);
        var promoted = Assert.Single(e.Raised.OfType<RegistrationPromoted>());
        Assert.Equal((second.Id, (Guid?)null, version + 1), (promoted.RegistrationId, promoted.SessionId, promoted.Version));
    }

    [Fact]
    public void Cancel_Waitlisted_PromotesNobody()
    {
        var e = Scheduled(capacity: 1);
        e.Register(Applicant(0), "token", Now);
        var waiting = e.Register(Applicant(1), "token", Now);

        e.Cancel(waiting.Id, Now);

        Assert.Empty(e.Raised.OfType<RegistrationPromoted>());
    }

    [Fact]
    public void Cancel_SessionPlace_GoesToTheEarliestWaiting_NotToOneJustPromotedAtTheEvent()
    {
        var e = Scheduled(capacity: 2, sessionCapacity: 1);
        var session = e.Sessions[0].Id;
        var first = e.Register(Applicant(0, session), "token", Now);
        var second = e.Register(Applicant(1, session), "token", Now);
        var third = e.Register(Applicant(2, session), "token", Now);
        Assert.Equal([PlaceStatus.Confirmed, PlaceStatus.Waitlisted, PlaceStatus.Waitlisted], new[] { first, second, third }.Select(r => r.Sessions[0].Status));
        Assert.Equal(1, e.SessionWaitlistPosition(second, session));

        e.Cancel(first.Id, Now);

        Assert.Equal(PlaceStatus.Confirmed, third.Status);
        Assert.Equal(PlaceStatus.Confirmed, second.Sessions[0].Status);
        Assert.Equal(PlaceStatus.Waitlisted, third.Sessions[0].Status);
        Assert.Equal(1, e.SessionWaitlistPosition(third, session));
    }

    [Fact]
    public void Register_SameEmailInOtherCase_Conflicts_ButNotAfterCancelling()
    {
        var e = Scheduled(capacity: 5);
        var first = e.Register(Applicant(0) with { Email = "Amina@Example.org" }, "token", Now);

        Assert.Throws<EventConflictException>(() => e.Register(Applicant(1) with { Email = "amina@example.ORG" }, "token", Now));
        e.Cancel(first.Id, Now);
        Assert.Equal(PlaceStatus.Confirmed, e.Register(Applicant(2) with { Email = "amina@example.org" }, "token", Now).Status);
    }

    [Theory]
    [InlineData(-2, -1)]
    [InlineData(1, 2)]
    public void Register_OutsideTheWindow_IsRefused(int opensInHours, int closesInHours)
    {
        var e = Event.Schedule("kreis", "ki", Plan(5, 5) with
        {
            RegistrationOpensAt = Now.AddHours(opensInHours), RegistrationClosesAt = Now.AddHours(closesInHours),
        }, Now);

        Assert.Throws<EventRuleException>(() => e.Register(Applicant(0), "token", Now));
    }

    [Fact]
    public void CancelToken_OnlyTheIssuedOneMatches()
    {
        var registration = Scheduled(capacity: 1).Register(Applicant(0), "issued-token", Now);

        Assert.True(registration.HasCancelToken("issued-token"));
        Assert.False(registration.HasCancelToken("issued-tokeN"));
        Assert.False(registration.HasCancelToken(null));
    }

    private static Event Scheduled(int capacity, int sessionCapacity = 10) => Event.Schedule("kreis", "ki", Plan(capacity, sessionCapacity), Now);

    private static EventPlan Plan(int capacity, int sessionCapacity) => new(
        "World Café", EventFormat.WorldCafe, Now.AddDays(10), Now.AddDays(10).AddHours(6), "Stadthalle", capacity, null, null,
        [new SessionPlan("Tisch 1", sessionCapacity)], ["de"], true);

    private static Applicant Applicant(int i, params Guid[] sessions) => new(
        $"Person {i}", $"person{i}@example.org", null, ParticipantGroup.Newcomer, Needs.None, sessions, false, "consent text");
}
