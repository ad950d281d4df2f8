namespace KimPlatform.Events.Api.Domain;

/// <summary>What a participant needs to take part, so interpreters, access and childcare can be planned.</summary>
public sealed record Needs(string? InterpreterLanguage, string? Accessibility, bool Childcare)
{
    public static readonly Needs None = new(null, null, false);
}
