using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Tests.Domain;

public sealed class ReferralAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static Referral Received() => Referral.Receive(new ReferralRequested
    {
        EventId = Guid.NewGuid(), TenantId = "kreis", OccurredAt = Now, Version = 4, CaseId = Guid.NewGuid(), ReferralId = Guid.NewGuid(),
        OfferId = Guid.NewGuid(), PartnerOrganisationId = "caritas", ReferringOrganisationId = "kim", ConsentId = Guid.NewGuid(),
        DataCategories = ["identity"], Municipality = "Verl", Person = new ReferredPerson("Olena", "Kovalenko", new DateOnly(1988, 4, 12)),
        Note = "ruft an",
    }, Now);

    [Fact]
    public void Complete_BeforeAccept_IsAConflict()
    {
        var referral = Received();

        Assert.Throws<StatusConflictException>(() => referral.Complete("done", Now));
        Assert.Equal(1, referral.Version);
        Assert.Empty(referral.Events);
    }

    [Fact]
    public void Redact_AfterDecline_KeepsTheStatusAndDropsEverythingPersonal()
    {
        var referral = Received();
        referral.Decline("Olena ist verzogen", Now);

        referral.Redact(ReferralRedaction.CaseErased, Now);

        Assert.Equal(ReferralStatus.Declined, referral.Status);
        Assert.Null(referral.Shared);
        Assert.Null(referral.DeclineReason);
        Assert.Equal(ReferralRedaction.CaseErased, referral.Redaction);
        Assert.Equal(3, referral.Version);
    }
}
