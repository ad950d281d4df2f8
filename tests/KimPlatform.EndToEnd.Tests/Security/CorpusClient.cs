using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>A corpus request's answer, and whether it went through the gateway.</summary>
internal sealed record CorpusAnswer(CorpusRequest Request, bool ViaGateway, int Status, string? MediaType, string Body)
{
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Sends a corpus as the seeded tenant's callers: a third of the requests through the gateway, the rest
/// straight to the services (each checks the token itself), so that several hundred requests stay clear of the gateway's
/// per-user and per-address limits and still show what the gateway does with such bodies. Every gateway request carries
/// a token of its own user.
/// </summary>
internal static class CorpusClient
{
    private static readonly string[] AllRoles = ["case_manager", "coordinator", "partner_staff", "tenant_admin"];

    public static async Task<IReadOnlyList<CorpusAnswer>> SendAllAsync(IReadOnlyList<CorpusRequest> requests, SeededTenant seeded)
    {
        var answers = new ConcurrentBag<CorpusAnswer>();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(requests.Select((request, index) => (request, index)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (item, _) => answers.Add(await SendAsync(client, item.request, seeded, viaGateway: item.index % 3 == 0)));
        var slowest = answers.OrderByDescending(answer => answer.Elapsed).Take(5);
        TestContext.Current.TestOutputHelper?.WriteLine("slowest: " + string.Join("; ", slowest.Select(answer =>
            $"{answer.Request.Kind} {answer.Request.Operation} {answer.Elapsed.TotalMilliseconds:F0} ms")));
        return [.. answers];
    }

    public static async Task<CorpusAnswer> SendAsync(HttpClient client, CorpusRequest corpus, SeededTenant seeded, bool viaGateway)
    {
        var operation = corpus.Operation.Operation;
        var server = viaGateway ? TestEnvironment.Gateway : Stack.Service($"{operation.Service}-api");
        var target = new Uri(server, operation.Public ? $"{corpus.Path}?tenant={seeded.Tenant}" : corpus.Path);
        var oversized = corpus.Kind.StartsWith("over ", StringComparison.Ordinal);
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), target) { Content = corpus.Content() };
            // Public operations too: anonymous writes are limited to a few a minute per address (the gateway's, and the
            // event service's for registrations), which the corpus would exhaust; the token changes nothing about the body.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                CraftedTokens.Valid(seeded.Tenant, Organisation(operation, seeded), AllRoles));

            if (corpus.IfMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", corpus.IfMatch);
            }

            // A server answers 413 before reading the body and closes the connection: wait for that answer before
            // uploading, on a connection of its own, instead of writing a mebibyte into a closed socket.
            request.Headers.ExpectContinue = oversized;
            using var own = oversized ? new HttpClient { Timeout = TimeSpan.FromSeconds(60) } : null;
            using var response = await (own ?? client).SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 2)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5));
                continue;
            }

            return new CorpusAnswer(corpus, viaGateway, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                await response.Content.ReadAsStringAsync()) { Elapsed = TimeProvider.System.GetElapsedTime(started) };
        }
    }

    /// <summary>The organisation whose data the operation addresses, so a request reaches its checks instead of a 404.</summary>
    public static string Organisation(ApiOperation operation, SeededTenant seeded) => operation.Service switch
    {
        "cases" => seeded.CaseOrganisation,
        "partners" => seeded.PartnerOrganisation,
        _ => "kreis-kim",
    };

    /// <summary>Why an answer is wrong for a request that must be refused, or null when it is right.</summary>
    public static string? Refusal(CorpusAnswer answer)
    {
        var kind = answer.Request.Kind;
        return answer.Status switch
        {
            >= 500 => "a server error",
            < 400 => "accepted",
            _ when answer.MediaType != "application/problem+json" => $"{answer.MediaType ?? "no content type"} instead of problem+json",
            not 413 when kind.StartsWith("over ", StringComparison.Ordinal) => "expected 413",
            413 when !kind.StartsWith("over ", StringComparison.Ordinal) => "413 for a body within the limit",
            _ => null,
        };
    }
}
