using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Tests.Domain;

public sealed class OrganisationAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static OrganisationDetails Details(OrganisationKind kind) =>
        new("Caritas", kind, [LegalDomain.SgbII, LegalDomain.SgbII], null, [], ["de", "ar"]);

    [Fact]
    public void Change_NewKind_RaisesVersionOnceAndAnnouncesTheKindInBothEvents()
    {
        var organisation = Organisation.Register("kreis", "caritas", Details(OrganisationKind.Welfare), Now);

        organisation.Change(Details(OrganisationKind.MigrantOrganisation), Now);

        Assert.Equal(2, organisation.Version);
        Assert.Equal([LegalDomain.SgbII], organisation.LegalDomains);
        var changed = Assert.IsType<OrganisationChanged>(organisation.Events[^1]);
        Assert.Equal(("migrant-organisation", 2L), (changed.Kind, changed.Version));
        Assert.Equal("migrant-organisation", Assert.IsType<OrganisationRegistered>(organisation.Events[^2]).Kind);
    }
}
