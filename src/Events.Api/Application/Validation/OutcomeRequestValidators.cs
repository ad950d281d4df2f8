using System.Text.RegularExpressions;
using KimPlatform.Events.Api.Apis;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Application.Validation;

/// <summary>Results and minutes: every field error at once, or the domain input.</summary>
public static partial class OutcomeRequestValidators
{
    public static (IReadOnlyList<string> Topics, string Text)? Result(RecordResultRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range(request.Round, "round", 1, 50, required: false);
        var text = errors.Text(request.Text, "text", 10_000);
        var topics = new List<string>();
        if (request.Topics is { Count: > 30 })
        {
            errors.Add("topics", "At most 30 topics.");
        }
        else
        {
            foreach (var (topic, index) in (request.Topics ?? []).Select((topic, index) => (topic, index)))
            {
                if (errors.Text(topic, $"topics[{index}]", 200) is { } valid)
                {
                    topics.Add(valid);
                }
            }
        }

        return errors.Any ? null : (topics, text!);
    }

    public static IReadOnlyList<AgendaItem>? Minutes(RecordMinutesRequest request, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var requested = request.AgendaItems ?? [];
        if (requested.Count is 0 or > 100)
        {
            errors.Add("agendaItems", "Between 1 and 100 agenda items.");
            return null;
        }

        var items = new List<AgendaItem>();
        for (var i = 0; i < requested.Count; i++)
        {
            var field = $"agendaItems[{i}]";
            var title = errors.Text(requested[i]?.Title, $"{field}.title", 300);
            var decision = errors.Text(requested[i]?.Decision, $"{field}.decision", 2000, required: false);
            var actions = new List<ActionItem>();
            foreach (var (action, j) in (requested[i]?.Actions ?? []).Select((action, j) => (action, j)))
            {
                var description = errors.Text(action?.Description, $"{field}.actions[{j}].description", 1000);
                var owner = errors.Text(action?.OwnerOrganisationId, $"{field}.actions[{j}].ownerOrganisationId", 100);
                if (owner is not null && !OrganisationKey().IsMatch(owner))
                {
                    errors.Add($"{field}.actions[{j}].ownerOrganisationId", "An organisation key: lowercase letters, digits and hyphens.");
                }

                var due = errors.Required(action?.DueDate, $"{field}.actions[{j}].dueDate");
                if (description is not null && owner is not null && due is not null)
                {
                    actions.Add(new ActionItem(Guid.CreateVersion7(now), description, owner, due.Value));
                }
            }

            if (title is not null)
            {
                items.Add(new AgendaItem(title, decision, actions));
            }
        }

        return errors.Any ? null : items;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex OrganisationKey();
}
