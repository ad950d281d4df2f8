using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Partners.Api.Retention;
using KimPlatform.Privacy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Partners.Api.IntegrationEvents;

/// <summary>
/// Answers the case service's Art. 15 question: which referrals and volunteer matches the partners hold for a case,
/// each described from the declarations of the fields that hold it. Reads only; changes nothing.
/// </summary>
public sealed class HeldDataAtPartnersRequestedConsumer(TenantUnitOfWork work, IOptionsMonitor<PartnerRetentionOptions> retention)
    : IConsumer<HeldDataAtPartnersRequested>
{
    public async Task Consume(ConsumeContext<HeldDataAtPartnersRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var referrals = await work.For(context.Message.TenantId).RunAsync(
            db => db.Referrals.AsNoTracking().Where(referral => referral.CaseId == context.Message.CaseId)
                .OrderBy(referral => referral.ReceivedAt).ToListAsync(context.CancellationToken),
            context.CancellationToken);
        await context.RespondAsync(new HeldDataReport { Service = "partners", Items = [.. referrals.SelectMany(ItemsOf)] });
    }

    private IEnumerable<HeldDataItem> ItemsOf(Referral referral)
    {
        var status = referral.Redaction is { } redaction
            ? $"redacted: {Contracts.ContractValue.Of(redaction)}"
            : Contracts.ContractValue.Of(referral.Status);
        // The retention job removes the shared data this long after the answer; until then withdrawal or erasure may come first.
        DateOnly? deletedBy = referral.Redaction is null && referral.Status is ReferralStatus.Completed or ReferralStatus.Declined
            && (referral.CompletedAt ?? referral.AnsweredAt) is { } answered
                ? DateOnly.FromDateTime(answered.AddMonths(retention.CurrentValue.ReferralMonths).UtcDateTime)
                : null;
        yield return HeldDataItems.From<Referral>(
            nameof(Referral.Shared), "referral", referral.Id, referral.PartnerOrganisationId, status, FieldsOf(referral), deletedBy);
        if (referral.MatchedVolunteerId is { } volunteer)
        {
            yield return HeldDataItems.From<Referral>(
                nameof(Referral.MatchedVolunteerId), "volunteer-match", volunteer, referral.PartnerOrganisationId, status, ["matchedVolunteerId"], deletedBy);
        }
    }

    private static List<string> FieldsOf(Referral referral)
    {
        var shared = referral.Shared;
        var fields = new List<string>();
        void Add(bool held, string name)
        {
            if (held)
            {
                fields.Add(name);
            }
        }

        Add(shared?.Person is not null, "person");
        Add(shared?.ResidenceStatus is not null, "residenceStatus");
        Add(shared?.Languages is { Count: > 0 }, "languages");
        Add(shared?.Needs is { Count: > 0 }, "needs");
        Add(shared?.Goals is { Count: > 0 }, "goals");
        Add(shared?.Household is { Count: > 0 }, "household");
        Add(shared?.Note is not null, "note");
        Add(referral.DeclineReason is not null, "declineReason");
        Add(referral.Outcome is not null, "outcome");
        return fields;
    }
}
