namespace KimPlatform.Messaging.Tests;

/// <summary>These tests stop and start the shared broker, so they never run beside each other.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection
{
    public const string Name = "broker";
}
