using KimPlatform.Contracts;

namespace KimPlatform.Partners.Api.Application.Replay;

/// <summary>Which partner events the service keeps for a reporting rebuild (those reporting consumes), without the partner's free-text answers.</summary>
public static class PartnerReplay
{
    public static IntegrationEvent? ForReplay(IntegrationEvent published) => published switch
    {
        OfferPublished or ReferralAccepted => published,
        ReferralDeclined declined => declined with { Reason = "" },
        ReferralCompleted completed => completed with { Outcome = "" },
        _ => null,
    };
}
