namespace KimPlatform.Events.Api.Retention;

/// <summary>How long registrations keep their personal data (section <c>Events:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Events:Retention";

    /// <summary>Days after the end of an event until names, e-mail addresses, organisations and needs are removed.</summary>
    public int DaysAfterEvent { get; set; } = 90;

    /// <summary>How often the job looks for expired registrations.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
