using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using RabbitMQ.Client;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// A consumer applies an event only from the service that owns its type: a ReferralAccepted that the broker delivers
/// from any user other than partners is refused (logged, dropped unapplied), and the case does not change.
/// </summary>
public sealed class SenderCheckTests
{
    [Fact]
    public async Task ReferralAccepted_FromAnotherSenderThanPartners_IsNotApplied()
    {
        var tenant = TestEnvironment.NewTenant();
        var partner = $"awo-{Guid.NewGuid():N}"[..16];
        var caseManager = Stack.Gateway(tenant, "kreis-kim", "case_manager");
        (await Stack.Gateway(tenant, "kreis-kim", "coordinator").PostAsJsonAsync("/api/partners/organisations", new
        {
            id = partner, name = "AWO Verl", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de" },
        })).EnsureSuccessStatusCode();
        var opened = await caseManager.PostAsJsonAsync("/api/cases", Stack.NewCase("Verl"));
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = opened.Headers.ETag!.Tag;
        async Task<HttpResponseMessage> StepAsync(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}{path}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await caseManager.SendAsync(request);
            etag = response.Headers.ETag?.Tag ?? etag;
            return response;
        }

        // The case service learns the organisation from OrganisationRegistered before a consent may name it.
        await Eventually.GetAsync(() => StepAsync("/consents", new
        {
            purpose = "Beratung", recipients = new[] { new { organisationId = partner } }, dataCategories = new[] { "identity" },
            form = "written", language = "de",
        }), response => response.IsSuccessStatusCode);
        var referred = await StepAsync("/referrals", new { offerId = Guid.NewGuid(), partnerOrganisationId = partner });
        var referralId = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var forged = Guid.NewGuid();
        await PublishAsGuestAsync("ReferralAccepted", forged, new
        {
            eventId = forged, tenantId = tenant, occurredAt = DateTimeOffset.UtcNow, version = 2, referralId, caseId, partnerOrganisationId = partner,
        });

        // Consumed once the cases service's queue is empty again; the referral must still be as it was.
        var left = await Eventually.GetAsync(() => ReadyMessagesAsync("cases-referral-accepted"), count => count == 0);
        Assert.Equal(0u, left);
        var referral = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("referrals")[0];
        Assert.Equal("requested", referral.GetProperty("status").GetString());
    }

    // The broker's guest user may publish anywhere (the tests need it), and MassTransit's envelope is plain JSON: the
    // message is well-formed in every respect but its sender.
    private static async Task PublishAsGuestAsync(string type, Guid messageId, object message)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(TestEnvironment.RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId, messageType = new[] { $"urn:message:KimPlatform.Contracts:{type}" }, message, sentTime = DateTimeOffset.UtcNow,
        });
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = messageId.ToString(), UserId = "guest", Persistent = true };
        await channel.BasicPublishAsync($"KimPlatform.Contracts:{type}", "", mandatory: false, properties, envelope);
    }

    // Ready and unacknowledged together (rabbitmqctl counts both): zero once the consumer has settled every message.
    private static async Task<uint> ReadyMessagesAsync(string queue)
    {
        var command = TestEnvironment.RabbitMqCtl.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new System.Diagnostics.ProcessStartInfo(command[0], [.. command[1..], "list_queues", "-q", "name", "messages"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').Select(entry => entry.Split('\t')).FirstOrDefault(fields => fields.Length == 2 && fields[0] == queue);
        return line is null ? uint.MaxValue : uint.Parse(line[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
