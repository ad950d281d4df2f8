using System.Net;
using System.Text.Json;

namespace KimPlatform.Seed.Api;

/// <summary>One answer of the platform: its status, its JSON body (undefined when empty) and its ETag.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, JsonElement Body, string? ETag)
{
    public Guid Id => Body.GetProperty("id").GetGuid();

    public string Text(string property) => Body.GetProperty(property).GetString() ?? "";
}

/// <summary>The platform refused a call the seed relies on; the message names the call and the answer.</summary>
public sealed class SeedException(string message) : Exception(message);
