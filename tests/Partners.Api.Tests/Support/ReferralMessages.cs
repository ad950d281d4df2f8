using KimPlatform.Contracts;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Partners.Api.Tests.Support;

/// <summary>Case-service events as the case service publishes them, and the wait until the partner service has consumed one.</summary>
internal static class ReferralMessages
{
    /// <summary>A referral with identity, needs and a note; the names carry a marker no other test uses.</summary>
    public static ReferralRequested Requested(string tenant, string partner, string marker) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 3,
        CaseId = Guid.CreateVersion7(), ReferralId = Guid.CreateVersion7(), OfferId = Guid.CreateVersion7(),
        PartnerOrganisationId = partner, ReferringOrganisationId = "kreis-kim", ConsentId = Guid.CreateVersion7(),
        DataCategories = ["identity", "needs", "languages"], Municipality = "Rietberg",
        Person = new ReferredPerson($"Amina{marker}", $"Haddad{marker}", new DateOnly(1940, 1, 1).AddDays(Random.Shared.Next(20_000))),
        Languages = ["ar", "de"],
        Needs = [new ReferredNeed("language", $"Kinderbetreuung während des Kurses {marker}")],
        Note = $"Bitte rückrufen {marker}",
    };

    /// <summary>The personal values a referral made by <see cref="Requested"/> carries, as they would be stored.</summary>
    public static string[] PersonalValues(ReferralRequested requested) =>
    [
        requested.Person!.GivenName, requested.Person.FamilyName, requested.Needs![0].Description, requested.Note!,
        requested.Person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    ];

    /// <summary>
    /// Publishes an event on the real broker with its event id as message id, and waits for the inbox row the
    /// partner service writes in the same transaction as the event's effects.
    /// </summary>
    public static async Task PublishAndAwaitInboxAsync<TEvent>(this PartnersApiFactory factory, TEvent message, Guid? messageId = null)
        where TEvent : IntegrationEvent
    {
        var id = messageId ?? message.EventId;
        await factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        var consumed = await Eventually.GetAsync(
            () => factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", id), count => count > 0);
        Assert.True(consumed > 0, $"{typeof(TEvent).Name} {id} was not consumed.");
    }
}
