namespace KimPlatform.Cases.Api.Domain;

// The parts of a case, stored with it (as JSON). They are read-only from outside: what changes after creation
// changes through Case, which raises the version and the event. The backing fields are what EF Core maps.

public sealed class Need
{
    private string _description = "";

    public required LifeArea LifeArea { get; init; }
    public required string Description { get => _description; init => _description = value; }

    internal void Erase() => _description = "";
}

public sealed class Goal
{
    private readonly List<GoalProgressNote> _progress = [];
    private string _description = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required LifeArea LifeArea { get; init; }
    public required string Description { get => _description; init => _description = value; }
    public required DateOnly DueDate { get; init; }
    public GoalStatus Status { get; private set; } = GoalStatus.Open;
    public IReadOnlyList<GoalProgressNote> Progress => _progress.AsReadOnly();

    internal void Record(GoalProgressNote note)
    {
        Status = note.Status;
        _progress.Add(note);
    }

    internal void Erase()
    {
        _description = "";
        _progress.ForEach(note => note.Erase());
    }
}

public sealed class GoalProgressNote
{
    private string? _note;

    public required GoalStatus Status { get; init; }
    public string? Note { get => _note; init => _note = value; }
    public required DateTimeOffset At { get; init; }
    public required string By { get; init; }

    internal void Erase() => _note = null;
}

public sealed class Contact
{
    private string? _note;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required DateOnly Date { get; init; }
    public required ContactChannel Channel { get; init; }
    public string? Note { get => _note; init => _note = value; }
    public required string By { get; init; }

    internal void Erase() => _note = null;
}

public sealed class Referral
{
    private string? _note;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OfferId { get; init; }
    public required string PartnerOrganisationId { get; init; }
    public required Guid ConsentId { get; init; }
    public string? Note { get => _note; init => _note = value; }
    public ReferralStatus Status { get; private set; } = ReferralStatus.Requested;
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>The partner's version of the referral last applied.</summary>
    public long PartnerVersion { get; private set; }

    /// <summary>Applies the partner's answer unless a newer one was applied already; see <see cref="Case.ApplyReferralAnswer"/>.</summary>
    internal bool Answer(ReferralStatus status, string? detail, DateTimeOffset at, long partnerVersion)
    {
        if (partnerVersion <= PartnerVersion)
        {
            return false;
        }

        PartnerVersion = partnerVersion;
        Status = status;
        switch (status)
        {
            case ReferralStatus.Accepted:
                AnsweredAt ??= at;
                break;
            case ReferralStatus.Declined:
                AnsweredAt ??= at;
                DeclineReason = detail;
                break;
            case ReferralStatus.Completed:
                AnsweredAt ??= at;
                CompletedAt = at;
                Outcome = detail;
                break;
        }

        return true;
    }

    internal void Erase() => _note = null;
}

public sealed class StructuralFinding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required LifeArea LifeArea { get; init; }
    public required string Theme { get; init; }
    public required string Description { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
}
