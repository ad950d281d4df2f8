using System.Text.Json;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>How an enum value is spelled in the API, the events and the database: kebab-case (<c>asylum-seeker</c>).</summary>
public static class ContractValue
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(candidate => Of(candidate) == value);
}
