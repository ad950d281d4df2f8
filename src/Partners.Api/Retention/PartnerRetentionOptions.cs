namespace KimPlatform.Partners.Api.Retention;

/// <summary>How long the partner service keeps personal data it no longer needs (section <c>PartnerRetention</c>).</summary>
public sealed class PartnerRetentionOptions
{
    public const string SectionName = "PartnerRetention";

    /// <summary>Months after a referral was completed or declined until its personal data is removed.</summary>
    public int ReferralMonths { get; set; } = 6;

    /// <summary>Days after which a working-group sign-up that was not accepted is deleted.</summary>
    public int SignupDays { get; set; } = 90;

    /// <summary>How often the job runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
