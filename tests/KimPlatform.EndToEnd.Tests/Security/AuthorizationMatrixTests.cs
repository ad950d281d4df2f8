using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Every operation of every service's OpenAPI document, through the gateway, with every kind of wrong caller. The
/// operations come from the documents of the running stack, so a new endpoint is in the matrix without being named
/// here; path parameters are the seeded tenant's real resources where the path names one.
/// </summary>
public sealed class AuthorizationMatrixTests(SeededTenant seeded) : IClassFixture<SeededTenant>
{
    private static readonly string[] AllRoles = ["case_manager", "coordinator", "partner_staff", "tenant_admin"];

    /// <summary>The callers that must never pass authentication: 401 on every route that needs a token.</summary>
    private static readonly string[] Unauthenticated = ["no token", "expired", "alg none", "another key", "wrong audience", "wrong issuer"];

    [Fact]
    public async Task EveryOperation_EveryWrongCaller_GetsItsExpectedStatus_AndNoOtherTenantsData()
    {
        var operations = await ApiSurface.OperationsAsync();
        var cells = Cells();
        var failures = new List<string>();
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var client = new HttpClient { BaseAddress = TestEnvironment.Gateway, Timeout = TimeSpan.FromSeconds(30) };

        foreach (var operation in operations)
        {
            var path = operation.PathParameters.Aggregate(operation.Path,
                (current, parameter) => current.Replace($"{{{parameter}}}", seeded.PathValue(operation.Path, parameter), StringComparison.Ordinal));
            foreach (var (cell, token) in cells)
            {
                var (status, body) = await SendAsync(client, operation, path, token(operation));
                var problem = Judge(operation, path, cell, status, body);
                tally[$"{cell}: {(int)status}"] = tally.GetValueOrDefault($"{cell}: {(int)status}") + 1;
                if (problem is not null)
                {
                    failures.Add($"{operation.Method} {path} [{cell}] → {(int)status}: {problem}");
                }
            }
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"security matrix: {operations.Count} operations × {cells.Count} callers = {operations.Count * cells.Count} calls, " +
            $"{operations.Count(operation => operation.Public)} public operations; {failures.Count} failed");
        foreach (var (cell, count) in tally)
        {
            output?.WriteLine($"  {cell} × {count}");
        }

        Assert.True(operations.Count > 40, $"Only {operations.Count} operations in the documents: the matrix would prove little.");
        Assert.All(operations.Where(operation => operation.Public), operation => Assert.Contains(operation.ToString(), PublicByContract));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private string? Judge(ApiOperation operation, string path, string cell, HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return "a server error";
        }

        if (body.Contains(seeded.Marker, StringComparison.Ordinal) && !(cell == "another organisation" && TenantWide(operation)))
        {
            return "the body shows the seeded tenant's data";
        }

        if (Unauthenticated.Contains(cell))
        {
            // Public routes answer such callers as anonymous ones; the marker check above is what matters there.
            return operation.Public || status == HttpStatusCode.Unauthorized ? null : "expected 401";
        }

        if (operation.Public)
        {
            return null;
        }

        // A body the operation cannot read (the matrix sends {}) may be refused before the resource is looked up:
        // 400 says nothing about the resource. Anything else must be 404 (or 403), never an answer about it.
        var refused = status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || (operation.HasBody && status == HttpStatusCode.BadRequest);
        return cell switch
        {
            "another tenant" when seeded.AddressesSeededResource(path) && !refused => "expected 404 (or 403)",
            "another organisation" when !TenantWide(operation) && seeded.AddressesSeededResource(path) && !refused => "expected 404 (or 403)",
            "wrong role" when status != HttpStatusCode.Forbidden && !AnyRole.Contains(operation.ToString()) => "expected 403",
            _ => null,
        };
    }

    // The contract's public routes (docs/api.md, docs/decisions.md "HTTP"). An operation that declares no security and
    // is not here fails the matrix: opening a route to anonymous callers is a decision to write down, not a side effect.
    private static readonly string[] PublicByContract =
    [
        "GET /api/partners/offers", "GET /api/partners/offers/hsds", "GET /api/partners/offers/{id}/published", "GET /api/partners/bodies/open", "POST /api/partners/bodies/signups",
        "GET /api/events", "GET /api/events/{id}", "GET /api/events/{id}/calendar.ics", "GET /api/events/calendar.ics",
        "POST /api/events/{id}/registrations", "POST /api/events/{id}/registrations/{registrationId}/cancel", "POST /api/events/{id}/feedback",
    ];

    // Operations every role of a tenant may call by contract: consent texts are no personal data, and each role shows them.
    private static readonly string[] AnyRole = ["GET /api/cases/consent-templates"];

    // The role whose data belongs to its organisation (docs/api.md): case managers' cases, partner staff's offers and
    // inbox. Events and reports are the coordination's, tenant-wide, so another organisation's coordinator sees them.
    private static string OrganisationRole(ApiOperation operation) => operation.Service switch
    {
        "cases" => "case_manager",
        "partners" => "partner_staff",
        _ => "coordinator",
    };

    private static bool TenantWide(ApiOperation operation) => OrganisationRole(operation) == "coordinator";

    private List<(string Cell, Func<ApiOperation, string?> Token)> Cells()
    {
        var tenant = seeded.Tenant;
        var owner = seeded.CaseOrganisation;
        var otherTenant = TestEnvironment.NewTenant("kreis-other");
        return
        [
            ("no token", _ => null),
            ("expired", _ => CraftedTokens.Expired(tenant, owner, AllRoles)),
            ("alg none", _ => CraftedTokens.AlgNone(tenant, owner, AllRoles)),
            ("another key", _ => CraftedTokens.SignedByAnotherKey(tenant, owner, AllRoles)),
            ("wrong audience", _ => CraftedTokens.WrongAudience(tenant, owner, AllRoles)),
            ("wrong issuer", _ => CraftedTokens.WrongIssuer(tenant, owner, AllRoles)),
            ("another tenant", _ => CraftedTokens.Valid(otherTenant, owner, AllRoles)),
            ("another organisation", operation => CraftedTokens.Valid(tenant, "stadt-sec-b", OrganisationRole(operation))),
            ("wrong role", operation => CraftedTokens.Valid(tenant, owner, WrongRole(operation))),
        ];
    }

    // A role that the service's contract never lets at these operations (docs/api.md): partners' staff hold no cases,
    // case managers run no partner directory, events or reports. Elsewhere: a token with no platform role.
    private static string[] WrongRole(ApiOperation operation) => operation.Service switch
    {
        "cases" => ["partner_staff"],
        "partners" or "events" or "reporting" => ["case_manager"],
        _ => [],
    };

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, ApiOperation operation, string path, string? token)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            request.Headers.TryAddWithoutValidation("If-Match", seeded.CaseETag);
            if (operation.HasBody)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            // The matrix is a burst of calls from one address; a rate limit answers for itself in its own tests.
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 2)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5));
                continue;
            }

            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
