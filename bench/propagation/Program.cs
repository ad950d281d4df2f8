// Event propagation (issue 11, benchmark 3). Two measurements at the same fixed offered load, printed as one tab-separated
// line each (subject, offered/s, achieved/s, count, p50 ms, p99 ms, max ms):
//
//   cases R S GATEWAY TOKEN TENANT REPORTINGDB
//     Opens R cases a second for S seconds through the gateway, open loop: request i is sent at i/R s whether or not the
//     earlier ones have been answered. A case counts as committed when its 201 arrives (the cases service answers after
//     its transaction committed). It has appeared in the reporting figures when the tenant's "new cases" counter in
//     reportingdb, which the reports add up, has grown past it: a reader polls the counter every millisecond. The n-th
//     case to be answered is paired with the n-th increment of the counter, so reordering between cases shifts single
//     latencies but not the distribution.
//
//   rabbitmq R S AMQP
//     The reference: RabbitMQ.Client publishing R persistent messages a second for S seconds to a durable queue with
//     publisher confirms, and a consumer with manual acks on a second connection; the latency of a message is from the
//     start of its publish to its delivery to the consumer. This is the broker hop MassTransit makes, without the outbox,
//     the inbox and the database transactions on either side.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

var invariant = CultureInfo.InvariantCulture;
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: cases RATE SECONDS GATEWAY TOKEN TENANT REPORTINGDB | rabbitmq RATE SECONDS AMQP");
    return 2;
}

var rate = int.Parse(args[1], invariant);
var seconds = int.Parse(args[2], invariant);
var total = rate * seconds;

var (offeredFor, achieved, latencies) = args[0] switch
{
    "cases" => await Cases.RunAsync(rate, total, new Uri(args[3]), args[4], args[5], args[6]),
    "rabbitmq" => await Rabbit.RunAsync(rate, total, new Uri(args[3])),
    _ => throw new ArgumentException($"unknown subject {args[0]}"),
};

latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine(string.Join('\t', args[0], rate.ToString(invariant), (achieved / offeredFor.TotalSeconds).ToString("F0", invariant),
    latencies.Count.ToString(invariant), Percentile(0.50).ToString("F1", invariant), Percentile(0.99).ToString("F1", invariant),
    (latencies.Count == 0 ? double.NaN : latencies[^1]).ToString("F1", invariant)));
return latencies.Count == total ? 0 : 1;

/// <summary>Sends <c>total</c> actions at <c>rate</c> per second, each at its own due time, without waiting for earlier ones.</summary>
internal static class OpenLoop
{
    public static async Task<TimeSpan> RunAsync(int rate, int total, Func<int, Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            running.Add(action(i));
        }

        var offered = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(running);
        return offered;
    }

    public static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}

internal static class Cases
{
    public static async Task<(TimeSpan Offered, int Achieved, List<double> Latencies)> RunAsync(
        int rate, int total, Uri gateway, string token, string tenant, string reportingDb)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        string[] municipalities = ["Rietberg", "Verl", "Gütersloh", "Harsewinkel", "Halle"];

        var committed = new ConcurrentBag<long>();
        var failed = 0;
        using var observing = new CancellationTokenSource();
        var increments = new List<(long At, long Count)>();
        var observer = ObserveAsync(reportingDb, tenant, increments, observing.Token);

        var offered = await OpenLoop.RunAsync(rate, total, async i =>
        {
            var body = $$"""
                { "person": { "givenName": "Bench", "familyName": "Case {{i}}", "birthDate": "{{1950 + i % 55}}-04-12",
                  "languages": ["uk"], "residenceStatus": "temporary-protection", "municipality": "{{municipalities[i % municipalities.Length]}}" },
                  "targetGroups": ["women"], "reachability": "medium" }
                """;
            try
            {
                using var response = await http.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    committed.Add(Stopwatch.GetTimestamp());
                    return;
                }

                Console.Error.WriteLine($"POST /api/cases: {(int)response.StatusCode}");
            }
            catch (HttpRequestException exception)
            {
                Console.Error.WriteLine($"POST /api/cases: {exception.Message}");
            }

            Interlocked.Increment(ref failed);
        });

        // Every acknowledged case must reach the figures; give the consumer up to a minute to catch up.
        var acknowledged = committed.Count;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (Last(increments) < acknowledged && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        await observing.CancelAsync();
        await observer;
        if (failed > 0 || Last(increments) != acknowledged)
        {
            Console.Error.WriteLine($"{failed} requests failed; {acknowledged} acknowledged, {Last(increments)} counted in reporting");
        }

        var commits = committed.Order().ToArray();
        var latencies = new List<double>(commits.Length);
        var next = 0;
        for (var n = 1; n <= commits.Length; n++)
        {
            while (next < increments.Count && increments[next].Count < n)
            {
                next++;
            }

            if (next == increments.Count)
            {
                break;
            }

            latencies.Add(OpenLoop.Milliseconds(commits[n - 1], increments[next].At));
        }

        return (offered, acknowledged, latencies);
    }

    private static long Last(List<(long At, long Count)> increments)
    {
        lock (increments)
        {
            return increments.Count == 0 ? 0 : increments[^1].Count;
        }
    }

    // The counter as the reports read it (KimPlatform.Reporting.Api Figures.NewCases), polled on one connection.
    private static async Task ObserveAsync(string connectionString, string tenant, List<(long At, long Count)> increments, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(value), 0)::bigint FROM counters WHERE tenant_id = $1 AND figure = 'new'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await command.PrepareAsync(CancellationToken.None);
        long seen = 0;
        while (!stop.IsCancellationRequested)
        {
            var count = (long)(await command.ExecuteScalarAsync(CancellationToken.None))!;
            var at = Stopwatch.GetTimestamp();
            if (count > seen)
            {
                lock (increments)
                {
                    increments.Add((at, count));
                }

                seen = count;
            }

            try
            {
                await Task.Delay(1, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

internal static class Rabbit
{
    public static async Task<(TimeSpan Offered, int Achieved, List<double> Latencies)> RunAsync(int rate, int total, Uri amqp)
    {
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "kim-bench-propagation" };
        await using var publishing = await factory.CreateConnectionAsync();
        await using var consuming = await factory.CreateConnectionAsync();
        await using var publisher = await publishing.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await using var consumer = await consuming.CreateChannelAsync();
        var queue = $"kim-bench-propagation-{Guid.NewGuid():N}";
        await consumer.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumer.BasicQosAsync(0, 64, false);

        var sent = new long[total];
        var latencies = new ConcurrentBag<double>();
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += async (_, delivery) =>
        {
            var at = Stopwatch.GetTimestamp();
            var i = BitConverter.ToInt32(delivery.Body.Span);
            latencies.Add(OpenLoop.Milliseconds(Volatile.Read(ref sent[i]), at));
            await consumer.BasicAckAsync(delivery.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == total)
            {
                all.TrySetResult();
            }
        };
        await consumer.BasicConsumeAsync(queue, autoAck: false, receiver);

        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var offered = await OpenLoop.RunAsync(rate, total, async i =>
        {
            Volatile.Write(ref sent[i], Stopwatch.GetTimestamp());
            await publisher.BasicPublishAsync("", queue, mandatory: true, properties, BitConverter.GetBytes(i));
        });
        await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        await consumer.QueueDeleteAsync(queue);
        return (offered, received, [.. latencies]);
    }
}
