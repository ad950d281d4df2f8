using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Issue 11's bad-input corpus: every write operation of every service with a database, found in the OpenAPI
/// documents, gets requests derived from its request schema with one thing broken each (wrong JSON types per field,
/// invalid UTF-8, lone surrogates, wrong content types, truncated and trailing JSON, bodies just under and over the
/// 1 MiB limit, nesting 10,000 deep, numbers too long for their type, invalid dates, ids that are no GUIDs, garbage
/// ETags). Each must be refused with a 4xx and problem details, and the tenant's rows in all four databases must be
/// exactly as before.
/// </summary>
public sealed class BadInputCorpusTests(SeededTenant seeded) : IClassFixture<SeededTenant>
{
    [Fact]
    public async Task EveryWriteOperation_MalformedCorpus_Gets4xxProblem_AndWritesNothing()
    {
        var operations = await RequestSchema.WriteOperationsAsync();
        var requests = operations.SelectMany(operation => BadInputCorpus.Malformed(operation,
            CorpusPaths.Fill(operation, seeded), CorpusPaths.IfMatch(operation, seeded))).ToArray();
        var before = await TenantFingerprint.SettledAsync(seeded.Tenant);

        var started = TimeProvider.System.GetTimestamp();
        var answers = await CorpusClient.SendAllAsync(requests, seeded);
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        var after = await TenantFingerprint.SettledAsync(seeded.Tenant);
        var failures = answers.Select(answer => (answer, why: CorpusClient.Refusal(answer))).Where(entry => entry.why is not null)
            .Select(entry => $"{entry.answer.Request} via {(entry.answer.ViaGateway ? "gateway" : "service")} → {entry.answer.Status} " +
                $"{entry.why}: {Trim(entry.answer.Body)}")
            .Order(StringComparer.Ordinal).ToArray();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"bad-input corpus: {answers.Count} requests against {operations.Count} write operations in {elapsed.TotalSeconds:F1} s, " +
            $"{answers.Count(answer => answer.ViaGateway)} through the gateway; {failures.Length} failed");
        foreach (var group in answers.GroupBy(answer => answer.Status).OrderBy(group => group.Key))
        {
            output?.WriteLine($"  {group.Key} × {group.Count()}");
        }

        Assert.True(operations.Count > 30, $"Only {operations.Count} write operations in the documents.");
        Assert.True(answers.Count > 500, $"Only {answers.Count} requests in the corpus.");
        Assert.True(failures.Length == 0, $"{failures.Length} of {answers.Count} answers were wrong:\n{string.Join('\n', failures.Take(60))}");
        Assert.True(TenantFingerprint.Difference(before, after).Length == 0,
            $"Refused requests changed the tenant's data: {TenantFingerprint.Difference(before, after)}");
    }

    private static string Trim(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

/// <summary>Path parameters and If-Match for the corpus: the seeded tenant's resources and their current ETag.</summary>
internal static class CorpusPaths
{
    public static string Fill(WriteOperation operation, SeededTenant seeded) => operation.Operation.PathParameters.Aggregate(operation.Operation.Path,
        (current, parameter) => current.Replace($"{{{parameter}}}", seeded.PathValue(operation.Operation.Path, parameter), StringComparison.Ordinal));

    // The case's ETag where the operation addresses the case, so a broken body is not refused for a stale ETag alone.
    public static string? IfMatch(WriteOperation operation, SeededTenant seeded) =>
        operation.TakesIfMatch ? (operation.Operation.Service == "cases" ? seeded.CaseETag : "\"1\"") : null;
}
