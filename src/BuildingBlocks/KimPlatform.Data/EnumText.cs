using KimPlatform.Contracts;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KimPlatform.Data;

/// <summary>Enums are stored as their contract spelling (<c>asylum-seeker</c>), so SQL reads like the API.</summary>
public static class EnumText
{
    public static ValueConverter<TEnum, string> Of<TEnum>() where TEnum : struct, Enum =>
        new(value => ContractValue.Of(value), text => ContractValue.Parse<TEnum>(text));

    public static ValueConverter<IReadOnlyList<TEnum>, string[]> ListOf<TEnum>() where TEnum : struct, Enum =>
        new(values => values.Select(ContractValue.Of).ToArray(), texts => texts.Select(ContractValue.Parse<TEnum>).ToArray());

    public static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (left, right) => left!.SequenceEqual(right!),
        values => values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value)),
        values => values.ToArray());
}
