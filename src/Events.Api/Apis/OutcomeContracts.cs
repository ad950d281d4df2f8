using System.ComponentModel;
using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Apis;

public sealed record RecordResultRequest(
    [property: Description("The table or session; absent for the whole event")] Guid? SessionId,
    [property: Description("The round of a World Café")] int? Round,
    IReadOnlyList<string>? Topics,
    string? Text);

public sealed record RecordMinutesRequest(IReadOnlyList<AgendaItemRequest>? AgendaItems);

public sealed record AgendaItemRequest(
    string? Title,
    [property: Description("The decision taken, e.g. \"Beschluss: Kenntnisnahme\"")] string? Decision,
    IReadOnlyList<ActionRequest>? Actions);

public sealed record ActionRequest(string? Description, string? OwnerOrganisationId, DateOnly? DueDate);

public sealed record ResultResponse(Guid Id, Guid? SessionId, int? Round, IReadOnlyList<string> Topics, string Text, DateTimeOffset RecordedAt)
{
    public static ResultResponse From(EventResult result) => new(
        result.Id, result.SessionId, result.Round, result.Topics, result.Text, BerlinTime.Of(result.RecordedAt));
}

public sealed record MinutesResponse(Guid Id, DateTimeOffset RecordedAt, IReadOnlyList<AgendaItemResponse> AgendaItems)
{
    public static MinutesResponse From(Minutes minutes) => new(minutes.Id, BerlinTime.Of(minutes.RecordedAt),
        minutes.Items.Select(item => new AgendaItemResponse(item.Title, item.Decision, item.Actions.Select(ActionResponse.From).ToArray())).ToArray());
}

public sealed record AgendaItemResponse(string Title, string? Decision, IReadOnlyList<ActionResponse> Actions);

public sealed record ActionResponse(Guid Id, string Description, string OwnerOrganisationId, DateOnly DueDate, DateTimeOffset? DoneAt)
{
    public static ActionResponse From(ActionItem action) =>
        new(action.Id, action.Description, action.OwnerOrganisationId, action.DueDate, BerlinTime.Of(action.DoneAt));
}

public sealed record MeetingActionResponse(
    Guid EventId, string EventTitle, DateTimeOffset MeetingStartsAt, string AgendaItem, ActionResponse Action);
