using System.Net.Http.Json;

namespace KimPlatform.Cases.Api.Tests.Support;

internal static class CaseRequests
{
    public static object Valid(string municipality = "Rietberg") => new
    {
        person = new
        {
            givenName = "Olena",
            familyName = "Kovalenko",
            birthDate = "1988-04-12",
            gender = "female",
            nationality = "UA",
            languages = new[] { "uk", "ru" },
            residenceStatus = "temporary-protection",
            arrivalDate = "2022-03-20",
            municipality,
        },
        targetGroups = new[] { "women", "families" },
        reachability = "medium",
    };

    public static Task<HttpResponseMessage> OpenAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/cases", body);

    public static Task<HttpResponseMessage> OpenRawAsync(this HttpClient client, string json) =>
        client.PostAsync("/api/cases", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
