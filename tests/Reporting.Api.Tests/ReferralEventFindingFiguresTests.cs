using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>Referral, event and finding figures from known event sequences, against values computed by hand.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class ReferralEventFindingFiguresTests(ReportingApiFactory factory)
{
    private static readonly DateTimeOffset March = CaseEvents.On(2026, 3, 2);

    [Fact]
    public async Task Referrals_PerPartnerAndTopic_RatesAndDaysToAnswer_AnswersBeforeTheirReferralIncluded()
    {
        var tenant = TestEnvironment.NewTenant();
        var (offerA, offerB, unknownOffer) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await factory.DeliverAsync(Offer(tenant, offerA, "language"), Offer(tenant, offerB, "work", "language"));
        var (r1, r2, r3, r4) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        // r1's answers overtake it: completed, then accepted, then the referral.
        await factory.DeliverAsync(
            Completed(tenant, r1, "jobcenter", 3), Accepted(tenant, r1, "jobcenter", 2, days: 2), Requested(tenant, r1, offerA, "jobcenter"),
            Requested(tenant, r2, offerA, "jobcenter"), Declined(tenant, r2, "jobcenter", 2, days: 4),
            Requested(tenant, r3, offerB, "vhs"), Accepted(tenant, r3, "vhs", 2, days: 6),
            Requested(tenant, r4, unknownOffer, "vhs"));

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/referrals?period=2026-03");

        Assert.Equal(new Dictionary<string, long?> { ["jobcenter"] = 2, ["vhs"] = 2 }, Report.Rows(report, "requested"));
        Assert.Equal(4, Report.Total(report, "requested"));
        Assert.Equal(new Dictionary<string, long?> { ["language"] = 3, ["work"] = 1, ["unknown"] = 1 }, Report.Rows(report, "byTopic"));
        var jobcenter = report.GetProperty("byPartner").EnumerateArray().Single(p => p.GetProperty("partnerOrganisationId").GetString() == "jobcenter");
        Assert.Equal(0, jobcenter.GetProperty("accepted").GetProperty("value").GetInt64());
        Assert.Equal(1, jobcenter.GetProperty("declined").GetProperty("value").GetInt64());
        Assert.Equal(1, jobcenter.GetProperty("completed").GetProperty("value").GetInt64());
        Assert.Equal(0.5, jobcenter.GetProperty("acceptanceRate").GetProperty("rate").GetDouble());
        Assert.Equal(0.5, jobcenter.GetProperty("declineRate").GetProperty("rate").GetDouble());
        Assert.Equal(0.5, jobcenter.GetProperty("completionRate").GetProperty("rate").GetDouble());
        var all = report.GetProperty("allPartners");
        Assert.Equal(0.5, all.GetProperty("acceptanceRate").GetProperty("rate").GetDouble());
        Assert.Equal(0.25, all.GetProperty("declineRate").GetProperty("rate").GetDouble());
        Assert.Equal(0.25, all.GetProperty("completionRate").GetProperty("rate").GetDouble());
        Assert.Equal((4.0, 4.0), Report.Days(report.GetProperty("daysToAnswer")));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task Referrals_CompletionOvertakesItsAcceptance_DaysToAnswerStillCounted()
    {
        var tenant = TestEnvironment.NewTenant();
        var offer = Guid.CreateVersion7();
        var referral = Guid.CreateVersion7();
        await factory.DeliverAsync(Offer(tenant, offer, "language"));

        // The referral is known; its completion (version 3) travels on another queue than its acceptance (version 2)
        // and arrives first, as a replay for a rebuild can deliver them.
        await factory.DeliverAsync(
            Requested(tenant, referral, offer, "vhs"), Completed(tenant, referral, "vhs", 3), Accepted(tenant, referral, "vhs", 2, days: 3));

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/referrals?period=2026-03");

        var vhs = report.GetProperty("byPartner").EnumerateArray().Single(p => p.GetProperty("partnerOrganisationId").GetString() == "vhs");
        Assert.Equal(0, vhs.GetProperty("accepted").GetProperty("value").GetInt64());
        Assert.Equal(1, vhs.GetProperty("completed").GetProperty("value").GetInt64());
        Assert.Equal((3.0, 3.0), Report.Days(report.GetProperty("daysToAnswer")));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task Events_PerFormat_RegistrationsWaitingListAttendanceAndRatings()
    {
        var tenant = TestEnvironment.NewTenant();
        var (cafe, fachtag) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var sequence = new List<IntegrationEvent> { Scheduled(tenant, cafe, "world-cafe") };
        sequence.AddRange(Enumerable.Range(0, 3).Select(_ => Registration(tenant, cafe, "confirmed")));
        sequence.AddRange(Enumerable.Range(0, 2).Select(_ => Registration(tenant, cafe, "waitlisted")));
        sequence.AddRange([Registration(tenant, cafe, "promoted"), Registration(tenant, cafe, "cancelled"), Registration(tenant, cafe, "attended"), Registration(tenant, cafe, "attended")]);
        sequence.AddRange([Rating(tenant, cafe, 5), Rating(tenant, cafe, 4), Rating(tenant, cafe, 4)]);
        // The Fachtag's registrations overtake its scheduling.
        sequence.AddRange([Registration(tenant, fachtag, "confirmed"), Registration(tenant, fachtag, "confirmed"), Registration(tenant, fachtag, "attended"), Registration(tenant, fachtag, "attended")]);
        sequence.Add(Scheduled(tenant, fachtag, "conference"));

        await factory.DeliverAsync([.. sequence]);

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/events?period=2026-Q1");
        Assert.Equal(new Dictionary<string, long?> { ["world-cafe"] = 1, ["conference"] = 1 }, Report.Rows(report, "events"));
        Assert.Equal(new Dictionary<string, long?> { ["world-cafe"] = 3, ["conference"] = 2 }, Report.Rows(report, "registrations"));
        Assert.Equal(new Dictionary<string, long?> { ["world-cafe"] = 2 }, Report.Rows(report, "waitlisted"));
        Assert.Equal(new Dictionary<string, long?> { ["world-cafe"] = 2, ["conference"] = 2 }, Report.Rows(report, "attended"));
        var rates = report.GetProperty("attendanceRate").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("rate").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["conference"] = 1.0, ["world-cafe"] = 0.667 }, rates);
        Assert.Equal(new Dictionary<string, long?> { ["4"] = 2, ["5"] = 1 }, Report.Rows(report, "ratings"));
        Assert.Equal(4.33, report.GetProperty("averageRating").GetDouble());
    }

    [Fact]
    public async Task Findings_PerLifeAreaThemeAndMonth_AlsoForOneMunicipality()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.DeliverAsync(
            Finding(tenant, "Rietberg", "language", "Wartelisten Integrationskurs", CaseEvents.On(2026, 1, 12)),
            Finding(tenant, "Rietberg", "language", "Wartelisten Integrationskurs", CaseEvents.On(2026, 1, 20)),
            Finding(tenant, "Rietberg", "work", "Anerkennung", CaseEvents.On(2026, 3, 3)),
            Finding(tenant, "Verl", "language", "Wartelisten Integrationskurs", CaseEvents.On(2026, 3, 9)));

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/findings?period=2026-Q1");
        Assert.Equal(new Dictionary<string, long?> { ["language"] = 3, ["work"] = 1 }, Report.Rows(report, "byLifeArea"));
        Assert.Equal(4, Report.Total(report, "byLifeArea"));
        Assert.Equal(new Dictionary<string, long?> { ["Wartelisten Integrationskurs"] = 3, ["Anerkennung"] = 1 }, Report.Rows(report, "byTheme"));
        Assert.Equal(new Dictionary<string, long?> { ["2026-01"] = 2, ["2026-02"] = 0, ["2026-03"] = 2 }, Report.Rows(report, "byMonth"));
        var verl = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/findings?period=2026-Q1&municipality=Verl");
        Assert.Equal(new Dictionary<string, long?> { ["language"] = 1 }, Report.Rows(verl, "byLifeArea"));
    }

    private static OfferPublished Offer(string tenant, Guid offerId, params string[] topics) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = 1, OfferId = offerId, OrganisationId = "vhs",
        Title = "Kurs", Topics = topics, TargetGroups = [], Languages = ["de"], Municipalities = ["Rietberg"],
    };

    private static ReferralRequested Requested(string tenant, Guid referralId, Guid offerId, string partner) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = 4, CaseId = Guid.CreateVersion7(), ReferralId = referralId,
        OfferId = offerId, PartnerOrganisationId = partner, ReferringOrganisationId = "caritas", ConsentId = Guid.CreateVersion7(),
        DataCategories = ["identity"], Municipality = "Rietberg", Person = new ReferredPerson("Olena", "Kovalenko", new DateOnly(1988, 4, 12)),
    };

    private static ReferralAccepted Accepted(string tenant, Guid referralId, string partner, long version, int days) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = version, ReferralId = referralId, CaseId = Guid.CreateVersion7(),
        PartnerOrganisationId = partner, DaysToAnswer = days,
    };

    private static ReferralDeclined Declined(string tenant, Guid referralId, string partner, long version, int days) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = version, ReferralId = referralId, CaseId = Guid.CreateVersion7(),
        PartnerOrganisationId = partner, Reason = "no places", DaysToAnswer = days,
    };

    private static ReferralCompleted Completed(string tenant, Guid referralId, string partner, long version) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = version, ReferralId = referralId, CaseId = Guid.CreateVersion7(),
        PartnerOrganisationId = partner, Outcome = "done",
    };

    private static EventScheduled Scheduled(string tenant, Guid eventId, string format) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = CaseEvents.On(2025, 12, 1), Version = 1, NetworkEventId = eventId,
        OrganisationId = "ki-guetersloh", Format = format, StartsAt = CaseEvents.On(2026, 3, 12), EndsAt = CaseEvents.On(2026, 3, 12).AddHours(4),
        Capacity = 3, SessionCount = 1, IsPublic = true,
    };

    private static AggregateEvent Registration(string tenant, Guid eventId, string kind)
    {
        var (id, registration, at) = (Guid.CreateVersion7(), Guid.CreateVersion7(), CaseEvents.On(2026, 2, 1));
        return kind switch
        {
            "confirmed" => new RegistrationConfirmed { EventId = id, TenantId = tenant, OccurredAt = at, Version = 2, NetworkEventId = eventId, RegistrationId = registration, ParticipantGroup = "newcomer" },
            "waitlisted" => new RegistrationWaitlisted { EventId = id, TenantId = tenant, OccurredAt = at, Version = 2, NetworkEventId = eventId, RegistrationId = registration, ParticipantGroup = "newcomer", Position = 1 },
            "promoted" => new RegistrationPromoted { EventId = id, TenantId = tenant, OccurredAt = at, Version = 3, NetworkEventId = eventId, RegistrationId = registration, ParticipantGroup = "newcomer" },
            "cancelled" => new RegistrationCancelled { EventId = id, TenantId = tenant, OccurredAt = at, Version = 3, NetworkEventId = eventId, RegistrationId = registration, ParticipantGroup = "newcomer", PreviousStatus = "confirmed" },
            _ => new AttendanceRecorded { EventId = id, TenantId = tenant, OccurredAt = at, Version = 4, NetworkEventId = eventId, RegistrationId = registration, ParticipantGroup = "volunteer" },
        };
    }

    private static FeedbackGiven Rating(string tenant, Guid eventId, int rating) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = CaseEvents.On(2026, 3, 13), Version = 5, NetworkEventId = eventId, Rating = rating,
    };

    private static StructuralFindingReported Finding(string tenant, string municipality, string lifeArea, string theme, DateTimeOffset at) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = at, FindingId = Guid.CreateVersion7(), OrganisationId = "caritas",
        Municipality = municipality, LifeArea = lifeArea, Theme = theme, Description = "Sechs Monate Wartezeit",
    };
}
