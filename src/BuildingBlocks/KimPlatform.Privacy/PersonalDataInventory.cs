using System.Reflection;
using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KimPlatform.Privacy;

/// <summary>One property of a stored entity or a message, with its declaration (or none).</summary>
/// <param name="Service">The service (or <c>contracts</c>) it belongs to.</param>
/// <param name="Owner">Where it lives: entity path such as <c>Case.Person</c>, or the message type.</param>
/// <param name="Storage">Table and JSON column, or <c>message</c>.</param>
/// <param name="Property">The property's name.</param>
/// <param name="Personal">Its personal-data declaration, if any.</param>
/// <param name="NotPersonal">Its declaration as non-personal, if any.</param>
public sealed record FieldDeclaration(
    string Service, string Owner, string Storage, string Property, PersonalDataAttribute? Personal, NotPersonalDataAttribute? NotPersonal)
{
    /// <summary>Neither declared personal nor non-personal.</summary>
    public bool IsUndeclared => Personal is null && NotPersonal is null;

    public override string ToString() => $"{Service}: {Owner}.{Property} ({Storage})";
}

/// <summary>
/// Finds every property that could hold personal data (text, dates, ids, enums and collections of them) in an EF Core
/// model (owned and JSON-mapped types included) or among contract types, with its declaration.
/// </summary>
public static class PersonalDataInventory
{
    /// <summary>The properties of every entity type of <paramref name="model"/>: candidates and whatever is declared.</summary>
    public static IReadOnlyList<FieldDeclaration> Of(IModel model, string service)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fields = new List<FieldDeclaration>();
        foreach (var entityType in model.GetEntityTypes().OrderBy(Path, StringComparer.Ordinal))
        {
            var storage = entityType.GetContainerColumnName() is { } column
                ? $"{RootOf(entityType).GetTableName()}.{column}"
                : entityType.GetTableName() ?? entityType.ClrType.Name;
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (((MemberInfo?)property.PropertyInfo ?? property.FieldInfo) is not { } member)
                {
                    continue; // shadow properties (keys of JSON collections) hold nothing a person entered
                }

                // A value stored through a converter (a record as one jsonb document) could hold anything: the
                // property itself and the properties of its type need a declaration.
                var converted = property.GetValueConverter() is not null && !CouldHoldPersonalData(property.ClrType)
                    && property.ClrType.IsClass;
                if (Describe(service, Path(entityType), storage, member, converted ? typeof(string) : property.ClrType) is { } field)
                {
                    fields.Add(field);
                }

                if (converted)
                {
                    fields.AddRange(property.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(inner => inner.Name != "EqualityContract")
                        .Select(inner => Describe(service, $"{Path(entityType)}.{member.Name}", storage, inner, inner.PropertyType))
                        .OfType<FieldDeclaration>());
                }
            }
        }

        return fields;
    }

    /// <summary>The properties of every integration event and request in <paramref name="contracts"/>, and of the records they carry.</summary>
    public static IReadOnlyList<FieldDeclaration> OfContracts(Assembly contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var roots = contracts.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.Namespace == typeof(IntegrationEvent).Namespace
                && type.GetMethod("<Clone>$") is not null); // records: the events, requests and what they carry
        var fields = new List<FieldDeclaration>();
        foreach (var type in roots.OrderBy(type => type.Name, StringComparer.Ordinal))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                if (Describe("contracts", type.Name, "message", property, property.PropertyType) is { } field)
                {
                    fields.Add(field);
                }
            }
        }

        return fields;
    }

    /// <summary>Whether a value of <paramref name="type"/> could hold personal data: text, dates, ids, enums, and collections of them.</summary>
    public static bool CouldHoldPersonalData(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset)
            || type == typeof(TimeOnly) || type == typeof(Guid) || type.IsEnum)
        {
            return true;
        }

        return type.IsArray ? CouldHoldPersonalData(type.GetElementType()!)
            : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
                && type.GetGenericArguments().Any(CouldHoldPersonalData);
    }

    private static FieldDeclaration? Describe(string service, string owner, string storage, MemberInfo member, Type type)
    {
        var personal = member.GetCustomAttribute<PersonalDataAttribute>(inherit: true);
        var notPersonal = member.GetCustomAttribute<NotPersonalDataAttribute>(inherit: true);
        return personal is null && notPersonal is null && !CouldHoldPersonalData(type)
            ? null
            : new FieldDeclaration(service, owner, storage, member.Name, personal, notPersonal);
    }

    private static string Path(IReadOnlyEntityType entityType) =>
        entityType.FindOwnership() is { } ownership
            ? $"{Path(ownership.PrincipalEntityType)}.{ownership.PrincipalToDependent?.Name ?? entityType.ClrType.Name}"
            : entityType.ClrType.Name;

    private static IReadOnlyEntityType RootOf(IReadOnlyEntityType entityType) =>
        entityType.FindOwnership() is { } ownership ? RootOf(ownership.PrincipalEntityType) : entityType;
}
