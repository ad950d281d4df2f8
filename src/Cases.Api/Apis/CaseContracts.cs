using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Apis;

// Request properties are nullable so that a missing field becomes a field error from the validator, not a
// deserialisation failure that stops at the first problem. [Required] documents the contract in OpenAPI.

public sealed record PersonRequest
{
    [Required, MaxLength(100), Description("Given name(s) as written in the person's documents")]
    public string? GivenName { get; init; }

    [Required, MaxLength(100), Description("Family name(s) as written in the person's documents")]
    public string? FamilyName { get; init; }

    [Required, Description("Birth date, YYYY-MM-DD, not in the future")]
    public DateOnly? BirthDate { get; init; }

    public Gender? Gender { get; init; }

    [MaxLength(100), Description("Nationality, e.g. an ISO 3166 code such as 'UA' or 'stateless'")]
    public string? Nationality { get; init; }

    [MaxLength(20), Description("Languages the person speaks, as language tags ('ar', 'uk', 'fa-AF')")]
    public IReadOnlyList<string>? Languages { get; init; }

    [Required]
    public ResidenceStatus? ResidenceStatus { get; init; }

    [Description("Date of arrival in Germany, not in the future nor before the birth date")]
    public DateOnly? ArrivalDate { get; init; }

    [Required, MaxLength(100), Description("Municipality the person lives in")]
    public string? Municipality { get; init; }

    [MaxLength(20), Description("Members of the person's household")]
    public IReadOnlyList<HouseholdMemberRequest>? Household { get; init; }

    [MaxLength(254), Description("E-mail address, optional; with a consent naming 'event-registrations' the export lists the event registrations made under it")]
    public string? Email { get; init; }
}

public sealed record HouseholdMemberRequest
{
    [Required] public HouseholdRelation? Relation { get; init; }
    [Required, MaxLength(100)] public string? GivenName { get; init; }
    public int? BirthYear { get; init; }
}

public sealed record OpenCaseRequest
{
    [Required] public PersonRequest? Person { get; init; }

    [MaxLength(10), Description("Target groups, each at most once")]
    public IReadOnlyList<TargetGroup>? TargetGroups { get; init; }

    [Required] public Reachability? Reachability { get; init; }
}

public sealed record NeedRequest
{
    [Required] public LifeArea? LifeArea { get; init; }
    [Required, MaxLength(2000)] public string? Description { get; init; }
}

public sealed record AssessmentRequest
{
    [Required, MaxLength(50), Description("Needs per life area")]
    public IReadOnlyList<NeedRequest>? Needs { get; init; }
}

public sealed record GoalRequest
{
    [Required] public LifeArea? LifeArea { get; init; }
    [Required, MaxLength(2000)] public string? Description { get; init; }
    [Required, Description("Due date, today or later")] public DateOnly? DueDate { get; init; }
}

public sealed record PlanRequest
{
    [Required, MaxLength(50), Description("The goals of the integration agreement")]
    public IReadOnlyList<GoalRequest>? Goals { get; init; }
}

public sealed record GoalProgressRequest
{
    [Required] public GoalStatus? Status { get; init; }
    [MaxLength(2000)] public string? Note { get; init; }
}

public sealed record ContactRequest
{
    [Required, Description("Day of the contact, not in the future")] public DateOnly? Date { get; init; }
    [Required] public ContactChannel? Channel { get; init; }
    [MaxLength(2000)] public string? Note { get; init; }
}

public sealed record CloseRequest
{
    [Required] public CloseReason? Reason { get; init; }
    [Required] public CloseOutcome? Outcome { get; init; }
}

public sealed record AssignRequest
{
    [Required, MaxLength(200), Description("User id (token 'sub') of the case manager")]
    public string? CaseManagerId { get; init; }
}

public sealed record FindingRequest
{
    [Required] public LifeArea? LifeArea { get; init; }
    [Required, MaxLength(100)] public string? Theme { get; init; }
    [Required, MaxLength(2000), Description("What is missing in the local system; no personal data")]
    public string? Description { get; init; }
}

public sealed record ConsentRecipientRequest
{
    [MaxLength(100), Description("Organisation key; or give organisationKind")]
    public string? OrganisationId { get; init; }
    public OrganisationKind? OrganisationKind { get; init; }
}

public sealed record ConsentRequest
{
    [Required, MaxLength(500)] public string? Purpose { get; init; }
    [Required, MaxLength(20)] public IReadOnlyList<ConsentRecipientRequest>? Recipients { get; init; }
    [Required] public IReadOnlyList<DataCategory>? DataCategories { get; init; }
    [Required] public ConsentForm? Form { get; init; }
    [Description("Last day the consent is valid; absent means until withdrawn")] public DateOnly? ValidUntil { get; init; }
    [Required, Description("Language the person was shown the text in: de, en, ar, uk, tr, fa, ru or a tenant's own")]
    public string? Language { get; init; }
    [Description("Template key; default 'referral'")] public string? TemplateKey { get; init; }
}

public sealed record ReferralRequest
{
    [Required] public Guid? OfferId { get; init; }
    [Required, MaxLength(100)] public string? PartnerOrganisationId { get; init; }
    [Description("The consent to rely on; by default any valid consent covering the partner")] public Guid? ConsentId { get; init; }
    [MaxLength(2000)] public string? Note { get; init; }
}

public sealed record DuplicateCheckRequest
{
    [Required, MaxLength(100)] public string? GivenName { get; init; }
    [Required, MaxLength(100)] public string? FamilyName { get; init; }
    [Required] public DateOnly? BirthDate { get; init; }
}

public sealed record DuplicateCheckResponse(bool ExistsElsewhere, IReadOnlyList<string> Organisations);

public sealed record ConsentTemplateRequest
{
    [Required, MaxLength(50)] public string? Key { get; init; }
    [Required, MaxLength(20)] public string? Language { get; init; }
    [Required, MaxLength(200)] public string? Title { get; init; }
    [Required, MaxLength(10000), Description("Text with the placeholders {organisation}, {purpose}, {recipients}, {dataCategories}, {validUntil}")]
    public string? Body { get; init; }
    public bool RightToLeft { get; init; }
    [Required, MaxLength(200)] public string? UntilWithdrawn { get; init; }
    [Description("Names of the data categories in this language")] public IReadOnlyDictionary<string, string>? DataCategoryNames { get; init; }
}
