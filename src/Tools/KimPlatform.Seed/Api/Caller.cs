namespace KimPlatform.Seed.Api;

/// <summary>Someone acting on the platform: a signed-in member of an organisation, or the public (no token).</summary>
internal sealed record Caller(string? Token, string Organisation, string Subject)
{
    public static Caller Public { get; } = new(null, "", "anonymous");
}
