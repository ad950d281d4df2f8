using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

/// <summary>
/// An offer of a partner organisation, described in several languages (German always). Every change raises the
/// version once; becoming or staying published raises <see cref="OfferPublished"/>, leaving the directory
/// <see cref="OfferWithdrawn"/>.
/// </summary>
public sealed class Offer
{
    public const string DefaultLanguage = "de";

    private readonly List<IntegrationEvent> _events = [];
    private readonly List<OfferText> _texts = [];
    private readonly List<OpeningHours> _schedule = [];

    private Offer()
    {
    }

    [NotPersonalData("a public offer of an organisation, not about a person")]
    public Guid Id { get; private set; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string OrganisationId { get; private set; } = "";
    public IReadOnlyList<OfferText> Texts => _texts.AsReadOnly();
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public IReadOnlyList<string> Topics { get; private set; } = [];
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public IReadOnlyList<TargetGroup> TargetGroups { get; private set; } = [];
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public IReadOnlyList<string> Languages { get; private set; } = [];
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public IReadOnlyList<string> Municipalities { get; private set; } = [];
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public OfferLocation? Location { get; private set; }
    public bool ByAppointment { get; private set; }
    public IReadOnlyList<OpeningHours> Schedule => _schedule.AsReadOnly();
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string? ScheduleNote { get; private set; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public OfferAccessibility? Accessibility { get; private set; }
    public int? Capacity { get; private set; }
    public bool Published { get; private set; }

    /// <summary>Every title and description and the topics, the source of the full-text index the database derives.</summary>
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string SearchText { get; private set; } = "";

    public long Version { get; private set; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public DateTimeOffset CreatedAt { get; private set; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public DateTimeOffset ChangedAt { get; private set; }

    public IReadOnlyList<IntegrationEvent> Events => _events.AsReadOnly();

    public static Offer Create(string tenantId, string organisationId, OfferDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var offer = new Offer { Id = Guid.CreateVersion7(now), TenantId = tenantId, OrganisationId = organisationId, CreatedAt = now };
        offer.Apply(details, now);
        return offer;
    }

    public void Change(OfferDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
    }

    /// <summary>The text in <paramref name="language"/>, or the German one when there is none.</summary>
    public OfferText TextIn(string? language) =>
        _texts.FirstOrDefault(text => text.Language == language)
        ?? _texts.First(text => text.Language == DefaultLanguage);

    private void Apply(OfferDetails details, DateTimeOffset now)
    {
        var wasPublished = Published;
        _texts.Clear();
        _texts.AddRange(details.Texts);
        Topics = details.Topics.Distinct().ToArray();
        TargetGroups = details.TargetGroups.Distinct().ToArray();
        Languages = details.Languages.Distinct().ToArray();
        Municipalities = details.Municipalities.Distinct().ToArray();
        Location = details.Location;
        ByAppointment = details.ByAppointment;
        _schedule.Clear();
        _schedule.AddRange(details.Schedule);
        ScheduleNote = details.ScheduleNote;
        Accessibility = details.Accessibility;
        Capacity = details.Capacity;
        Published = details.Published;
        SearchText = string.Join('\n', _texts.SelectMany(text => new[] { text.Title, text.Description }).Concat(Topics));
        ChangedAt = now;
        Version++;

        if (Published)
        {
            _events.Add(new OfferPublished
            {
                EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, OfferId = Id,
                OrganisationId = OrganisationId, Title = TextIn(DefaultLanguage).Title, Topics = Topics,
                TargetGroups = TargetGroups.Select(ContractValue.Of).ToArray(), Languages = Languages, Municipalities = Municipalities,
            });
        }
        else if (wasPublished)
        {
            _events.Add(new OfferWithdrawn
            {
                EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, OfferId = Id,
                OrganisationId = OrganisationId,
            });
        }
    }
}

/// <summary>Everything about an offer that its editors set.</summary>
public sealed record OfferDetails(
    IReadOnlyList<OfferText> Texts, IReadOnlyList<string> Topics, IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Municipalities, OfferLocation? Location, bool ByAppointment,
    IReadOnlyList<OpeningHours> Schedule, string? ScheduleNote, OfferAccessibility? Accessibility, int? Capacity, bool Published);
