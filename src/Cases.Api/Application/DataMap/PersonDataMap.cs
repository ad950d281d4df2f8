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
/// The Art. 15 data map beyond the case service: asks the partner service over the broker (request/response with a
/// timeout) what it holds for a case. A missing answer is reported as such, never left out.
/// </summary>
public sealed class PersonDataMap(IRequestClient<HeldDataAtPartnersRequested> partners, IConfiguration configuration)
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(configuration.GetValue("DataMap:TimeoutSeconds", 5.0));

    public async Task<IReadOnlyList<HeldElsewhere>> AskAsync(string tenantId, Guid caseId, CancellationToken cancellationToken)
    {
        HeldElsewhere atPartners;
        try
        {
            var answer = await partners.GetResponse<HeldDataReport>(
                new HeldDataAtPartnersRequested { TenantId = tenantId, CaseId = caseId }, cancellationToken, RequestTimeout.After(ms: (int)Timeout.TotalMilliseconds));
            atPartners = new HeldElsewhere(answer.Message.Service, true, null, answer.Message.Items);
        }
        catch (RequestTimeoutException)
        {
            atPartners = new HeldElsewhere("partners", false, $"No answer within {Timeout.TotalSeconds:0.#} s; what the partners hold is unknown, not empty.", []);
        }

        return
        [
            atPartners,
            // The case holds no e-mail address, so no event registration can be linked to it (docs/decisions.md).
            new HeldElsewhere("events", false,
                "Not asked: the case holds no e-mail address and no consent to link event registrations, so the event service cannot tell which registrations are the person's.",
                []),
        ];
    }
}
