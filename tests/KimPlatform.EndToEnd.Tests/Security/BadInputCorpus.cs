using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>One request of the corpus: what it breaks, and how it is sent.</summary>
/// <param name="Operation">The write operation it targets.</param>
/// <param name="Kind">What is wrong with it, e.g. <c>wrong type .person.birthDate = {}</c>.</param>
/// <param name="Path">The request path, path parameters filled in.</param>
/// <param name="Content">The body (a new one per call: content is disposed with its request); null for none.</param>
/// <param name="IfMatch">The If-Match to send, if any.</param>
internal sealed record CorpusRequest(WriteOperation Operation, string Kind, string Path, Func<HttpContent?> Content, string? IfMatch)
{
    public override string ToString() => $"{Operation.Operation.Method} {Path} [{Kind}]";
}

/// <summary>
/// Malformed and hostile requests derived from each write operation's OpenAPI request schema: the sample body of
/// <see cref="RequestSchema"/> with one thing broken per request. <see cref="Malformed"/> holds requests no service may
/// accept; <see cref="Hostile"/> holds well-formed ones with strings and values a service may accept or refuse.
/// </summary>
internal static class BadInputCorpus
{
    public const int BodyLimit = 1024 * 1024;

    /// <summary>Strings a form field can receive from a person or an attacker; each is valid JSON text.</summary>
    public static readonly string[] HostileStrings =
    [
        "'; DROP TABLE cases; --",
        "\" OR 1=1; SELECT pg_sleep(5); --",
        "<script>alert('kim')</script>",
        "محمد عبد الله",
        "Олена Коваленко",
        "Müttercafé 👩‍👧‍👦 ☕ 🇺🇦",
        "Zero\u200Bwidth\u200Djoiner\uFEFF",
        "\u202Egnp.exe\u202C \u200Fمرحبا\u200E",
        "{{7*7}} ${jndi:ldap://x} %s%n ../../etc/passwd",
    ];

    // Raw JSON of a type the field does not have, per kind; rotated so that every wrong type comes up.
    private static readonly Dictionary<FieldKind, string[]> WrongTypes = new()
    {
        [FieldKind.String] = ["12345", "{\"a\":1}", "[\"x\"]", "true"],
        [FieldKind.Date] = ["20200517", "\"2023-02-30\"", "\"31.12.2020\"", "\"2020-13-45T99:61:00+99:00\""],
        [FieldKind.Uuid] = ["\"not-a-guid\"", "\"' OR '1'='1\"", "12", "\"00000000-0000-0000-0000-00000000000g\""],
        [FieldKind.Integer] = ["\"abc\"", "1.5", "1e400", "123456789012345678901234567890", "[]"],
        [FieldKind.Number] = ["\"abc\"", "1e400", "{}", "-1e999"],
        [FieldKind.Boolean] = ["\"yes\"", "0", "[]"],
        [FieldKind.Enum] = ["7", "\"no-such-value\"", "[\"women\"]", "{}"],
        [FieldKind.Array] = ["{}", "\"x\"", "1"],
        [FieldKind.Object] = ["[]", "\"x\"", "1"],
        [FieldKind.Map] = ["[]", "\"x\"", "{\"de\":5}"],
    };

    private static readonly string[] InvalidDates = ["\"2023-02-30T25:61:00+99:00\"", "\"tomorrow\"", "\"0000-00-00\""];

    private static readonly string[] GarbageETags = ["garbage", "\"999999999999999999999999\"", "\"-1\"", "\"1\" junk", "*", "W/", new string('"', 3)];

    private static readonly string[] NotIds = ["not-a-guid", "1' OR '1'='1", "😀", "00000000-0000-0000-0000-00000000000g"];

    /// <summary>Requests that are malformed: every one must get a 4xx, and none may change anything.</summary>
    public static IEnumerable<CorpusRequest> Malformed(WriteOperation operation, string path, string? ifMatch)
    {
        var (body, fields) = RequestSchema.Sample(operation);
        var json = body?.ToJsonString() ?? "";

        if (body is not null)
        {
            yield return Raw(operation, "invalid UTF-8", path, ifMatch, Utf8([.. Encoding.UTF8.GetBytes(Prefix(json)), 0xC3, 0x28, 0xFF, 0xFE,
                .. Encoding.UTF8.GetBytes(Suffix(json))]));
            if (json.Contains("\"Beispiel\"", StringComparison.Ordinal))
            {
                yield return Text(operation, "lone surrogate escape", path, ifMatch, ReplaceFirst(json, "\"Beispiel\"", "\"ab\\ud800cd\""));
                yield return Text(operation, "lone low surrogate escape", path, ifMatch, ReplaceFirst(json, "\"Beispiel\"", "\"\\udc00\""));
            }

            yield return Text(operation, "text/plain", path, ifMatch, json, "text/plain");
            yield return Text(operation, "form content type", path, ifMatch, "person=x&reachability=low", "application/x-www-form-urlencoded");
            yield return Text(operation, "truncated JSON", path, ifMatch, json[..(json.Length / 2)]);
            yield return Text(operation, "trailing garbage", path, ifMatch, json + "}x");
            yield return Text(operation, "comment", path, ifMatch, "/* c */" + json);
            yield return Text(operation, "single quotes", path, ifMatch, "{'a': 'b'}");
            yield return Text(operation, "JSON array", path, ifMatch, "[" + json + "]");
            yield return Text(operation, "JSON number", path, ifMatch, "12");
            yield return Text(operation, "JSON string", path, ifMatch, "\"x\"");
            yield return Text(operation, "nested arrays 10000 deep", path, ifMatch,
                WithFirst(body, string.Concat(Enumerable.Repeat('[', 10_000)) + new string(']', 10_000)));
            yield return Text(operation, "nested objects 10000 deep", path, ifMatch,
                WithFirst(body, string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
            yield return Text(operation, "over 1 MiB", path, ifMatch, Padded(body, BodyLimit + 1024));
            if (fields.FirstOrDefault(field => field.Path.Count == 1) is { } first)
            {
                // Just under the limit, so the size is allowed and the body must be refused for its content instead.
                var broken = Replaced(body, first, WrongTypes[first.Kind][0]);
                yield return Text(operation, $"just under 1 MiB, {first.Name} of a wrong type", path, ifMatch, Padded(broken, BodyLimit - 512));
            }

            var index = 0;
            foreach (var field in fields)
            {
                var wrong = WrongTypes[field.Kind];
                var value = wrong[index % wrong.Length];
                yield return Text(operation, $"wrong type {field.Name} = {Short(value)}", path, ifMatch, Replaced(body, field, value).ToJsonString());

                if (field.Kind == FieldKind.String && IsDateName(field))
                {
                    yield return Text(operation, $"invalid date {field.Name}", path, ifMatch,
                        Replaced(body, field, InvalidDates[index % InvalidDates.Length]).ToJsonString());
                }

                index++;
            }
        }

        if (operation.TakesIfMatch)
        {
            foreach (var garbage in GarbageETags)
            {
                yield return Text(operation, $"If-Match {Short(garbage)}", path, garbage, json, body is null ? null : "application/json");
            }
        }

        foreach (var parameter in operation.Operation.PathParameters.Take(1))
        {
            foreach (var notId in NotIds)
            {
                var template = operation.Operation.PathParameters.Skip(1).Aggregate(operation.Operation.Path,
                    (current, other) => current.Replace($"{{{other}}}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
                yield return Text(operation, $"{{{parameter}}} = {notId}", template.Replace($"{{{parameter}}}", Uri.EscapeDataString(notId),
                    StringComparison.Ordinal), ifMatch, json, body is null ? null : "application/json");
            }
        }
    }

    /// <summary>
    /// Requests that are well-formed but hostile or odd: strings of <see cref="HostileStrings"/> in every string field,
    /// nulls, missing required fields, a byte order mark, enum values in another case. A service may accept or refuse them.
    /// </summary>
    public static IEnumerable<CorpusRequest> Hostile(WriteOperation operation, string path, string? ifMatch, JsonNode? validBody)
    {
        var (sample, fields) = RequestSchema.Sample(operation);
        var body = validBody ?? sample;
        if (body is null)
        {
            yield break;
        }

        var present = fields.Where(field => Exists(body, field.Path)).ToArray();
        var index = 0;
        foreach (var field in present.Where(field => field.Kind == FieldKind.String))
        {
            foreach (var text in index == 0 ? HostileStrings : [HostileStrings[index % HostileStrings.Length]])
            {
                var changed = body.DeepClone();
                Set(changed, field.Path, JsonValue.Create(text));
                yield return Text(operation, $"{field.Name} = {Short(text)}", path, ifMatch, changed.ToJsonString());
            }

            index++;
        }

        foreach (var field in present.Where(field => field.Kind == FieldKind.Enum))
        {
            var value = Get(body, field.Path)?.GetValue<string>() ?? "";
            yield return Text(operation, $"{field.Name} in upper case", path, ifMatch,
                Replaced(body, field, $"\"{value.ToUpperInvariant()}\"").ToJsonString());
        }

        foreach (var field in present)
        {
            yield return Text(operation, $"{field.Name} = null", path, ifMatch, Replaced(body, field, "null").ToJsonString());
            if (field.Required && field.Path[^1] is string name)
            {
                var changed = body.DeepClone();
                ((JsonObject)Get(changed, field.Path.SkipLast(1).ToArray())!).Remove(name);
                yield return Text(operation, $"{field.Name} missing", path, ifMatch, changed.ToJsonString());
            }
        }

        yield return Raw(operation, "byte order mark", path, ifMatch, Utf8([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(body.ToJsonString())]));
        yield return Text(operation, "empty object", path, ifMatch, "{}");
        yield return Text(operation, "duplicate property", path, ifMatch, body.ToJsonString().TrimEnd('}') + ",\"x\":1,\"x\":2}");
    }

    private static bool IsDateName(BodyField field) => field.Path[^1] is string name
        && (name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("Date", StringComparison.Ordinal) || name.EndsWith("Until", StringComparison.Ordinal));

    private static CorpusRequest Text(WriteOperation operation, string kind, string path, string? ifMatch, string text, string? mediaType = "application/json") =>
        new(operation, kind, path, () => mediaType is null ? null : new StringContent(text, new UTF8Encoding(false), mediaType), ifMatch);

    private static CorpusRequest Raw(WriteOperation operation, string kind, string path, string? ifMatch, Func<HttpContent> content) =>
        new(operation, kind, path, content, ifMatch);

    private static Func<HttpContent> Utf8(byte[] bytes) => () =>
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    };

    // The JSON text up to the first string value, and after it: the invalid bytes go where a string's content would be.
    private static string Prefix(string json)
    {
        var at = json.IndexOf("\"Beispiel\"", StringComparison.Ordinal);
        return at < 0 ? "{\"name\":\"" : json[..(at + 1)];
    }

    private static string Suffix(string json)
    {
        var at = json.IndexOf("\"Beispiel\"", StringComparison.Ordinal);
        return at < 0 ? "\"}" : json[(at + "\"Beispiel".Length)..];
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static string WithFirst(JsonNode body, string rawValue) =>
        body is JsonObject { Count: > 0 } json
            ? ReplaceFirst(json.ToJsonString(), $"\"{json.First().Key}\":", $"\"{json.First().Key}\":{rawValue},\"zzOriginal\":")
            : rawValue;

    // The body with a string property that brings it to `size` bytes: the first property, so a streaming reader meets it first.
    private static string Padded(JsonNode body, int size)
    {
        var json = body.ToJsonString();
        var padding = Math.Max(0, size - json.Length - "{\"padding\":\"\",".Length);
        return "{\"padding\":\"" + new string('x', padding) + "\"," + (json.Length > 2 ? json[1..] : "\"x\":1}");
    }

    private static JsonNode Replaced(JsonNode body, BodyField field, string rawValue)
    {
        var changed = body.DeepClone();
        Set(changed, field.Path, JsonNode.Parse(rawValue));
        return changed;
    }

    private static bool Exists(JsonNode body, IReadOnlyList<object> path) => path.Count == 0 || (Get(body, path.SkipLast(1).ToArray()) switch
    {
        JsonObject json => json.ContainsKey((string)path[^1]),
        JsonArray array => path[^1] is int i && i < array.Count,
        _ => false,
    });

    private static JsonNode? Get(JsonNode? node, IReadOnlyList<object> path)
    {
        foreach (var step in path)
        {
            node = step is int i ? (node is JsonArray array && i < array.Count ? array[i] : null) : (node as JsonObject)?[(string)step];
        }

        return node;
    }

    private static void Set(JsonNode body, IReadOnlyList<object> path, JsonNode? value)
    {
        var parent = Get(body, path.SkipLast(1).ToArray());
        if (path[^1] is int i && parent is JsonArray array)
        {
            array[i] = value;
        }
        else if (parent is JsonObject json)
        {
            json[(string)path[^1]] = value;
        }
    }

    private static string Short(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
