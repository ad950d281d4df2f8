using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Seed.Api;

/// <summary>
/// The public API at the gateway. Waits out 429 and 503 (honouring Retry-After), and, where asked, a 404 that only
/// means an event has not crossed the broker yet. Any other unexpected answer stops the seed with a
/// <see cref="SeedException"/> naming the call.
/// </summary>
internal sealed class KimApi(HttpClient http, string signingKey, string tenant)
{
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(60);

    public string Tenant => tenant;

    public Caller As(string organisation, string role, string subject, string name) =>
        new(DevToken.Create(signingKey, tenant, organisation, role, subject, name), organisation, subject);

    public Task<ApiAnswer> PostAsync(Caller caller, string path, object? body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync(caller, HttpMethod.Post, path, body, ifMatch, [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent], waitForArrival: false, cancellationToken);

    /// <summary>A POST to something another service creates from an event: 404 means "not yet", until a minute has passed.</summary>
    public Task<ApiAnswer> PostWhenArrivedAsync(Caller caller, string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync(caller, HttpMethod.Post, path, body, null, [HttpStatusCode.OK, HttpStatusCode.Created], waitForArrival: true, cancellationToken);

    public Task<ApiAnswer> GetAsync(Caller caller, string path, CancellationToken cancellationToken = default) =>
        SendAsync(caller, HttpMethod.Get, path, null, null, [HttpStatusCode.OK], waitForArrival: false, cancellationToken);

    /// <summary>Whether a resource exists: 200 true, 404 false.</summary>
    public async Task<bool> ExistsAsync(Caller caller, string path, CancellationToken cancellationToken = default) =>
        (await SendAsync(caller, HttpMethod.Get, path, null, null, [HttpStatusCode.OK, HttpStatusCode.NotFound], false, cancellationToken))
        .Status == HttpStatusCode.OK;

    /// <summary>A POST that may find its resource already there (409), as on a second run after an interrupted one.</summary>
    public Task<ApiAnswer> PostOrConflictAsync(Caller caller, string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync(caller, HttpMethod.Post, path, body, null, [HttpStatusCode.Created, HttpStatusCode.Conflict], false, cancellationToken);

    private async Task<ApiAnswer> SendAsync(
        Caller caller, HttpMethod method, string path, object? body, string? ifMatch, HttpStatusCode[] expected, bool waitForArrival,
        CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            if (caller.Token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (expected.Contains(response.StatusCode))
            {
                var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                    ? JsonDocument.Parse(text).RootElement.Clone()
                    : default;
                return new ApiAnswer(response.StatusCode, json, response.Headers.ETag?.Tag);
            }

            var delay = response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable when attempt <= 20 =>
                    response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1),
                HttpStatusCode.NotFound when waitForArrival && DateTimeOffset.UtcNow - started < PropagationLimit =>
                    TimeSpan.FromMilliseconds(Math.Min(100 * attempt, 1000)),
                _ => (TimeSpan?)null,
            };
            if (delay is null)
            {
                throw new SeedException($"{method} {path} answered {(int)response.StatusCode}: {Shorten(text)}");
            }

            await Task.Delay(delay.Value < TimeSpan.FromSeconds(30) ? delay.Value : TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
