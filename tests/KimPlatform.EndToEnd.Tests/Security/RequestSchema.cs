using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.EndToEnd.Tests.Support;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>What a request body's field is, as far as the OpenAPI schema says.</summary>
internal enum FieldKind { String, Date, Uuid, Integer, Number, Boolean, Enum, Array, Object, Map }

/// <summary>One field of a sample body: where it is (a path of property names and array indexes) and what it holds.</summary>
internal sealed record BodyField(IReadOnlyList<object> Path, FieldKind Kind, bool Required, IReadOnlyList<string> EnumValues)
{
    public string Name => string.Concat(Path.Select(step => step is int index ? $"[{index}]" : $".{step}"));
}

/// <summary>A write operation with what its OpenAPI document says about it: the request schema and the If-Match header.</summary>
internal sealed record WriteOperation(ApiOperation Operation, JsonElement? Schema, JsonElement Components, bool TakesIfMatch)
{
    public override string ToString() => Operation.ToString();
}

/// <summary>
/// Reads the write operations of the running stack's OpenAPI documents (through <see cref="ApiSurface"/>) and builds from
/// each request schema a body of the right shape, with every field present, so that a test can break one thing at a time.
/// </summary>
internal static class RequestSchema
{
    public static async Task<IReadOnlyList<WriteOperation>> WriteOperationsAsync()
    {
        var documents = (await ApiSurface.DocumentsAsync()).ToDictionary(document => document.Name, document => document.Body);
        var writes = new List<WriteOperation>();
        foreach (var operation in await ApiSurface.OperationsAsync())
        {
            if (operation.Method == "GET")
            {
                continue;
            }

            var document = documents[operation.Service];
            var description = document.GetProperty("paths").GetProperty(operation.Path).GetProperty(operation.Method.ToLowerInvariant());
            JsonElement? schema = description.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;
            var ifMatch = description.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(parameter => parameter.GetProperty("in").GetString() == "header"
                    && string.Equals(parameter.GetProperty("name").GetString(), "If-Match", StringComparison.OrdinalIgnoreCase));
            writes.Add(new WriteOperation(operation, schema, document.GetProperty("components"), ifMatch));
        }

        return writes;
    }

    /// <summary>A body with every property of the schema, each holding a value of its type, and the fields in it.</summary>
    public static (JsonNode? Body, IReadOnlyList<BodyField> Fields) Sample(WriteOperation operation)
    {
        if (operation.Schema is not { } schema)
        {
            return (null, []);
        }

        var fields = new List<BodyField>();
        var body = Build(Resolve(schema, operation.Components), operation.Components, [], required: true, fields, depth: 0);
        return (body, fields);
    }

    private static JsonNode? Build(JsonElement schema, JsonElement components, List<object> path, bool required, List<BodyField> fields, int depth)
    {
        var kind = KindOf(schema);
        var enumValues = schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()!).ToArray()
            : [];
        if (path.Count > 0)
        {
            fields.Add(new BodyField([.. path], kind, required, enumValues));
        }

        switch (kind)
        {
            case FieldKind.Object when depth < 4:
                var requiredNames = schema.TryGetProperty("required", out var names)
                    ? names.EnumerateArray().Select(name => name.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                var node = new JsonObject();
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                {
                    node[property.Name] = Build(Resolve(property.Value, components), components, [.. path, property.Name],
                        requiredNames.Contains(property.Name), fields, depth + 1);
                }

                return node;
            case FieldKind.Object or FieldKind.Map:
                return new JsonObject { ["de"] = "Beispiel" };
            case FieldKind.Array when depth < 4:
                return new JsonArray(Build(Resolve(schema.GetProperty("items"), components), components, [.. path, 0], required: true, fields, depth + 1));
            case FieldKind.Array:
                return new JsonArray();
            default:
                return Value(kind, enumValues);
        }
    }

    /// <summary>A plausible value of a kind: what a client that read the schema would send.</summary>
    public static JsonNode? Value(FieldKind kind, IReadOnlyList<string> enumValues) => kind switch
    {
        FieldKind.Date => JsonValue.Create("2020-05-17"),
        FieldKind.Uuid => JsonValue.Create(Guid.NewGuid().ToString()),
        FieldKind.Integer => JsonValue.Create(3),
        FieldKind.Number => JsonValue.Create(51.8),
        FieldKind.Boolean => JsonValue.Create(true),
        FieldKind.Enum => JsonValue.Create(enumValues.Count > 0 ? enumValues[0] : "other"),
        _ => JsonValue.Create("Beispiel"),
    };

    private static FieldKind KindOf(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out _))
        {
            return FieldKind.Enum;
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var type = !schema.TryGetProperty("type", out var t) ? "object"
            : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(entry => entry.GetString()).First(entry => entry != "null")
            : t.GetString();
        return (type, format) switch
        {
            ("integer", _) => FieldKind.Integer,
            ("number", _) => FieldKind.Number,
            ("boolean", _) => FieldKind.Boolean,
            ("array", _) => FieldKind.Array,
            ("string", "date") => FieldKind.Date,
            ("string", "uuid") => FieldKind.Uuid,
            ("string", _) => FieldKind.String,
            _ when schema.TryGetProperty("properties", out _) => FieldKind.Object,
            _ => FieldKind.Map,
        };
    }

    // $ref to components, and "oneOf: [null, X]" (a nullable reference) to X.
    private static JsonElement Resolve(JsonElement schema, JsonElement components)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = components.GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
            }
            else if (schema.TryGetProperty("oneOf", out var options)
                && options.EnumerateArray().FirstOrDefault(option => !(option.TryGetProperty("type", out var type) && type.GetString() == "null"))
                    is { ValueKind: JsonValueKind.Object } other)
            {
                schema = other;
            }
            else
            {
                return schema;
            }
        }
    }
}
