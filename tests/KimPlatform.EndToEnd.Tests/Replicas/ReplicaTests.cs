using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests.Replicas;

/// <summary>
/// Two replicas of every service against the same databases and queues, behind a gateway that balances over both:
/// every case a client was told about is stored once, published once, and counted once by reporting, and the gateway
/// keeps answering when a replica is killed. Proved by counting in the databases, on the broker and in the logs.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests(ReplicaSet replicas)
{
    private const int Writers = 8;

    [Fact]
    public async Task OpenCases_TwoReplicasOfEveryService_EachCaseStoredPublishedAndCountedOnce()
    {
        await replicas.StartAsync();
        var tenant = TestEnvironment.NewTenant("kreis-replicas");
        await using var tap = await BrokerTap.StartAsync("CaseOpened");
        await GatewayRoutesToAsync("cases-api-2", tenant);
        var servedBefore = CreatedCasesLogged();
        // Both reporting replicas compete on the queue; RabbitMQ hands its messages to them in turn. A replica is healthy
        // before its bus has attached every consumer, so wait for the second one.
        Assert.Equal(2, await Eventually.GetAsync(() => ConsumersAsync("reporting-case-opened"), consumers => consumers == 2));

        // In rounds, until both replicas of the cases service have written: on a busy machine the gateway may rightly take
        // a replica out for a few seconds when its health probe is slow (ReplicaHealth), and one round can fall into that.
        const int casesPerRound = 60;
        var cases = 0;
        int[] served;
        do
        {
            var results = await OpenCasesAsync(tenant, casesPerRound);
            Assert.All(results, result => Assert.Equal(HttpStatusCode.Created, result.Status));
            cases += casesPerRound;
            // Between them the replicas answered exactly these requests (their logs are written a moment after the answer).
            served = await Eventually.GetAsync(
                () => Task.FromResult(CreatedCasesLogged().Select((count, replica) => count - servedBefore[replica]).ToArray()),
                counts => counts.Sum() >= cases);
            TestContext.Current.TestOutputHelper?.WriteLine($"POST /api/cases per replica after {cases}: {string.Join(", ", served)}");
        }
        while (served.Any(count => count == 0) && cases < 4 * casesPerRound);

        Assert.All(served, count => Assert.True(count > 0,
            $"a replica served none of the writes: {string.Join(", ", served)}; the gateway's health changes:\n{GatewayHealthChanges()}"));
        Assert.Equal(cases, served.Sum());
        Assert.Equal(cases, await Stack.CountStoredCasesAsync(tenant));
        await AssertPublishedAndCountedOnceAsync(tenant, tap, cases, allowRepublished: false);
    }

    [Fact]
    public async Task OpenCases_OneReplicaOfCasesAndReportingKilledMidLoad_GatewayKeepsAnsweringAndEveryAcknowledgedCaseCountedOnce()
    {
        await replicas.StartAsync();
        var tenant = TestEnvironment.NewTenant("kreis-replicas");
        await using var tap = await BrokerTap.StartAsync("CaseOpened");
        const int cases = 240;
        var killAfter = new TaskCompletionSource();

        var load = OpenCasesAsync(tenant, cases, done => { if (done == cases / 3) killAfter.TrySetResult(); });
        await killAfter.Task.WaitAsync(TimeSpan.FromMinutes(2));
        replicas.Kill("cases-api-2");
        replicas.Kill("reporting-api-2");
        var results = await load;

        var acknowledged = results.Where(result => result.Status == HttpStatusCode.Created).Select(result => result.Id).ToArray();
        var failed = results.Where(result => result.Status != HttpStatusCode.Created).ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledged.Length} of {cases} created, {failed.Length} failed: {string.Join(", ", failed.Select(result => (int)result.Status))}");
        // Only requests in flight on the killed replica can fail (a refused connection goes to the other replica). They
        // fail as 502, or, when the replica died after its answer had begun, as a connection the gateway had to cut: the
        // client cannot know whether such a write was applied, and must look before it retries. Never a 500.
        Assert.True(failed.Length <= Writers, $"{failed.Length} requests failed; at most the {Writers} in flight may");
        Assert.All(failed, result => Assert.True(result.Status is HttpStatusCode.BadGateway || result.Cut, $"{(int)result.Status}"));
        Assert.Equal(acknowledged.Length, await Sql.CountAsync(CasesDb,
            "SELECT count(*) FROM cases WHERE tenant_id = @p0 AND id = ANY(@p1)", tenant, acknowledged));
        var stored = await Stack.CountStoredCasesAsync(tenant);
        Assert.InRange(stored, acknowledged.Length, cases);
        // A dispatcher killed between the broker's confirm and its commit leaves rows that the other replica publishes
        // again; the inbox must drop the repeat.
        await AssertPublishedAndCountedOnceAsync(tenant, tap, (int)stored, allowRepublished: true);
    }

    private static string CasesDb => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "casesdb" }.ConnectionString;

    private static string ReportingDb => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "reportingdb" }.ConnectionString;

    // Cut: the connection broke before the whole answer arrived (Status is then 0).
    private sealed record Result(HttpStatusCode Status, Guid Id, bool Cut = false);

    private async Task<IReadOnlyList<Result>> OpenCasesAsync(string tenant, int count, Action<int>? progress = null)
    {
        using var caseManager = Stack.Client(replicas.Gateway, tenant, "stadt-rietberg", ["case_manager"]);
        var results = new ConcurrentBag<Result>();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (_, cancellation) =>
        {
            try
            {
                using var response = await caseManager.PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"), cancellation);
                var id = response.StatusCode == HttpStatusCode.Created
                    ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid()
                    : Guid.Empty;
                results.Add(new Result(response.StatusCode, id));
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                results.Add(new Result(0, Guid.Empty, Cut: true));
            }
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return results.ToArray();
    }

    // A replica restarted after the other test killed it is back in the gateway's rotation once the passive health
    // check lets it in again (ReplicaHealth): until a request through the gateway shows up in its log.
    private async Task GatewayRoutesToAsync(string replica, string tenant)
    {
        using var caseManager = Stack.Client(replicas.Gateway, tenant, "stadt-rietberg", ["case_manager"]);
        var probe = $"/api/cases/{Guid.NewGuid()}";
        var routed = await Eventually.GetAsync(async () =>
        {
            using var response = await caseManager.GetAsync(probe);
            return File.ReadLines(ReplicaSet.LogOf(replica)).Any(line => line.Contains(probe, StringComparison.Ordinal));
        }, seen => seen);
        Assert.True(routed, $"the gateway sent nothing to {replica} within a minute");
    }

    private static string GatewayHealthChanges() => string.Join('\n', File.ReadLines(ReplicaSet.LogOf("gateway-2"))
        .Where(line => line.Contains("DestinationHealthUpdater", StringComparison.Ordinal))
        .TakeLast(10)
        .Select(line => line.Length > 200 ? line[..200] : line));

    // How many cases each replica of the cases service says it created, from its request log.
    private static readonly string[] CasesReplicas = ["cases-api", "cases-api-2"];

    private static int[] CreatedCasesLogged() =>
        CasesReplicas.Select(process => File.ReadLines(ReplicaSet.LogOf(process))
            .Count(line => line.Contains("POST /api/cases 201 ", StringComparison.Ordinal))).ToArray();

    private static async Task AssertPublishedAndCountedOnceAsync(string tenant, BrokerTap tap, int stored, bool allowRepublished)
    {
        var coordinator = Stack.Client(TestEnvironment.Gateway, tenant, "ki-guetersloh", ["coordinator"]);
        var openCases = await Eventually.GetAsync(() => OpenCasesReportedAsync(coordinator), total => total >= stored);
        var outbox = await CaseOpenedIdsAsync(tenant);
        var inbox = await Sql.CountAsync(ReportingDb,
            "SELECT count(*) FROM inbox_messages WHERE consumer = 'CaseOpenedConsumer' AND message_id = ANY(@p0)", outbox);
        var published = await Eventually.GetAsync(
            () => Task.FromResult(tap.Messages.Where(message => message.GetProperty("tenantId").GetString() == tenant)
                .Select(message => message.GetProperty("eventId").GetGuid()).ToList()),
            ids => ids.Distinct().Count() >= stored);

        Assert.Equal(stored, outbox.Length);
        Assert.Equal(stored, published.Distinct().Count());
        if (!allowRepublished)
        {
            Assert.Equal(stored, published.Count);
        }

        Assert.Equal(stored, inbox);
        Assert.Equal(stored, openCases);
    }

    private static async Task<int> ConsumersAsync(string queue)
    {
        using var management = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitMqManagement) };
        management.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        var body = await management.GetFromJsonAsync<JsonElement>($"/api/queues/%2F/{queue}");
        return body.GetProperty("consumers").GetInt32();
    }

    private static async Task<Guid[]> CaseOpenedIdsAsync(string tenant)
    {
        await using var connection = new NpgsqlConnection(CasesDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id FROM outbox_messages WHERE tenant_id = @tenant AND message_type = 'CaseOpened'", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids.ToArray();
    }

    private static async Task<int> OpenCasesReportedAsync(HttpClient coordinator)
    {
        var body = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/cases");
        var total = body.GetProperty("openCases").GetProperty("total").GetProperty("value");
        return total.ValueKind == JsonValueKind.Null ? 0 : total.GetInt32();
    }
}
