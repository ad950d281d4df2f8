using KimPlatform.Cases.Api.Domain;
using static KimPlatform.Cases.Api.Tests.Domain.CaseBuilder;

namespace KimPlatform.Cases.Api.Tests.Domain;

public sealed class CaseReferralAnswerTests
{
    private const string Partner = "jobcenter-guetersloh";
    private static readonly DateTimeOffset AcceptedAt = Now.AddDays(1);
    private static readonly DateTimeOffset CompletedAt = Now.AddDays(30);

    // The partner's versions of one referral: accepted at version 2, completed at version 3.
    private static readonly IReadOnlyDictionary<string, (ReferralStatus Status, string? Detail, DateTimeOffset At, long Version)> Answers =
        new Dictionary<string, (ReferralStatus, string?, DateTimeOffset, long)>
        {
            ["accepted"] = (ReferralStatus.Accepted, null, AcceptedAt, 2),
            ["completed"] = (ReferralStatus.Completed, "Took up a job", CompletedAt, 3),
        };

    private static (Case Case, Referral Referral) Referred()
    {
        var c = InPhase(CasePhase.Assessment);
        c.GiveConsent(AConsent(Partner), Now);
        return (c, c.RequestReferral(Guid.CreateVersion7(), Partner, null, null, null, Now));
    }

    private static bool Apply(Case c, Referral referral, string answer)
    {
        var (status, detail, at, version) = Answers[answer];
        return c.ApplyReferralAnswer(referral.Id, status, detail, at, version);
    }

    [Theory]
    [InlineData("accepted", "completed")]
    [InlineData("completed", "accepted")]
    [InlineData("accepted", "accepted", "completed")]
    [InlineData("completed", "completed", "accepted")]
    [InlineData("accepted", "completed", "accepted", "completed")]
    public void ApplyReferralAnswer_InAnyOrder_EndsCompletedAtTheNewestPartnerVersion(params string[] order)
    {
        var (c, referral) = Referred();

        foreach (var answer in order)
        {
            Apply(c, referral, answer);
        }

        Assert.Equal((ReferralStatus.Completed, CompletedAt, "Took up a job", 3L),
            (referral.Status, referral.CompletedAt, referral.Outcome, referral.PartnerVersion));
        Assert.NotNull(referral.AnsweredAt);
    }

    [Fact]
    public void ApplyReferralAnswer_Accepted_SetsStatusAnswerTimeAndRaisesVersion()
    {
        var (c, referral) = Referred();
        var version = c.Version;

        Assert.True(Apply(c, referral, "accepted"));

        Assert.Equal((ReferralStatus.Accepted, AcceptedAt, null, 2L), (referral.Status, referral.AnsweredAt, referral.CompletedAt, referral.PartnerVersion));
        Assert.Equal(version + 1, c.Version);
    }

    [Fact]
    public void ApplyReferralAnswer_AcceptedThenCompleted_KeepsTheFirstAnswerTime()
    {
        var (c, referral) = Referred();

        Apply(c, referral, "accepted");
        Apply(c, referral, "completed");

        Assert.Equal((AcceptedAt, CompletedAt), (referral.AnsweredAt, referral.CompletedAt));
    }

    [Fact]
    public void ApplyReferralAnswer_Declined_RecordsTheReason()
    {
        var (c, referral) = Referred();

        Assert.True(c.ApplyReferralAnswer(referral.Id, ReferralStatus.Declined, "Course is full", AcceptedAt, 2));

        Assert.Equal((ReferralStatus.Declined, "Course is full", AcceptedAt), (referral.Status, referral.DeclineReason, referral.AnsweredAt));
    }

    [Fact]
    public void ApplyReferralAnswer_StaleOrRepeated_ReturnsFalseAndChangesNothing()
    {
        var (c, referral) = Referred();
        Apply(c, referral, "completed");
        var version = c.Version;

        Assert.False(Apply(c, referral, "accepted"));
        Assert.False(Apply(c, referral, "completed"));

        Assert.Equal((ReferralStatus.Completed, version), (referral.Status, c.Version));
    }

    [Fact]
    public void ApplyReferralAnswer_UnknownReferral_ThrowsPartNotFound()
    {
        var (c, _) = Referred();

        Assert.Throws<CasePartNotFoundException>(() => c.ApplyReferralAnswer(Guid.NewGuid(), ReferralStatus.Accepted, null, AcceptedAt, 2));
    }

    [Fact]
    public void ApplyReferralAnswer_ErasedCase_StillFollowsThePartner()
    {
        var (c, referral) = Referred();
        c.Erase("request", Now);

        Assert.True(Apply(c, referral, "accepted"));
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }
}
