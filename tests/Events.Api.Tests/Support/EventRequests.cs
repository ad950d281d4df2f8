using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Events.Api.Tests.Support;

/// <summary>Request bodies and calls the tests share.</summary>
internal static class EventRequests
{
    public static object WorldCafe(
        int capacity = 100, bool isPublic = true, object[]? sessions = null, string? opensAt = null, string? closesAt = null,
        string startsAt = "2030-03-28T10:00:00+01:00", string endsAt = "2030-03-28T16:00:00+01:00",
        string title = "World Café: Ankommen in Gütersloh") => new
    {
        title,
        format = "world-cafe",
        startsAt,
        endsAt,
        venue = "Stadthalle Gütersloh, Friedrichstraße 10",
        capacity,
        registrationOpensAt = opensAt,
        registrationClosesAt = closesAt,
        sessions = sessions ?? [new { title = "Tisch 1: Arbeit", capacity = 10 }, new { title = "Tisch 2: Sprache", capacity = 10 }],
        languages = new[] { "de", "ar", "uk" },
        @public = isPublic,
    };

    public static object Registrant(string email, Guid[]? sessionIds = null, string name = "Amina Haddad") => new
    {
        name,
        email,
        organisation = "Caritas Gütersloh",
        participantGroup = "volunteer",
        needs = new { interpreterLanguage = "ar", accessibility = "step-free access", childcare = true },
        sessionIds = sessionIds ?? [],
        photoConsent = false,
        processingConsent = true,
    };

    public static async Task<JsonElement> ScheduleAsync(this HttpClient coordinator, object? body = null)
    {
        var response = await coordinator.PostAsJsonAsync("/api/events", body ?? WorldCafe());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Guid eventId, string tenant, object body) =>
        client.PostAsJsonAsync($"/api/events/{eventId}/registrations?tenant={tenant}", body);

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, Guid eventId, string tenant, Guid registrationId, string? token) =>
        client.PostAsJsonAsync($"/api/events/{eventId}/registrations/{registrationId}/cancel?tenant={tenant}", new { cancelToken = token });

    public static async Task<JsonElement> ParticipantsAsync(this HttpClient coordinator, Guid eventId) =>
        (await coordinator.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/registrations")).GetProperty("items");

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static Guid SessionId(this JsonElement scheduled, int index) => scheduled.GetProperty("sessions")[index].Id();
}
