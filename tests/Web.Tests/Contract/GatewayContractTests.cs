using KimPlatform.Testing;
using KimPlatform.Web.Gateway;

namespace KimPlatform.Web.Tests.Contract;

/// <summary>
/// Every call of the web app's typed client (<see cref="GatewayApi"/>) against the OpenAPI documents the running services
/// serve through the gateway: a renamed path, query parameter or property, or a changed JSON type, on either side, fails here.
/// </summary>
public sealed class GatewayContractTests
{
    private static readonly Lazy<Task<OpenApiContract>> Contract = new(() => OpenApiContract.LoadAsync(TestEnvironment.Gateway));

    public static TheoryData<string> Calls => [.. GatewayApi.All.Select(call => call.Name)];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Calls))]
    public async Task Call_OfTheWebApp_MatchesTheServicesOpenApiDocument(string name)
    {
        var call = GatewayApi.All.Single(entry => entry.Name == name).Call;

        var differences = (await Contract.Value).Differences(call);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact(Timeout = 60_000)]
    public async Task Differences_CallsThatDoNotMatch_AreEachReported()
    {
        var contract = await Contract.Value;

        Assert.Contains("request.chanel is not in the document",
            Assert.Single(contract.Differences(new ApiCall<MisspeltContact, System.Text.Json.JsonElement>("POST", "/api/cases/{id}/contacts"))),
            StringComparison.Ordinal);
        Assert.Contains("response.version is boolean in the web app",
            Assert.Single(contract.Differences(new ApiCall<WronglyTypedCase>("GET", "/api/cases/{id}"))), StringComparison.Ordinal);
        Assert.Contains("query parameter 'tenantKey'",
            Assert.Single(contract.Differences(new ApiCall<System.Text.Json.JsonElement>("GET", "/api/partners/offers", "tenantKey"))), StringComparison.Ordinal);
        Assert.Contains("no such operation",
            Assert.Single(contract.Differences(new ApiCall<System.Text.Json.JsonElement>("DELETE", "/api/partners/offers/{id}"))), StringComparison.Ordinal);
    }

    private sealed record MisspeltContact(string? Date, string? Chanel, string? Note);

    private sealed record WronglyTypedCase(Guid Id, bool Version);
}
