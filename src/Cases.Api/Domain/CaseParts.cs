namespace KimPlatform.Cases.Api.Domain;

// The parts of a case, stored with it (as JSON) and changed only through Case.

public sealed class Need
{
    public required LifeArea LifeArea { get; init; }
    public required string Description { get; set; }
}

public sealed class Goal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required LifeArea LifeArea { get; init; }
    public required string Description { get; set; }
    public required DateOnly DueDate { get; init; }
    public GoalStatus Status { get; set; } = GoalStatus.Open;
    public List<GoalProgressNote> Progress { get; init; } = [];
}

public sealed class GoalProgressNote
{
    public required GoalStatus Status { get; init; }
    public string? Note { get; set; }
    public required DateTimeOffset At { get; init; }
    public required string By { get; init; }
}

public sealed class Contact
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required DateOnly Date { get; init; }
    public required ContactChannel Channel { get; init; }
    public string? Note { get; set; }
    public required string By { get; init; }
}

public sealed class Referral
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OfferId { get; init; }
    public required string PartnerOrganisationId { get; init; }
    public required Guid ConsentId { get; init; }
    public string? Note { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Requested;
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? DeclineReason { get; set; }
    public string? Outcome { get; set; }
    /// <summary>The partner's version of the referral last applied.</summary>
    public long PartnerVersion { get; set; }
}

public sealed class StructuralFinding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required LifeArea LifeArea { get; init; }
    public required string Theme { get; init; }
    public required string Description { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
}
