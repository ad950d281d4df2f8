using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

/// <summary>
/// A partner organisation of a tenant, identified by its stable lowercase key. Every change goes through
/// <see cref="Change"/>: it raises the version once and queues <see cref="OrganisationChanged"/>.
/// </summary>
public sealed class Organisation
{
    private readonly List<IntegrationEvent> _events = [];
    private readonly List<OrganisationContact> _contacts = [];

    private Organisation()
    {
    }

    [NotPersonalData("an organisation of the network, not a person")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("an organisation of the network, not a person")]
    public string Id { get; private set; } = "";
    [NotPersonalData("an organisation of the network, not a person")]
    public string Name { get; private set; } = "";
    [NotPersonalData("an organisation of the network, not a person")]
    public OrganisationKind Kind { get; private set; }
    [NotPersonalData("an organisation of the network, not a person")]
    public IReadOnlyList<LegalDomain> LegalDomains { get; private set; } = [];
    [NotPersonalData("an organisation of the network, not a person")]
    public PostalAddress? Address { get; private set; }
    public IReadOnlyList<OrganisationContact> Contacts => _contacts.AsReadOnly();
    [NotPersonalData("an organisation of the network, not a person")]
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public long Version { get; private set; }
    [NotPersonalData("an organisation of the network, not a person")]
    public DateTimeOffset RegisteredAt { get; private set; }
    [NotPersonalData("an organisation of the network, not a person")]
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The events the last operation raised, for the outbox.</summary>
    public IReadOnlyList<IntegrationEvent> Events => _events.AsReadOnly();

    public static Organisation Register(string tenantId, string id, OrganisationDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var organisation = new Organisation { TenantId = tenantId, Id = id, RegisteredAt = now };
        organisation.Apply(details, now);
        organisation._events.Add(organisation.Registered(now));
        return organisation;
    }

    /// <summary>
    /// Also raises <see cref="OrganisationRegistered"/>, which the contract describes as "registered or changed": the
    /// case service keeps its copy of names and kinds from it.
    /// </summary>
    public void Change(OrganisationDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
        _events.Add(Registered(now));
        _events.Add(new OrganisationChanged
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, OrganisationId = Id,
            Name = Name, Kind = ContractValue.Of(Kind), LegalDomains = LegalDomains.Select(ContractValue.Of).ToArray(),
        });
    }

    private OrganisationRegistered Registered(DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, OrganisationId = Id, Name = Name,
        Kind = ContractValue.Of(Kind), LegalDomains = LegalDomains.Select(ContractValue.Of).ToArray(),
    };

    private void Apply(OrganisationDetails details, DateTimeOffset now)
    {
        Name = details.Name;
        Kind = details.Kind;
        LegalDomains = details.LegalDomains.Distinct().ToArray();
        Address = details.Address;
        _contacts.Clear();
        _contacts.AddRange(details.Contacts);
        Languages = details.Languages.Distinct().ToArray();
        ChangedAt = now;
        Version++;
    }
}

/// <summary>Everything about an organisation that a coordinator sets (all but its key).</summary>
public sealed record OrganisationDetails(
    string Name, OrganisationKind Kind, IReadOnlyList<LegalDomain> LegalDomains, PostalAddress? Address,
    IReadOnlyList<OrganisationContact> Contacts, IReadOnlyList<string> Languages);
