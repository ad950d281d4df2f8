using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Security.Data;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>Writes one note per applied CaseOpened, so a test can count how often an event took effect.</summary>
public sealed class NoteFromCaseOpenedConsumer(NotesDbContext db, CurrentTenant tenant)
    : InboxConsumer<CaseOpened, NotesDbContext>(db, tenant)
{
    protected override Task ApplyAsync(CaseOpened message, CancellationToken cancellationToken)
    {
        Db.Notes.Add(new Note { TenantId = message.TenantId, CaseId = message.CaseId, Source = "consumer" });
        return Task.CompletedTask;
    }
}
