using System.Collections;
using System.Reflection;
using System.Text.Json;
using KimPlatform.Web.Gateway;

namespace KimPlatform.Web.Tests.Contract;

/// <summary>
/// The services' OpenAPI documents as the gateway serves them, and what they say about one <see cref="ApiCall"/>: its
/// method and path, its query parameters, and the name and JSON type of every property it sends or reads, nested ones too.
/// </summary>
internal sealed class OpenApiContract(IReadOnlyList<JsonElement> documents)
{
    public static readonly string[] DocumentNames = ["cases", "partners", "events", "reporting"];

    public static async Task<OpenApiContract> LoadAsync(Uri gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var documents = new List<JsonElement>();
        foreach (var name in DocumentNames)
        {
            using var response = await http.GetAsync($"/openapi/{name}.json");
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for /openapi/{name}.json");
            documents.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        return new OpenApiContract(documents);
    }

    /// <summary>Every way <paramref name="call"/> differs from the documents; empty when it matches.</summary>
    public IReadOnlyList<string> Differences(ApiCall call)
    {
        var problems = new List<string>();
        var found = Find(call);
        if (found is not { } match)
        {
            problems.Add($"{call.Method} {call.Template}: no such operation in any document");
            return problems;
        }

        var (document, operation) = match;
        var declared = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToHashSet()
            : [];
        problems.AddRange(call.Query.Where(name => !declared.Contains(name)).Select(name => $"query parameter '{name}' is not declared"));

        if (call.Request is { } request && request != typeof(EmptyBody))
        {
            if (JsonSchema(operation, "requestBody") is { } schema)
            {
                new Comparison(document, problems).Compare(request, schema, "request");
            }
            else
            {
                problems.Add("the operation takes no JSON body, the web app sends one");
            }
        }

        if (call.Response != typeof(JsonElement))
        {
            var responses = operation.GetProperty("responses");
            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).Select(r => JsonSchema(r.Value, null)).FirstOrDefault(s => s is not null);
            if (success is { } schema)
            {
                new Comparison(document, problems).Compare(call.Response, schema, "response");
            }
            else
            {
                problems.Add("the operation answers no JSON, the web app reads one");
            }
        }

        return problems.Select(problem => $"{call.Method} {call.Template}: {problem}").ToList();
    }

    private (JsonElement Document, JsonElement Operation)? Find(ApiCall call)
    {
        var wanted = Normalise(call.Template);
        foreach (var document in documents)
        {
            foreach (var path in document.GetProperty("paths").EnumerateObject().Where(path => Normalise(path.Name) == wanted))
            {
                if (path.Value.TryGetProperty(call.Method.ToLowerInvariant(), out var operation))
                {
                    return (document, operation);
                }
            }
        }

        return null;
    }

    // Parameter names are the service's business: /api/cases/{id} and /api/cases/{caseId} are one path.
    private static string Normalise(string template) =>
        string.Join('/', template.TrimEnd('/').Split('/').Select(segment => segment.StartsWith('{') ? "{}" : segment));

    private static JsonElement? JsonSchema(JsonElement holder, string? property)
    {
        if (property is not null && !holder.TryGetProperty(property, out holder))
        {
            return null;
        }

        return holder.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var schema)
            ? schema
            : null;
    }

    /// <summary>One walk over a .NET type and a schema, collecting what does not fit.</summary>
    private sealed class Comparison(JsonElement document, List<string> problems)
    {
        private readonly HashSet<(Type, string)> visited = [];

        public void Compare(Type type, JsonElement schema, string at)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            schema = Resolve(schema);
            if (type == typeof(JsonElement) || type == typeof(object) || !visited.Add((type, schema.GetRawText())))
            {
                return;
            }

            var kind = KindOf(type);
            var allowed = Kinds(schema);
            if (allowed.Count > 0 && !allowed.Contains(kind) && !(kind == "integer" && allowed.Contains("number")))
            {
                problems.Add($"{at} is {kind} in the web app, {string.Join("|", allowed)} in the document");
                return;
            }

            switch (kind)
            {
                case "array" when schema.TryGetProperty("items", out var items):
                    Compare(ElementType(type), items, $"{at}[]");
                    break;
                case "object" when DictionaryValueType(type) is { } value:
                    if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
                    {
                        Compare(value, values, $"{at}{{}}");
                    }

                    break;
                case "object" when schema.TryGetProperty("properties", out var properties):
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                    {
                        var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                        if (properties.TryGetProperty(name, out var propertySchema))
                        {
                            Compare(property.PropertyType, propertySchema, $"{at}.{name}");
                        }
                        else
                        {
                            problems.Add($"{at}.{name} is not in the document (it has {string.Join(", ", properties.EnumerateObject().Select(p => p.Name))})");
                        }
                    }

                    break;
            }
        }

        // $ref into the document's components, and the non-null branch of a nullable oneOf/anyOf.
        private JsonElement Resolve(JsonElement schema)
        {
            for (var depth = 0; depth < 20; depth++)
            {
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    schema = reference.GetString()!.TrimStart('#', '/').Split('/')
                        .Aggregate(document, (node, part) => node.GetProperty(part));
                }
                else if ((schema.TryGetProperty("oneOf", out var branches) || schema.TryGetProperty("anyOf", out branches) || schema.TryGetProperty("allOf", out branches))
                         && branches.EnumerateArray().Where(branch => !IsNull(branch)).ToList() is [var only])
                {
                    schema = only;
                }
                else
                {
                    return schema;
                }
            }

            return schema;
        }

        private static bool IsNull(JsonElement schema) =>
            schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

        private static HashSet<string> Kinds(JsonElement schema)
        {
            if (schema.TryGetProperty("type", out var type))
            {
                return type.ValueKind == JsonValueKind.Array
                    ? type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToHashSet()
                    : [type.GetString()!];
            }

            // An enum of strings (the services' kebab-case values).
            return schema.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                ? ["string"]
                : [];
        }

        private static string KindOf(Type type) => type switch
        {
            _ when type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly)
                || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type.IsEnum => "string",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "integer",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when DictionaryValueType(type) is not null => "object",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "array",
            _ => "object",
        };

        private static Type? DictionaryValueType(Type type) =>
            (type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

        private static Type ElementType(Type type) =>
            type.IsArray
                ? type.GetElementType()!
                : (type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
                    .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
    }
}
