using KimPlatform.Contracts;
using MassTransit;

namespace KimPlatform.Cases.Api.Application.DataMap;

/// <summary>What one other service said it holds about the person, or why it said nothing.</summary>
/// <param name="Service">The service asked (or not asked).</param>
/// <param name="Answered">Whether it answered in time.</param>
/// <param name="Problem">Why there is no answer; null when it answered.</param>
/// <param name="Items">What it holds, each item with purpose, recipients and deletion from the declarations.</param>
public sealed record HeldElsewhere(string Service, bool Answered, string? Problem, IReadOnlyList<HeldDataItem> Items);

/// <summary>
/// The Art. 15 data map beyond the case service: asks the partner service, and the event service where the person
/// consented to linking their registrations, over the broker (request/response with a timeout) what they hold. A
/// missing answer is reported as such, never left out.
/// </summary>
public sealed class PersonDataMap(
    IRequestClient<HeldDataAtPartnersRequested> partners, IRequestClient<HeldDataAtEventsRequested> events, IConfiguration configuration)
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(configuration.GetValue("DataMap:TimeoutSeconds", 5.0));

    /// <param name="linkedEmail">The person's e-mail address while a valid consent lets the case link their event registrations; else null.</param>
    public async Task<IReadOnlyList<HeldElsewhere>> AskAsync(string tenantId, Guid caseId, string? linkedEmail, CancellationToken cancellationToken)
    {
        var atPartners = AskAsync(partners, "partners", new HeldDataAtPartnersRequested { TenantId = tenantId, CaseId = caseId }, cancellationToken);
        // Without the person's consent the event service is not asked at all: the question alone would tell it the address belongs to a case.
        var atEvents = linkedEmail is null
            ? Task.FromResult(new HeldElsewhere("events", false,
                "Not asked: linking event registrations needs an e-mail address on the case and a valid consent naming 'event-registrations'.", []))
            : AskAsync(events, "events", new HeldDataAtEventsRequested { TenantId = tenantId, Email = linkedEmail }, cancellationToken);
        return await Task.WhenAll(atPartners, atEvents);
    }

    private async Task<HeldElsewhere> AskAsync<TRequest>(
        IRequestClient<TRequest> client, string service, TRequest request, CancellationToken cancellationToken) where TRequest : class
    {
        try
        {
            var answer = await client.GetResponse<HeldDataReport>(request, cancellationToken, RequestTimeout.After(ms: (int)Timeout.TotalMilliseconds));
            return new HeldElsewhere(answer.Message.Service, true, null, answer.Message.Items);
        }
        catch (RequestTimeoutException)
        {
            return new HeldElsewhere(service, false, $"No answer within {Timeout.TotalSeconds:0.#} s; what the {service} service holds is unknown, not empty.", []);
        }
    }
}
