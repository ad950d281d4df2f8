using System.Reflection;
using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Privacy;

/// <summary>Describes a held record for the Art. 15 data map from the declaration of the field that holds its personal data.</summary>
public static class HeldDataItems
{
    /// <summary>An item whose purposes, recipients, retention and deletion come from <typeparamref name="TEntity"/>'s <paramref name="property"/> declaration.</summary>
    public static HeldDataItem From<TEntity>(
        string property, string kind, Guid id, string holder, string status, IReadOnlyList<string> fields, DateOnly? deletedBy)
    {
        var declaration = typeof(TEntity).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<PersonalDataAttribute>()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} has no [PersonalData] declaration.");
        return new HeldDataItem(
            kind, id, holder, status, fields, [PrivacyLabels.Of(declaration.Category)], PrivacyLabels.Of(declaration.Purposes),
            PrivacyLabels.Of(declaration.Recipients), PrivacyLabels.Of(declaration.Retention), deletedBy, PrivacyLabels.Of(declaration.Deletion));
    }
}
