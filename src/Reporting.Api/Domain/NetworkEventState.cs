namespace KimPlatform.Reporting.Api.Domain;

/// <summary>A Veranstaltung as reporting counts it: its format and the month it takes place in.</summary>
public sealed class NetworkEventState
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string Format { get; set; }
    public DateOnly Month { get; set; }
}
