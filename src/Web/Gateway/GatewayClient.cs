using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Web.Gateway;

/// <summary>
/// The gateway's public API as the pages use it: only the operations <see cref="GatewayApi"/> declares, whose paths and
/// shapes Web.Tests checks against the services' OpenAPI documents (<c>/openapi/{cases,partners,events,reports}.json</c>).
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An operation without a body; <paramref name="route"/> fills the template's segments in order.</summary>
    public Task<ApiResult<T>> SendAsync<T>(
        ApiCall<T> call, object[]? route = null, (string Name, string? Value)[]? query = null, string? ifMatch = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<T>(WithBody(new HttpMethod(call.Method), call.Path(route, query), null, ifMatch), cancellationToken);

    /// <summary>An operation with its declared body.</summary>
    public Task<ApiResult<TResponse>> SendAsync<TRequest, TResponse>(
        ApiCall<TRequest, TResponse> call, TRequest body, object[]? route = null, (string Name, string? Value)[]? query = null,
        string? ifMatch = null, CancellationToken cancellationToken = default) where TRequest : notnull =>
        SendAsync<TResponse>(WithBody(new HttpMethod(call.Method), call.Path(route, query), body, ifMatch), cancellationToken);

    private static HttpRequestMessage WithBody(HttpMethod method, string path, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var etag = response.Headers.ETag?.ToString();
            var media = response.Content.Headers.ContentType?.MediaType;
            if (response.IsSuccessStatusCode)
            {
                var value = media is not null && media.Contains("json", StringComparison.Ordinal)
                    ? await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    : default;
                return new ApiResult<T>(response.StatusCode, value ?? (typeof(T) == typeof(JsonElement) ? (T)(object)default(JsonElement) : default),
                    etag, Empty, null);
            }

            var (errors, detail) = media == "application/problem+json" ? await ReadProblemAsync(response, cancellationToken) : (Empty, null);
            return new ApiResult<T>(response.StatusCode, default, etag, errors, detail);
        }
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static async Task<(IReadOnlyDictionary<string, string[]>, string?)> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
        var errors = problem?.Errors is { ValueKind: JsonValueKind.Object } object_
            ? object_.EnumerateObject().ToDictionary(
                field => field.Name,
                field => field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(message => message.ToString()).ToArray()
                    : [field.Value.ToString()])
            : Empty;
        return (errors, problem?.Detail ?? problem?.Title);
    }

    private sealed record ProblemBody(string? Title, string? Detail, JsonElement? Errors);

    /// <summary>A query string of the parameters that have a value (for the web app's own links).</summary>
    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join("&", parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>An ETag for If-Match as the API gave it (quoted).</summary>
    public static string? Quote(string? etag) => etag is null ? null : EntityTagHeaderValue.TryParse(etag, out _) ? etag : $"\"{etag}\"";
}
