namespace KimPlatform.Contracts.Privacy;

/// <summary>
/// Declares that a property holds personal data, and answers a data-protection officer's questions about it: what it
/// is, for which purposes and on which legal basis, who receives it, how long it is kept and how it is deleted. The
/// record of processing activities (Art. 30 GDPR, <c>./kim privacy-record</c>) is generated from these declarations;
/// a test in every service fails when a property that could hold personal data carries neither this nor
/// <see cref="NotPersonalDataAttribute"/>.
/// </summary>
/// <param name="category">What kind of personal data it is.</param>
/// <param name="purposes">The processing activities it serves.</param>
/// <param name="legalBases">The legal bases the processing rests on.</param>
/// <param name="recipients">Who receives or can read it.</param>
/// <param name="retention">How long it is kept.</param>
/// <param name="deletion">How it is deleted or redacted.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class PersonalDataAttribute(
    PersonalDataCategory category, ProcessingPurposes purposes, LegalBases legalBases, DataRecipients recipients,
    RetentionRule retention, DeletionPaths deletion) : Attribute
{
    public PersonalDataCategory Category { get; } = category;
    public ProcessingPurposes Purposes { get; } = purposes;
    public LegalBases LegalBases { get; } = legalBases;
    public DataRecipients Recipients { get; } = recipients;
    public RetentionRule Retention { get; } = retention;
    public DeletionPaths Deletion { get; } = deletion;

    /// <summary>A special category of personal data under Art. 9 GDPR (e.g. health, religion, ethnic origin).</summary>
    public bool Special { get; init; }
}

/// <summary>Declares that a property that looks as if it could hold personal data does not, and says why.</summary>
/// <param name="why">The reason, for the reviewer.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class NotPersonalDataAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
