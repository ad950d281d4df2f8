using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Data;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>Writes one note per applied CaseOpened, so a test can count how often an event took effect.</summary>
public sealed class NoteFromCaseOpenedConsumer(NotesDbContext db, CurrentTenant tenant)
    : InboxConsumer<CaseOpened, NotesDbContext>(db, tenant)
{
    /// <summary>A municipality whose events this consumer can never apply, to exercise retries and the error queue.</summary>
    public const string PoisonMunicipality = "Poison";

    protected override Task ApplyAsync(CaseOpened message, CancellationToken cancellationToken)
    {
        if (message.Municipality == PoisonMunicipality)
        {
            throw new InvalidOperationException("This event cannot be applied.");
        }

        Db.Notes.Add(new Note { TenantId = message.TenantId, CaseId = message.CaseId, Source = "consumer" });
        return Task.CompletedTask;
    }
}
