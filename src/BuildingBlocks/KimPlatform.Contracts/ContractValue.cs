using System.Text.Json;

namespace KimPlatform.Contracts;

/// <summary>
/// How an enum value is spelled in the API, the events and the database: kebab-case (<c>asylum-seeker</c>). The
/// spelling is part of the contract, so every service reads and writes it through this one class.
/// </summary>
public static class ContractValue
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum =>
        TryParse<TEnum>(value, out var parsed) ? parsed : throw new FormatException($"'{value}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Of(candidate) == value)
            {
                parsed = candidate;
                return true;
            }
        }

        parsed = default;
        return false;
    }
}
