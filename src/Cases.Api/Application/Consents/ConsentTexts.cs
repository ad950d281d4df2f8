using System.Globalization;
using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Domain.Consents;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Security.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>
/// Finds the consent text to show: the tenant's newest version of the template in the language, or else the
/// built-in version 1; and fills in what the person agrees to, in that language.
/// </summary>
public sealed class ConsentTexts(CasesDbContext db)
{
    public async Task<ConsentTemplateText?> CurrentAsync(string key, string language, CancellationToken cancellationToken)
    {
        // Row-level security keeps this to the caller's tenant; the tenant is set per transaction.
        await using var transaction = await db.Database.JoinOrBeginTransactionAsync(cancellationToken);
        var own = await db.ConsentTemplates.AsNoTracking()
            .Where(template => template.Key == key && template.Language == language)
            .OrderByDescending(template => template.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            return new ConsentTemplateText(own.Language, own.Title, own.Body, own.RightToLeft, own.UntilWithdrawn, own.DataCategoryNames)
            {
                Key = own.Key,
                Version = own.Version,
            };
        }

        return key == DefaultConsentTemplates.Key ? DefaultConsentTemplates.Find(language) : null;
    }

    public async Task<int> NextVersionAsync(string key, string language, CancellationToken cancellationToken)
    {
        var newest = await db.ConsentTemplates
            .Where(template => template.Key == key && template.Language == language)
            .MaxAsync(template => (int?)template.Version, cancellationToken);
        var builtIn = key == DefaultConsentTemplates.Key && DefaultConsentTemplates.Find(language) is not null ? DefaultConsentTemplates.Version : 0;
        return Math.Max(newest ?? 0, builtIn) + 1;
    }

    public async Task<string> FillAsync(
        ConsentTemplateText template, string organisationId, string purpose, IReadOnlyList<ConsentRecipientPart> recipients,
        IReadOnlyList<DataCategory> categories, DateOnly? validUntil, CancellationToken cancellationToken)
    {
        var ids = recipients.Select(r => r.OrganisationId).Append(organisationId).OfType<string>().ToArray();
        await using var transaction = await db.Database.JoinOrBeginTransactionAsync(cancellationToken);
        var names = await db.KnownOrganisations.AsNoTracking()
            .Where(organisation => ids.Contains(organisation.OrganisationId))
            .ToDictionaryAsync(organisation => organisation.OrganisationId, organisation => organisation.Name, cancellationToken);
        string NameOf(string id) => names.TryGetValue(id, out var name) ? name : id;
        var separator = template.RightToLeft ? "، " : ", "; // Arabic and Persian write their own comma

        return template.Body
            .Replace("{organisation}", NameOf(organisationId), StringComparison.Ordinal)
            .Replace("{purpose}", purpose, StringComparison.Ordinal)
            .Replace("{recipients}", string.Join(separator, recipients.Select(r =>
                r.OrganisationId is { } id ? NameOf(id) : ContractValue.Of(r.OrganisationKind!.Value))), StringComparison.Ordinal)
            .Replace("{dataCategories}", string.Join(separator, categories.Select(category =>
                template.DataCategoryNames.TryGetValue(ContractValue.Of(category), out var name) ? name : ContractValue.Of(category))), StringComparison.Ordinal)
            .Replace("{validUntil}", validUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? template.UntilWithdrawn, StringComparison.Ordinal);
    }
}
