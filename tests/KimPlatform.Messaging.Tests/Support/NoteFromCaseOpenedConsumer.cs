using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Data;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>Writes one note per applied CaseOpened, so a test can count how often an event took effect.</summary>
public sealed class NoteFromCaseOpenedConsumer(NotesDbContext db, CurrentTenant tenant, DeliveryLog log)
    : InboxConsumer<CaseOpened, NotesDbContext>(db, tenant)
{
    /// <summary>A municipality whose events this consumer can never apply, to exercise retries and the error queue.</summary>
    public const string PoisonMunicipality = "Poison";

    /// <summary>A municipality this consumer refuses until the test marks the case fixed (<see cref="DeliveryLog.MarkFixed"/>).</summary>
    public const string BrokenUntilFixedMunicipality = "BrokenUntilFixed";

    /// <summary>
    /// An organisation id <c>note-for:&lt;tenant&gt;</c> makes the consumer write its note for that tenant instead of
    /// the event's, as a consumer with a tenant bug would.
    /// </summary>
    public const string NoteForTenantPrefix = "note-for:";

    protected override Task ApplyAsync(CaseOpened message, CancellationToken cancellationToken)
    {
        log.RecordAttempt(message.CaseId);
        if (message.Municipality == PoisonMunicipality
            || (message.Municipality == BrokenUntilFixedMunicipality && !log.IsFixed(message.CaseId)))
        {
            throw new InvalidOperationException("This event cannot be applied.");
        }

        var noteTenant = message.OrganisationId.StartsWith(NoteForTenantPrefix, StringComparison.Ordinal)
            ? message.OrganisationId[NoteForTenantPrefix.Length..]
            : message.TenantId;
        Db.Notes.Add(new Note { TenantId = noteTenant, CaseId = message.CaseId, Source = "consumer" });
        return Task.CompletedTask;
    }
}
