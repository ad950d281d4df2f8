using KimPlatform.Contracts;

namespace KimPlatform.Cases.Api.Application.Replay;

/// <summary>
/// Which case events the service keeps for a reporting rebuild (those reporting consumes), and without what: a referral
/// keeps its partner, offer and municipality but not the person, needs or note; a finding not its description.
/// </summary>
public static class CaseReplay
{
    public static IntegrationEvent? ForReplay(IntegrationEvent published) => published switch
    {
        CaseOpened or CasePhaseChanged or CaseClosed or CaseErased or CaseAssigned or GoalAgreed or GoalProgressed => published,
        ReferralRequested requested => requested with
        {
            DataCategories = [], Person = null, ResidenceStatus = null, Languages = null, Needs = null, Goals = null, Household = null, Note = null,
        },
        StructuralFindingReported finding => finding with { Description = "" },
        _ => null,
    };
}
