using System.Globalization;
using System.Text.RegularExpressions;

namespace KimPlatform.Events.Api.Application.Validation;

/// <summary>Every field error of a request, keyed by field, so the client learns all of them at once (→ 400).</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);

    /// <summary>Trimmed text of at most <paramref name="max"/> characters; null (and an error when required) when blank.</summary>
    public string? Text(string? value, string field, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "This field is required.");
            }

            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            Add(field, $"At most {max} characters.");
        }

        return trimmed;
    }

    public T? Required<T>(T? value, string field) where T : struct
    {
        if (value is null)
        {
            Add(field, "This field is required.");
        }

        return value;
    }

    public int? Range(int? value, string field, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "This field is required.");
            }
        }
        else if (value < min || value > max)
        {
            Add(field, $"Between {min} and {max}.");
        }

        return value;
    }

    /// <summary>An ISO 8601 timestamp that names its offset (<c>2026-03-28T10:00:00+01:00</c> or <c>…Z</c>).</summary>
    public DateTimeOffset? Timestamp(string? value, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "This field is required.");
            }

            return null;
        }

        if (!WithOffset().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            Add(field, "An ISO 8601 timestamp with offset, such as 2026-03-28T10:00:00+01:00.");
            return null;
        }

        return parsed.ToUniversalTime(); // PostgreSQL stores instants; the Berlin offset is added when shown
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
