using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>A public event of a tenant and one registration for it, made anonymously through the gateway.</summary>
internal sealed record TestRegistration(Guid EventId, Guid RegistrationId, DateTimeOffset EndsAt)
{
    public static async Task<TestRegistration> RegisterAsync(string tenant, string name, string email, string organisation, string accessibility)
    {
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(16), TimeSpan.Zero);
        var endsAt = startsAt.AddHours(3);
        var scheduled = await Stack.Gateway(tenant, "ki-guetersloh", "coordinator").PostAsJsonAsync("/api/events", new
        {
            title = "Infoabend Ankommen", format = "information", startsAt, endsAt, venue = "Rathaus Rietberg",
            capacity = 20, languages = new[] { "de" }, @public = true,
        });
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, $"schedule: {(int)scheduled.StatusCode} {await scheduled.Content.ReadAsStringAsync()}");
        var eventId = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var registered = await Stack.Gateway().PostAsJsonAsync($"/api/events/{eventId}/registrations?tenant={tenant}", new
        {
            name, email, organisation, participantGroup = "newcomer", needs = new { accessibility }, processingConsent = true,
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"register: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        return new TestRegistration(eventId, (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), endsAt);
    }
}
