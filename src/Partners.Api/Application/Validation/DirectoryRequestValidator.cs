using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Application.Queries;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Security.Authentication;

namespace KimPlatform.Partners.Api.Application.Validation;

internal static class DirectoryRequestValidator
{
    /// <summary>
    /// Anonymous callers name the tenant whose directory they read; authenticated callers read their own tenant's
    /// (a <c>tenant</c> parameter cannot widen that).
    /// </summary>
    public static DirectoryFilter? Validate(
        CallerContext caller, string? tenant, string? q, string? topic, string? language, string? municipality, string? targetGroup,
        string? lang, int page, int pageSize, FieldErrors errors)
    {
        var directory = caller.TenantId ?? tenant;
        errors.Key(directory, "tenant");
        errors.Text(q, "q", required: false);
        errors.Key(topic, "topic", required: false);
        if (language is not null)
        {
            errors.Language(language, "language");
        }

        errors.Text(municipality, "municipality", 100, required: false);
        TargetGroup? group = null;
        if (targetGroup is not null)
        {
            if (ContractValue.TryParse<TargetGroup>(targetGroup, out var parsed))
            {
                group = parsed;
            }
            else
            {
                errors.Add("targetGroup", $"'{targetGroup}' is not a target group.");
            }
        }

        if (lang is not null)
        {
            errors.Language(lang, "lang");
        }

        if (page < 1)
        {
            errors.Add("page", "At least 1.");
        }

        if (pageSize is < 1 or > 200)
        {
            errors.Add("pageSize", "Between 1 and 200.");
        }

        return errors.Any
            ? null
            : new DirectoryFilter(directory!, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), topic, language,
                string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim(), group, lang ?? Offer.DefaultLanguage, page, pageSize);
    }
}
