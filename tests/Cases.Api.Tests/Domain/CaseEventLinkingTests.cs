using KimPlatform.Cases.Api.Domain;
using static KimPlatform.Cases.Api.Tests.Domain.CaseBuilder;

namespace KimPlatform.Cases.Api.Tests.Domain;

/// <summary>The case gives the event service the person's e-mail address only while a consent lets it link registrations.</summary>
public sealed class CaseEventLinkingTests
{
    private const string Email = "olena@example.org";

    [Theory]
    [InlineData(true, false, Email)]
    [InlineData(false, false, null)]
    [InlineData(true, true, null)]
    public void LinkedEmail_DependsOnAValidConsentNamingEventRegistrations(bool consented, bool withdrawn, string? linked)
    {
        var c = Case.Open(Tenant, Organisation, CaseManager, WithEmail(), [TargetGroup.Women], Reachability.Medium, Now);
        var consent = c.GiveConsent(AConsent(categories: consented ? [DataCategory.EventRegistrations] : [DataCategory.Identity]), Now);
        if (withdrawn)
        {
            c.WithdrawConsent(consent.Id, Now);
        }

        Assert.Equal(linked, c.LinkedEmail(Today));
    }

    [Fact]
    public void LinkedEmail_ConsentButNoEmail_IsNull()
    {
        var c = Opened();
        c.GiveConsent(AConsent(categories: [DataCategory.EventRegistrations]), Now);

        Assert.Null(c.LinkedEmail(Today));
    }

    [Fact]
    public void LinkedEmail_AfterErasure_IsNull()
    {
        var c = Case.Open(Tenant, Organisation, CaseManager, WithEmail(), [TargetGroup.Women], Reachability.Medium, Now);
        c.GiveConsent(AConsent(categories: [DataCategory.EventRegistrations]), Now);

        c.Erase("request", Now);

        Assert.Null(c.LinkedEmail(Today));
    }

    private static Person WithEmail()
    {
        var person = APerson();
        return new Person
        {
            GivenName = person.GivenName, FamilyName = person.FamilyName, BirthDate = person.BirthDate, Languages = person.Languages,
            ResidenceStatus = person.ResidenceStatus, Municipality = person.Municipality, Email = Email,
        };
    }
}
