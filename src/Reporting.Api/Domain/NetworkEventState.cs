using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>A Veranstaltung as reporting counts it: its format and the month it takes place in.</summary>
public sealed class NetworkEventState
{
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public Guid Id { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [NotPersonalData("format of a network event")]
    public required string Format { get; set; }
    [NotPersonalData("month of a network event")]
    public DateOnly Month { get; set; }
}
