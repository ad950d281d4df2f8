using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>What a participant needs to take part, so interpreters, access and childcare can be planned.</summary>
public sealed record Needs(
    [property: PersonalData(PersonalDataCategory.ParticipationNeeds, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob)] string? InterpreterLanguage,
    [property: PersonalData(PersonalDataCategory.ParticipationNeeds, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A | LegalBases.GdprArt9Para2A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob, Special = true)] string? Accessibility,
    [property: PersonalData(PersonalDataCategory.ParticipationNeeds, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob)] bool Childcare)
{
    public static readonly Needs None = new(null, null, false);
}
