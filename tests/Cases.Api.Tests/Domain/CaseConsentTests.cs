using KimPlatform.Cases.Api.Domain;
using KimPlatform.Contracts;
using static KimPlatform.Cases.Api.Tests.Domain.CaseBuilder;

namespace KimPlatform.Cases.Api.Tests.Domain;

public sealed class CaseConsentTests
{
    private const string Partner = "jobcenter-guetersloh";
    private static readonly Guid Offer = Guid.CreateVersion7();

    [Fact]
    public void GiveConsent_OpenCase_KeepsItAndRaisesConsentGiven()
    {
        var c = InPhase(CasePhase.Assessment);
        var version = c.Version;

        var consent = c.GiveConsent(AConsent(kind: OrganisationKind.Jobcenter, categories: [DataCategory.Identity, DataCategory.Needs]), Now);

        Assert.Same(consent, Assert.Single(c.Consents));
        Assert.Equal(version + 1, c.Version);
        var given = Assert.Single(c.Events.OfType<ConsentGiven>());
        Assert.Equal((consent.Id, c.Version), (given.ConsentId, given.Version));
        Assert.Equal("jobcenter", Assert.Single(given.Recipients).OrganisationKind);
        Assert.Equal(["identity", "needs"], given.DataCategories);
    }

    [Theory]
    [InlineData(Partner, null, Partner, null, true)]
    [InlineData(Partner, null, "caritas-guetersloh", null, false)]
    [InlineData(null, OrganisationKind.Jobcenter, Partner, OrganisationKind.Jobcenter, true)]
    [InlineData(null, OrganisationKind.Jobcenter, "caritas-guetersloh", OrganisationKind.Welfare, false)]
    [InlineData(null, OrganisationKind.Jobcenter, Partner, null, false)]
    public void Covers_RecipientByOrganisationOrKind_MatchesOnlyThatOrganisationOrKind(
        string? namedOrganisation, OrganisationKind? namedKind, string partner, OrganisationKind? partnerKind, bool covered)
    {
        var consent = AConsent(namedOrganisation, namedKind);

        Assert.Equal(covered, consent.Covers(partner, partnerKind));
    }

    [Theory]
    [InlineData(null, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(-1, 0, false)]
    [InlineData(30, 31, false)]
    public void IsValidOn_ValidUntil_IncludesTheLastDayOnly(int? validForDays, int daysLater, bool valid)
    {
        var consent = AConsent(validUntil: validForDays is { } days ? Today.AddDays(days) : null);

        Assert.Equal(valid, consent.IsValidOn(Today.AddDays(daysLater)));
    }

    [Fact]
    public void RequestReferral_ConsentNamingThePartner_AddsReferralAndRaisesReferralRequested()
    {
        var c = InPhase(CasePhase.Assessment);
        var consent = c.GiveConsent(AConsent(Partner), Now);
        var version = c.Version;

        var referral = c.RequestReferral(Offer, Partner, null, null, "Please call her", Now);

        Assert.Same(referral, Assert.Single(c.Referrals));
        Assert.Equal((ReferralStatus.Requested, consent.Id, Offer), (referral.Status, referral.ConsentId, referral.OfferId));
        Assert.Equal(version + 1, c.Version);
        var requested = Assert.Single(c.Events.OfType<ReferralRequested>());
        Assert.Equal((referral.Id, Partner, Organisation, c.Version), (requested.ReferralId, requested.PartnerOrganisationId,
            requested.ReferringOrganisationId, requested.Version));
    }

    [Fact]
    public void RequestReferral_ConsentNamingThePartnersKind_Covers()
    {
        var c = InPhase(CasePhase.Assessment);
        var consent = c.GiveConsent(AConsent(kind: OrganisationKind.Jobcenter), Now);

        var referral = c.RequestReferral(Offer, Partner, OrganisationKind.Jobcenter, null, null, Now);

        Assert.Equal(consent.Id, referral.ConsentId);
    }

    [Fact]
    public void RequestReferral_ShareIdentityAndNeedsOnly_EventCarriesExactlyThose()
    {
        var c = InPhase(CasePhase.Assessment);
        c.GiveConsent(AConsent(Partner, categories: [DataCategory.Identity, DataCategory.Needs]), Now);

        c.RequestReferral(Offer, Partner, null, null, null, Now);

        var requested = Assert.Single(c.Events.OfType<ReferralRequested>());
        Assert.Equal(new ReferredPerson("Olena", "Kovalenko", new DateOnly(1988, 4, 12)), requested.Person);
        Assert.Equal("language", Assert.Single(requested.Needs!).LifeArea);
        Assert.Null(requested.ResidenceStatus);
        Assert.Null(requested.Languages);
        Assert.Null(requested.Household);
        Assert.Null(requested.Goals);
    }

    [Fact]
    public void RequestReferral_ShareHouseholdOnly_EventHasNoPerson()
    {
        var c = InPhase(CasePhase.Assessment);
        c.GiveConsent(AConsent(Partner, categories: [DataCategory.Household]), Now);

        c.RequestReferral(Offer, Partner, null, null, null, Now);

        var requested = Assert.Single(c.Events.OfType<ReferralRequested>());
        Assert.Null(requested.Person);
        Assert.Equal("Marta", Assert.Single(requested.Household!).GivenName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RequestReferral_Note_GoesOutOnlyUnderCategoryNote(bool noteCovered)
    {
        var c = InPhase(CasePhase.Assessment);
        c.GiveConsent(AConsent(Partner, categories: noteCovered ? [DataCategory.Identity, DataCategory.Note] : [DataCategory.Identity]), Now);

        var referral = c.RequestReferral(Offer, Partner, null, null, "Afraid of offices since her arrival", Now);

        var requested = Assert.Single(c.Events.OfType<ReferralRequested>());
        Assert.Equal(noteCovered ? "Afraid of offices since her arrival" : null, requested.Note);
        Assert.Equal("Afraid of offices since her arrival", referral.Note);
    }

    public static TheoryData<string> UncoveredReasons() => ["no consent", "other organisation", "kind unknown", "expired", "withdrawn", "named consent for another partner"];

    [Theory]
    [MemberData(nameof(UncoveredReasons))]
    public void RequestReferral_NoValidCoveringConsent_ThrowsRuleAndAddsNothing(string reason)
    {
        var c = InPhase(CasePhase.Assessment);
        Guid? named = null;
        switch (reason)
        {
            case "other organisation":
                c.GiveConsent(AConsent("caritas-guetersloh"), Now);
                break;
            case "kind unknown":
                c.GiveConsent(AConsent(kind: OrganisationKind.Jobcenter), Now);
                break;
            case "expired":
                c.GiveConsent(AConsent(Partner, validUntil: Today.AddDays(-1)), Now);
                break;
            case "withdrawn":
                c.WithdrawConsent(c.GiveConsent(AConsent(Partner), Now).Id, Now);
                break;
            case "named consent for another partner":
                c.GiveConsent(AConsent(Partner), Now);
                named = c.GiveConsent(AConsent("caritas-guetersloh"), Now).Id;
                break;
        }

        var version = c.Version;

        var refused = Assert.Throws<CaseRuleException>(() => c.RequestReferral(Offer, Partner, null, named, null, Now));

        Assert.Contains("missingConsent", refused.Details.Keys);
        Assert.Empty(c.Referrals);
        Assert.Equal(version, c.Version);
        Assert.Empty(c.Events.OfType<ReferralRequested>());
    }

    [Fact]
    public void RequestReferral_ClosedCase_ThrowsConflict()
    {
        var c = InPhase(CasePhase.Monitoring);
        c.GiveConsent(AConsent(Partner), Now);
        c.Close(CloseReason.GoalsAchieved, CloseOutcome.Achieved, Now);

        Assert.Throws<CaseConflictException>(() => c.RequestReferral(Offer, Partner, null, null, null, Now));
    }

    [Fact]
    public void RequestReferral_UnknownConsentNamed_ThrowsPartNotFound()
    {
        var c = InPhase(CasePhase.Assessment);
        c.GiveConsent(AConsent(Partner), Now);

        Assert.Throws<CasePartNotFoundException>(() => c.RequestReferral(Offer, Partner, null, Guid.NewGuid(), null, Now));
    }

    [Fact]
    public void WithdrawConsent_GivenConsent_StampsItAndNamesTheReferralsThatReliedOnIt()
    {
        var c = InPhase(CasePhase.Assessment);
        var consent = c.GiveConsent(AConsent(Partner), Now);
        var referral = c.RequestReferral(Offer, Partner, null, null, null, Now);
        var version = c.Version;

        c.WithdrawConsent(consent.Id, Now.AddDays(1));

        Assert.Equal(Now.AddDays(1), consent.WithdrawnAt);
        Assert.False(consent.IsValidOn(Today));
        Assert.Equal(version + 1, c.Version);
        var withdrawn = Assert.Single(c.Events.OfType<ConsentWithdrawn>());
        Assert.Equal([referral.Id], withdrawn.ReferralIds);
        Assert.Equal(Partner, Assert.Single(withdrawn.Recipients).OrganisationId);
    }

    [Fact]
    public void WithdrawConsent_Twice_ThrowsConflict()
    {
        var c = InPhase(CasePhase.Assessment);
        var consent = c.GiveConsent(AConsent(Partner), Now);
        c.WithdrawConsent(consent.Id, Now);
        var version = c.Version;

        Assert.Throws<CaseConflictException>(() => c.WithdrawConsent(consent.Id, Now.AddDays(1)));
        Assert.Equal((Now, version), (consent.WithdrawnAt, c.Version));
    }

    [Fact]
    public void WithdrawConsent_ClosedCase_IsStillPossible()
    {
        var c = InPhase(CasePhase.Monitoring);
        var consent = c.GiveConsent(AConsent(Partner), Now);
        c.Close(CloseReason.GoalsAchieved, CloseOutcome.Achieved, Now);

        c.WithdrawConsent(consent.Id, Now);

        Assert.NotNull(consent.WithdrawnAt);
    }

    [Fact]
    public void WithdrawConsent_UnknownConsent_ThrowsPartNotFound()
    {
        var c = InPhase(CasePhase.Assessment);

        Assert.Throws<CasePartNotFoundException>(() => c.WithdrawConsent(Guid.NewGuid(), Now));
    }
}
