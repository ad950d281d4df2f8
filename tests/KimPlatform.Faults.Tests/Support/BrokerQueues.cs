using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests.Support;

/// <summary>The stack's queues, read through the RabbitMQ management API with the test broker's user.</summary>
internal static class BrokerQueues
{
    /// <summary>The services' queue prefixes: the stack's queues, not those test hosts of the earlier phase left behind.</summary>
    private static readonly string[] Services = ["cases-", "partners-", "events-", "reporting-"];

    /// <summary>Messages held (ready or unacknowledged) per queue of the stack's services.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> DepthsAsync()
    {
        using var client = Client();
        var queues = await client.GetFromJsonAsync<JsonElement>("/api/queues/%2F?columns=name,messages");
        return queues.EnumerateArray()
            .Where(queue => Services.Any(service => queue.GetProperty("name").GetString()!.StartsWith(service, StringComparison.Ordinal)))
            .ToDictionary(
                queue => queue.GetProperty("name").GetString()!,
                queue => queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0);
    }

    /// <summary>Messages in the <c>_error</c> queues, in total.</summary>
    public static async Task<long> ParkedAsync() =>
        (await DepthsAsync()).Where(queue => queue.Key.EndsWith("_error", StringComparison.Ordinal)).Sum(queue => queue.Value);

    /// <summary>Fails when the <c>_error</c> queues hold more than <paramref name="before"/>: a valid message was parked.</summary>
    public static async Task AssertNoneParkedSinceAsync(long before)
    {
        var parked = await DepthsAsync();
        var total = parked.Where(queue => queue.Key.EndsWith("_error", StringComparison.Ordinal)).Sum(queue => queue.Value);
        Assert.True(total == before, $"{total - before} messages parked in _error queues: "
            + string.Join(", ", parked.Where(queue => queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Value > 0).Select(queue => $"{queue.Key}: {queue.Value}")));
    }

    /// <summary>Waits until no queue but the <c>_error</c> queues holds a message (the counts lag by a few seconds).</summary>
    public static async Task WaitIdleAsync(TimeSpan limit)
    {
        var busy = await Eventually.GetAsync(async () => (await DepthsAsync())
                .Where(queue => !queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Value > 0)
                .Select(queue => $"{queue.Key}: {queue.Value}").ToArray(),
            queues => queues.Length == 0, limit);
        Assert.True(busy.Length == 0, $"queues still busy: {string.Join(", ", busy)}");
    }

    /// <summary>Deletes every message of a queue.</summary>
    public static async Task PurgeAsync(string queue)
    {
        using var client = Client();
        var response = await client.DeleteAsync($"/api/queues/%2F/{Uri.EscapeDataString(queue)}/contents");
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound, $"purge {queue}: {(int)response.StatusCode}");
    }

    public static HttpClient Client()
    {
        var user = new Uri(TestEnvironment.RabbitMq).UserInfo;
        var client = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitMqManagement), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(user))));
        return client;
    }
}
