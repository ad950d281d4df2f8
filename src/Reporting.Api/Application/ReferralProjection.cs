using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Counts referrals in the month they were made, under their partner and the offer's topics, and moves them between
/// answers in the partner's order (its version): an answer that overtakes the referral waits for it.
/// </summary>
public sealed class ReferralProjection(ReportingDbContext db, CounterChanges counters, PendingEvents pending, Pseudonyms pseudonyms)
{
    public const string UnknownTopic = "unknown";
    private const string Requested = "requested";

    private ReferralState? _state;

    public async Task HandleAsync(AggregateEvent message, Guid referralId, CancellationToken cancellationToken)
    {
        var key = pseudonyms.Of("referral", message.TenantId, referralId);
        await pending.LockAsync(key, cancellationToken);
        _state = await db.ReferralStates.FirstOrDefaultAsync(state => state.Key == key, cancellationToken);
        await pending.RunAsync(key, Pseudonymise(message, key), next => ApplyAsync(next, cancellationToken), cancellationToken);
        await counters.FlushAsync(message.TenantId, cancellationToken);
    }

    public async Task PublishOfferAsync(OfferPublished offer, CancellationToken cancellationToken)
    {
        var known = await db.OfferTopics.FirstOrDefaultAsync(candidate => candidate.OfferId == offer.OfferId, cancellationToken);
        if (known is null)
        {
            db.OfferTopics.Add(new OfferTopics { OfferId = offer.OfferId, TenantId = offer.TenantId, Topics = offer.Topics.Distinct().ToArray(), Version = offer.Version });
        }
        else if (offer.Version > known.Version)
        {
            (known.Topics, known.Version) = (offer.Topics.Distinct().ToArray(), offer.Version);
        }
    }

    private AggregateEvent Pseudonymise(AggregateEvent message, Guid key)
    {
        var eventKey = pseudonyms.Of("event", message.TenantId, message.EventId);
        var month = Months.StartOf(message.OccurredAt);
        return message switch
        {
            // Only the categories stay: no person, needs, goals, household or note.
            ReferralRequested requested => new ReferralRequested
            {
                EventId = eventKey, TenantId = requested.TenantId, OccurredAt = month, Version = requested.Version, CaseId = Guid.Empty,
                ReferralId = key, OfferId = requested.OfferId, PartnerOrganisationId = requested.PartnerOrganisationId,
                ReferringOrganisationId = requested.ReferringOrganisationId, ConsentId = Guid.Empty, DataCategories = [],
                Municipality = requested.Municipality,
            },
            ReferralAccepted accepted => accepted with { EventId = eventKey, OccurredAt = month, ReferralId = key, CaseId = Guid.Empty },
            ReferralDeclined declined => declined with { EventId = eventKey, OccurredAt = month, ReferralId = key, CaseId = Guid.Empty, Reason = "" },
            ReferralCompleted completed => completed with { EventId = eventKey, OccurredAt = month, ReferralId = key, CaseId = Guid.Empty, Outcome = "" },
            _ => throw new ArgumentException($"{message.GetType().Name} is no referral event reporting follows.", nameof(message)),
        };
    }

    private async Task<Readiness> ApplyAsync(AggregateEvent message, CancellationToken cancellationToken)
    {
        if (message is ReferralRequested requested)
        {
            return await RequestAsync(requested, cancellationToken);
        }

        if (_state is not { } state)
        {
            return Readiness.Wait;
        }

        return message switch
        {
            ReferralAccepted accepted => Answer(state, "accepted", accepted.Version, accepted.DaysToAnswer),
            ReferralDeclined declined => Answer(state, "declined", declined.Version, declined.DaysToAnswer),
            // Only an accepted referral can be completed: a completion that overtook its acceptance waits for it, or the
            // acceptance (an older version by then) would be dropped with its days to answer.
            ReferralCompleted when state.Status == Requested => Readiness.Wait,
            ReferralCompleted completed => Answer(state, "completed", completed.Version, null),
            _ => Readiness.Drop,
        };
    }

    private async Task<Readiness> RequestAsync(ReferralRequested requested, CancellationToken cancellationToken)
    {
        if (_state is not null)
        {
            return Readiness.Drop;
        }

        var topics = await db.OfferTopics.Where(offer => offer.OfferId == requested.OfferId).Select(offer => offer.Topics).FirstOrDefaultAsync(cancellationToken);
        _state = new ReferralState
        {
            Key = requested.ReferralId, TenantId = requested.TenantId, Municipality = requested.Municipality,
            PartnerOrganisationId = requested.PartnerOrganisationId, Topics = topics is { Count: > 0 } ? topics : [UnknownTopic],
            RequestedMonth = Months.Of(requested.OccurredAt), Status = Requested, Version = 1,
        };
        db.ReferralStates.Add(_state);
        counters.Add(Figures.ReferralsRequested, _state.RequestedMonth, _state.Municipality, _state.PartnerOrganisationId, 1);
        foreach (var topic in _state.Topics)
        {
            counters.Add(Figures.ReferralsByTopic, _state.RequestedMonth, _state.Municipality, topic, 1);
        }

        return Readiness.Applied;
    }

    // Answers count in the month the referral was made, so that rates relate answers to the referrals they answer.
    private Readiness Answer(ReferralState state, string status, long version, int? daysToAnswer)
    {
        if (version <= state.Version)
        {
            return Readiness.Drop;
        }

        if (state.Status != Requested)
        {
            counters.Add(Figures.ReferralsWithStatus(state.Status), state.RequestedMonth, state.Municipality, state.PartnerOrganisationId, -1);
        }
        else if (daysToAnswer is { } days)
        {
            counters.AddSpan(Figures.DaysToAnswer, state.RequestedMonth, state.Municipality, days);
        }

        counters.Add(Figures.ReferralsWithStatus(status), state.RequestedMonth, state.Municipality, state.PartnerOrganisationId, 1);
        (state.Status, state.Version) = (status, version);
        return Readiness.Applied;
    }
}
