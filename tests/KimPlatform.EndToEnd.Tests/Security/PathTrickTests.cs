using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Paths that start under a public route and climb, encoded or not, to a route that needs a token: the gateway answers
/// 4xx and never the protected route's data. Sent byte for byte (<see cref="RawHttp"/>), without a token.
/// </summary>
public sealed class PathTrickTests(SeededTenant seeded) : IClassFixture<SeededTenant>
{
    public static TheoryData<string> Tricks() =>
    [
        "/api/events/../cases/{case}",
        "/api/events/%2e%2e/cases/{case}",
        "/api/events/%2E%2E/%2E%2E/api/cases/{case}",
        "/api/events/..%2F..%2Fapi%2Fcases%2F{case}",
        "/api/events/%252e%252e/cases/{case}",
        "/api/events/x/..;/..;/cases/{case}",
        "/api/events/..\\cases\\{case}",
        "/api/partners/offers/..%2Freferrals",
        "/api/partners/offers/%2e%2e%2freferrals",
        "/api/partners/bodies/open/../../referrals",
        "//api/cases/{case}",
        "/api//cases/{case}",
        "/api/cases//{case}",
        "/api/events//../../api/cases/{case}",
        "/api/reports/../events/../cases/{case}",
        "/openapi/../api/cases/{case}",
        "/docs/../api/cases/{case}",
        "/docs/%2e%2e/api/cases/{case}",
        "/api/events/{long}",
        "/api/cases?q={long}",
    ];

    [Theory]
    [MemberData(nameof(Tricks))]
    public async Task Anonymous_PathTrickTowardsAProtectedRoute_Gets4xxAndNoData(string trick)
    {
        var target = trick.Replace("{case}", seeded.CaseId.ToString(), StringComparison.Ordinal)
            .Replace("{long}", new string('a', 20_000), StringComparison.Ordinal);

        var (status, body) = await RawHttp.SendAsync(TestEnvironment.Gateway, "GET", target);

        Assert.InRange(status, 400, 499);
        Assert.DoesNotContain(seeded.Marker, body, StringComparison.Ordinal);
    }
}
