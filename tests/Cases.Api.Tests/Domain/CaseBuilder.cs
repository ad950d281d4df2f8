using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Tests.Domain;

/// <summary>Cases and their parts in memory, for the aggregate's unit tests: no database, a fixed clock.</summary>
internal static class CaseBuilder
{
    public const string Tenant = "kreis-guetersloh";
    public const string Organisation = "stadt-rietberg";
    public const string CaseManager = "case-manager-1";

    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The move that leaves each phase forward (reopen leaves closed), and the phase it reaches.</summary>
    public static readonly IReadOnlyDictionary<string, (CasePhase From, CasePhase To, Action<Case> Apply)> Moves =
        new Dictionary<string, (CasePhase, CasePhase, Action<Case>)>
        {
            ["assess"] = (CasePhase.Intake, CasePhase.Assessment, c => c.RecordAssessment([ANeed()], Now)),
            ["plan"] = (CasePhase.Assessment, CasePhase.Plan, c => c.AgreePlan([AGoal()], Now)),
            ["monitor"] = (CasePhase.Plan, CasePhase.Monitoring, c => c.StartMonitoring(Now)),
            ["close"] = (CasePhase.Monitoring, CasePhase.Closed, c => c.Close(CloseReason.GoalsAchieved, CloseOutcome.Achieved, Now)),
            ["reopen"] = (CasePhase.Closed, CasePhase.Monitoring, c => c.Reopen(Now)),
        };

    public static Person APerson(string givenName = "Olena", string familyName = "Kovalenko") => new()
    {
        GivenName = givenName,
        FamilyName = familyName,
        BirthDate = new DateOnly(1988, 4, 12),
        Languages = ["uk", "ru"],
        ResidenceStatus = ResidenceStatus.TemporaryProtection,
        Municipality = "Rietberg",
        Household = [new HouseholdMember { Relation = HouseholdRelation.Child, GivenName = "Marta", BirthYear = 2015 }],
    };

    public static Case Opened() =>
        Case.Open(Tenant, Organisation, CaseManager, APerson(), [TargetGroup.Women, TargetGroup.Families], Reachability.Medium, Now);

    /// <summary>A case walked along the contract's path to <paramref name="phase"/>.</summary>
    public static Case InPhase(CasePhase phase)
    {
        var c = Opened();
        foreach (var move in new[] { "assess", "plan", "monitor", "close" })
        {
            if (c.Phase == phase)
            {
                break;
            }

            Moves[move].Apply(c);
        }

        return c;
    }

    public static Need ANeed(string description = "Needs a language course") => new() { LifeArea = LifeArea.Language, Description = description };

    public static Goal AGoal(string description = "B1 certificate") =>
        new() { LifeArea = LifeArea.Language, Description = description, DueDate = Today.AddMonths(6) };

    public static Consent AConsent(
        string? organisationId = "jobcenter-guetersloh", OrganisationKind? kind = null, DateOnly? validUntil = null,
        params DataCategory[] categories) => new()
    {
        Purpose = "Job coaching",
        Recipients = [new ConsentRecipientPart { OrganisationId = kind is null ? organisationId : null, OrganisationKind = kind }],
        DataCategories = categories.Length > 0 ? categories : [DataCategory.Identity],
        Form = ConsentForm.Written,
        ValidUntil = validUntil,
        GivenAt = Now,
        TemplateKey = "referral",
        TemplateVersion = 1,
        Language = "uk",
        RightToLeft = false,
        Title = "Згода",
        Text = "Я погоджуюсь …",
    };
}
