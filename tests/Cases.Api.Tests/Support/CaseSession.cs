using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Cases.Api.Tests.Support;

/// <summary>A case manager working on cases over HTTP, carrying the latest ETag of each case like a client would.</summary>
internal sealed class CaseSession(HttpClient client)
{
    private readonly Dictionary<Guid, string> _etags = [];

    public HttpClient Client => client;

    public async Task<Guid> OpenAsync(object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/cases", body ?? CaseRequests.Valid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        _etags[id] = response.Headers.ETag!.Tag;
        return id;
    }

    public string ETagOf(Guid id) => _etags[id];

    /// <summary>POSTs a change with the case's current ETag and remembers the new one.</summary>
    public async Task<HttpResponseMessage> ChangeAsync(Guid id, string path, object? body = null, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}{path}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag ?? _etags.GetValueOrDefault(id, "\"0\""));
        var response = await client.SendAsync(request);
        if (response.Headers.ETag is { } tag)
        {
            _etags[id] = tag.Tag;
        }

        return response;
    }

    public async Task<JsonElement> ChangeOkAsync(Guid id, string path, object? body = null)
    {
        var response = await ChangeAsync(id, path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> DeleteAsync(Guid id, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/cases/{id}");
        request.Headers.TryAddWithoutValidation("If-Match", etag ?? _etags.GetValueOrDefault(id, "\"0\""));
        return await client.SendAsync(request);
    }

    public async Task<JsonElement> GetAsync(Guid id)
    {
        var response = await client.GetAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _etags[id] = response.Headers.ETag!.Tag;
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Walks a fresh case forward to a phase through the API.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a phase name the contract does not know, before anything is opened.</exception>
    public async Task<Guid> OpenInPhaseAsync(string phase)
    {
        var steps = new (string Phase, string Path, object Body)[]
        {
            ("assessment", "/assessment", Bodies.Assessment),
            ("plan", "/plan", Bodies.Plan()),
            ("monitoring", "/monitoring", new { }),
            ("closed", "/close", Bodies.Close),
        };
        var last = phase == "intake" ? -1 : Array.FindIndex(steps, step => step.Phase == phase);
        if (phase != "intake" && last < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a phase: intake, assessment, plan, monitoring or closed.");
        }

        var id = await OpenAsync();
        foreach (var step in steps.Take(last + 1))
        {
            await ChangeOkAsync(id, step.Path, step.Body);
        }

        return id;
    }
}

internal static class Bodies
{
    public static readonly object Assessment = new
    {
        needs = new[]
        {
            new { lifeArea = "language", description = "B1 course needed for the job" },
            new { lifeArea = "work", description = "Recognition of the nursing degree" },
        },
    };

    public static object Plan(int goals = 1) => new
    {
        goals = Enumerable.Range(0, goals).Select(i => new
        {
            lifeArea = "language",
            description = $"Pass the B1 exam ({i})",
            dueDate = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd"),
        }).ToArray(),
    };

    public static readonly object Close = new { reason = "goals-achieved", outcome = "achieved" };

    public static object Consent(string language = "de", string[]? categories = null, object[]? recipients = null) => new
    {
        purpose = "Referral to a job coaching offer",
        recipients = recipients ?? [new { organisationId = "jobcenter-guetersloh" }],
        dataCategories = categories ?? ["identity", "languages"],
        form = "written",
        language,
    };

    public static object Referral(string partner = "jobcenter-guetersloh", Guid? consentId = null) => new
    {
        offerId = Guid.NewGuid(),
        partnerOrganisationId = partner,
        consentId,
        note = "Interested in care work",
    };
}
