using KimPlatform.Contracts;

namespace KimPlatform.Messaging.Tests;

/// <summary>Every integration event has the one service that may send it; a new event without an owner would be refused by every consumer.</summary>
public sealed class IntegrationEventOwnersTests
{
    public static TheoryData<string> EventTypes() => [.. typeof(IntegrationEvent).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IntegrationEvent).IsAssignableFrom(type))
        .Select(type => type.Name)];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Of_EveryIntegrationEvent_NamesTheServiceOfItsContractFile(string name)
    {
        var owner = IntegrationEventOwners.Of(IntegrationEventTypes.Resolve(name));

        Assert.Contains(owner, new[] { "cases", "partners", "events", "reporting" });
    }
}
