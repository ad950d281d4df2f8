using KimPlatform.Security.Authentication;
namespace KimPlatform.Cases.Api.Application.Validation;

/// <summary>Collects every field error of a request, so the client learns all of them at once.</summary>
public sealed class FieldErrors
{
    public const int MaxText = 100;
    public const int MaxLongText = 2000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);

    public void Required<T>(T? value, string field) where T : struct
    {
        if (value is null)
        {
            Add(field, "This field is required.");
        }
    }

    public void Required(object? value, string field)
    {
        if (value is null)
        {
            Add(field, "This field is required.");
        }
    }

    /// <summary>Optional text no longer than <paramref name="max"/>; with <paramref name="required"/> also not blank.</summary>
    public void Text(string? value, string field, int max = MaxText, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "This field is required.");
            }
        }
        else if (value.Trim().Length > max)
        {
            Add(field, $"At most {max} characters.");
        }
    }

    /// <summary>A key that also appears in pages and URLs: lowercase letters, digits and '-', so it needs no escaping.</summary>
    public void Key(string? value, string field, bool required = true)
    {
        Text(value, field, 50, required);
        if (!string.IsNullOrWhiteSpace(value) && !KimClaims.IsKey(value.Trim()))
        {
            Add(field, "Use lowercase letters, digits and '-', starting with a letter or digit.");
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

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());
}
