namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// The pseudonymous key of an erased case: late events of it are dropped instead of waiting for ever. It is all that
/// remains of the case in reporting besides the aggregate counters.
/// </summary>
public sealed class ErasedKey
{
    public Guid Key { get; set; }
    public required string TenantId { get; set; }
}
