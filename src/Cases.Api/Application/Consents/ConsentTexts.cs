using KimPlatform.Contracts;
using System.Globalization;
using KimPlatform.Cases.Api.Apis;
using KimPlatform.Cases.Api.Application.Validation;
using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Domain.Consents;
using KimPlatform.Cases.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Application.Consents;

/// <summary>
/// Finds the consent text to show: the tenant's newest version of the template in the language, or else the
/// built-in version 1; fills in what the person agrees to, in that language; and publishes the tenant's versions.
/// </summary>
public sealed class ConsentTexts(TenantUnitOfWork work, CaseAccess access)
{
    public Task<ConsentTemplateText?> CurrentAsync(string key, string language, CancellationToken cancellationToken) =>
        work.RunAsync(async db =>
        {
            // Row-level security keeps this to the caller's tenant.
            var own = await db.ConsentTemplates.AsNoTracking()
                .Where(template => template.Key == key && template.Language == language)
                .OrderByDescending(template => template.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (own is not null)
            {
                return TextOf(own);
            }

            return key == DefaultConsentTemplates.Key ? DefaultConsentTemplates.Find(language) : null;
        }, cancellationToken);

    /// <summary>
    /// The consent as the person is shown it now, with the text filled in and frozen; null, with the error in
    /// <paramref name="errors"/>, when there is no such text in the language.
    /// </summary>
    public async Task<Consent?> FreezeAsync(ConsentRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var key = request.TemplateKey?.Trim() ?? DefaultConsentTemplates.Key;
        var language = request.Language!.Trim();
        if (await CurrentAsync(key, language, cancellationToken) is not { } template)
        {
            errors.Add("language", $"There is no consent text '{key}' in '{language}'. Built-in languages: "
                + string.Join(", ", DefaultConsentTemplates.All.Select(text => text.Language)) + ".");
            return null;
        }

        var recipients = request.Recipients!
            .Select(r => new ConsentRecipientPart { OrganisationId = r.OrganisationId?.Trim(), OrganisationKind = r.OrganisationKind })
            .ToList();
        var purpose = request.Purpose!.Trim();
        var text = await FillAsync(template, access.Caller.RequiredOrganisationId, purpose, recipients, request.DataCategories!,
            request.ValidUntil, cancellationToken);
        return new Consent
        {
            Purpose = purpose, Recipients = recipients, DataCategories = request.DataCategories!, Form = request.Form!.Value,
            ValidUntil = request.ValidUntil, GivenAt = access.Now, TemplateKey = key, TemplateVersion = template.Version,
            Language = template.Language, RightToLeft = template.RightToLeft, Title = template.Title, Text = text,
        };
    }

    /// <summary>Publishes the tenant's next version of a text; versions never change once published.</summary>
    public Task<ConsentTemplateText> PublishAsync(ConsentTemplateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Key!.Trim();
        var language = request.Language!.Trim();
        return work.RunAsync(async db =>
        {
            var template = new ConsentTemplate
            {
                TenantId = access.Caller.RequiredTenantId, Key = key, Language = language,
                Version = await NextVersionAsync(db, key, language, cancellationToken),
                Title = request.Title!.Trim(), Body = request.Body!, RightToLeft = request.RightToLeft, UntilWithdrawn = request.UntilWithdrawn!.Trim(),
                DataCategoryNames = request.DataCategoryNames?.ToDictionary() ?? [], PublishedAt = access.Now, PublishedBy = access.UserId,
            };
            db.ConsentTemplates.Add(template);
            await db.SaveChangesAsync(cancellationToken);
            return TextOf(template);
        }, cancellationToken);
    }

    private static async Task<int> NextVersionAsync(CasesDbContext db, string key, string language, CancellationToken cancellationToken)
    {
        var newest = await db.ConsentTemplates
            .Where(template => template.Key == key && template.Language == language)
            .MaxAsync(template => (int?)template.Version, cancellationToken);
        var builtIn = key == DefaultConsentTemplates.Key && DefaultConsentTemplates.Find(language) is not null ? DefaultConsentTemplates.Version : 0;
        return Math.Max(newest ?? 0, builtIn) + 1;
    }

    private Task<string> FillAsync(
        ConsentTemplateText template, string organisationId, string purpose, IReadOnlyList<ConsentRecipientPart> recipients,
        IReadOnlyList<DataCategory> categories, DateOnly? validUntil, CancellationToken cancellationToken)
    {
        var ids = recipients.Select(r => r.OrganisationId).Append(organisationId).OfType<string>().ToArray();
        return work.RunAsync(async db =>
        {
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
        }, cancellationToken);
    }

    private static ConsentTemplateText TextOf(ConsentTemplate template) =>
        new(template.Language, template.Title, template.Body, template.RightToLeft, template.UntilWithdrawn, template.DataCategoryNames)
        {
            Key = template.Key,
            Version = template.Version,
        };
}
