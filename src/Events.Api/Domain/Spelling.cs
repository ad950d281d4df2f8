using System.Text.Json;

namespace KimPlatform.Events.Api.Domain;

/// <summary>The contract spelling of an enum value (<c>world-cafe</c>), the same in the API, the events and the database.</summary>
public static class Spelling
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static TEnum Read<TEnum>(string text) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Of(value) == text)
            {
                return value;
            }
        }

        throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");
    }
}
