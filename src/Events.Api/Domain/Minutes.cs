using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>The minutes of a meeting (Protokoll): agenda items with their decisions and the actions agreed.</summary>
public sealed class Minutes
{
    private readonly List<AgendaItem> _items = [];

    private Minutes()
    {
    }

    internal Minutes(Guid id, IEnumerable<AgendaItem> items, DateTimeOffset recordedAt)
    {
        Id = id;
        _items.AddRange(items);
        RecordedAt = recordedAt;
    }

    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public Guid Id { get; private set; }
    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public DateTimeOffset RecordedAt { get; private set; }
    public IReadOnlyList<AgendaItem> Items => _items.AsReadOnly();
}

/// <summary>One agenda item (TOP) with its decision, e.g. "Beschluss: Kenntnisnahme".</summary>
public sealed class AgendaItem
{
    private readonly List<ActionItem> _actions = [];

    private AgendaItem()
    {
    }

    public AgendaItem(string title, string? decision, IEnumerable<ActionItem> actions)
    {
        Title = title;
        Decision = decision;
        _actions.AddRange(actions);
    }

    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public string Title { get; private set; } = "";
    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public string? Decision { get; private set; }
    public IReadOnlyList<ActionItem> Actions => _actions.AsReadOnly();
}

/// <summary>An action agreed in a meeting: who (an organisation) does what by when. Open until marked done.</summary>
public sealed class ActionItem
{
    private ActionItem()
    {
    }

    public ActionItem(Guid id, string description, string ownerOrganisationId, DateOnly dueDate)
    {
        Id = id;
        Description = description;
        OwnerOrganisationId = ownerOrganisationId;
        DueDate = dueDate;
    }

    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public Guid Id { get; private set; }
    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public string Description { get; private set; } = "";
    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public string OwnerOrganisationId { get; private set; } = "";
    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public DateOnly DueDate { get; private set; }
    [NotPersonalData("minutes of a meeting: decisions and actions of organisations")]
    public DateTimeOffset? DoneAt { get; private set; }

    public bool IsOpen => DoneAt is null;

    internal void MarkDone(DateTimeOffset now) => DoneAt ??= now;
}
