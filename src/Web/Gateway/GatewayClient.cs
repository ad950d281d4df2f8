using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Web.Gateway;

/// <summary>
/// The gateway's public API as the pages use it. Paths and shapes follow the services' OpenAPI documents
/// (<c>/openapi/{cases,partners,events,reports}.json</c> at the gateway); the records are in <c>ApiContracts.cs</c>.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(WithBody(HttpMethod.Post, path, body, ifMatch), cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, string? ifMatch, CancellationToken cancellationToken = default) =>
        SendAsync<T>(WithBody(HttpMethod.Put, path, body, ifMatch), cancellationToken);

    public Task<ApiResult<JsonElement>> DeleteAsync(string path, string? ifMatch, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(WithBody(HttpMethod.Delete, path, null, ifMatch), cancellationToken);

    /// <summary>A text document (CSV, iCalendar, the export) passed through as it is.</summary>
    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Content)> GetRawAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

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

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join("&", parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>An ETag for If-Match as the API gave it (quoted).</summary>
    public static string? Quote(string? etag) => etag is null ? null : EntityTagHeaderValue.TryParse(etag, out _) ? etag : $"\"{etag}\"";
}
