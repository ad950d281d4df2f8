using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.IntegrationEvents;

/// <summary>Keeps the organisations' names and kinds, so a consent can name "every Jobcenter" and receipts show names.</summary>
public sealed class OrganisationRegisteredConsumer(CasesDbContext db, CurrentTenant tenant)
    : InboxConsumer<OrganisationRegistered, CasesDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(OrganisationRegistered message, CancellationToken cancellationToken)
    {
        var kind = ContractValue.TryParse<OrganisationKind>(message.Kind, out var known) ? known : OrganisationKind.Other;
        var existing = await Db.KnownOrganisations.FirstOrDefaultAsync(
            organisation => organisation.OrganisationId == message.OrganisationId, cancellationToken);
        if (existing is null)
        {
            Db.KnownOrganisations.Add(new KnownOrganisation
            {
                TenantId = message.TenantId, OrganisationId = message.OrganisationId, Name = message.Name, Kind = kind,
            });
        }
        else
        {
            existing.Name = message.Name;
            existing.Kind = kind;
        }
    }
}
