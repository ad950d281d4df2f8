using System.Text.RegularExpressions;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Application.Validation;

/// <summary>Collects every field error of a request, so the client learns all of them at once.</summary>
public sealed partial class FieldErrors
{
    public const int MaxText = 200;
    public const int MaxLongText = 10_000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);

    public void Required(object? value, string field)
    {
        if (value is null)
        {
            Add(field, "This field is required.");
        }
    }

    /// <summary>Text no longer than <paramref name="max"/>; with <paramref name="required"/> also not blank.</summary>
    public void Text(string? value, string field, int max = MaxText, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "This field is required.");
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"At most {max} characters.");
        }
    }

    public void Count<T>(IReadOnlyCollection<T>? values, string field, int max, int min = 0)
    {
        var count = values?.Count ?? 0;
        if (count < min || count > max)
        {
            Add(field, min > 0 ? $"Between {min} and {max} entries." : $"At most {max} entries.");
        }
    }

    /// <summary>A lowercase key such as <c>caritas-guetersloh</c> or a topic <c>language-course</c>.</summary>
    public void Key(string? value, string field, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "This field is required.");
            }
        }
        else if (!KeyPattern().IsMatch(value))
        {
            Add(field, "Lowercase letters, digits and hyphens, 2 to 100 characters.");
        }
    }

    public void Language(string? value, string field)
    {
        if (!LanguageCodes.IsKnown(value))
        {
            Add(field, $"'{value}' is not a known ISO 639-1 language code.");
        }
    }

    public void Languages(IReadOnlyList<string>? values, string field, int max = 50)
    {
        Count(values, field, max);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            Language(values![i], $"{field}[{i}]");
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,99}$")]
    private static partial Regex KeyPattern();
}
