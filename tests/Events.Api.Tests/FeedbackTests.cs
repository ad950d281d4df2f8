using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class FeedbackTests(EventsApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Feedback_OncePerRegistrationWithItsToken_IsSummarised_WithoutLinkToTheRegistration()
    {
        var coordinator = factory.Coordinator(_tenant);
        var fachtag = (await coordinator.ScheduleAsync()).Id();
        var amina = await RegisterAsync(fachtag, "amina@example.org");
        var olena = await RegisterAsync(fachtag, "olena@example.org");

        var first = await GiveAsync(fachtag, amina, new { rating = 5, good = "Die Workshops", improve = "Mehr Pausen" });
        var second = await GiveAsync(fachtag, olena, new { rating = 3, good = "Dolmetschung" });
        var again = await GiveAsync(fachtag, amina, new { rating = 1 });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode, again.StatusCode));
        var summary = await coordinator.GetFromJsonAsync<JsonElement>($"/api/events/{fachtag}/feedback");
        Assert.Equal((2, 4.0), (summary.GetProperty("answers").GetInt32(), summary.GetProperty("averageRating").GetDouble()));
        Assert.Equal(["Die Workshops", "Dolmetschung"], summary.GetProperty("good").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM events WHERE id = @p0 AND (feedback::text LIKE '%' || @p1 || '%' OR feedback::text LIKE '%' || @p2 || '%')",
            fachtag, amina.Id.ToString(), olena.Id.ToString()));
    }

    [Fact]
    public async Task Feedback_WrongTokenOrBadInput_IsRefused_AndNothingIsStored()
    {
        var fachtag = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();
        var amina = await RegisterAsync(fachtag, "amina@example.org");

        var wrongToken = await GiveAsync(fachtag, amina with { Token = "not-the-token" }, new { rating = 4 });
        var bad = await factory.Anonymous().PostAsJsonAsync($"/api/events/{fachtag}/feedback?tenant={_tenant}",
            new { registrationId = amina.Id, token = amina.Token, rating = 9 });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (wrongToken.StatusCode, bad.StatusCode));
        Assert.Equal(["rating"], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND feedback_given", fachtag));
    }

    private async Task<(Guid Id, string Token)> RegisterAsync(Guid eventId, string email)
    {
        var body = await (await factory.Anonymous().RegisterAsync(eventId, _tenant, EventRequests.Registrant(email)))
            .Content.ReadFromJsonAsync<JsonElement>();
        return (body.Id(), body.GetProperty("cancelToken").GetString()!);
    }

    private Task<HttpResponseMessage> GiveAsync(Guid eventId, (Guid Id, string Token) registration, object answer)
    {
        var fields = JsonSerializer.SerializeToElement(answer).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["registrationId"] = registration.Id;
        fields["token"] = registration.Token;
        return factory.Anonymous().PostAsJsonAsync($"/api/events/{eventId}/feedback?tenant={_tenant}", fields);
    }
}
