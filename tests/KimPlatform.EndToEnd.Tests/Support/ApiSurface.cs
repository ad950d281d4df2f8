using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>One operation of a service's OpenAPI document, as the gateway serves it.</summary>
/// <param name="Service">The document, e.g. <c>cases</c>.</param>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path template, e.g. <c>/api/cases/{id}</c>.</param>
/// <param name="Public">The operation declares <c>security: []</c>: callers need no token.</param>
/// <param name="HasBody">The operation takes a request body.</param>
internal sealed record ApiOperation(string Service, string Method, string Path, bool Public, bool HasBody)
{
    public IReadOnlyList<string> PathParameters { get; } = System.Text.RegularExpressions.Regex.Matches(Path, @"\{([^}]+)\}")
        .Select(match => match.Groups[1].Value).ToArray();

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>The API surface of the running stack, read from the services' OpenAPI documents, so a new endpoint is tested without listing it here.</summary>
internal static class ApiSurface
{
    public static async Task<IReadOnlyList<(string Name, JsonElement Body)>> DocumentsAsync()
    {
        using var client = Stack.Gateway();
        var documents = new List<(string, JsonElement)>();
        foreach (var service in Repository.Services)
        {
            var name = service.EndsWith("-api", StringComparison.Ordinal) ? service[..^4] : service;
            documents.Add((name, await client.GetFromJsonAsync<JsonElement>($"/openapi/{name}.json")));
        }

        return documents;
    }

    public static async Task<IReadOnlyList<ApiOperation>> OperationsAsync()
    {
        var operations = new List<ApiOperation>();
        foreach (var (name, document) in await DocumentsAsync())
        {
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(entry => entry.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    var security = operation.Value.GetProperty("security");
                    operations.Add(new ApiOperation(name, operation.Name.ToUpperInvariant(), path.Name,
                        security.GetArrayLength() == 0, operation.Value.TryGetProperty("requestBody", out _)));
                }
            }
        }

        return operations;
    }
}
