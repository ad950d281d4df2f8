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
        var member = typeof(TEntity).GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
        var declaration = member?.GetCustomAttribute<PersonalDataAttribute>()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} has no [PersonalData] declaration.");
        return new HeldDataItem(
            kind, id, holder, status, fields, CategoriesOf(member!.PropertyType, declaration), PrivacyLabels.Of(declaration.Purposes),
            PrivacyLabels.Of(declaration.Recipients), PrivacyLabels.Of(declaration.Retention), deletedBy, PrivacyLabels.Of(declaration.Deletion));
    }

    // A document whose parts are declared one by one (the data shared with a referral) holds the parts' categories.
    private static List<string> CategoriesOf(Type type, PersonalDataAttribute declaration)
    {
        var parts = (Nullable.GetUnderlyingType(type) ?? type).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(part => part.GetCustomAttribute<PersonalDataAttribute>())
            .OfType<PersonalDataAttribute>()
            .Select(part => PrivacyLabels.Of(part.Category))
            .Distinct()
            .ToList();
        return parts.Count > 0 ? parts : [PrivacyLabels.Of(declaration.Category)];
    }
}
