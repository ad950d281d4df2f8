using KimPlatform.Seed.County;

namespace KimPlatform.Seed.Work;

/// <summary>Where a generated case goes: drawn up front from the seeded generator, then played against the API.</summary>
internal sealed record CaseScript(
    GeneratedPerson Person, string Municipality, string Organisation, int CaseManager, string[] TargetGroups, string Reachability,
    int Phase, (string LifeArea, string Description)[] Needs, (string LifeArea, string Description, int Months, string Status)[] Goals,
    ReferralScript? Referral, (string LifeArea, string Theme, string Description)? Finding, (string Date, string Channel, string Note)[] Contacts,
    (string Reason, string Outcome)? Closure)
{
    public const int Intake = 0, Assessment = 1, Plan = 2, Monitoring = 3, Closed = 4;
}

/// <summary>A referral to a partner's offer, with the consent it rests on and how the partner will answer.</summary>
internal sealed record ReferralScript(Guid OfferId, string Partner, string ConsentLanguage, string[] DataCategories, string Form, string Answer);

/// <summary>A referral the case service accepted, waiting for its partner's answer.</summary>
internal sealed record PendingReferral(Guid Id, string Partner, string Answer);
