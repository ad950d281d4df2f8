using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Every write operation of the OpenAPI documents, with a caller allowed to reach it, gets bodies no client should send:
/// over the size limit (413), nested 10,000 deep, and not UTF-8. Each answer is 4xx, never a 500.
/// </summary>
public sealed class HostileBodyTests(SeededTenant seeded) : IClassFixture<SeededTenant>
{
    private static readonly string[] AllRoles = ["case_manager", "coordinator", "partner_staff", "tenant_admin"];

    public static TheoryData<string> Bodies() => ["oversized", "nested 10000 deep", "invalid UTF-8"];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryWriteOperation_HostileBody_Gets4xx(string kind)
    {
        var writes = (await ApiSurface.OperationsAsync()).Where(operation => operation.HasBody).ToArray();
        using var client = new HttpClient { BaseAddress = TestEnvironment.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var failures = new List<string>();

        foreach (var operation in writes)
        {
            var path = operation.PathParameters.Aggregate(operation.Path,
                (current, parameter) => current.Replace($"{{{parameter}}}", seeded.PathValue(operation.Path, parameter), StringComparison.Ordinal));
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = Body(kind) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CraftedTokens.Valid(seeded.Tenant, seeded.CaseOrganisation, AllRoles));
            request.Headers.TryAddWithoutValidation("If-Match", seeded.CaseETag);
            // The gateway answers 413 before reading the body and closes the connection: wait for that answer before
            // uploading, on a connection of its own, instead of writing 2 MiB into a closed socket.
            request.Headers.ExpectContinue = kind == "oversized";
            using var own = kind == "oversized" ? new HttpClient { BaseAddress = TestEnvironment.Gateway, Timeout = TimeSpan.FromSeconds(60) } : null;
            using var response = await (own ?? client).SendAsync(request);
            var status = (int)response.StatusCode;
            var expected = kind == "oversized" ? status == 413 : status is >= 400 and < 500;
            if (!expected)
            {
                failures.Add($"{operation.Method} {path} → {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {writes.Length} write operations, {failures.Count} failed");
        Assert.True(writes.Length > 20, $"Only {writes.Length} write operations in the documents.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static HttpContent Body(string kind) => kind switch
    {
        "oversized" => new StringContent($$"""{ "note": "{{new string('x', 2 * 1024 * 1024)}}" }""", Encoding.UTF8, "application/json"),
        "nested 10000 deep" => new StringContent(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000),
            Encoding.UTF8, "application/json"),
        _ => Utf8Invalid(),
    };

    private static ByteArrayContent Utf8Invalid()
    {
        // {"name":"<0xC3 0x28>"}: a lead byte followed by an ASCII byte is no UTF-8 sequence.
        byte[] bytes = [.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
