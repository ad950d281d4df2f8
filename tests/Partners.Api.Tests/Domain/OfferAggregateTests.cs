using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Tests.Domain;

public sealed class OfferAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static OfferDetails Details(bool published, params (string Language, string Title)[] texts) => new(
        texts.Select(t => new OfferText { Language = t.Language, Title = t.Title, Description = t.Title + " …" }).ToList(),
        ["language"], [TargetGroup.Women], ["de"], ["Rietberg"], null, true, [], null, null, null, published);

    [Fact]
    public void Change_PublishedToUnpublished_RaisesVersionOnceAndOfferWithdrawn()
    {
        var offer = Offer.Create("kreis", "caritas", Details(true, ("de", "Sprachkurs")), Now);

        offer.Change(Details(false, ("de", "Sprachkurs")), Now);

        Assert.Equal(2, offer.Version);
        Assert.IsType<OfferPublished>(offer.Events[0]);
        var withdrawn = Assert.IsType<OfferWithdrawn>(offer.Events[1]);
        Assert.Equal(2, withdrawn.Version);
    }

    [Fact]
    public void Create_Unpublished_RaisesNoEvent()
    {
        var offer = Offer.Create("kreis", "caritas", Details(false, ("de", "Sprachkurs")), Now);

        Assert.Empty(offer.Events);
        Assert.Equal(1, offer.Version);
    }

    [Fact]
    public void TextIn_MissingLanguage_FallsBackToGerman()
    {
        var offer = Offer.Create("kreis", "caritas", Details(true, ("de", "Sprachkurs"), ("ar", "دورة")), Now);

        Assert.Equal("de", offer.TextIn("uk").Language);
        Assert.Equal("ar", offer.TextIn("ar").Language);
    }
}
