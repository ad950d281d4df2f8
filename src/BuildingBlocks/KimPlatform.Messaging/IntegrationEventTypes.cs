using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using KimPlatform.Contracts;

namespace KimPlatform.Messaging;

/// <summary>Maps the type names stored in the outbox back to the contract types.</summary>
public static class IntegrationEventTypes
{
    /// <summary>How events are stored in the outbox.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> ByName = typeof(IntegrationEvent).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IntegrationEvent).IsAssignableFrom(type))
        .ToFrozenDictionary(type => type.Name, StringComparer.Ordinal);

    /// <summary>The contract type of that name.</summary>
    public static Type Resolve(string name) =>
        TryResolve(name, out var type)
            ? type
            : throw new InvalidOperationException($"'{name}' is not an integration event of KimPlatform.Contracts.");

    /// <summary>The contract type of that name, if there is one.</summary>
    public static bool TryResolve(string name, [NotNullWhen(true)] out Type? type) => ByName.TryGetValue(name, out type);
}
